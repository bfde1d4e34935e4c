// Push: seal what changed here into our next segment, then move our head; compact old segments.
import { blobBytes } from '../core/bytes';
import { quietly } from '../db/quiet';
import { type ArticleRow, type ImageRow, type LisibleDB } from '../db/schema';
import { PART_IMAGES, PART_TEXT, articleItemId, type SyncChangeRow, type SyncItemRow } from './changelog';
import { imageName, seal, sealJson, type VaultKeys } from './crypto';
import { SyncError, syncErrorKind } from './errors';
import { RECORD_TABLES, TEXT_FIELDS } from './fields';
import {
  joinArticle,
  joinRecord,
  viewArticle,
  type ArticleState,
  type ImageRef,
  type RecordState,
} from './merge';
import { type Remote } from './remote';
import { getRow, putRow } from './state';
import {
  BASE_PART_ITEMS,
  COMPACT_AFTER,
  Head,
  SEGMENT_BYTES,
  SEGMENT_ITEMS,
  Segment,
  SyncHooks,
  WireItem,
  basePath,
  checkSegment,
  headPath,
  imagePath,
  inDb,
  pick,
  sealedJson,
  segPath,
} from './wire';

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

export async function push(
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
