// Which article-row fields travel in which register (merge.ts). Shared by the change log (which clock a
// write bumps) and the engine (what a pushed state carries, how a pulled one is written back).
import type { ArticleRow } from '../db/schema';
import { ARTICLE_META_FIELDS } from '../extract/types';

/** The text register: what a save writes (extracted fields, `updatedAt`); the body travels with it. */
export const TEXT_FIELDS = [...ARTICLE_META_FIELDS, 'siteRule', 'updatedAt'] as const;

/** Fields the reader owns, each its own register. */
export const USER_FIELDS = ['savedAt', 'read', 'progress', 'favourite', 'archived', 'tags'] as const;

/**
 * Computed on each device from the others (ids, search words, sizes), or local bookkeeping: never
 * synced. `unsanitized` is local: a receiving device renders through the sanitizer anyway, and the
 * library page's in-place cleaning must not count as a new save.
 */
export const LOCAL_FIELDS = [
  'id',
  'key',
  'site',
  'communeName',
  'words',
  'imageBytes',
  'unsanitized',
  // v5: the official commune's code (recomputed from `commune` by each device's index), the filter
  // index, and how many highlights the row has (highlights are local to the device for now).
  'communeInsee',
  'facets',
  'highlightCount',
  // v8: the search words marked with the publication date.
  'pwords',
] as const;

const KNOWN: ReadonlySet<string> = new Set<string>([...TEXT_FIELDS, ...USER_FIELDS, ...LOCAL_FIELDS]);

/** True for a field name this version gives a meaning to (a pulled generic register must not set it). */
export const isKnownField = (f: string): boolean => KNOWN.has(f);

/** Fields of a row this version does not know (a later schema's): synced as generic registers. */
export function extraFields(row: ArticleRow): string[] {
  return Object.keys(row).filter((k) => !KNOWN.has(k));
}

/** Tables whose rows sync as key/value records, and the stable id of a row (local auto-ids never travel). */
export const RECORD_TABLES: Record<string, { idOf: (row: Record<string, unknown>) => string }> = {
  prefs: { idOf: (row) => String(row.key) },
};
