// One article as the extraction engine hands it to a save, for the library tests: a short regional
// article with no optional metadata; each test overrides what it is about.
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
