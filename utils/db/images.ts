// Images of saved articles, stored as blobs so a saved article reads fully offline.
// Fetched only at the user's explicit save, from an extension page (the popup or the library), with
// `cache: 'force-cache'`: the page has just shown them, so they normally come from the HTTP cache.
import { decodeEntities } from '../core/entities';
import { db, type ImageRow, type LibraryPrefs, type LisibleDB } from './schema';

export const DEFAULT_LIBRARY_PREFS: LibraryPrefs = {
  storeImages: true,
  maxImageBytes: 2 * 1024 * 1024,
  maxArticleImageBytes: 10 * 1024 * 1024,
};

export async function getLibraryPrefs(database: LisibleDB = db()): Promise<LibraryPrefs> {
  const row = await database.prefs.get('library');
  return { ...DEFAULT_LIBRARY_PREFS, ...(row?.key === 'library' ? row.value : {}) };
}

export async function setLibraryPrefs(prefs: LibraryPrefs, database: LisibleDB = db()): Promise<void> {
  await database.prefs.put({ key: 'library', value: { ...DEFAULT_LIBRARY_PREFS, ...prefs } });
}

/**
 * The distinct http(s) `src` of the `<img>` of sanitized HTML. DOMPurify serializes attributes as
 * `name="value"` with entities escaped, so a pattern over its output is exact (and needs no DOM, no sink).
 */
export function imageSources(safeHtml: string): string[] {
  const out = new Set<string>();
  for (const m of safeHtml.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) {
    const url = decodeEntities(m[1]!);
    if (/^https?:\/\//i.test(url)) out.add(url);
  }
  return [...out];
}

export type Fetcher = (url: string) => Promise<Response>;
const defaultFetch: Fetcher = (url) =>
  fetch(url, { cache: 'force-cache', credentials: 'omit', referrerPolicy: 'no-referrer' });

/**
 * Stores the images of a saved article within the caps. Images over the per-image cap, beyond the
 * per-article cap, not images, or unreachable are skipped: the article keeps their remote URL.
 * Returns the bytes stored.
 */
export async function storeImages(
  articleId: number,
  safeHtml: string,
  {
    prefs,
    fetcher = defaultFetch,
    database = db(),
  }: { prefs?: LibraryPrefs; fetcher?: Fetcher; database?: LisibleDB } = {},
): Promise<number> {
  const p = prefs ?? (await getLibraryPrefs(database));
  if (!p.storeImages) return 0;
  let total = 0;
  const rows: ImageRow[] = [];
  for (const url of imageSources(safeHtml)) {
    try {
      const res = await fetcher(url);
      if (!res.ok) continue;
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > p.maxImageBytes) continue;
      const blob = await res.blob();
      if (!blob.type.startsWith('image/') || blob.size > p.maxImageBytes) continue;
      if (total + blob.size > p.maxArticleImageBytes) break;
      total += blob.size;
      rows.push({ articleId, url, blob });
    } catch {
      // Offline or blocked: the image stays remote; the text is saved anyway.
    }
  }
  await database.transaction('rw', database.images, database.articles, async () => {
    await database.images.where('articleId').equals(articleId).delete();
    await database.images.bulkPut(rows);
    await database.articles.update(articleId, { imageBytes: total });
  });
  return total;
}

export async function getImages(articleId: number, database: LisibleDB = db()): Promise<Map<string, Blob>> {
  const rows = await database.images.where('articleId').equals(articleId).toArray();
  return new Map(rows.map((r) => [r.url, r.blob]));
}
