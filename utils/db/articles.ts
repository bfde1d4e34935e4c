// The only functions the rest of the code calls to read or write saved articles.
import { bareHost, identityUrl, siteOfUrl } from '../core/url';
import Dexie from 'dexie';
import type { Article } from '../extract/types';
import { failure, type Failure } from './errors';
import { quietly } from './quiet';
import { deptOf } from '../communes/index';
import { loadCommunes } from '../communes/load';
import { withFacets } from './facets';
import {
  db,
  toRow,
  type ArticleRow,
  type BodyRow,
  type HighlightRow,
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
const KEPT = [
  'savedAt',
  'read',
  'progress',
  'favourite',
  'archived',
  'tags',
  'imageBytes',
  'highlightCount',
] as const;

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
    // The official communes, before the transaction (it must not wait on anything but the database).
    await loadCommunes();
    const { articles, bodies, highlights } = database;
    return await database.transaction('rw', articles, bodies, highlights, async () => {
      const existing = await database.articles.where('key').equals(key).first();
      const notes = existing ? await notesOf(existing.id!, database) : [];
      const row = toRow(
        { ...article, canonicalUrl, key, site, savedAt: now, updatedAt: now, read: 0 },
        notes,
      );
      if (opts.unsanitized) row.unsanitized = 1;
      else delete row.unsanitized;
      const body = { contentHtml: article.contentHtml, textContent: article.textContent };
      if (existing?.id !== undefined) {
        for (const k of KEPT) (row as unknown as Record<string, unknown>)[k] = existing[k];
        await database.articles.put(withFacets({ ...row, id: existing.id }));
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

/** Notes and quotes of an article's highlights (searchable with its text, utils/db/highlights.ts). */
export async function notesOf(id: number, database: LisibleDB = db()): Promise<string[]> {
  const list = await database.highlights.where('articleId').equals(id).toArray();
  return list.flatMap((h) => [h.note, h.exact]).filter(Boolean);
}

/**
 * How many articles the library holds outside the archive — or, with `archived`, in it: the figure the
 * library page shows next to its results (one range of the facets index, no row read).
 */
export async function countArticles(
  { archived = false }: { archived?: boolean } = {},
  database: LisibleDB = db(),
): Promise<number> {
  const prefix = `s|all|**${archived ? 1 : 0}`;
  return database.articles.where('facets').between([prefix, -Infinity], [prefix, Infinity]).count();
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
  highlights: HighlightRow[];
}

export async function deleteArticles(ids: number[], database: LisibleDB = db()): Promise<Trash> {
  const { articles, bodies: b, images: i, highlights: h } = database;
  return database.transaction('rw', [articles, b, i, h], async () => {
    const rows = (await articles.bulkGet(ids)).filter((r): r is ArticleRow => !!r);
    const bodies = (await b.bulkGet(ids)).filter((r): r is BodyRow => !!r);
    const images = await i.where('articleId').anyOf(ids).toArray();
    const highlights = await h.where('articleId').anyOf(ids).toArray();
    await i.where('articleId').anyOf(ids).delete();
    await h.where('articleId').anyOf(ids).delete();
    await b.bulkDelete(ids);
    await articles.bulkDelete(ids);
    return { rows, bodies, images, highlights };
  });
}

export async function deleteArticle(id: number, database: LisibleDB = db()): Promise<Trash> {
  return deleteArticles([id], database);
}

/** Undo of a delete. An article saved again meanwhile (same key) wins: its row is kept, ours dropped. */
export async function restoreArticles(trash: Trash, database: LisibleDB = db()): Promise<number> {
  const { articles, bodies, images, highlights } = database;
  return database.transaction('rw', [articles, bodies, images, highlights], async () => {
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
    await database.highlights.bulkPut((trash.highlights ?? []).filter((h) => ids.has(h.articleId)));
    return rows.length;
  });
}

export type Flags = Partial<Pick<ArticleRow, 'read' | 'favourite' | 'archived' | 'progress'>>;

/** Changes rows in place and recomputes their facets (every flag and tag write goes through here). */
export async function modifyRows(
  ids: number[],
  change: (r: ArticleRow) => void,
  database: LisibleDB = db(),
): Promise<void> {
  await database.articles
    .where(':id')
    .anyOf(ids)
    .modify((r) => {
      change(r);
      withFacets(r);
    });
}

export async function setFlags(ids: number[], flags: Flags, database: LisibleDB = db()): Promise<void> {
  await modifyRows(ids, (r) => Object.assign(r, flags), database);
}

/** Reading progress (0..1); reaching the end marks the article read. */
export async function setProgress(id: number, progress: number, database: LisibleDB = db()): Promise<void> {
  const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  await setFlags([id], p >= 0.95 ? { progress: p, read: 1 } : { progress: p }, database);
}

/** A commune of the filter menu: official name and département, keyed by INSEE code. */
export interface CommuneFacet {
  code: string;
  name: string;
  dept: string;
}

/** Values for the filter menus, read from the indexes (one row per commune for its name). */
export async function facets(
  database: LisibleDB = db(),
): Promise<{ sites: string[]; communes: CommuneFacet[]; tags: string[] }> {
  const [sites, codes, tags] = await Promise.all([
    database.articles.orderBy('site').uniqueKeys(),
    database.articles.orderBy('communeInsee').uniqueKeys(),
    database.articles.orderBy('tags').uniqueKeys(),
  ]);
  const str = (a: unknown[]) => a.filter((x): x is string => typeof x === 'string' && x !== '');
  // Each town once, by its code: the name is the official one the row stores.
  const communes = await Promise.all(
    str(codes).map(async (code) => {
      const row = await database.articles.where('communeInsee').equals(code).first();
      return { code, name: row?.commune?.name ?? code, dept: deptOf(code) };
    }),
  );
  communes.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.dept.localeCompare(b.dept));
  return { sites: str(sites), communes, tags: str(tags) };
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
