// Classifieds ("petites annonces") categories and detection results.

export const CATEGORIES = [
  'immobilier',
  'automobile',
  'emploi',
  'bonnes-affaires',
  'avis-de-deces',
  'annonces-legales',
  'autre',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** What the reader wants done with one category. */
export type Visibility = 'show' | 'collapse' | 'hide';

export interface ClassifiedBlock {
  category: Category;
  /** CSS selector matching exactly this block's root in the document it was detected in. */
  selector: string;
  /** Number of items (ads, notices, links) in the block. */
  items: number;
  /** First 200 characters of the block's text, whitespace collapsed. */
  text: string;
  /** How it was found: a known-site rule id, or 'shape'. */
  source: string;
}

/** Per-site exception to the reader's classifieds preferences. */
export interface ClassifiedsSitePrefs {
  /** Show every category on this site (the reader trusts / wants this site's classifieds). */
  showAll?: boolean;
  categories?: Partial<Record<Category, Visibility>>;
}

/** The reader's classifieds preferences: per category, with per-site exceptions (keyed by hostname). */
export interface ClassifiedsPrefs {
  categories: Partial<Record<Category, Visibility>>;
  sites: { [host: string]: ClassifiedsSitePrefs };
}
