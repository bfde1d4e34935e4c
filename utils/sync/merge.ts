// The sync merge rules, as a pure state-based CRDT: each device keeps, per item, a small state of
// registers with clocks; merging two states is a join (commutative, associative, idempotent), so two
// devices that have seen the same changes, in any order and in any grouping, hold the same state and
// therefore show the same library. No I/O, no Dexie, no browser API: tests/unit/sync/merge.test.ts
// checks the properties on random histories.
//
// The rules are the library import's (utils/db/backup.ts `merge`), adapted to changes that travel
// separately and to deletes:
//  - newer text wins (the text register: metadata + body, clocked by the save);
//  - tags united: each tag is its own register, so tags added on two devices are both kept, and a
//    tag removed on one device stays removed (a plain union could never remove one);
//  - furthest reading progress (max), within the article's current life (a delete resets it);
//  - read, favourite and archived by latest change;
//  - saved date: the earliest save of the current life;
//  - a delete is a tombstone clock: the article is alive while its latest save is newer than its latest
//    delete, so a re-save after a delete brings it back, and a tag or flag change does not.
// Fields this module does not know (a later version's article fields) are generic registers: latest
// change wins, so a newer Lisible's data survives a round trip through an older one.

/**
 * A hybrid logical clock, as a string that sorts in time order (see hlc.ts): '' is "never", '0' is
 * "before sync existed" (values a library had when sync was first turned on), anything else is a real
 * change, unique per device because it ends with the device id.
 */
export type Clock = string;
/** A last-writer-wins register: the clock of its latest change and the value then. */
export type Reg<T> = [Clock, T];

export const NEVER: Clock = '';
export const PRESYNC: Clock = '0';

/** An image of an article as the server holds it: its URL in the HTML and the opaque file name. */
export interface ImageRef {
  url: string;
  /** File name on the server (keyed hash of the bytes: reveals nothing, deduplicates). */
  n: string;
  /** MIME type. */
  t: string;
  /** Size in bytes. */
  s: number;
}

/** The text of an article: every extracted field, the body, `updatedAt`. Opaque to the merge. */
export type TextValue = Record<string, unknown>;

export interface ArticleState {
  /** Article identity: its canonical key (utils/db/articles.ts articleKey). */
  k: string;
  /** Latest delete. */
  del?: Clock;
  /** Latest save (the text register's clock). */
  text?: Clock;
  /** The text itself: present in states read from the server, absent in local states (the library holds it). */
  tv?: TextValue;
  /** The images stored with the text. */
  img?: Reg<ImageRef[]>;
  read?: Reg<0 | 1>;
  fav?: Reg<0 | 1>;
  arch?: Reg<0 | 1>;
  /** [life, value]: life is the latest delete the writer knew of (a new life starts from 0). */
  prog?: [Clock, number];
  /** [life, epoch ms]: earliest save of that life. */
  sv?: [Clock, number];
  tags?: Record<string, Reg<0 | 1>>;
  /** Article fields this version does not know, latest change wins. */
  x?: Record<string, Reg<unknown>>;
}

/** A row of a synced key/value table (preferences; later: site rules, highlights…). */
export interface RecordState {
  k: string;
  del?: Clock;
  v?: Reg<unknown>;
}

const max = (a: Clock | undefined, b: Clock | undefined): Clock | undefined =>
  a === undefined ? b : b === undefined ? a : a >= b ? a : b;

/** JSON with sorted keys: the same value always gives the same string (tie-breaks must not depend on key order). */
export function canon(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
    .join(',')}}`;
}

/** Later clock wins; equal clocks (only the '0' of pre-sync values can tie) → the larger value. */
export function joinReg<T>(a: Reg<T> | undefined, b: Reg<T> | undefined): Reg<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a[0] !== b[0]) return a[0] > b[0] ? a : b;
  return canon(a[1]) >= canon(b[1]) ? a : b;
}

function joinMap<T>(
  a: Record<string, Reg<T>> | undefined,
  b: Record<string, Reg<T>> | undefined,
): Record<string, Reg<T>> | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: Record<string, Reg<T>> = { ...a };
  for (const [k, r] of Object.entries(b)) out[k] = joinReg(out[k], r)!;
  return out;
}

/** [life, value]: the later life wins; within a life, `pick` (max for progress, min for the saved date). */
export function joinLife(
  a: [Clock, number] | undefined,
  b: [Clock, number] | undefined,
  pick: (x: number, y: number) => number,
): [Clock, number] | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a[0] !== b[0]) return a[0] > b[0] ? a : b;
  const v = pick(a[1], b[1]);
  return v === a[1] ? a : b;
}

/** The join of two states of the same article. */
export function joinArticle(a: ArticleState | undefined, b: ArticleState): ArticleState;
export function joinArticle(a: ArticleState, b: ArticleState | undefined): ArticleState;
export function joinArticle(a: ArticleState | undefined, b: ArticleState | undefined): ArticleState {
  if (!a) return b!;
  if (!b) return a;
  const out: ArticleState = { k: a.k };
  const set = <K extends keyof ArticleState>(key: K, v: ArticleState[K] | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  set('del', max(a.del, b.del));
  // The text travels with its clock: the winner's value (absent when the winner is the local state).
  if (a.text !== undefined || b.text !== undefined) {
    const aWins =
      b.text === undefined ||
      (a.text !== undefined &&
        (a.text > b.text || (a.text === b.text && (a.tv !== undefined || b.tv === undefined))));
    const w = aWins ? a : b;
    set('text', w.text);
    set('tv', w.tv);
  }
  set('img', joinReg(a.img, b.img));
  set('read', joinReg(a.read, b.read));
  set('fav', joinReg(a.fav, b.fav));
  set('arch', joinReg(a.arch, b.arch));
  set('prog', joinLife(a.prog, b.prog, Math.max));
  set('sv', joinLife(a.sv, b.sv, Math.min));
  set('tags', joinMap(a.tags, b.tags));
  set('x', joinMap(a.x, b.x));
  return out;
}

export function joinRecord(a: RecordState | undefined, b: RecordState | undefined): RecordState {
  if (!a) return b!;
  if (!b) return a;
  const out: RecordState = { k: a.k };
  const del = max(a.del, b.del);
  if (del !== undefined) out.del = del;
  const v = joinReg(a.v, b.v);
  if (v) out.v = v;
  return out;
}

/** What the library shows for an article state: null when it is deleted (or not saved yet). */
export interface ArticleView {
  text: Clock;
  tv?: TextValue;
  tags: string[];
  read: 0 | 1;
  favourite: 0 | 1;
  archived: 0 | 1;
  progress: number;
  savedAt?: number;
  images?: Reg<ImageRef[]>;
  x: Record<string, unknown>;
}

export function isAlive(s: ArticleState | undefined): boolean {
  return !!s && s.text !== undefined && s.text > (s.del ?? NEVER);
}

/** The materialized article: registers older than the latest delete belong to a previous life. */
export function viewArticle(s: ArticleState | undefined): ArticleView | null {
  if (!s || !isAlive(s)) return null;
  const del = s.del ?? NEVER;
  const flag = (r: Reg<0 | 1> | undefined): 0 | 1 => (r && r[0] > del ? r[1] : 0);
  const view: ArticleView = {
    text: s.text!,
    tags: Object.entries(s.tags ?? {})
      .filter(([, r]) => r[0] > del && r[1] === 1)
      .map(([t]) => t)
      .sort(),
    read: flag(s.read),
    favourite: flag(s.fav),
    archived: flag(s.arch),
    progress: s.prog && s.prog[0] >= del ? s.prog[1] : 0,
    x: Object.fromEntries(
      Object.entries(s.x ?? {})
        .filter(([, r]) => r[0] > del)
        .map(([f, r]) => [f, r[1]]),
    ),
  };
  if (s.tv) view.tv = s.tv;
  if (s.sv && s.sv[0] >= del) view.savedAt = s.sv[1];
  if (s.img && s.img[0] > del) view.images = s.img;
  return view;
}

export function viewRecord(s: RecordState | undefined): unknown {
  if (!s?.v || s.v[0] <= (s.del ?? NEVER)) return undefined;
  return s.v[1];
}

/** The latest clock a state mentions: a device that reads it must tick past it (hlc.ts `observe`). */
export function latestClock(s: ArticleState | RecordState): Clock {
  let m: Clock = NEVER;
  const see = (c: Clock | undefined) => {
    if (c !== undefined && c > m) m = c;
  };
  see(s.del);
  if ('v' in s) see(s.v?.[0]);
  const a = s as ArticleState;
  see(a.text);
  for (const r of [a.img, a.read, a.fav, a.arch]) see(r?.[0]);
  see(a.prog?.[0]);
  see(a.sv?.[0]);
  for (const r of Object.values(a.tags ?? {})) see(r[0]);
  for (const r of Object.values(a.x ?? {})) see(r[0]);
  return m;
}

/** True when joining `incoming` into `local` changes nothing (the sync can skip the write). */
export function sameArticle(a: ArticleState, b: ArticleState): boolean {
  const strip = ({ tv: _tv, ...rest }: ArticleState) => rest;
  return canon(strip(a)) === canon(strip(b));
}
