// The sync itself: pull what other devices pushed, push what changed here. Server layout, inside the
// configured folder (`Lisible/`):
//
//   lisible-sync.json          header: format, vault id, PBKDF2 salt and iterations, key check (plain JSON)
//   d/<device>/head            sealed {seq, base?}: the device's last confirmed segment
//   d/<device>/<seq>           sealed segment: the merge states of the items that device changed
//   d/<device>/b<upto>-<part>  sealed compacted base (the join of that device's segments 1..upto)
//   i/<xx>/<name>              sealed image bytes, named by a keyed hash of the bytes
//
// Every device writes only under its own folder (and content-addressed images), so two devices
// syncing at the same moment cannot overwrite each other: WebDAV needs no locks or transactions
// here. A segment is written before the head that announces it, and a device only reads segments its
// head announces, so a half-written segment (timeout, browser closed) is never read; it is written
// again under the same number on the next push, since the head never moved past it. Merge states are
// joins (merge.ts): reading a segment twice, or in another order, changes nothing. Applying a segment
// and moving that device's cursor is one Dexie transaction. Local data is deleted only by a tombstone
// that decrypted with our key.
import { blobBytes } from '../core/bytes';
import { articleKey, siteOf } from '../db/articles';
import { quietly } from '../db/quiet';
import { toRow, type ArticleRow, type ImageRow, type LisibleDB, type PrefRow } from '../db/schema';
import {
  PART_IMAGES,
  PART_META,
  PART_TEXT,
  articleItemId,
  recordItemId,
  type ClockRow,
  type SyncChangeRow,
  type SyncItemRow,
} from './changelog';
import {
  checkKeys,
  createVault,
  imageName,
  open,
  openJson,
  openVault,
  parseHeader,
  seal,
  sealJson,
  DEFAULT_ITERATIONS,
  type VaultHeader,
  type VaultKeys,
} from './crypto';
import { SyncError, syncErrorKind } from './errors';
import { articleProblem } from '../safety/validate';
import { RECORD_TABLES, TEXT_FIELDS, USER_FIELDS, extraFields, isKnownField } from './fields';
import { clockAt, newDeviceId, observe } from './hlc';
import {
  PRESYNC,
  joinArticle,
  joinRecord,
  latestClock,
  sameArticle,
  viewArticle,
  viewRecord,
  type ArticleState,
  type ImageRef,
  type RecordState,
} from './merge';
import { createRemote, type Remote, type RemoteConfig } from './remote';
import {
  freshProgress,
  getRow,
  putRow,
  type SyncConfigRow,
  type SyncKeysRow,
  type SyncProgressRow,
  type SyncStatusRow,
} from './state';

export const HEADER_FILE = 'lisible-sync.json';
const SEGMENT_ITEMS = 200;
const SEGMENT_BYTES = 1_500_000;
/** After this many of our own segments since the last base, the next push compacts them. */
export const COMPACT_AFTER = 256;
const BASE_PART_ITEMS = 500;

/** What one item looks like in a segment: an article state (text included when it changed), or a record. */
type WireItem = { a: ArticleState } | { r: string; s: RecordState };
interface Segment {
  items: WireItem[];
}
interface Head {
  seq: number;
  base?: { upto: number; parts: number };
}

const pad = (n: number) => String(n).padStart(8, '0');
const segPath = (dev: string, seq: number) => `d/${dev}/${pad(seq)}`;
const headPath = (dev: string) => `d/${dev}/head`;
const basePath = (dev: string, upto: number, part: number) =>
  `d/${dev}/b${pad(upto)}-${String(part).padStart(4, '0')}`;
const imagePath = (name: string) => `i/${name.slice(0, 2)}/${name}`;

export interface SyncHooks {
  /** Test hook: called at named points; throwing there simulates a crash (browser closed). */
  at?: (point: 'pulled-segment' | 'pushed-segment' | 'pushed-head' | 'before-commit') => void | Promise<void>;
  /** Per-request timeout (tests make it short). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Compact our segments after this many (tests make it small). */
  compactAfter?: number;
  /** Progress reports (the background keeps the service worker alive with them). */
  onProgress?: (what: string) => void;
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  pulled: number;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  ms: number;
  /** Of `ms`, the time spent in local database transactions (reading changes, writing pulled ones). */
  dbMs?: number;
  error?: { kind: ReturnType<typeof syncErrorKind>; message: string };
}

// ------------------------------------------------------------------------------------------------
// Setting up: connect to a server with a passphrase.

async function readHeader(remote: Remote): Promise<VaultHeader | null> {
  const raw = await remote.get(HEADER_FILE);
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new SyncError(
      'not-webdav',
      'The server answered something that is not a Lisible sync folder (HTML or garbage).',
    );
  }
  return parseHeader(json);
}

export interface ConnectResult {
  created: boolean;
  vault: string;
}

/**
 * Checks the server and the passphrase, then stores the settings and keys. An existing sync folder is
 * opened (a wrong passphrase throws SyncError('passphrase') and changes nothing, here or there); an
 * empty one is set up. Nothing of the library is sent until the first sync.
 */
export async function connect(
  database: LisibleDB,
  cfg: RemoteConfig,
  passphrase: string,
  {
    iterations = DEFAULT_ITERATIONS,
    settleMs = 1500,
    ...hooks
  }: SyncHooks & { iterations?: number; settleMs?: number } = {},
): Promise<ConnectResult> {
  if (!cfg.url || !cfg.user) throw new SyncError('config', 'Server address and user name are needed.');
  if (passphrase.length < 8) throw new SyncError('config', 'The passphrase must have at least 8 characters.');
  const remote = createRemote(cfg, hooks);
  try {
    let header = await readHeader(remote);
    let keys: VaultKeys;
    let created = false;
    if (header) keys = await openVault(header, passphrase);
    else {
      const fresh = await createVault(passphrase, iterations);
      await remote.create(HEADER_FILE, new TextEncoder().encode(JSON.stringify(fresh.header, null, 1)));
      // Two devices setting up the same empty folder at once: the header on the server is the one
      // that counts. Servers that honour If-None-Match keep the first; the others keep the last write,
      // so wait for a concurrent write to land, then read it back: if another device's header won,
      // open that one with the same passphrase. (A later mismatch is caught as 'vault-changed'.)
      await new Promise((r) => setTimeout(r, settleMs));
      header = await readHeader(remote);
      if (!header)
        throw new SyncError('not-webdav', 'The server accepted the sync header but does not give it back.');
      if (header.vault === fresh.header.vault) {
        keys = fresh.keys;
        created = true;
      } else keys = await openVault(header, passphrase);
    }
    await database.transaction('rw', database.syncState, async () => {
      const progress = await getRow(database, 'progress');
      const config: SyncConfigRow = {
        key: 'config',
        url: cfg.url.trim(),
        user: cfg.user,
        password: cfg.password,
        enabled: true,
      };
      await putRow(database, config);
      await putRow(database, { key: 'keys', vault: keys.vault, enc: keys.enc, mac: keys.mac });
      // Another vault (first set-up, or the folder was set up anew): everything is pushed again.
      if (progress?.vault !== keys.vault) await putRow(database, freshProgress(keys.vault));
      await putRow(database, { key: 'status', lastError: null });
    });
    return { created, vault: keys.vault };
  } finally {
    remote.close();
  }
}

/** Stops syncing on this device and forgets the server settings and keys. The library stays as it is. */
export async function disconnect(database: LisibleDB): Promise<void> {
  await database.transaction('rw', database.syncState, async () => {
    await database.syncState.bulkDelete(['config', 'keys', 'progress', 'status']);
  });
}

// ------------------------------------------------------------------------------------------------
// Reading local items into wire states.

const pick = (row: object, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, (row as Record<string, unknown>)[f]]));

/** The merge state of an article saved before this device's first sync: its values, "before sync" clocks. */
function initialState(row: ArticleRow, device: string, hasImages: boolean): ArticleState {
  const s: ArticleState = {
    k: row.key,
    text: clockAt(row.updatedAt || row.savedAt, device),
    sv: ['', row.savedAt],
  };
  if (row.read) s.read = [PRESYNC, 1];
  if (row.favourite) s.fav = [PRESYNC, 1];
  if (row.archived) s.arch = [PRESYNC, 1];
  if (row.progress) s.prog = ['', row.progress];
  if (row.tags.length) s.tags = Object.fromEntries(row.tags.map((t) => [t, [PRESYNC, 1 as const]]));
  const extra = extraFields(row);
  if (extra.length)
    s.x = Object.fromEntries(
      extra.map((f) => [f, [PRESYNC, (row as unknown as Record<string, unknown>)[f]]]),
    );
  if (hasImages) s.img = [clockAt(row.updatedAt || row.savedAt, device), []];
  return s;
}

async function deviceId(database: LisibleDB): Promise<string> {
  return database.transaction('rw', database.syncState, async () => {
    const clock = (await database.syncState.get('clock')) as ClockRow | undefined;
    if (clock) return clock.device;
    const row: ClockRow = { key: 'clock', device: newDeviceId(), ms: 0, n: 0 };
    await database.syncState.put(row as unknown as { key: string });
    return row.device;
  });
}

/**
 * First sync of this library to this vault: every article and record gets a merge state (if it has
 * none yet) and a pending mark for all its parts. In batches: a large library is never read whole.
 */
async function baseline(database: LisibleDB, device: string): Promise<void> {
  const ALL = PART_META | PART_TEXT | PART_IMAGES;
  let last = 0;
  for (;;) {
    const done = await quietly(database, ['articles', 'images', 'syncItems', 'syncChanges'], async () => {
      const rows = await database.articles.where(':id').above(last).limit(500).toArray();
      if (!rows.length) return true;
      last = rows[rows.length - 1]!.id!;
      const ids = rows.map((r) => articleItemId(r.key));
      const [states, changes, withImages] = await Promise.all([
        database.syncItems.bulkGet(ids),
        database.syncChanges.bulkGet(ids),
        database.images
          .where('articleId')
          .anyOf(rows.map((r) => r.id!))
          .primaryKeys(),
      ]);
      const imaged = new Set((withImages as Array<[number, string]>).map(([id]) => id));
      const at = clockAt(Date.now(), device);
      await database.syncItems.bulkPut(
        rows.map((r, i) => states[i] ?? { id: ids[i]!, s: initialState(r, device, imaged.has(r.id!)) }),
      );
      await database.syncChanges.bulkPut(
        rows.map((_, i) => ({
          id: ids[i]!,
          at: changes[i]?.at ?? at,
          parts: (changes[i]?.parts ?? 0) | ALL,
        })),
      );
      return false;
    });
    if (done) break;
  }
  await quietly(database, Object.keys(RECORD_TABLES).concat(['syncItems', 'syncChanges']), async (tx) => {
    for (const [table, spec] of Object.entries(RECORD_TABLES)) {
      const rows = (await tx.table(table).toArray()) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const id = recordItemId(table, spec.idOf(row));
        if (!(await database.syncItems.get(id)))
          await database.syncItems.put({ id, s: { k: spec.idOf(row), v: [PRESYNC, row] } });
        const prev = await database.syncChanges.get(id);
        await database.syncChanges.put({ id, at: prev?.at ?? clockAt(Date.now(), device), parts: PART_META });
      }
    }
  });
}

// ------------------------------------------------------------------------------------------------
// Pull

async function sealedJson<T>(remote: Remote, keys: VaultKeys, path: string): Promise<T | null> {
  const data = await remote.get(path);
  return data ? openJson<T>(keys, path, data) : null;
}

function checkSegment(v: unknown, path: string): Segment {
  const seg = v as Segment;
  if (!seg || !Array.isArray(seg.items)) throw new SyncError('corrupt', `${path}: not a segment.`);
  return seg;
}

/** Text of a pulled state as article-row fields, validated: a state from a device with our key, still checked. */
function textOf(
  s: ArticleState,
): (Record<string, unknown> & { contentHtml: string; textContent: string }) | null {
  const tv = s.tv;
  if (!tv) return null;
  const text = {
    ...pick(tv, TEXT_FIELDS),
    contentHtml: typeof tv.contentHtml === 'string' ? tv.contentHtml : '',
    textContent: typeof tv.textContent === 'string' ? tv.textContent : '',
  };
  // The same shape check as every article arriving by message or import.
  return articleProblem(text) === null ? text : null;
}

interface ApplyCounts {
  applied: number;
}

/** Milliseconds spent inside local database transactions during one sync (the benchmark's breakdown). */
const dbTime = new WeakMap<LisibleDB, { ms: number }>();
async function inDb<T>(database: LisibleDB, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    const acc = dbTime.get(database);
    if (acc) acc.ms += performance.now() - t0;
  }
}

const APPLY_TABLES = [
  'articles',
  'bodies',
  'images',
  'syncItems',
  'syncChanges',
  'syncState',
  ...Object.keys(RECORD_TABLES),
];

/** Writes the join of pulled states into the library, and moves `dev`'s cursor, in one transaction. */
async function applyItems(
  database: LisibleDB,
  items: WireItem[],
  cursor: { dev: string; seq: number } | null,
  counts: ApplyCounts,
): Promise<void> {
  await inDb(database, () =>
    quietly(database, APPLY_TABLES, async (tx) => {
      const clock = (await database.syncState.get('clock')) as unknown as ClockRow;
      const progress = (await getRow(database, 'progress'))!;
      // One read for the whole segment: its items' states and rows.
      const keys = items.flatMap((i) => ('a' in i && i.a && typeof i.a.k === 'string' ? [i.a.k] : []));
      const states = await database.syncItems.bulkGet(keys.map(articleItemId));
      const known: Known = {
        states: new Map(keys.map((k, n) => [k, states[n]?.s as ArticleState | undefined])),
        // One lookup per key, not anyOf(): anyOf walks the index between the keys, and a segment's
        // keys are spread over the whole library.
        rows: new Map(
          (await Promise.all(keys.map((k) => database.articles.where('key').equals(k).first())))
            .filter((r): r is ArticleRow => !!r)
            .map((r) => [r.key, r]),
        ),
      };
      for (const item of items) {
        if ('a' in item) {
          const R = item.a;
          if (!R || typeof R.k !== 'string') continue;
          observe(clock, latestClock(R));
          // Decided without awaiting: an await that does no IndexedDB work would lose Dexie's
          // transaction zone, and the transaction would commit under us.
          const L = known.states.get(R.k);
          const textWins =
            R.tv !== undefined && R.text !== undefined && (L?.text === undefined || R.text > L.text);
          if (L && !textWins && sameArticle(L, joinArticle(L, R))) continue;
          await applyArticle(database, R, progress, known);
          counts.applied++;
        } else if (RECORD_TABLES[item.r] && item.s && typeof item.s.k === 'string') {
          observe(clock, latestClock(item.s));
          const id = recordItemId(item.r, item.s.k);
          const L = (await database.syncItems.get(id))?.s as RecordState | undefined;
          const M = joinRecord(L, item.s);
          if (L && JSON.stringify(M) === JSON.stringify(L)) continue;
          await database.syncItems.put({ id, s: M });
          const value = viewRecord(M);
          const table = tx.table(item.r);
          if (value === undefined) await table.delete(item.s.k);
          else await table.put(value);
          counts.applied++;
        }
      }
      if (cursor) progress.cursors[cursor.dev] = cursor.seq;
      await database.syncState.put(clock as unknown as { key: string });
      await putRow(database, progress);
    }),
  );
}

/** States and rows of a segment's articles, read once (and kept current as items are applied). */
interface Known {
  states: Map<string, ArticleState | undefined>;
  rows: Map<string, ArticleRow>;
}

async function applyArticle(
  database: LisibleDB,
  R: ArticleState,
  progress: SyncProgressRow,
  known: Known,
): Promise<boolean> {
  const id = articleItemId(R.k);
  const L = known.states.get(R.k);
  const M = joinArticle(L, R);
  const textWins = R.tv !== undefined && R.text !== undefined && (L?.text === undefined || R.text > L.text);
  const { tv: _tv, ...local } = M;
  await database.syncItems.put({ id, s: local });
  known.states.set(R.k, local);
  const row = known.rows.get(R.k);
  const view = viewArticle(M);
  if (!view) {
    // A tombstone from a device with the key: the only way the server can remove local data.
    if (row?.id !== undefined) {
      await database.images.where('articleId').equals(row.id).delete();
      await database.bodies.delete(row.id);
      await database.articles.delete(row.id);
      known.rows.delete(R.k);
    }
    delete progress.images[R.k];
    return true;
  }
  const text = textWins ? textOf(R) : null;
  if (!row && !text) return true; // alive elsewhere, text not here yet: kept in the state until it comes
  const user = {
    tags: view.tags,
    read: view.read,
    favourite: view.favourite,
    archived: view.archived,
    progress: view.progress,
    // A life begun by a save that did not know of the delete has no saved date of its own: the date of
    // its text, the same on every device (never this device's clock).
    savedAt: view.savedAt ?? (typeof text?.updatedAt === 'number' ? text.updatedAt : (row?.updatedAt ?? 0)),
    // Generic registers never overwrite a field this version owns (ids, keys, search words…).
    ...Object.fromEntries(Object.entries(view.x).filter(([f]) => !isKnownField(f))),
  };
  let next: ArticleRow;
  if (text) {
    const { contentHtml, textContent, ...fields } = text;
    const url = (fields.canonicalUrl as string) || (fields.url as string);
    next = toRow({
      ...(fields as unknown as ArticleRow),
      contentHtml,
      textContent,
      key: R.k,
      site: siteOf(url),
      updatedAt: typeof fields.updatedAt === 'number' ? fields.updatedAt : Date.now(),
      imageBytes: row?.imageBytes ?? 0,
      ...user,
    });
    // Pulled HTML is rendered through the sanitizer like any stored body; the library page also cleans it in place.
    next.unsanitized = 1;
    if (row?.id !== undefined) next.id = row.id;
    const newId = (await database.articles.put(next)) as number;
    known.rows.set(R.k, { ...next, id: newId });
    await database.bodies.put({ id: newId, contentHtml, textContent });
    // The server already has this text: no need to push it back.
    const pending = await database.syncChanges.get(id);
    if (pending && pending.parts & PART_TEXT)
      await database.syncChanges.put({ ...pending, parts: pending.parts & ~PART_TEXT });
  } else {
    next = { ...row!, ...user } as ArticleRow;
    if (
      JSON.stringify(pick(row!, [...USER_FIELDS, ...Object.keys(view.x)])) !==
      JSON.stringify(pick(next, [...USER_FIELDS, ...Object.keys(view.x)]))
    ) {
      await database.articles.put(next);
      known.rows.set(R.k, next);
    }
  }
  // Images announced by the winning state and not held here: downloaded after this transaction.
  if (view.images && view.images[0] > (L?.img?.[0] ?? '') && M.img === R.img && view.images[1].length)
    progress.images[R.k] = view.images[0];
  return true;
}

/** Downloads the images of pulled articles (outside any transaction), then stores them quietly. */
async function fetchImages(database: LisibleDB, remote: Remote, keys: VaultKeys): Promise<number> {
  const progress = (await getRow(database, 'progress'))!;
  let n = 0;
  for (const [k, clock] of Object.entries(progress.images)) {
    const state = (await database.syncItems.get(articleItemId(k)))?.s as ArticleState | undefined;
    const refs: ImageRef[] = state?.img?.[0] === clock ? state.img[1] : [];
    const blobs: ImageRow[] = [];
    const row = await database.articles.where('key').equals(k).first();
    if (row?.id !== undefined)
      for (const ref of refs) {
        if (!/^[0-9a-f]{32}$/.test(ref.n) || !/^https?:\/\//.test(ref.url) || !/^image\//.test(ref.t))
          continue;
        const data = await remote.get(imagePath(ref.n));
        if (!data) continue; // gone from the server: the image stays remote
        const bytes = await open(keys, imagePath(ref.n), data);
        blobs.push({ articleId: row.id, url: ref.url, blob: new Blob([bytes], { type: ref.t }) });
      }
    await quietly(database, ['articles', 'images', 'syncState'], async () => {
      const p = (await getRow(database, 'progress'))!;
      if (p.images[k] !== clock) return;
      delete p.images[k];
      await putRow(database, p);
      const current = await database.articles.where('key').equals(k).first();
      if (!current || current.id !== row?.id) return;
      await database.images.where('articleId').equals(current.id!).delete();
      await database.images.bulkPut(blobs);
      await database.articles.update(current.id!, { imageBytes: blobs.reduce((s, b) => s + b.blob.size, 0) });
    });
    n += blobs.length;
  }
  return n;
}

async function pull(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  me: string,
  hooks: SyncHooks,
): Promise<{ applied: number; damaged: SyncError | null }> {
  const counts: ApplyCounts = { applied: 0 };
  const devices = ((await remote.list('d')) ?? []).filter(
    (e) => e.dir && /^[0-9a-f]{16}$/.test(e.name) && e.name !== me,
  );
  let damaged: SyncError | null = null;
  for (const { name: dev } of devices) {
    try {
      await pullDevice(database, remote, keys, dev, counts, hooks);
    } catch (e) {
      // One device's damaged file must not stop the others (nor our push): skipped, reported at the end.
      if (syncErrorKind(e) !== 'corrupt') throw e;
      damaged ??= e as SyncError;
    }
  }
  await fetchImages(database, remote, keys);
  return { applied: counts.applied, damaged };
}

async function pullDevice(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  dev: string,
  counts: ApplyCounts,
  hooks: SyncHooks,
): Promise<void> {
  let head = await sealedJson<Head>(remote, keys, headPath(dev));
  if (!head) return; // a device that has not finished its first push
  let cursor = (await getRow(database, 'progress'))!.cursors[dev] ?? 0;
  if (head.seq <= cursor) return;
  if (head.base && cursor < head.base.upto) {
    for (let p = 0; p < head.base.parts; p++) {
      const path = basePath(dev, head.base.upto, p);
      const part = await sealedJson<Segment>(remote, keys, path);
      if (!part) throw new SyncError('server', `${path} is missing: will retry.`);
      await applyItems(database, checkSegment(part, path).items, null, counts);
    }
    await applyItems(database, [], { dev, seq: head.base.upto }, counts);
    cursor = head.base.upto;
  }
  for (let seq = cursor + 1; seq <= head.seq; seq++) {
    const path = segPath(dev, seq);
    const seg = await sealedJson<Segment>(remote, keys, path);
    if (!seg) {
      // Compacted away meanwhile: its content is in the device's new base; read it next time.
      head = await sealedJson<Head>(remote, keys, headPath(dev));
      if (head?.base && head.base.upto >= seq) break;
      throw new SyncError('server', `${path} is announced but missing: will retry.`);
    }
    await applyItems(database, checkSegment(seg, path).items, { dev, seq }, counts);
    hooks.onProgress?.(`pulled ${dev}/${seq}`);
    await hooks.at?.('pulled-segment');
  }
}

// ------------------------------------------------------------------------------------------------
// Push

interface Batch {
  entries: SyncChangeRow[];
  items: WireItem[];
  /** Image refs computed for article states (stored locally once the push is confirmed). */
  refs: Map<string, ImageRef[]>;
}

/** Reads the pending items into wire states (one read transaction), uploading their new images. */
async function readBatch(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  entries: SyncChangeRow[],
): Promise<Batch> {
  const snapshot = await inDb(database, () =>
    database.transaction(
      'r',
      ['articles', 'bodies', 'images', 'syncItems', ...Object.keys(RECORD_TABLES)],
      async () => {
        const out: Array<{
          entry: SyncChangeRow;
          state?: SyncItemRow['s'];
          row?: ArticleRow;
          body?: { contentHtml: string; textContent: string };
          images?: ImageRow[];
        }> = [];
        const states = await database.syncItems.bulkGet(entries.map((e) => e.id));
        for (const [i, entry] of entries.entries()) {
          const state = states[i]?.s;
          if (!entry.id.startsWith('a:')) {
            out.push({ entry, state });
            continue;
          }
          const key = entry.id.slice(2);
          const row = await database.articles.where('key').equals(key).first();
          const item: (typeof out)[number] = { entry, state };
          if (row) {
            item.row = row;
            if (entry.parts & PART_TEXT) item.body = await database.bodies.get(row.id!);
            if (entry.parts & PART_IMAGES)
              item.images = await database.images.where('articleId').equals(row.id!).toArray();
          }
          out.push(item);
        }
        return out;
      },
    ),
  );
  const batch: Batch = { entries, items: [], refs: new Map() };
  for (const { entry, state, row, body, images } of snapshot) {
    if (!state) continue; // nothing to say (cannot happen: the log writes the state with the mark)
    if (entry.id.startsWith('r:')) {
      const table = entry.id.slice(2, entry.id.indexOf(':', 2));
      batch.items.push({ r: table, s: state as RecordState });
      continue;
    }
    const { text, tv: _tv, ...meta } = state as ArticleState;
    const wire: ArticleState = { ...meta };
    if (row && text && entry.parts & PART_TEXT) {
      wire.text = text;
      wire.tv = {
        ...pick(row, TEXT_FIELDS),
        contentHtml: body?.contentHtml ?? '',
        textContent: body?.textContent ?? '',
      };
    }
    if (row && images && wire.img) {
      const refs: ImageRef[] = [];
      for (const im of images) {
        const bytes = await blobBytes(im.blob);
        const name = await imageName(keys, bytes);
        const path = imagePath(name);
        // Content-addressed: an image already on the server (same bytes) is not sent again.
        if (!(await remote.exists(path))) await remote.put(path, await seal(keys, path, bytes));
        refs.push({ url: im.url, n: name, t: im.blob.type, s: im.blob.size });
      }
      wire.img = [wire.img[0], refs];
      batch.refs.set(entry.id, refs);
    }
    batch.items.push({ a: wire });
  }
  return batch;
}

async function writeHead(remote: Remote, keys: VaultKeys, me: string, head: Head): Promise<void> {
  const path = headPath(me);
  await remote.put(path, await sealJson(keys, path, head));
  // Read it back: a server that answers "200" to anything (a login page) must not count as a push.
  const back = await sealedJson<Head>(remote, keys, path).catch((e: unknown) => {
    throw syncErrorKind(e) === 'corrupt'
      ? new SyncError('not-webdav', 'The server does not give back what it was sent.')
      : e;
  });
  if (!back || back.seq !== head.seq)
    throw new SyncError('not-webdav', 'The server does not give back what it was sent.');
}

async function push(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  me: string,
  hooks: SyncHooks,
): Promise<number> {
  let pushed = 0;
  // Bounded: what was pending when the push began, plus a segment of changes made while it ran
  // (a reader scrolling saves progress every few seconds; those wait for the next sync).
  const budget = (await database.syncChanges.count()) + SEGMENT_ITEMS;
  // A previous push whose head reached the server but whose local commit did not (browser closed in
  // between): never write under a number the server already announced; those items go again, later.
  const own = await sealedJson<Head>(remote, keys, headPath(me));
  if (own && own.seq > (await getRow(database, 'progress'))!.seq)
    await quietly(database, ['syncState'], async () => {
      const p = (await getRow(database, 'progress'))!;
      p.seq = Math.max(p.seq, own.seq);
      if (own.base) p.base = own.base;
      await putRow(database, p);
    });
  let handled = 0;
  while (handled < budget) {
    const progress = (await getRow(database, 'progress'))!;
    // Oldest changes first, a segment's worth at a time.
    const entries = await database.syncChanges.orderBy('at').limit(SEGMENT_ITEMS).toArray();
    if (!entries.length) break;
    let batch = await readBatch(database, remote, keys, entries);
    // Keep segments small enough for any server's upload limit: halve until it fits (one item alone always goes).
    let sealed = await sealJson(keys, segPath(me, progress.seq + 1), { items: batch.items });
    while (sealed.length > SEGMENT_BYTES && batch.entries.length > 1) {
      const half = batch.entries.slice(0, Math.ceil(batch.entries.length / 2));
      batch = await readBatch(database, remote, keys, half);
      sealed = await sealJson(keys, segPath(me, progress.seq + 1), { items: batch.items });
    }
    const seq = progress.seq + 1;
    await remote.put(segPath(me, seq), sealed);
    await hooks.at?.('pushed-segment');
    await writeHead(remote, keys, me, { seq, ...(progress.base ? { base: progress.base } : {}) });
    await hooks.at?.('pushed-head');
    await hooks.at?.('before-commit');
    await inDb(database, () =>
      quietly(database, ['articles', 'syncChanges', 'syncItems', 'syncState'], async () => {
        const p = (await getRow(database, 'progress'))!;
        p.seq = seq;
        await putRow(database, p);
        // The library shows what every device will show: the furthest progress and the earliest save
        // date its state holds (a reader who scrolled back here still reads "furthest" after a sync).
        for (const item of batch.items) {
          if (!('a' in item)) continue;
          const local = (await database.syncItems.get(articleItemId(item.a.k)))?.s as
            ArticleState | undefined;
          const view = viewArticle(local);
          const row = await database.articles.where('key').equals(item.a.k).first();
          if (!view || !row) continue;
          const fix: Partial<ArticleRow> = {};
          if (view.progress > row.progress) fix.progress = view.progress;
          const savedAt = view.savedAt ?? row.updatedAt;
          if (savedAt !== row.savedAt) fix.savedAt = savedAt;
          if (Object.keys(fix).length) await database.articles.update(row.id!, fix);
        }
        const current = await database.syncChanges.bulkGet(batch.entries.map((e) => e.id));
        // Cleared only if unchanged since it was read: a change made during the upload stays pending.
        await database.syncChanges.bulkDelete(
          batch.entries.filter((e, i) => current[i]?.at === e.at).map((e) => e.id),
        );
        for (const [id, refs] of batch.refs) {
          const row = await database.syncItems.get(id);
          const s = row?.s as ArticleState | undefined;
          if (s?.img) await database.syncItems.put({ id, s: { ...s, img: [s.img[0], refs] } });
        }
      }),
    );
    pushed += batch.items.length;
    handled += batch.entries.length;
    hooks.onProgress?.(`pushed ${seq}`);
  }
  return pushed;
}

/**
 * Our own segments since the last base, joined into a new base (several parts), then the old files
 * removed. Readers that were behind read the base; those that were not never look at it.
 */
export async function compact(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  me: string,
  after = COMPACT_AFTER,
): Promise<boolean> {
  const progress = (await getRow(database, 'progress'))!;
  const from = progress.base?.upto ?? 0;
  if (progress.seq - from < after) return false;
  const articles = new Map<string, ArticleState>();
  const records = new Map<string, { r: string; s: RecordState }>();
  const take = (items: WireItem[]) => {
    for (const it of items)
      if ('a' in it) articles.set(it.a.k, joinArticle(articles.get(it.a.k), it.a));
      else {
        const id = `${it.r}:${it.s.k}`;
        records.set(id, { r: it.r, s: joinRecord(records.get(id)?.s, it.s) });
      }
  };
  const old: string[] = [];
  if (progress.base)
    for (let p = 0; p < progress.base.parts; p++) {
      const path = basePath(me, progress.base.upto, p);
      take(checkSegment(await sealedJson<Segment>(remote, keys, path), path).items);
      old.push(path);
    }
  for (let seq = from + 1; seq <= progress.seq; seq++) {
    const path = segPath(me, seq);
    const seg = await sealedJson<Segment>(remote, keys, path);
    if (seg) take(checkSegment(seg, path).items);
    old.push(path);
  }
  const all: WireItem[] = [...[...articles.values()].map((a) => ({ a })), ...records.values()];
  const upto = progress.seq;
  const parts = Math.max(1, Math.ceil(all.length / BASE_PART_ITEMS));
  for (let p = 0; p < parts; p++) {
    const path = basePath(me, upto, p);
    await remote.put(
      path,
      await sealJson(keys, path, { items: all.slice(p * BASE_PART_ITEMS, (p + 1) * BASE_PART_ITEMS) }),
    );
  }
  const base = { upto, parts };
  await writeHead(remote, keys, me, { seq: upto, base });
  await database.transaction('rw', database.syncState, async () => {
    const p = (await getRow(database, 'progress'))!;
    p.base = base;
    await putRow(database, p);
  });
  for (const path of old) await remote.remove(path);
  return true;
}

// ------------------------------------------------------------------------------------------------
// One sync

const chains = new Map<string, Promise<unknown>>();
/** One sync per profile at a time: Web Locks across the background and pages, a promise chain in Node. */
async function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`lisible-sync:${name}`, fn) as Promise<T>;
  const prev = chains.get(name) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(fn);
  chains.set(name, run);
  try {
    return await run;
  } finally {
    if (chains.get(name) === run) chains.delete(name);
  }
}

export async function setStatus(database: LisibleDB, patch: Partial<SyncStatusRow>): Promise<void> {
  await database.transaction('rw', database.syncState, async () => {
    const prev = (await getRow(database, 'status')) ?? { key: 'status' as const };
    await putRow(database, { ...prev, ...patch, key: 'status' });
  });
}

/** Pull then push. Never throws: the outcome (and any error) is in the report and the status row. */
/** A report of nothing done yet. */
export function emptyReport(): SyncReport {
  return { ok: false, pushed: 0, pulled: 0, requests: 0, bytesUp: 0, bytesDown: 0, ms: 0 };
}

export async function syncNow(database: LisibleDB, hooks: SyncHooks = {}): Promise<SyncReport> {
  return exclusive(database.name, async () => {
    const t0 = Date.now();
    const report = emptyReport();
    const db = { ms: 0 };
    dbTime.set(database, db);
    const [config, keysRow] = await Promise.all([getRow(database, 'config'), getRow(database, 'keys')]);
    if (!config?.enabled || !keysRow) {
      report.error = { kind: 'config', message: 'Sync is not set up.' };
      return report;
    }
    const keys: VaultKeys = { vault: keysRow.vault, enc: keysRow.enc, mac: keysRow.mac };
    let remote: Remote | undefined;
    await setStatus(database, { running: true });
    try {
      remote = createRemote(config, hooks);
      const header = await readHeader(remote);
      if (!header) throw new SyncError('no-vault', 'The sync folder is no longer on the server.');
      if (header.vault !== keys.vault)
        throw new SyncError(
          'vault-changed',
          'The sync folder on the server was set up again: enter the passphrase again.',
        );
      await checkKeys(header, keys);
      const me = await deviceId(database);
      const progress = (await getRow(database, 'progress')) ?? freshProgress(keys.vault);
      if (!progress.baselined) {
        await putRow(database, progress);
        await baseline(database, me);
        await putRow(database, { ...((await getRow(database, 'progress')) ?? progress), baselined: true });
      }
      const pulled = await pull(database, remote, keys, me, hooks);
      report.pulled = pulled.applied;
      report.pushed = await push(database, remote, keys, me, hooks);
      await compact(database, remote, keys, me, hooks.compactAfter);
      if (pulled.damaged) throw pulled.damaged;
      report.ok = true;
      await setStatus(database, {
        running: false,
        lastSync: Date.now(),
        lastError: null,
        last: {
          pushed: report.pushed,
          pulled: report.pulled,
          requests: remote.stats.requests,
          ms: Date.now() - t0,
        },
      });
    } catch (e) {
      const kind = syncErrorKind(e);
      const message = e instanceof Error ? e.message : String(e);
      report.error = { kind, message };
      await setStatus(database, { running: false, lastError: { kind, message, at: Date.now() } }).catch(
        () => undefined,
      );
    } finally {
      if (remote) {
        report.requests = remote.stats.requests;
        report.bytesUp = remote.stats.bytesUp;
        report.bytesDown = remote.stats.bytesDown;
        remote.close();
      }
      report.ms = Date.now() - t0;
      report.dbMs = db.ms;
      dbTime.delete(database);
    }
    return report;
  });
}

/** For tests: the key of an article as the library computes it. */
export const keyOf = articleKey;
export type { SyncKeysRow, PrefRow };
