// Importing a file into the library: read and check everything first (./read.ts), then write it all in
// ONE transaction, so a malformed or foreign file writes nothing. Articles already in the library (same
// key, recomputed from the URL) are merged: newer text wins, tags united, furthest reading state kept,
// and the library's own identity fields (URL, canonical URL, key, site, id) are never taken from the file.
// Work outside the transaction is sliced (the page never freezes); inside it, writes go in chunks.
import { loadCommunes } from '../../communes/load';
import { withFacets } from '../facets';
import { mergeHighlights } from '../highlights';
import { db, type ArticleRow, type ImageRow, type LisibleDB } from '../schema';
import { fromBase64 } from '../../core/bytes';
import { BATCH, type BackupHighlight, type BackupImage } from './format';
import { parseImport, slicer, type ImportFormat, type Progress } from './read';
import { userRulesFromBackup } from '../user-rules-backup';

export type { ImportFormat } from './read';
export interface ImportResult {
  format: ImportFormat;
  added: number;
  updated: number;
  unchanged: number;
}

/** Fields that say which article a row is: an import never changes them on an existing article. */
const IDENTITY = ['id', 'key', 'url', 'canonicalUrl', 'site'] as const;

/** Merge of two versions of one article: newer text wins, tags united, furthest reading state kept. */
function merge(existing: ArticleRow, incoming: ArticleRow): ArticleRow {
  const newer = incoming.updatedAt > existing.updatedAt;
  const out: ArticleRow = {
    ...(newer ? incoming : existing),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    read: (existing.read | incoming.read) as 0 | 1,
    favourite: (existing.favourite | incoming.favourite) as 0 | 1,
    archived: newer ? incoming.archived : existing.archived,
    progress: Math.max(existing.progress, incoming.progress),
    imageBytes: existing.imageBytes,
  };
  for (const k of IDENTITY) (out as unknown as Record<string, unknown>)[k] = existing[k];
  out.highlightCount = existing.highlightCount;
  if (out.highlightCount === undefined) delete out.highlightCount;
  if (existing.id === undefined) delete out.id;
  return withFacets(out);
}

type Body = { contentHtml: string; textContent: string };
type Item = {
  row: ArticleRow;
  body: Body;
  images: BackupImage[];
  highlights: BackupHighlight[];
  blobs?: Array<{ url: string; blob: Blob }>;
};

/** The same article twice in one file (Pocket exports have it) is one article. */
function byKey(
  items: Array<{ article: ArticleRow & Body; images: BackupImage[]; highlights?: BackupHighlight[] }>,
): Item[] {
  const out = new Map<string, Item>();
  for (const { article, images, highlights = [] } of items) {
    const { contentHtml, textContent, ...row } = article;
    const prev = out.get(row.key);
    const newer = !prev || row.updatedAt >= prev.row.updatedAt;
    out.set(row.key, {
      row: prev ? merge(prev.row, row) : row,
      body: newer ? { contentHtml, textContent } : prev.body,
      images: newer && images.length ? images : (prev?.images ?? images),
      highlights: [...(prev?.highlights ?? []), ...highlights],
    });
  }
  return [...out.values()];
}

/** Bulk writes in chunks: each chunk's synchronous work (structured clone) stays short. */
async function chunked<T>(list: T[], size: number, write: (part: T[]) => Promise<unknown>, tick: () => void) {
  for (let i = 0; i < list.length; i += size) {
    await write(list.slice(i, i + size));
    tick();
  }
}

/**
 * Imports a file: parses and validates everything first, then writes in ONE transaction (all or
 * nothing). `onProgress` gets a fraction from 0 to 1.
 */
export async function importFile(
  text: string,
  { sanitize, onProgress: report }: { sanitize: (h: string) => string; onProgress?: Progress },
  database: LisibleDB = db(),
): Promise<ImportResult> {
  // Never backwards, 1 only when done.
  let last = 0;
  const onProgress = (f: number) => report?.((last = f >= 1 ? 1 : Math.min(0.99, Math.max(last, f))));
  // Rows get their official commune as they are read (utils/db/schema.ts toRow).
  await loadCommunes();
  const { format, items, prefs, userRules: rawRules } = await parseImport(text, sanitize, onProgress);
  // The reader's site rules are checked with the rest before anything is written.
  const userRules = userRulesFromBackup(rawRules);
  const incoming = byKey(items);
  // Decode images before the transaction: a transaction must not wait on anything but the database.
  const pause = slicer();
  for (const it of incoming) {
    it.blobs = it.images.map((i) => ({ url: i.url, blob: new Blob([fromBase64(i.data)], { type: i.type }) }));
    it.row.imageBytes = it.blobs.reduce((n, b) => n + b.blob.size, 0);
    await pause();
  }
  onProgress(0.85);
  const result: ImportResult = { format, added: 0, updated: 0, unchanged: 0 };
  const tables = [database.articles, database.bodies, database.images, database.prefs, database.highlights];
  await database.transaction('rw', tables, async () => {
    const existing = new Map<string, ArticleRow>();
    const keys = incoming.map((i) => i.row.key);
    for (let i = 0; i < keys.length; i += BATCH)
      for (const r of await database.articles
        .where('key')
        .anyOf(keys.slice(i, i + BATCH))
        .toArray())
        existing.set(r.key, r);
    const wanted = incoming.map((i) => i.row.id).filter((id): id is number => id !== undefined);
    const taken = new Set((await database.articles.bulkGet(wanted)).filter((r) => !!r).map((r) => r.id!));
    const puts: ArticleRow[] = [];
    const bodies: Array<Body & { id: number }> = [];
    const imageRows: ImageRow[] = [];
    const imageOwners: number[] = [];
    const adds: Item[] = [];
    const notes: Array<[number, Item]> = [];
    for (const it of incoming) {
      const old = existing.get(it.row.key);
      if (!old) {
        adds.push(it);
        continue;
      }
      const merged = merge(old, it.row);
      const newer = it.row.updatedAt > old.updatedAt;
      const newImages = newer && it.blobs!.length > 0;
      if (newImages) merged.imageBytes = it.row.imageBytes;
      const marks = it.highlights.length > 0;
      if (marks) notes.push([old.id!, it]);
      if (JSON.stringify(merged) === JSON.stringify(old) && !(newer && it.body.contentHtml) && !marks) {
        result.unchanged++;
        continue;
      }
      puts.push(merged);
      if (newer && (it.body.contentHtml || it.body.textContent)) bodies.push({ id: old.id!, ...it.body });
      if (newImages) {
        imageOwners.push(old.id!);
        imageRows.push(...it.blobs!.map((b) => ({ articleId: old.id!, ...b })));
      }
      result.updated++;
    }
    // New articles keep the backup's id when it is free, so a restore into an empty library is identical.
    const free = adds.filter((it) => it.row.id !== undefined && !taken.has(it.row.id));
    const fresh = adds.filter((it) => !free.includes(it));
    let done = 0;
    const tick = () => onProgress(0.85 + (0.15 * ++done) / Math.max(1, incoming.length / 200 + 3));
    await chunked(free, 200, (part) => database.articles.bulkAdd(part.map((it) => it.row)), tick);
    for (let i = 0; i < fresh.length; i += 200) {
      const part = fresh.slice(i, i + 200);
      const ids = (await database.articles.bulkAdd(
        part.map(({ row: { id: _id, ...row } }) => row),
        { allKeys: true },
      )) as number[];
      part.forEach((it, k) => (it.row.id = ids[k]));
      tick();
    }
    for (const it of adds) {
      bodies.push({ id: it.row.id!, ...it.body });
      imageRows.push(...it.blobs!.map((b) => ({ articleId: it.row.id!, ...b })));
    }
    result.added = adds.length;
    await chunked(puts, 200, (part) => database.articles.bulkPut(part), tick);
    await chunked(bodies, 100, (part) => database.bodies.bulkPut(part), tick);
    if (imageOwners.length) await database.images.where('articleId').anyOf(imageOwners).delete();
    await chunked(imageRows, 50, (part) => database.images.bulkPut(part), tick);
    if (prefs.length) await database.prefs.bulkPut(prefs);
    // Last: they refresh their article's search words from its (now written) body.
    for (const it of adds) if (it.highlights.length) notes.push([it.row.id!, it]);
    for (const [id, it] of notes) await mergeHighlights(id, it.highlights, database);
  });
  await userRules.write(database);
  onProgress(1);
  return result;
}
