// Images of saved articles, stored as blobs so a saved article reads fully offline.
// Fetched once, at the user's explicit save (by the background or the extension page that saves), with
// `cache: 'force-cache'`: the page has just shown them, so they normally come from the HTTP cache.
// Only the images inside the extracted article, at most MAX_IMAGES of them, each within the size caps;
// the library then shows the stored copies and loads nothing else unless the reader asks.
import { decodeEntities } from '../core/entities';
import { db, type ImageRow, type LibraryPrefs, type LisibleDB } from './schema';

export const DEFAULT_LIBRARY_PREFS: LibraryPrefs = {
  storeImages: true,
  maxImageBytes: 2 * 1024 * 1024,
  maxArticleImageBytes: 10 * 1024 * 1024,
};
/** Images fetched at save, per article (a page with 1,500 images makes at most this many requests). */
export const MAX_IMAGES = 60;
/** Bounds of the size caps a user (or an imported file) may set. */
export const IMAGE_CAP_RANGE = { min: 10 * 1024, maxImage: 50 * 1024 * 1024, maxArticle: 500 * 1024 * 1024 };

const RASTER = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'];

/** The MIME type of an image as we write it (lower case, no parameters), if it is one we store. */
export function storableImageType(type: string): string | null {
  const t = type.split(';')[0]!.trim().toLowerCase();
  return RASTER.includes(t) || t === 'image/svg+xml' ? t : null;
}
/** Types that may be inlined into an exported file as data: URLs: rasters only, SVG never. */
export function exportImageType(type: string): string | null {
  const t = storableImageType(type);
  return t && RASTER.includes(t) ? t : null;
}

/** Why stored or imported library settings are unusable, or null. */
export function libraryPrefsProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'library settings must be an object';
  const p = v as Record<string, unknown>;
  if (typeof p.storeImages !== 'boolean') return 'storeImages must be true or false';
  const { min, maxImage, maxArticle } = IMAGE_CAP_RANGE;
  const int = (x: unknown, hi: number) =>
    Number.isSafeInteger(x) && (x as number) >= min && (x as number) <= hi;
  if (!int(p.maxImageBytes, maxImage)) return `maxImageBytes must be an integer from ${min} to ${maxImage}`;
  if (!int(p.maxArticleImageBytes, maxArticle))
    return `maxArticleImageBytes must be an integer from ${min} to ${maxArticle}`;
  return null;
}

/** Usable settings from whatever is stored: each bad field falls back to its default. */
export function normalizeLibraryPrefs(v: unknown): LibraryPrefs {
  const p = { ...DEFAULT_LIBRARY_PREFS, ...(typeof v === 'object' && v ? v : {}) } as Record<string, unknown>;
  const out = { ...DEFAULT_LIBRARY_PREFS };
  for (const k of Object.keys(out) as Array<keyof LibraryPrefs>)
    if (libraryPrefsProblem({ ...out, [k]: p[k] }) === null) (out as Record<string, unknown>)[k] = p[k];
  return out;
}

export async function getLibraryPrefs(database: LisibleDB = db()): Promise<LibraryPrefs> {
  const row = await database.prefs.get('library');
  return normalizeLibraryPrefs(row?.key === 'library' ? row.value : undefined);
}

export async function setLibraryPrefs(prefs: LibraryPrefs, database: LisibleDB = db()): Promise<void> {
  await database.prefs.put({ key: 'library', value: normalizeLibraryPrefs(prefs) });
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

/** The body of a response as a Blob of a storable image type, reading no more than `max` bytes. */
async function readImage(res: Response, max: number): Promise<Blob | null> {
  const type = storableImageType(res.headers.get('content-type') ?? '');
  if (!res.ok || !type || Number(res.headers.get('content-length') ?? 0) > max) return null;
  const reader = res.body?.getReader();
  if (!reader) {
    const blob = await res.blob();
    return blob.size <= max ? new Blob([blob], { type }) : null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // An image that lies about its size (or sends none) is cut off here, not downloaded whole.
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/**
 * Stores the images of a saved article within the caps: the first MAX_IMAGES of its sources (all of
 * `only` when given: the ones the reader asked for), each fetched once. Images over the per-image cap,
 * beyond the per-article cap, not of an image type, or unreachable are skipped: the article keeps their
 * remote URL, shown only on request. Copies already stored are kept and not fetched again.
 * Returns the blobs fetched in this call (stored or not: over the article cap they still show once).
 */
export async function storeImages(
  articleId: number,
  safeHtml: string,
  {
    prefs,
    fetcher = defaultFetch,
    database = db(),
    only,
  }: { prefs?: LibraryPrefs; fetcher?: Fetcher; database?: LisibleDB; only?: string[] } = {},
): Promise<Map<string, Blob>> {
  const p = prefs ?? (await getLibraryPrefs(database));
  const fetched = new Map<string, Blob>();
  if (!p.storeImages && !only) return fetched;
  const stored = await getImages(articleId, database);
  // A new save of an article drops the copies of images it no longer has.
  const sources = new Set(imageSources(safeHtml));
  const gone = only ? [] : [...stored.keys()].filter((u) => !sources.has(u));
  for (const u of gone) stored.delete(u);
  let total = [...stored.values()].reduce((n, b) => n + b.size, 0);
  const wanted = (only ?? imageSources(safeHtml).slice(0, MAX_IMAGES)).filter((u) => !stored.has(u));
  const rows: ImageRow[] = [];
  for (const url of wanted) {
    try {
      const blob = await readImage(await fetcher(url), p.maxImageBytes);
      if (!blob) continue;
      fetched.set(url, blob);
      if (!p.storeImages || total + blob.size > p.maxArticleImageBytes) continue;
      total += blob.size;
      rows.push({ articleId, url, blob });
    } catch {
      // Offline or blocked: the image stays remote; the text is saved anyway.
    }
  }
  await database.transaction('rw', database.images, database.articles, async () => {
    await database.images.bulkDelete(gone.map((u) => [articleId, u] as [number, string]));
    await database.images.bulkPut(rows);
    await database.articles.update(articleId, { imageBytes: total });
  });
  return fetched;
}

export async function getImages(articleId: number, database: LisibleDB = db()): Promise<Map<string, Blob>> {
  const rows = await database.images.where('articleId').equals(articleId).toArray();
  return new Map(rows.map((r) => [r.url, r.blob]));
}
