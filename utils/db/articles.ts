// The only functions the rest of the code calls to read or write saved articles.
import Dexie from 'dexie';
import type { Article } from '../extract/types';
import { db, type LisibleDB, type SavedArticle } from './schema';

export type SaveResult =
  | { ok: true; id: number; updated: boolean }
  | { ok: false; error: 'quota' | 'unavailable' | 'invalid' | 'unknown'; message: string };

const TRACKING_PARAM = /^(utm_[a-z_]+|xtor|xts|at_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_[a-z]+|_ga|ref_src|cmp|campaign|from|origine)$/i;

/** The identity of an article: canonical URL without tracking parameters, fragment or trailing slash. */
export function articleKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  if (u.pathname !== '/') u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString().replace(/\?$/, '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function classify(e: unknown): SaveResult {
  const name = e instanceof Error ? (e as Error & { inner?: Error }).inner?.name || e.name : '';
  if (name === 'QuotaExceededError')
    return { ok: false, error: 'quota', message: 'Storage is full: the article was not saved.' };
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'DatabaseClosedError')
    return { ok: false, error: 'unavailable', message: 'The library database cannot be opened here.' };
  return { ok: false, error: 'unknown', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Saves or updates an article (its contentHtml already passed through utils/sanitize.ts).
 * Runs in one read-write transaction, so two tabs saving the same URL at once end with one row.
 */
export async function saveArticle(article: Article, database: LisibleDB = db(), attempt = 0): Promise<SaveResult> {
  const key = articleKey(article.canonicalUrl || article.url);
  const now = Date.now();
  try {
    return await database.transaction('rw', database.articles, async () => {
      const existing = await database.articles.where('key').equals(key).first();
      const row: SavedArticle = {
        ...article,
        key,
        site: hostOf(article.canonicalUrl || article.url),
        savedAt: existing?.savedAt ?? now,
        updatedAt: now,
        read: existing?.read ?? 0,
      };
      if (existing?.id !== undefined) {
        await database.articles.put({ ...row, id: existing.id });
        return { ok: true as const, id: existing.id, updated: true };
      }
      const id = await database.articles.add(row);
      return { ok: true as const, id: id as number, updated: false };
    });
  } catch (e) {
    if (e instanceof Dexie.ConstraintError && attempt === 0) {
      // Lost a race with another database connection inserting the same key: retry once as an update.
      return saveArticle(article, database, 1);
    }
    return classify(e);
  }
}

/** Newest first; the list never loads more than `limit` rows. */
export async function listArticles(limit = 200, database: LisibleDB = db()): Promise<SavedArticle[]> {
  return database.articles.orderBy('savedAt').reverse().limit(limit).toArray();
}

export async function getArticle(id: number, database: LisibleDB = db()): Promise<SavedArticle | undefined> {
  return database.articles.get(id);
}

export async function deleteArticle(id: number, database: LisibleDB = db()): Promise<void> {
  await database.articles.delete(id);
}
