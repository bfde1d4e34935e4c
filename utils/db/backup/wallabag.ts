// wallabag's JSON export: an array of entries with url, title, content (HTML, sanitized here), tags,
// flags and dates.
import type { Article } from '../../extract/types';
import { inertDocument } from '../../safety/sanitize';
import { emptyArticle, fail, flag, isHttp, MAX, saved, short, tagsOf, time, type Incoming } from './incoming';

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'BR',
  'TR',
  'SECTION',
  'ARTICLE',
]);

/** Plain text of sanitized HTML, one line per block (imports carry HTML only). */
export function htmlToText(safeHtml: string): string {
  const doc = inertDocument(safeHtml);
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    const block = n.nodeType === 1 && (BLOCKS.has(n.nodeName) || /^H[1-6]$/.test(n.nodeName));
    if (block) parts.push('\n');
    for (const c of n.childNodes) walk(c);
    if (block) parts.push('\n');
  };
  walk(doc.body);
  return parts
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

export function isWallabag(data: unknown): data is unknown[] {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data.every(
      (e) => typeof e === 'object' && e !== null && 'url' in e && ('is_archived' in e || 'content' in e),
    )
  );
}

export function fromWallabagEntry(raw: unknown, n: number, sanitize: (h: string) => string): Incoming {
  const e = raw as Record<string, unknown>;
  if (!isHttp(e.url)) return fail(`wallabag entry ${n}: no http(s) url.`);
  const html = typeof e.content === 'string' ? sanitize(e.content) : '';
  const text = htmlToText(html);
  const words = text ? text.split(/\s+/).length : 0;
  const by = Array.isArray(e.published_by)
    ? e.published_by.filter((x) => typeof x === 'string').join(', ')
    : '';
  const tags = Array.isArray(e.tags)
    ? e.tags.map((t) => (typeof t === 'string' ? t : (t as { label?: unknown })?.label))
    : [];
  const minutes = Number(e.reading_time);
  const a: Article = {
    ...emptyArticle(e.url, typeof e.title === 'string' ? e.title : ''),
    contentHtml: html,
    textContent: text,
    wordCount: words,
    readingTimeMinutes:
      Number.isFinite(minutes) && minutes >= 0 && minutes < 100_000
        ? minutes
        : Math.max(1, Math.round(words / 230)),
    byline: short(by) || null,
    publishedTime: short(e.published_at, 100) || null,
    lang: short(e.language, 35) || null,
    leadImage: isHttp(e.preview_picture) ? e.preview_picture : null,
    siteName: short(e.domain_name) || null,
  };
  if (a.contentHtml.length > 5_000_000) fail(`wallabag entry ${n}: content too large.`);
  a.title = a.title.slice(0, MAX.title);
  const savedAt = time(e.created_at);
  return {
    article: saved(a, {
      savedAt,
      updatedAt: time(e.updated_at) ?? savedAt,
      read: flag(e.is_archived),
      archived: flag(e.is_archived),
      favourite: flag(e.is_starred),
      tags: tagsOf(tags),
    }),
    images: [],
  };
}
