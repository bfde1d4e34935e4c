// A saved article of one paragraph, as saveArticle and backup records take it (the highlight tests
// anchor quotes in its text).
import { articleKey } from '../../../utils/db/articles';
import { makeArticle } from './article';

export function paragraphArticle(url: string, text: string, title = 'Budget voté') {
  return {
    ...makeArticle({
      url,
      title,
      siteName: null,
      contentHtml: `<p>${text}</p>`,
      textContent: text,
      wordCount: text.split(' ').length,
    }),
    key: articleKey(url),
    site: new URL(url).hostname.replace(/^www\./, ''),
    savedAt: 1_700_000_000_000,
    tags: [] as string[],
  };
}
