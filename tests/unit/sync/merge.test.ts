// The merge rules (utils/sync/merge.ts): the import's rules case by case, then property-style on random
// histories of several devices (seeded PRNG): whatever order and grouping the changes arrive in, every
// replica ends with the same library.
import { describe, expect, it } from 'vitest';
import { formatClock, observe, tick, type ClockState } from '../../../utils/sync/hlc';
import {
  canon,
  joinArticle,
  joinLife,
  joinRecord,
  latestClock,
  viewArticle,
  viewRecord,
  type ArticleState,
  type RecordState,
} from '../../../utils/sync/merge';

/** mulberry32: a small seeded PRNG, so a failing history can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    shuffle: <T>(xs: T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

const c = (ms: number, dev = 'a') => formatClock(ms, 0, dev);

describe('the import rules, two devices', () => {
  it('newer text wins, whichever side it is on', () => {
    const a: ArticleState = { k: 'u', text: c(1, 'a'), tv: { title: 'old' } };
    const b: ArticleState = { k: 'u', text: c(2, 'b'), tv: { title: 'new' } };
    expect(viewArticle(joinArticle(a, b))!.tv).toEqual({ title: 'new' });
    expect(viewArticle(joinArticle(b, a))!.tv).toEqual({ title: 'new' });
  });
  it('tags added on both devices are united; a removal after an addition stays removed', () => {
    const base: ArticleState = { k: 'u', text: c(1), tv: {} };
    const a = { ...base, tags: { caen: [c(5, 'a'), 1] as [string, 1] } };
    const b = { ...base, tags: { mairie: [c(5, 'b'), 1] as [string, 1] } };
    expect(viewArticle(joinArticle(a, b))!.tags).toEqual(['caen', 'mairie']);
    const removed = { ...base, tags: { caen: [c(6, 'b'), 0] as [string, 0] } };
    expect(viewArticle(joinArticle(joinArticle(a, b), removed))!.tags).toEqual(['mairie']);
  });
  it('furthest reading progress, favourite and archive by latest change, earliest saved date', () => {
    const a: ArticleState = {
      k: 'u',
      text: c(1),
      tv: {},
      prog: ['', 0.8],
      fav: [c(9, 'a'), 0],
      sv: ['', 100],
    };
    const b: ArticleState = {
      k: 'u',
      text: c(1),
      tv: {},
      prog: ['', 0.3],
      fav: [c(7, 'b'), 1],
      arch: [c(8, 'b'), 1],
      sv: ['', 50],
    };
    const v = viewArticle(joinArticle(a, b))!;
    expect(v).toMatchObject({ progress: 0.8, favourite: 0, archived: 1, savedAt: 50 });
  });
  it('values a library had before sync (clock "0") unite like the import: set beats unset', () => {
    const a: ArticleState = { k: 'u', text: c(1), tv: {}, fav: ['0', 1], read: ['0', 1] };
    const b: ArticleState = { k: 'u', text: c(2), tv: {} };
    expect(viewArticle(joinArticle(b, a))).toMatchObject({ favourite: 1, read: 1 });
    // …and any real change after sync began wins over them.
    expect(viewArticle(joinArticle(a, { ...b, fav: [c(3, 'b'), 0] }))).toMatchObject({ favourite: 0 });
  });
  it('a delete hides the article and its registers; only a later save brings it back, fresh', () => {
    const a: ArticleState = {
      k: 'u',
      text: c(1),
      tv: { title: 't' },
      tags: { x: [c(2), 1] },
      prog: ['', 0.9],
      sv: ['', 1],
    };
    const del: ArticleState = { k: 'u', del: c(3, 'b') };
    expect(viewArticle(joinArticle(a, del))).toBeNull();
    // A tag change after the delete does not revive it.
    expect(viewArticle(joinArticle(joinArticle(a, del), { k: 'u', tags: { y: [c(4), 1] } }))).toBeNull();
    // A save after the delete does, without the old life's tags and progress.
    const resaved: ArticleState = { k: 'u', text: c(5, 'c'), tv: { title: 't2' }, sv: [c(3, 'b'), 5] };
    const v = viewArticle(joinArticle(joinArticle(a, del), resaved))!;
    expect(v).toMatchObject({ tv: { title: 't2' }, tags: [], progress: 0, savedAt: 5 });
  });
  it('records: latest change wins, a later delete removes, a later write restores', () => {
    const a: RecordState = { k: 'classifieds', v: [c(1), { categories: { emploi: 'show' } }] };
    const b: RecordState = { k: 'classifieds', v: [c(2, 'b'), { categories: { emploi: 'hide' } }] };
    expect(viewRecord(joinRecord(a, b))).toEqual({ categories: { emploi: 'hide' } });
    expect(viewRecord(joinRecord(joinRecord(a, b), { k: 'classifieds', del: c(3) }))).toBeUndefined();
  });
  it('clocks: a device that read a later clock ticks past it even with its own clock behind', () => {
    const slow: ClockState = { device: 'slow', ms: 0, n: 0 };
    observe(slow, formatClock(5000, 3, 'fast'));
    const t1 = tick(slow, 1000);
    expect(t1 > formatClock(5000, 3, 'fast')).toBe(true);
    expect(tick(slow, 1000) > t1).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Property: random histories on 3 devices.

type Op = 'save' | 'delete' | 'tag' | 'untag' | 'flag' | 'progress' | 'push' | 'pull';
const OPS: Op[] = [
  'save',
  'save',
  'delete',
  'tag',
  'tag',
  'untag',
  'flag',
  'progress',
  'push',
  'pull',
  'pull',
];
const KEYS = ['k1', 'k2', 'k3', 'k4'];
const TAGS = ['caen', 'mairie', 'sport'];

interface Device {
  clock: ClockState;
  states: Map<string, ArticleState>;
  /** Text values held locally (the library's rows), by key. */
  texts: Map<string, Record<string, unknown>>;
  dirty: Map<string, boolean>; // key → text dirty?
  pulled: number;
}

/** One random history; returns every state that was pushed (the server's log). */
function history(seed: number, steps: number) {
  const r = prng(seed);
  let now = 1000;
  const log: ArticleState[] = [];
  const devices: Device[] = ['a', 'b', 'c'].map((d) => ({
    clock: { device: d, ms: 0, n: 0 },
    states: new Map(),
    texts: new Map(),
    dirty: new Map(),
    pulled: 0,
  }));
  const edit = (d: Device, k: string, f: (s: ArticleState, at: string) => void, text = false) => {
    // Clocks drift: each device sees a wall clock up to 50 ms off.
    const at = tick(d.clock, now + r.int(100) - 50);
    const s: ArticleState = { ...(d.states.get(k) ?? { k }) };
    f(s, at);
    d.states.set(k, s);
    d.dirty.set(k, (d.dirty.get(k) ?? false) || text);
  };
  const pull = (d: Device, upto: number) => {
    for (const s of log.slice(d.pulled, upto)) {
      observe(d.clock, latestClock(s));
      const prev = d.states.get(s.k);
      const merged = joinArticle(prev, s);
      if (s.tv && merged.text === s.text) d.texts.set(s.k, s.tv);
      const { tv: _tv, ...local } = merged;
      d.states.set(s.k, local);
    }
    d.pulled = Math.max(d.pulled, upto);
  };
  for (let i = 0; i < steps; i++) {
    now += r.int(20);
    const d = r.pick(devices);
    const k = r.pick(KEYS);
    const op = r.pick(OPS);
    const alive = viewArticle(d.states.get(k)) !== null;
    if (op === 'save')
      edit(
        d,
        k,
        (s, at) => {
          const life = s.del ?? '';
          if (!alive) s.sv = joinLife(s.sv, [life, now], Math.min);
          s.text = at;
          d.texts.set(k, { title: `${k} by ${d.clock.device} at ${at}` });
        },
        true,
      );
    else if (op === 'delete' && alive) edit(d, k, (s, at) => void (s.del = at));
    else if ((op === 'tag' || op === 'untag') && alive)
      edit(d, k, (s, at) => void (s.tags = { ...s.tags, [r.pick(TAGS)]: [at, op === 'tag' ? 1 : 0] }));
    else if (op === 'flag' && alive)
      edit(d, k, (s, at) => {
        const f = r.pick(['read', 'fav', 'arch'] as const);
        s[f] = [at, r.int(2) as 0 | 1];
      });
    else if (op === 'progress' && alive)
      edit(
        d,
        k,
        (s) => void (s.prog = joinLife(s.prog, [s.del ?? '', Math.round(r.next() * 100) / 100], Math.max)),
      );
    else if (op === 'push') {
      for (const [key, textDirty] of d.dirty) {
        const s = d.states.get(key)!;
        // A push sends the small registers always, the text only when it changed here.
        const { text, tv: _tv, ...meta } = s;
        log.push(textDirty && text ? { ...meta, text, tv: d.texts.get(key)! } : meta);
      }
      d.dirty.clear();
    } else if (op === 'pull') pull(d, r.int(log.length + 1));
  }
  // Everyone pushes what is left, then everyone pulls everything.
  for (const d of devices) {
    for (const [key, textDirty] of d.dirty) {
      const { text, tv: _tv, ...meta } = d.states.get(key)!;
      log.push(textDirty && text ? { ...meta, text, tv: d.texts.get(key)! } : meta);
    }
    d.dirty.clear();
  }
  for (const d of devices) pull(d, log.length);
  return { log, devices, r };
}

/** The library a set of states shows. */
function library(states: Iterable<ArticleState>) {
  const byKey = new Map<string, ArticleState>();
  for (const s of states) byKey.set(s.k, joinArticle(byKey.get(s.k), s));
  return canon(
    Object.fromEntries(
      [...byKey.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, s]) => {
          const v = viewArticle(s);
          return [k, v && { ...v, text: undefined }];
        }),
    ),
  );
}

/** What a device's library shows: its states, with the text values it holds. */
function deviceLibrary(d: Device) {
  return library([...d.states.values()].map((s) => (s.text ? { ...s, tv: d.texts.get(s.k) } : s)));
}

describe('property: any order and grouping of the same changes gives the same library', () => {
  for (const seed of [1, 2, 3, 7, 42, 1234, 99991, 31337]) {
    it(`seed ${seed}: 400 random steps on 3 devices`, () => {
      const { log, devices, r } = history(seed, 400);
      expect(log.length).toBeGreaterThan(10);
      const reference = library(log);
      // Not a trivial history: some articles survive, with tags.
      expect(reference).toMatch(/"tags":\["/);
      // Every device, having pulled everything, shows the reference library.
      for (const d of devices) expect(deviceLibrary(d)).toBe(reference);
      // Any order…
      for (let i = 0; i < 5; i++) expect(library(r.shuffle(log))).toBe(reference);
      // …and any grouping: join random partitions separately, then join the partial results.
      for (let i = 0; i < 5; i++) {
        const parts: ArticleState[][] = [[], [], []];
        for (const s of r.shuffle(log)) parts[r.int(3)]!.push(s);
        const partial = parts.flatMap((p) => {
          const m = new Map<string, ArticleState>();
          for (const s of p) m.set(s.k, joinArticle(m.get(s.k), s));
          return [...m.values()];
        });
        expect(library(r.shuffle(partial))).toBe(reference);
      }
      // Idempotent: receiving everything twice changes nothing.
      expect(library([...log, ...r.shuffle(log)])).toBe(reference);
    });
  }
});
