// Runtime shape checks for data that crosses a trust boundary (messages from content scripts,
// imported files). Type annotations vanish at run time; these do not.
import type { Article } from '../extract/types';

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const MAX_HTML = 5_000_000;

function isHttpUrl(v: unknown): v is string {
  if (!isStr(v)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Returns the reason an object is not a storable Article, or null when it is one. */
export function articleProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'not an object';
  const a = v as Record<string, unknown>;
  if (!isHttpUrl(a.url)) return 'url must be an http(s) URL';
  if (!isHttpUrl(a.canonicalUrl)) return 'canonicalUrl must be an http(s) URL';
  if (!isStr(a.title) || a.title.trim() === '' || a.title.length > 1000) return 'title missing or too long';
  if (!isStr(a.excerpt)) return 'excerpt must be a string';
  for (const k of ['byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'leadImage'] as const)
    if (!isStrOrNull(a[k])) return `${k} must be a string or null`;
  if (!isStr(a.contentHtml) || a.contentHtml.length > MAX_HTML) return 'contentHtml missing or too large';
  if (!isStr(a.textContent) || a.textContent.length > MAX_HTML) return 'textContent missing or too large';
  if (typeof a.wordCount !== 'number' || !Number.isFinite(a.wordCount) || a.wordCount < 0)
    return 'bad wordCount';
  if (typeof a.readingTimeMinutes !== 'number' || !Number.isFinite(a.readingTimeMinutes))
    return 'bad readingTimeMinutes';
  if (typeof a.teaser !== 'boolean') return 'teaser must be a boolean';
  if (a.commune !== null) {
    if (typeof a.commune !== 'object') return 'bad commune';
    const c = a.commune as Record<string, unknown>;
    if (!isStr(c.name) || !isStrOrNull(c.postcode)) return 'bad commune';
  }
  return null;
}

export function isArticle(v: unknown): v is Article {
  return articleProblem(v) === null;
}
