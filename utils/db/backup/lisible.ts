// Reading a Lisible backup back: every field is checked (shape, ranges, lengths), the identity (key,
// site) is recomputed from the URL, fields the file has no business setting (words, communeName,
// unsanitized, anything unknown) are dropped, and the body is sanitized again.
import { ARTICLE_META_FIELDS, type Article } from '../../extract/types';
import { articleProblem } from '../../safety/validate';
import { cleanHighlight, HIGHLIGHT_MAX, highlightProblem } from '../highlights';
import { libraryPrefsProblem, storableImageType } from '../images';
import { communesPrefProblem } from '../my-communes';
import { prefsProblem } from '../preferences';
import type { PrefRow } from '../schema';
import { BACKUP_VERSION, type BackupHighlight, type BackupImage } from './format';
import { fail, inDateRange, isHttp, MAX, saved, short, tagsOf, type Incoming } from './incoming';

const MAX_IMAGES_PER_ARTICLE = 500;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const ARTICLE_FIELDS = [...ARTICLE_META_FIELDS, 'contentHtml', 'textContent'] as const;

/** Why a backup record's library fields are unusable, or null. */
function libraryProblem(a: Record<string, unknown>): string | null {
  if (a.id !== undefined && !(Number.isSafeInteger(a.id) && (a.id as number) > 0))
    return 'id must be a positive whole number';
  if (!inDateRange(a.savedAt)) return 'savedAt must be a date (ms) between 1990 and 2200';
  if (a.updatedAt !== undefined && !inDateRange(a.updatedAt)) return 'updatedAt must be a date (ms)';
  for (const k of ['read', 'favourite', 'archived'] as const)
    if (a[k] !== undefined && a[k] !== 0 && a[k] !== 1) return `${k} must be 0 or 1`;
  if (a.progress !== undefined && !(typeof a.progress === 'number' && a.progress >= 0 && a.progress <= 1))
    return 'progress must be a number from 0 to 1';
  if (a.tags !== undefined && !(Array.isArray(a.tags) && a.tags.length <= MAX.tags))
    return `tags must be a list of at most ${MAX.tags}`;
  if (!Number.isSafeInteger(a.wordCount) || !(Number(a.readingTimeMinutes) <= 100_000))
    return 'wordCount / readingTimeMinutes out of range';
  if (a.leadImage !== null && !isHttp(a.leadImage)) return 'leadImage must be an http(s) URL or null';
  if ((a.url as string).length > MAX.url || (a.canonicalUrl as string).length > MAX.url)
    return 'url too long';
  return null;
}

function imagesOf(raw: unknown, n: number): BackupImage[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_IMAGES_PER_ARTICLE) return fail(`Article ${n}: bad images.`);
  const out: BackupImage[] = [];
  for (const i of raw as Array<Record<string, unknown> | null>) {
    if (
      !i ||
      !isHttp(i.url) ||
      typeof i.data !== 'string' ||
      typeof i.type !== 'string' ||
      !BASE64.test(i.data)
    )
      return fail(`Article ${n}: bad images.`);
    // A type we do not store (an old backup's image/x-icon, or markup posing as a type) drops the image.
    const type = storableImageType(i.type);
    if (type) out.push({ url: i.url, type, data: i.data });
  }
  return out;
}

function highlightsOf(raw: unknown, n: number): BackupHighlight[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > HIGHLIGHT_MAX.perArticle)
    return fail(`Article ${n}: highlights must be a list of at most ${HIGHLIGHT_MAX.perArticle}.`);
  return raw.map((h: unknown) => {
    const problem = highlightProblem(h);
    return problem ? fail(`Article ${n}: ${problem}.`) : cleanHighlight(h as Record<string, unknown>);
  });
}

/** One backup record → an article for the library, or a LibraryError naming the record and the field. */
export function fromBackupArticle(raw: unknown, n: number, sanitize: (h: string) => string): Incoming {
  const problem = articleProblem(raw) ?? libraryProblem(raw as Record<string, unknown>);
  if (problem) return fail(`Article ${n}: ${problem}.`);
  const r = raw as Record<string, unknown>;
  const a = Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, r[k]])) as unknown as Article;
  if (typeof r.siteRule === 'string') a.siteRule = short(r.siteRule, 100);
  a.contentHtml = sanitize(a.contentHtml);
  a.excerpt = a.excerpt.slice(0, MAX.excerpt);
  for (const k of ['byline', 'siteName', 'lang', 'publishedTime', 'modifiedTime'] as const)
    if (a[k] !== null) a[k] = short(a[k]);
  if (a.commune) {
    const { name, postcode, inseeCode } = a.commune;
    a.commune = { name: short(name), postcode: postcode && short(postcode, 10) };
    if (typeof inseeCode === 'string') a.commune.inseeCode = short(inseeCode, 10);
  }
  const images = imagesOf(r.images, n);
  const highlights = highlightsOf(r.highlights, n);
  return {
    highlights,
    article: saved(a, {
      id: r.id as number | undefined,
      savedAt: r.savedAt as number,
      updatedAt: r.updatedAt as number | undefined,
      read: r.read as 0 | 1 | undefined,
      favourite: r.favourite as 0 | 1 | undefined,
      archived: r.archived as 0 | 1 | undefined,
      progress: r.progress as number | undefined,
      tags: tagsOf((r.tags as unknown[] | undefined) ?? []),
    }),
    images,
  };
}

export function checkBackupHeader(version: unknown): void {
  if (typeof version !== 'number' || version > BACKUP_VERSION)
    fail(
      `Lisible backup version ${String(version)} is newer than this Lisible understands (${BACKUP_VERSION}).`,
    );
}

/** The preferences of a backup, each checked like a message from the settings page would be. */
export function backupPrefs(raw: unknown): PrefRow[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail('Preferences must be a list.');
  const out: PrefRow[] = [];
  for (const p of raw as Array<{ key?: unknown; value?: unknown } | null>) {
    if (p?.key === 'classifieds') {
      const problem = prefsProblem(p.value);
      if (problem) return fail(`Classifieds preferences: ${problem}.`);
      out.push(p as PrefRow);
    } else if (p?.key === 'communes') {
      const problem = communesPrefProblem(p.value);
      if (problem) return fail(`"Ma commune": ${problem}.`);
      out.push(p as PrefRow);
    } else if (p?.key === 'library') {
      const problem = libraryPrefsProblem(p.value);
      if (problem) return fail(`Library settings: ${problem}.`);
      out.push(p as PrefRow);
    }
  }
  return out;
}
