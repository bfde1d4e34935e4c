// Export and import of the library.
//  - Lisible backup: versioned JSON, lossless (every field, tags, flags, progress, images in base64).
//  - Markdown and standalone HTML of one article or a selection (strings built here: no DOM, no sink).
//  - Imports: our backup (merged by canonical URL, no duplicates), Pocket (CSV or HTML export),
//    wallabag (JSON export). Everything is parsed and validated first; then one transaction writes it
//    all, so a malformed or foreign file writes nothing.
import { decodeEntities, escapeHtml } from '../core/entities';
import type { Article } from '../extract/types';
import { articleProblem } from '../safety/validate';
import { articleKey, normalizeTag, siteOf } from './articles';
import { LibraryError } from './errors';
import { userRulesForBackup, userRulesFromBackup, type BackupUserRule } from './user-rules-backup';
import {
  db,
  toRow,
  type ArticleRow,
  type ImageRow,
  type LisibleDB,
  type PrefRow,
  type SavedArticle,
} from './schema';

export const BACKUP_FORMAT = 'lisible-library';
export const BACKUP_VERSION = 1;

export interface BackupImage {
  url: string;
  type: string;
  /** base64 of the bytes. */
  data: string;
}
export type BackupArticle = Omit<SavedArticle, 'words'> & { images?: BackupImage[] };
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  articles: BackupArticle[];
  prefs: PrefRow[];
  userRules?: BackupUserRule[];
}

// ------------------------------------------------------------------------------------------------
// base64 without Buffer (extension pages) and without a DOM (Node benchmark).

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes of a Blob; FileReader where Blob.arrayBuffer is missing (jsdom in tests, old engines). */
async function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

// ------------------------------------------------------------------------------------------------
// Export

const BATCH = 500;

/** Every article (all of them, or `ids`), with bodies and, unless `images: false`, image bytes. */
export async function exportBackup(
  { ids, images = true }: { ids?: number[]; images?: boolean } = {},
  database: LisibleDB = db(),
): Promise<Backup> {
  const articles: BackupArticle[] = [];
  const addBatch = async (rows: ArticleRow[]) => {
    const keys = rows.map((r) => r.id!);
    const bodies = await database.bodies.bulkGet(keys);
    const imgs = images ? await database.images.where('articleId').anyOf(keys).toArray() : [];
    const byArticle = new Map<number, ImageRow[]>();
    for (const i of imgs) byArticle.set(i.articleId, [...(byArticle.get(i.articleId) ?? []), i]);
    for (const [n, { words: _w, ...row }] of rows.entries()) {
      const a: BackupArticle = {
        ...row,
        contentHtml: bodies[n]?.contentHtml ?? '',
        textContent: bodies[n]?.textContent ?? '',
      };
      const list = byArticle.get(row.id!);
      if (list?.length)
        a.images = await Promise.all(
          list.map(async (i) => ({ url: i.url, type: i.blob.type, data: toBase64(await blobBytes(i.blob)) })),
        );
      articles.push(a);
    }
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += BATCH)
      await addBatch(
        (await database.articles.bulkGet(ids.slice(i, i + BATCH))).filter((r): r is ArticleRow => !!r),
      );
  } else {
    // By primary key in batches: the whole library is never one toArray().
    let last = 0;
    for (;;) {
      const rows = await database.articles.where(':id').above(last).limit(BATCH).toArray();
      if (rows.length === 0) break;
      last = rows[rows.length - 1]!.id!;
      await addBatch(rows);
    }
  }
  const prefs = ids ? [] : await database.prefs.toArray();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    articles,
    prefs,
    ...(ids ? {} : { userRules: await userRulesForBackup(database) }),
  };
}

export async function exportBackupJson(
  opts: { ids?: number[]; images?: boolean } = {},
  database: LisibleDB = db(),
): Promise<string> {
  return JSON.stringify(await exportBackup(opts, database));
}

/** Plain text of an HTML string (imports carry HTML only): tags dropped, blocks on their own lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<\/?(p|div|h[1-6]|li|blockquote|figure|figcaption|br|tr|section|article)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** Markdown of one article. The body is converted from the stored sanitized HTML by patterns. */
export function toMarkdown(a: SavedArticle): string {
  const md = a.contentHtml
    .replace(
      /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi,
      (_, n: string, t: string) => `\n\n${'#'.repeat(Math.min(6, Number(n) + 1))} ${t}\n\n`,
    )
    .replace(/<img\b[^>]*?\ssrc="([^"]*)"[^>]*?>/gi, (m, src: string) => {
      const alt = /\salt="([^"]*)"/i.exec(m)?.[1] ?? '';
      return `![${alt}](${src})`;
    })
    .replace(
      /<a\b[^>]*?\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_, href: string, t: string) => `[${t}](${href})`,
    )
    .replace(/<\/?(strong|b)>/gi, '**')
    .replace(/<\/?(em|i)>/gi, '_')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<blockquote\b[^>]*>/gi, '\n\n> ')
    .replace(/<br\s*\/?>/gi, '  \n')
    .replace(/<\/(p|div|ul|ol|figure|figcaption|blockquote|table|tr)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  const meta = [
    a.siteName ?? a.site,
    a.byline,
    a.publishedTime?.slice(0, 10),
    a.commune ? `${a.commune.name}${a.commune.postcode ? ` (${a.commune.postcode})` : ''}` : null,
  ].filter(Boolean);
  const head = [`# ${a.title}`, '', meta.join(' · '), '', `<${a.url}>`];
  if (a.excerpt) head.push('', `> ${a.excerpt}`);
  if (a.tags.length) head.push('', a.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' '));
  return `${head.join('\n')}\n\n${decodeEntities(md)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * A standalone HTML page of one or more articles: metadata escaped, bodies are the stored sanitized
 * HTML (sanitized again by `sanitize` when given), images inlined as data: URLs when provided.
 */
export function toStandaloneHtml(
  articles: SavedArticle[],
  {
    images,
    sanitize,
    lang = 'fr',
  }: { images?: Map<number, BackupImage[]>; sanitize?: (h: string) => string; lang?: string } = {},
): string {
  const parts = articles.map((a) => {
    let body = sanitize ? sanitize(a.contentHtml) : a.contentHtml;
    for (const img of images?.get(a.id!) ?? [])
      body = body
        .split(`src="${escapeHtml(img.url).replace(/&#39;/g, "'")}"`)
        .join(`src="data:${img.type};base64,${img.data}"`);
    const meta = [a.siteName ?? a.site, a.byline, a.publishedTime?.slice(0, 10)]
      .filter(Boolean)
      .map((s) => escapeHtml(s!));
    return `<article>
<header><h1>${escapeHtml(a.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${a.excerpt ? `<p class="excerpt">${escapeHtml(a.excerpt)}</p>` : ''}
<p><a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a></p></header>
${body}
</article>`;
  });
  const title = articles.length === 1 ? escapeHtml(articles[0]!.title) : 'Lisible';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'">
<title>${title}</title>
<style>body{font:1.1rem/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
img{max-width:100%;height:auto}.meta{font:.85rem system-ui,sans-serif;color:#555}.excerpt{font-weight:600}
article+article{border-top:2px solid #ccc;margin-top:3rem;padding-top:1rem}</style>
</head><body>
${parts.join('\n')}
</body></html>
`;
}

// ------------------------------------------------------------------------------------------------
// Import

export type ImportFormat = 'lisible' | 'pocket-csv' | 'pocket-html' | 'wallabag';
export interface ImportResult {
  format: ImportFormat;
  added: number;
  updated: number;
  unchanged: number;
}

type Incoming = { article: SavedArticle; images: BackupImage[] };

const fail = (message: string): never => {
  throw new LibraryError('invalid', message);
};

function emptyArticle(url: string, title: string): Article {
  return {
    url,
    canonicalUrl: url,
    title: title.trim() || url,
    excerpt: '',
    byline: null,
    siteName: null,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    leadImage: null,
    contentHtml: '',
    textContent: '',
    wordCount: 0,
    readingTimeMinutes: 0,
    teaser: false,
    commune: null,
  };
}

function saved(a: Article, given: Partial<SavedArticle>): SavedArticle {
  const now = Date.now();
  // Missing values (undefined) must not override the defaults below.
  const extra = Object.fromEntries(
    Object.entries(given).filter(([, v]) => v !== undefined),
  ) as Partial<SavedArticle>;
  return {
    ...toRow({
      ...a,
      key: articleKey(a.canonicalUrl || a.url),
      site: siteOf(a.canonicalUrl || a.url),
      savedAt: extra.savedAt ?? now,
      updatedAt: extra.updatedAt ?? extra.savedAt ?? now,
      read: extra.read ?? 0,
      ...extra,
    }),
    contentHtml: a.contentHtml,
    textContent: a.textContent,
  };
}

function isHttp(u: unknown): u is string {
  return typeof u === 'string' && /^https?:\/\//i.test(u);
}
const flag = (v: unknown): 0 | 1 => (v === true || v === 1 || v === '1' ? 1 : 0);
const time = (v: unknown): number | undefined => {
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v
        ? /^\d+$/.test(v)
          ? Number(v) * 1000
          : Date.parse(v)
        : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

function fromLisible(b: Record<string, unknown>, sanitize: (h: string) => string): Incoming[] {
  if (typeof b.version !== 'number' || b.version > BACKUP_VERSION)
    fail(
      `Lisible backup version ${String(b.version)} is newer than this Lisible understands (${BACKUP_VERSION}).`,
    );
  if (!Array.isArray(b.articles)) fail('Lisible backup without an articles list.');
  return (b.articles as unknown[]).map((raw, n) => {
    const problem = articleProblem(raw);
    if (problem) fail(`Article ${n + 1}: ${problem}.`);
    const a = raw as BackupArticle;
    if (typeof a.savedAt !== 'number' || typeof a.key !== 'string')
      fail(`Article ${n + 1}: missing library fields.`);
    const images = a.images ?? [];
    if (
      !Array.isArray(images) ||
      images.some((i) => !isHttp(i?.url) || typeof i.data !== 'string' || typeof i.type !== 'string')
    )
      fail(`Article ${n + 1}: bad images.`);
    const { images: _i, ...rest } = a;
    const row = toRow({
      ...rest,
      tags: Array.isArray(rest.tags) ? rest.tags.filter((t) => typeof t === 'string') : [],
    });
    return {
      article: { ...row, contentHtml: sanitize(rest.contentHtml), textContent: rest.textContent },
      images,
    };
  });
}

function fromWallabag(entries: unknown[], sanitize: (h: string) => string): Incoming[] {
  return entries.map((raw, n) => {
    const e = raw as Record<string, unknown>;
    if (typeof e !== 'object' || e === null || !isHttp(e.url))
      fail(`wallabag entry ${n + 1}: no http(s) url.`);
    const html = typeof e.content === 'string' ? sanitize(e.content) : '';
    const text = htmlToText(html);
    const words = text ? text.split(/\s+/).length : 0;
    const by = Array.isArray(e.published_by)
      ? e.published_by.filter((x) => typeof x === 'string').join(', ')
      : null;
    const tags = Array.isArray(e.tags)
      ? e.tags
          .map((t) =>
            normalizeTag(
              typeof t === 'string'
                ? t
                : typeof (t as { label?: unknown })?.label === 'string'
                  ? (t as { label: string }).label
                  : '',
            ),
          )
          .filter(Boolean)
      : [];
    const a: Article = {
      ...emptyArticle(e.url as string, typeof e.title === 'string' ? e.title : ''),
      contentHtml: html,
      textContent: text,
      wordCount: words,
      readingTimeMinutes:
        typeof e.reading_time === 'number' ? e.reading_time : Math.max(1, Math.round(words / 230)),
      byline: by || null,
      publishedTime: typeof e.published_at === 'string' ? e.published_at : null,
      lang: typeof e.language === 'string' ? e.language : null,
      leadImage: isHttp(e.preview_picture) ? e.preview_picture : null,
      siteName: typeof e.domain_name === 'string' ? e.domain_name : null,
    };
    const savedAt = time(e.created_at);
    return {
      article: saved(a, {
        savedAt,
        updatedAt: time(e.updated_at) ?? savedAt,
        read: flag(e.is_archived),
        archived: flag(e.is_archived),
        favourite: flag(e.is_starred),
        tags,
      }),
      images: [],
    };
  });
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

function fromPocketCsv(text: string): Incoming[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = (name: string) => header!.indexOf(name);
  const [ti, ui, ai, gi, si] = [col('title'), col('url'), col('time_added'), col('tags'), col('status')];
  if (ui < 0) fail('Pocket CSV without a url column.');
  return rows.map((r, n) => {
    const url = r[ui] ?? '';
    if (!isHttp(url)) fail(`Pocket line ${n + 2}: no http(s) url.`);
    const read = r[si] === 'archive' ? 1 : 0;
    const tags = (gi >= 0 ? (r[gi] ?? '') : '').split('|').map(normalizeTag).filter(Boolean);
    return {
      article: saved(emptyArticle(url, ti >= 0 ? (r[ti] ?? '') : ''), {
        savedAt: time(r[ai]),
        read,
        archived: read,
        tags,
      }),
      images: [],
    };
  });
}

function fromPocketHtml(html: string): Incoming[] {
  const out: Incoming[] = [];
  // Pocket's export is a fixed, flat format: <h1>Unread|Read Archive</h1><ul><li><a href=… time_added=… tags=…>title</a>.
  let read: 0 | 1 = 0;
  for (const m of html.matchAll(/<h1>([^<]*)<\/h1>|<a\s([^>]*)>([\s\S]*?)<\/a>/gi)) {
    if (m[1] !== undefined) {
      read = /archive/i.test(m[1]) ? 1 : 0;
      continue;
    }
    const attr = (name: string) =>
      decodeEntities(new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(m[2]!)?.[1] ?? '');
    const url = attr('href');
    if (!isHttp(url)) continue;
    const tags = attr('tags').split(',').map(normalizeTag).filter(Boolean);
    out.push({
      article: saved(emptyArticle(url, htmlToText(m[3]!)), {
        savedAt: time(attr('time_added')),
        read,
        archived: read,
        tags,
      }),
      images: [],
    });
  }
  if (out.length === 0) fail('No Pocket link found in this HTML file.');
  return out;
}

/** Recognizes the file and turns it into articles, or throws LibraryError('invalid') with the reason. */
export function parseImport(
  text: string,
  sanitize: (h: string) => string,
): { format: ImportFormat; items: Incoming[] } {
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('{') || head.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return fail('This file is not valid JSON.');
    }
    if (
      typeof data === 'object' &&
      data !== null &&
      !Array.isArray(data) &&
      (data as { format?: unknown }).format === BACKUP_FORMAT
    )
      return { format: 'lisible', items: fromLisible(data as Record<string, unknown>, sanitize) };
    if (
      Array.isArray(data) &&
      data.length > 0 &&
      data.every(
        (e) => typeof e === 'object' && e !== null && 'url' in e && ('is_archived' in e || 'content' in e),
      )
    )
      return { format: 'wallabag', items: fromWallabag(data, sanitize) };
    return fail('This JSON file is neither a Lisible backup nor a wallabag export.');
  }
  const header = (parseCsv(head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '')[0] ?? []).map((h) =>
    h.trim().toLowerCase(),
  );
  if (header.includes('url') && (header.includes('title') || header.includes('time_added')))
    return { format: 'pocket-csv', items: fromPocketCsv(text) };
  if (/<!DOCTYPE NETSCAPE-Bookmark|<title>Pocket Export<\/title>/i.test(head))
    return { format: 'pocket-html', items: fromPocketHtml(text) };
  return fail(
    'Unknown file: expected a Lisible backup, a Pocket export (CSV or HTML) or a wallabag JSON export.',
  );
}

/** Merge of two versions of one article: newer text wins, tags united, furthest reading state kept. */
function merge(existing: ArticleRow, incoming: ArticleRow): ArticleRow {
  const newer = incoming.updatedAt > existing.updatedAt;
  return {
    ...(newer ? incoming : existing),
    id: existing.id,
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    read: (existing.read | incoming.read) as 0 | 1,
    favourite: (existing.favourite | incoming.favourite) as 0 | 1,
    archived: newer ? incoming.archived : existing.archived,
    progress: Math.max(existing.progress, incoming.progress),
  };
}

/**
 * Imports a file: parses and validates everything first, then writes in ONE transaction (all or
 * nothing), with bulk operations. Articles already in the library (same canonical URL) are merged.
 */
export async function importFile(
  text: string,
  { sanitize }: { sanitize: (h: string) => string },
  database: LisibleDB = db(),
): Promise<ImportResult> {
  const { format, items } = parseImport(text, sanitize);
  const userRules = userRulesFromBackup(format === 'lisible' ? text : '{}');
  const prefs: PrefRow[] = [];
  if (format === 'lisible') {
    const raw = (JSON.parse(text) as { prefs?: unknown }).prefs;
    if (Array.isArray(raw))
      for (const p of raw)
        if (p && (p.key === 'classifieds' || p.key === 'library')) prefs.push(p as PrefRow);
  }
  // The same URL twice in one file (Pocket exports have it) is one article.
  const byKey = new Map<
    string,
    { row: ArticleRow; body: { contentHtml: string; textContent: string }; images: BackupImage[] }
  >();
  for (const { article, images } of items) {
    const { contentHtml, textContent, ...row } = article;
    const prev = byKey.get(row.key);
    const newer = !prev || row.updatedAt >= prev.row.updatedAt;
    byKey.set(row.key, {
      row: prev ? { ...merge(prev.row, row), id: prev.row.id } : row,
      body: newer ? { contentHtml, textContent } : prev.body,
      images: newer && images.length ? images : (prev?.images ?? images),
    });
  }
  const incoming = [...byKey.values()];
  // Decode images before the transaction: a transaction must not wait on anything but the database.
  const blobs = incoming.map((it) =>
    it.images.map((i) => ({ url: i.url, blob: new Blob([fromBase64(i.data)], { type: i.type }) })),
  );
  const result: ImportResult = { format, added: 0, updated: 0, unchanged: 0 };
  await database.transaction(
    'rw',
    [database.articles, database.bodies, database.images, database.prefs],
    async () => {
      const existing = new Map<string, ArticleRow>();
      const keys = incoming.map((i) => i.row.key);
      for (let i = 0; i < keys.length; i += BATCH)
        for (const r of await database.articles
          .where('key')
          .anyOf(keys.slice(i, i + BATCH))
          .toArray())
          existing.set(r.key, r);
      const wanted = incoming.map((i) => i.row.id).filter((id): id is number => id !== undefined);
      const taken = new Set((await database.articles.bulkGet(wanted)).filter((r) => !!r).map((r) => r!.id!));
      const puts: ArticleRow[] = [];
      const bodies: Array<{ id: number; contentHtml: string; textContent: string }> = [];
      const adds: number[] = [];
      const imageRows: ImageRow[] = [];
      const imageOwners: number[] = [];
      incoming.forEach(({ row, body }, n) => {
        const old = existing.get(row.key);
        if (old) {
          const merged = merge(old, row);
          const newer = row.updatedAt > old.updatedAt;
          if (JSON.stringify(merged) === JSON.stringify(old) && !(newer && body.contentHtml)) {
            result.unchanged++;
            return;
          }
          puts.push(merged);
          if (newer && (body.contentHtml || body.textContent)) bodies.push({ id: old.id!, ...body });
          if (blobs[n]!.length) {
            imageOwners.push(old.id!);
            imageRows.push(...blobs[n]!.map((b) => ({ articleId: old.id!, ...b })));
          }
          result.updated++;
        } else adds.push(n);
      });
      // New articles keep the backup's id when it is free, so a restore into an empty library is identical.
      const free = adds.filter((n) => incoming[n]!.row.id !== undefined && !taken.has(incoming[n]!.row.id!));
      const freeSet = new Set(free);
      const fresh = adds.filter((n) => !freeSet.has(n));
      await database.articles.bulkAdd(free.map((n) => incoming[n]!.row));
      const newIds = (await database.articles.bulkAdd(
        fresh.map((n) => {
          const { id: _id, ...row } = incoming[n]!.row;
          return row;
        }),
        { allKeys: true },
      )) as number[];
      const ids = new Map<number, number>([
        ...free.map((n) => [n, incoming[n]!.row.id!] as const),
        ...fresh.map((n, k) => [n, newIds[k]!] as const),
      ]);
      for (const [n, id] of ids) {
        bodies.push({ id, ...incoming[n]!.body });
        if (blobs[n]!.length) imageRows.push(...blobs[n]!.map((b) => ({ articleId: id, ...b })));
      }
      result.added = ids.size;
      await database.articles.bulkPut(puts);
      await database.bodies.bulkPut(bodies);
      if (imageOwners.length) await database.images.where('articleId').anyOf(imageOwners).delete();
      await database.images.bulkPut(imageRows);
      if (prefs.length) await database.prefs.bulkPut(prefs);
    },
  );
  await userRules.write(database);
  return result;
}
