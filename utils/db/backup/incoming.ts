// What every importer produces (an article ready for the library, with its images) and the checks and
// conversions they share. Identity is recomputed here from the URL (never read from the file).
import { collapse } from '../../core/text';
import type { Article } from '../../extract/types';
import { withIdentity } from '../articles';
import { normalizeTag } from '../tags';
import { LibraryError } from '../errors';
import { toRow, type SavedArticle } from '../schema';
import type { BackupHighlight, BackupImage } from './format';

export type Incoming = { article: SavedArticle; images: BackupImage[]; highlights?: BackupHighlight[] };

export const fail = (message: string): never => {
  throw new LibraryError('invalid', message);
};

/** Caps on imported strings (characters). */
export const MAX = { url: 8192, title: 1000, short: 500, excerpt: 10_000, tags: 100 } as const;
/** Dates must fall between 1990 and 2200 (ms since the epoch). */
const DATE_RANGE = [631_152_000_000, 7_258_118_400_000] as const;

export function isHttp(u: unknown): u is string {
  return typeof u === 'string' && u.length <= MAX.url && /^https?:\/\/[^\s]/i.test(u);
}
export const flag = (v: unknown): 0 | 1 => (v === true || v === 1 || v === '1' ? 1 : 0);
/** A date from a number (ms), a string of seconds or an ISO date; undefined when absent or absurd. */
export const time = (v: unknown): number | undefined => {
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v
        ? /^\d+$/.test(v)
          ? Number(v) * 1000
          : Date.parse(v)
        : NaN;
  return Number.isFinite(n) && n >= DATE_RANGE[0] && n <= DATE_RANGE[1] ? n : undefined;
};
export const inDateRange = (v: unknown): v is number =>
  typeof v === 'number' && v >= DATE_RANGE[0] && v <= DATE_RANGE[1];
/** A capped, collapsed single line. */
export const short = (v: unknown, max: number = MAX.short): string =>
  typeof v === 'string' ? collapse(v).slice(0, max) : '';
export const tagsOf = (list: unknown[]): string[] =>
  [...new Set(list.map((t) => (typeof t === 'string' ? normalizeTag(t) : '')).filter(Boolean))].slice(
    0,
    MAX.tags,
  );

export function emptyArticle(url: string, title: string): Article {
  return {
    url,
    canonicalUrl: url,
    title: short(title, MAX.title) || url.slice(0, MAX.title),
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

/** A library row for an article read from a file: identity from its URL, library fields from `given`. */
export function saved(a: Article, given: Partial<SavedArticle>): SavedArticle {
  const now = Date.now();
  // Missing values (undefined) must not override the defaults below.
  const extra = Object.fromEntries(
    Object.entries(given).filter(([, v]) => v !== undefined),
  ) as Partial<SavedArticle>;
  const savedAt = extra.savedAt ?? now;
  return {
    ...toRow({
      ...extra,
      ...withIdentity(a),
      savedAt,
      updatedAt: extra.updatedAt ?? savedAt,
      read: extra.read ?? 0,
    }),
    contentHtml: a.contentHtml,
    textContent: a.textContent,
  };
}
