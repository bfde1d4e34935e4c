// Every version of Lisible's IndexedDB schema, in order, in this one file.
// Index only what is queried; never the article HTML or text (Dexie would copy them into indexes).
// Only extension pages and the background open this database: a content script's IndexedDB
// would belong to the news site's origin.
import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../extract/types';
import type { ClassifiedsPrefs } from '../classifieds/types';

/**
 * A saved article. `contentHtml` was sanitized by the extension page that saved it (the MV3 service
 * worker has no DOM for DOMPurify) and is sanitized again by components/ArticleBody on every render.
 */
export interface SavedArticle extends Article {
  id?: number;
  /** Canonical URL without tracking parameters or fragment: the identity of a saved article. */
  key: string;
  /** Host name of the page, for the site filter. */
  site: string;
  savedAt: number;
  updatedAt: number;
  read: 0 | 1;
}

/** Small key/value settings that belong with the library (exported and imported with it). */
export type PrefRow = { key: 'classifieds'; value: ClassifiedsPrefs };

export const DB_NAME = 'lisible';

export class LisibleDB extends Dexie {
  articles!: EntityTable<SavedArticle, 'id'>;
  prefs!: EntityTable<PrefRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    // v1 — the library: one row per article, unique by normalized URL.
    this.version(1).stores({
      articles: '++id, &key, savedAt, site',
    });
    // v2 — classifieds preferences (per category, per-site exceptions). Nothing to migrate: a missing
    // row means "defaults".
    this.version(2).stores({
      prefs: 'key',
    });
  }
}

let shared: LisibleDB | undefined;
/** The process-wide database handle (extension pages and background only). */
export function db(): LisibleDB {
  shared ??= new LisibleDB();
  return shared;
}
