// The only functions the rest of the code calls to read or write saved articles.
import { bareHost, identityUrl, siteOfUrl } from '../core/url';
import Dexie from 'dexie';
import type { Article } from '../extract/types';
import { failure, type Failure } from './errors';
import { quietly } from './quiet';
import {
  db,
  toRow,
  type ArticleRow,
  type BodyRow,
  type ImageRow,
  type LisibleDB,
  type SavedArticle,
} from './schema';

export type SaveResult = { ok: true; id: number; updated: boolean } | Failure;

const TRACKING_PARAM =
  /^(utm_[a-z_]+|xtor|xts|at_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_[a-z]+|_ga|ref_src|cmp|campaign|from|origine)$/i;

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
  u.hostname = bareHost(u.hostname);
  if (u.pathname !== '/') u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString().replace(/\?$/, '');
}

/** The site an article is filed under: its host without "www.". */
export const siteOf = siteOfUrl;

/**
 * Identity is computed, never trusted: the canonical URL counts only when the page may claim it
 * (`sameSite`: same host or a parent/subdomain of it). A page on host B whose canonical names an article
 * of host A is filed under its own URL, and its claimed canonical is not kept. Used by saves and imports.
 */
export function withIdentity<T extends Pick<Article, 'url' | 'canonicalUrl'>>(
  a: T,
): T & { key: string; site: string } {
  const id = identityUrl(a);
  return { ...a, canonicalUrl: id === a.url ? a.url : a.canonicalUrl, key: articleKey(id), site: siteOf(id) };
}

/** Fields the user owns: a new save of the same URL refreshes the text, never these. */
const KEPT = ['savedAt', 'read', 'progress', 'favourite', 'archived', 'tags', 'imageBytes'] as const;

/**
 * Saves or updates an article (its contentHtml already passed through utils/sanitize.ts, unless
 * `unsanitized`: a save from the background, which has no DOM). Metadata and body are written in one
 * read-write transaction, so two tabs saving the same URL at once end with one row, and a failure
 * (quota) leaves nothing half-written.
 */
export async function saveArticle(
  article: Article,
  database: LisibleDB = db(),
  opts: { unsanitized?: boolean } = {},
  attempt = 0,
): Promise<SaveResult> {
  const { key, site, canonicalUrl } = withIdentity(article);
  const now = Date.now();
  try {
    return await database.transaction('rw', database.articles, database.bodies, async () => {
      const existing = await database.articles.where('key').equals(key).first();
      const row = toRow({
        ...article,
        canonicalUrl,
        key,
        site,
        savedAt: now,
        updatedAt: now,
        read: 0,
      });
      if (opts.unsanitized) row.unsanitized = 1;
      else delete row.unsanitized;
      const body = { contentHtml: article.contentHtml, textContent: article.textContent };
      if (existing?.id !== undefined) {
        for (const k of KEPT) (row as unknown as Record<string, unknown>)[k] = existing[k];
        await database.articles.put({ ...row, id: existing.id });
        await database.bodies.put({ id: existing.id, ...body });
        return { ok: true as const, id: existing.id, updated: true };
      }
      const id = (await database.articles.add(row)) as number;
      await database.bodies.put({ id, ...body });
      return { ok: true as const, id, updated: false };
    });
  } catch (e) {
    if (e instanceof Dexie.ConstraintError && attempt === 0) {
      // Lost a race with another database connection (another tab) inserting the same key: the other
      // transaction committed first, so retry once as an update of its row.
      return saveArticle(article, database, opts, 1);
    }
    return failure(e);
  }
}

/** Newest first; never more than `limit` rows (metadata only). */
export async function listArticles(limit = 200, database: LisibleDB = db()): Promise<ArticleRow[]> {
  return database.articles.orderBy('[savedAt+id]').reverse().limit(limit).toArray();
}

export async function countArticles(database: LisibleDB = db()): Promise<number> {
  return database.articles.count();
}

/** Metadata and body of one article, for the reading view and exports. */
export async function getArticle(id: number, database: LisibleDB = db()): Promise<SavedArticle | undefined> {
  return database.transaction('r', database.articles, database.bodies, async () => {
    const [row, body] = await Promise.all([database.articles.get(id), database.bodies.get(id)]);
    if (!row) return undefined;
    return { ...row, contentHtml: body?.contentHtml ?? '', textContent: body?.textContent ?? '' };
  });
}

/** What a delete took away, so "Annuler" can put it back exactly. */
export interface Trash {
  rows: ArticleRow[];
  bodies: BodyRow[];
  images: ImageRow[];
}

export async function deleteArticles(ids: number[], database: LisibleDB = db()): Promise<Trash> {
  return database.transaction('rw', database.articles, database.bodies, database.images, async () => {
    const rows = (await database.articles.bulkGet(ids)).filter((r): r is ArticleRow => !!r);
    const bodies = (await database.bodies.bulkGet(ids)).filter((r): r is BodyRow => !!r);
    const images = await database.images.where('articleId').anyOf(ids).toArray();
    await database.images.where('articleId').anyOf(ids).delete();
    await database.bodies.bulkDelete(ids);
    await database.articles.bulkDelete(ids);
    return { rows, bodies, images };
  });
}

export async function deleteArticle(id: number, database: LisibleDB = db()): Promise<Trash> {
  return deleteArticles([id], database);
}

/** Undo of a delete. An article saved again meanwhile (same key) wins: its row is kept, ours dropped. */
export async function restoreArticles(trash: Trash, database: LisibleDB = db()): Promise<number> {
  return database.transaction('rw', database.articles, database.bodies, database.images, async () => {
    const taken = new Set(
      (
        await database.articles
          .where('key')
          .anyOf(trash.rows.map((r) => r.key))
          .toArray()
      ).map((r) => r.key),
    );
    const rows = trash.rows.filter((r) => !taken.has(r.key));
    const ids = new Set(rows.map((r) => r.id));
    await database.articles.bulkPut(rows);
    await database.bodies.bulkPut(trash.bodies.filter((b) => ids.has(b.id)));
    await database.images.bulkPut(trash.images.filter((i) => ids.has(i.articleId)));
    return rows.length;
  });
}

export type Flags = Partial<Pick<ArticleRow, 'read' | 'favourite' | 'archived'>>;

export async function setFlags(ids: number[], flags: Flags, database: LisibleDB = db()): Promise<void> {
  await database.articles.where(':id').anyOf(ids).modify(flags);
}

/** Folds a user's tag to a stable form: trimmed, single spaces, lower case (accents kept for display). */
export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 60);
}

export async function addTag(ids: number[], tag: string, database: LisibleDB = db()): Promise<void> {
  const t = normalizeTag(tag);
  if (!t) return;
  await database.articles
    .where(':id')
    .anyOf(ids)
    .modify((r) => {
      if (!r.tags.includes(t)) r.tags = [...r.tags, t];
    });
}

export async function removeTag(ids: number[], tag: string, database: LisibleDB = db()): Promise<void> {
  await database.articles
    .where(':id')
    .anyOf(ids)
    .modify((r) => {
      r.tags = r.tags.filter((x) => x !== tag);
    });
}

/** Reading progress (0..1); reaching the end marks the article read. */
export async function setProgress(id: number, progress: number, database: LisibleDB = db()): Promise<void> {
  const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  await database.articles.update(id, p >= 0.95 ? { progress: p, read: 1 } : { progress: p });
}

/** Values for the filter menus, read from the indexes only (no row is loaded). */
export async function facets(
  database: LisibleDB = db(),
): Promise<{ sites: string[]; communes: string[]; tags: string[] }> {
  const [sites, communes, tags] = await Promise.all([
    database.articles.orderBy('site').uniqueKeys(),
    database.articles.orderBy('communeName').uniqueKeys(),
    database.articles.orderBy('tags').uniqueKeys(),
  ]);
  const str = (a: unknown[]) => a.filter((x): x is string => typeof x === 'string' && x !== '');
  return { sites: str(sites), communes: str(communes), tags: str(tags) };
}

/** Rows saved by the background (no DOM there) whose body the library page must sanitize. */
export async function cleanUnsanitized(
  sanitize: (html: string) => string,
  database: LisibleDB = db(),
): Promise<number> {
  const rows = (await database.articles.where('unsanitized').equals(1).primaryKeys()) as number[];
  for (const id of rows) {
    const body = await database.bodies.get(id);
    // Quiet: cleaning a stored body is not a new save (the sync must not push it as newer text).
    await quietly(database, ['articles', 'bodies'], async () => {
      if (body) await database.bodies.put({ ...body, contentHtml: sanitize(body.contentHtml) });
      await database.articles
        .where(':id')
        .equals(id)
        .modify((r) => void delete r.unsanitized);
    });
  }
  return rows.length;
}
