// One article as the extraction engine hands it to a save, and one saved record as a backup or the
// database holds it, for the library tests (unit and e2e: tsx loads this file in both). A short
// regional article with no optional metadata; each test overrides what it is about.
import type { ArticleRow } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';

export function makeArticle(over: Partial<Article> = {}): Article {
  const url = over.url ?? 'https://www.ouest-france.fr/normandie/caen-14000/a.html';
  return {
    url,
    canonicalUrl: url,
    title: 'Les écoles de Caen',
    excerpt: '',
    byline: null,
    siteName: 'Ouest-France',
    publishedTime: null,
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: '<p>La rentrée des écoles.</p>',
    textContent: 'La rentrée des écoles.',
    wordCount: 4,
    readingTimeMinutes: 1,
    teaser: false,
    commune: null,
    ...over,
  };
}

/**
 * The library's own fields of a saved article (unread, not favourite, not archived, no tags, no
 * image), as a JSON backup record or a database row has them beside the article's fields.
 */
export function libraryFields(url: string, savedAt = 1_700_000_000_000) {
  return {
    key: url,
    site: new URL(url).hostname.replace(/^www\./, ''),
    savedAt,
    updatedAt: savedAt,
    read: 0 as const,
    progress: 0,
    favourite: 0 as const,
    archived: 0 as const,
    tags: [] as string[],
    imageBytes: 0,
  };
}

/** A database row of `makeArticle()` saved by `libraryFields()`, without search words or facets. */
export function makeRow(over: Partial<ArticleRow> = {}): ArticleRow {
  const { contentHtml: _body, textContent: _text, ...meta } = makeArticle(over);
  return { ...meta, ...libraryFields(meta.url), words: [], facets: [], ...over } as ArticleRow;
}
