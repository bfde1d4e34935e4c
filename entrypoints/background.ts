// The background is the library's writer: pages and content scripts ask, it validates and stores.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { saveArticle } from '../utils/db/articles';
import { onMessages } from '../utils/messages';
import { articleProblem } from '../utils/validate';

export default defineBackground(() => {
  onMessages({
    'page→background:saveArticle': async ({ article }, sender) => {
      // Only our own pages and content scripts may write; the payload is checked field by field.
      if (sender.id !== browser.runtime.id) return { ok: false, error: 'invalid', message: 'unknown sender' };
      const problem = articleProblem(article);
      if (problem) return { ok: false, error: 'invalid', message: problem };
      return saveArticle(article);
    },
  });
});
