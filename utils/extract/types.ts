// The shape every reader surface (popup, reading mode, library) consumes.
// Produced by extractArticle(); contentHtml is NOT yet sanitized: every extension page
// passes it through utils/sanitize.ts before rendering.

export interface Commune {
  name: string;
  postcode: string | null;
  /** INSEE code when the URL carries it instead of a postcode (actu.fr). */
  inseeCode?: string;
}

export interface Article {
  /** URL of the page the article was read from (absolute). */
  url: string;
  /** rel=canonical / og:url when present, else url. */
  canonicalUrl: string;
  title: string;
  /** Standfirst ("chapô") or description. Plain text. */
  excerpt: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, or null when unknown. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** BCP 47 tag such as "fr" or "fr-FR", or null. */
  lang: string | null;
  /** Absolute URL of the lead image, or null. */
  leadImage: string | null;
  /** Article body HTML (unsanitized; absolute URLs, lazy images resolved). */
  contentHtml: string;
  /** Plain text of the body, blocks separated by newlines. */
  textContent: string;
  wordCount: number;
  /** Minutes at ~230 words a minute, at least 1. */
  readingTimeMinutes: number;
  /** True when the page shows only the start of a paywalled article. */
  teaser: boolean;
  /** Commune found in the URL or dateline, when any. */
  commune: Commune | null;
  /** Id of the site/CMS rule that applied, when any (diagnostics). */
  siteRule?: string;
}

/**
 * The article's own fields, its body and the diagnostic `siteRule` aside: what a backup record and a
 * synced text register carry beside the body (utils/db/backup/lisible.ts, utils/sync/fields.ts).
 */
export const ARTICLE_META_FIELDS = [
  'url',
  'canonicalUrl',
  'title',
  'excerpt',
  'byline',
  'siteName',
  'publishedTime',
  'modifiedTime',
  'lang',
  'leadImage',
  'wordCount',
  'readingTimeMinutes',
  'teaser',
  'commune',
] as const satisfies ReadonlyArray<keyof Article>;

export type NotArticleReason =
  | 'empty' // no body text at all
  | 'not-html' // PDF viewer, image, plain text, frameset...
  | 'not-article' // a home page, list, search page...
  | 'restricted' // chrome://, about:, store pages: extensions may not read them
  | 'error'; // extraction threw

export type ExtractResult =
  { ok: true; article: Article } | { ok: false; reason: NotArticleReason; detail?: string };

/** What the caller knows better than the engine. */
export interface ExtractOptions {
  /**
   * Where the reader said the article's text is on this site ("Choisir le texte à lire"), most recent
   * first: treated like a site rule's `content` selectors, before any cleaning. A hint that no longer
   * matches (or holds too little text) is ignored and extraction runs as usual.
   */
  content?: string[];
}
