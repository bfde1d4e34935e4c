// Every version of Lisible's IndexedDB schema, in order, in this one file.
// Index only what is queried; never the article HTML or text (Dexie would copy them into indexes).
// Only extension pages and the background open this database: a content script's IndexedDB
// would belong to the news site's origin.
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Article, Commune } from '../extract/types';
import type { ClassifiedsPrefs } from '../classifieds/types';
import { communeOfArticle } from '../communes/resolve';
import { loadCommunes, loadedCommunes } from '../communes/load';
import type { UserRule } from '../settings/user-rules';
import { watchDatabase } from './errors';
import { changeLog, type SyncChangeRow, type SyncItemRow } from '../sync/changelog';
import { withFacets } from './facets';
import { articleWords, communeFallback, datedWords } from './text';
import { datedWordsMiddleware, withDatedWords } from './dated-words';
import { fillWordText, wordTextMiddleware, type WordTextRow } from './word-text';

/** The metadata of a saved article: one small row of the `articles` table, what the list reads. */
export interface ArticleRow extends Omit<Article, 'contentHtml' | 'textContent'> {
  id?: number;
  /** Canonical URL without tracking parameters or fragment: the identity of a saved article. */
  key: string;
  /** Host name of the page, for the site filter. */
  site: string;
  savedAt: number;
  updatedAt: number;
  read: 0 | 1;
  /** v3: reading progress, 0..1 (scroll position of the reading view). */
  progress: number;
  /** v3: 0/1 rather than booleans, because IndexedDB cannot index booleans. */
  favourite: 0 | 1;
  archived: 0 | 1;
  tags: string[];
  /**
   * v5: INSEE code of the official commune (utils/communes), indexed for the commune filter; absent
   * when the page names none, several, or when the official index could not be read.
   */
  communeInsee?: string;
  /** v5: how many highlights the article has (absent: none), for the list. */
  highlightCount?: number;
  /** v5: the filter index (utils/db/facets.ts), recomputed on every write of the row. */
  facets: Array<[string, number]>;
  /**
   * v3: folded word tokens of title + standfirst + text (utils/db/text.ts), the search index; v7: each
   * followed by DATE_MARK and the saved date (written so by every write, utils/db/dated-words.ts).
   */
  words: string[];
  /** v8: the same words marked with the publication date (facets.ts publishedAt), for that order. */
  pwords?: string[];
  /** v3: bytes of images stored for offline reading. */
  imageBytes: number;
  /**
   * v3: 1 when the body came from the background (context menu, shortcut): the service worker has
   * no DOM to sanitize it. Every render and export sanitizes anyway; the library page cleans these rows.
   */
  unsanitized?: 1;
}

/** The heavy part of a saved article, kept out of `articles` so listing and filtering never load it. */
export interface BodyRow {
  id: number;
  /** Sanitized by the extension page that saved it (see ArticleRow.unsanitized), sanitized again on render. */
  contentHtml: string;
  textContent: string;
}

/** An image of a saved article, stored so it reads offline. */
export interface ImageRow {
  articleId: number;
  /** The `src` of the image in the article's HTML. */
  url: string;
  blob: Blob;
}

/**
 * A saved article as the reading view, exports and tests see it: metadata and body together.
 * `contentHtml` was sanitized by the extension page that saved it (the MV3 service worker has no DOM
 * for DOMPurify) and is sanitized again by components/ArticleBody on every render.
 */
export type SavedArticle = ArticleRow & Pick<Article, 'contentHtml' | 'textContent'>;

/**
 * v5: a highlight of a saved article, with an optional note. Anchored as the W3C Web Annotation
 * selectors do (utils/highlights/anchor.ts): the quoted text with some context (TextQuoteSelector) and
 * its character offsets in the article's text (TextPositionSelector), so it is found again when the
 * text shifts (a new save of the article). A plain table keyed to the article (sync can carry it).
 */
export interface HighlightRow {
  id?: number;
  articleId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** Library settings: images kept for offline reading, and their caps. */
export interface LibraryPrefs {
  storeImages: boolean;
  maxImageBytes: number;
  maxArticleImageBytes: number;
}

/** Small key/value settings that belong with the library (exported and imported with it). */
export type PrefRow =
  | { key: 'classifieds'; value: ClassifiedsPrefs }
  | { key: 'library'; value: LibraryPrefs }
  /** v5: "Ma commune": INSEE codes of the reader's communes. */
  | { key: 'communes'; value: string[] };

export const DB_NAME = 'lisible';

export class LisibleDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<BodyRow, 'id'>;
  images!: Dexie.Table<ImageRow, [number, string]>;
  prefs!: EntityTable<PrefRow, 'key'>;
  /** v4: per-item merge state for sync (utils/sync/changelog.ts). */
  syncItems!: EntityTable<SyncItemRow, 'id'>;
  /** v4: the change log: items changed here and not yet pushed. */
  syncChanges!: EntityTable<SyncChangeRow, 'id'>;
  /** v4: this device's sync clock, settings and progress (never synced, never exported). */
  syncState!: Dexie.Table<{ key: string } & Record<string, unknown>, string>;
  highlights!: EntityTable<HighlightRow, 'id'>;
  /** v6: the reader's site rules (utils/settings/user-rules.ts). */
  userRules!: EntityTable<UserRule, 'id'>;
  /** v9: each article's words as one string (utils/db/word-text.ts), written with every article row. */
  wordText!: EntityTable<WordTextRow, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // v1 — the library: one row per article, unique by normalized URL.
    this.version(1).stores({
      articles: '++id, &key, savedAt, site',
    });
    // v2 — classifieds preferences (per category, per-site exceptions). Nothing to migrate: a missing
    // row means "defaults".
    this.version(2).stores({
      prefs: 'key',
    });
    // v3 — the full library: bodies move to their own table (the list and filters never load them),
    // search words, commune, tags, flags and progress are indexed, images stored for offline reading.
    // [savedAt+id] gives a stable newest-first order for keyset pagination even when dates tie; the
    // [site|communeName+savedAt+id] pairs serve those filters newest first without scanning other rows.
    this.version(3)
      .stores({
        articles:
          '++id, &key, savedAt, [savedAt+id], site, [site+savedAt+id], communeName, [communeName+savedAt+id], *tags, *words, favourite, archived, unsanitized',
        bodies: 'id',
        images: '[articleId+url], articleId',
      })
      .upgrade(upgradeToV3);
    // v4 — sync (issue 15): the change log and the merge state of each item, and this device's sync
    // settings. Nothing to migrate: a library that starts syncing is read whole on its first push; the
    // middleware records every later write.
    this.version(4).stores({
      syncItems: 'id',
      syncChanges: 'id, at',
      syncState: 'key',
    });
    this.use(changeLog);
    // v5 — official communes and the filter index (issue 14). Communes are resolved to the official
    // list (INSEE code, accents); `*facets` replaces the per-filter indexes (utils/db/facets.ts: every
    // filter combination is one range); highlights get their own table, keyed to the article.
    this.version(5)
      .stores({
        articles:
          '++id, &key, savedAt, [savedAt+id], site, communeInsee, *tags, *words, *facets, unsanitized',
        highlights: '++id, articleId',
      })
      .upgrade(upgradeToV5);
    // v6 — the reader's site rules (issue 12): blocks hidden with the picker, "Ce n'est pas une annonce"
    // exceptions, "Choisir le texte à lire" hints; listed per site and newest first. Nothing to migrate:
    // a new table starts empty.
    this.version(6).stores({
      userRules: '++id, host, kind, createdAt',
    });
    // v7 — the search words in saved-date order (issue 14): each word of `*words` carries its article's
    // saved date (utils/db/text.ts datedWords), so a page of a search reads a word's newest entries
    // (utils/db/term-window.ts), not all of them. Same index; every row's words rewritten, and every
    // later write marks them (utils/db/dated-words.ts). And the facets get site + commune + tag as one
    // range (utils/db/facets.ts), where two pair ranges were intersected.
    this.version(7)
      .stores({})
      .upgrade((tx) => rewriteRows(tx, (r) => withFacets({ ...r, words: datedWords(r.words, r.savedAt) })));
    // v8 — the search ordered by publication date reads windows too (issue 14): the words again, marked
    // with that date, in their own index (`pwords`, written by utils/db/dated-words.ts).
    this.version(8)
      .stores({
        articles:
          '++id, &key, savedAt, [savedAt+id], site, communeInsee, *tags, *words, *pwords, *facets, unsanitized',
      })
      .upgrade((tx) => rewriteRows(tx, withDatedWords));
    // v9 — a term with a sparse filter (issue 14): each article's words as one light string in their own
    // table (utils/db/word-text.ts), so the filter's range is walked and each article checked for the
    // term without reading its row. Filled from every row; every later write of a row writes it too
    // (utils/db/dated-words.ts). The article rows themselves do not change.
    this.version(9).stores({ wordText: 'id' }).upgrade(fillWordText);
    this.use(datedWordsMiddleware);
    this.use(wordTextMiddleware);
  }
}

/** Every article row rewritten by `change`, in batches (v7: dated words and the triple; v8: `pwords`). */
async function rewriteRows(tx: Transaction, change: (r: ArticleRow) => ArticleRow): Promise<void> {
  const articles = tx.table<ArticleRow, number>('articles');
  let last = 0;
  for (;;) {
    const batch = await articles.where(':id').above(last).limit(200).toArray();
    if (batch.length === 0) return;
    last = batch[batch.length - 1]!.id!;
    await articles.bulkPut(batch.map(change));
  }
}

/** v4 → v5: official commune and facets for every row, in batches. */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  // The index is the extension's own file; waitFor keeps the upgrade transaction open while it loads.
  const communes = await Dexie.waitFor(loadCommunes());
  const articles = tx.table('articles');
  const bodies = tx.table<BodyRow, number>('bodies');
  let last = 0;
  for (;;) {
    const batch = (await articles.where(':id').above(last).limit(200).toArray()) as Array<
      ArticleRow & { communeName?: string }
    >;
    if (batch.length === 0) return;
    last = batch[batch.length - 1]!.id!;
    const texts = communes ? await bodies.bulkGet(batch.map((r) => r.id!)) : [];
    await articles.bulkPut(
      batch.map((r, i) => {
        delete r.communeName;
        if (communes) setCommune(r, communeOfArticle(communes, { ...r, textContent: texts[i]?.textContent }));
        return withFacets(r);
      }),
    );
  }
}

function setCommune(row: ArticleRow, commune: Commune | null): void {
  row.commune = commune;
  if (commune?.inseeCode) row.communeInsee = commune.inseeCode;
  else delete row.communeInsee;
}

type V1Row = Omit<ArticleRow, 'progress' | 'favourite' | 'archived' | 'tags' | 'words' | 'imageBytes'> &
  Pick<Article, 'contentHtml' | 'textContent'>;

/** v1/v2 → v3: split each row into metadata + body, and compute the new indexed fields. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const articles = tx.table('articles');
  const bodies = tx.table('bodies');
  // In batches by primary key, so a large old library never sits whole in memory. (Facets and the
  // official commune are v4's: its upgrade runs right after this one.)
  let last = 0;
  for (;;) {
    const batch = (await articles.where(':id').above(last).limit(200).toArray()) as V1Row[];
    if (batch.length === 0) return;
    last = batch[batch.length - 1]!.id!;
    await bodies.bulkPut(
      batch.map((r) => ({ id: r.id!, contentHtml: r.contentHtml ?? '', textContent: r.textContent ?? '' })),
    );
    await articles.bulkPut(batch.map((r) => toRow(r)));
  }
}

/** The v3 metadata row of a full article (used by the upgrade, saves and imports). */
export function toRow(
  a: Omit<SavedArticle, 'words' | 'progress' | 'favourite' | 'archived' | 'tags' | 'imageBytes' | 'facets'> &
    Partial<SavedArticle>,
  /** Notes of the article's highlights: searchable like its text. */
  notes: string[] = [],
): ArticleRow {
  const { contentHtml: _html, textContent, ...meta } = a;
  // The engine's hint (or, for older saves and imports, its rules applied to the stored URLs and text),
  // then the official commune when the index is loaded (saves and imports load it first).
  const hint = a.commune ?? communeFallback([a.url, a.canonicalUrl], textContent ?? '');
  const communes = loadedCommunes();
  const row: ArticleRow = {
    ...meta,
    commune: hint,
    progress: a.progress ?? 0,
    favourite: a.favourite ?? 0,
    archived: a.archived ?? 0,
    tags: a.tags ?? [],
    imageBytes: a.imageBytes ?? 0,
    words: articleWords(a.title ?? '', textContent ?? '', [a.excerpt ?? '', ...notes].join('\n')),
    facets: [],
  };
  delete (row as { communeName?: string }).communeName;
  if (communes) setCommune(row, communeOfArticle(communes, { ...a, commune: hint, textContent }));
  else delete row.communeInsee;
  return withFacets(row);
}

let shared: LisibleDB | undefined;
/** The process-wide database handle (extension pages and background only). */
export function db(): LisibleDB {
  if (!shared) {
    shared = new LisibleDB();
    watchDatabase(shared);
  }
  return shared;
}
