// Always-on content script: answers the popup with the extracted article of this page.
// Extraction works on a clone (utils/extract), so the live page is never touched.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '../../utils/extract';
import type { ExtractResult } from '../../utils/extract/types';
import { onMessages } from '../../utils/messages';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function extractFromPage(): ExtractResult {
  // PDF viewers, images and plain-text files are documents too, but not articles we can lay out.
  if (!HTML_TYPES.has(document.contentType)) return { ok: false, reason: 'not-html', detail: document.contentType };
  try {
    return extractArticle(document, location.href);
  } catch (e) {
    return { ok: false, reason: 'error', detail: e instanceof Error ? e.message : String(e) };
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const off = onMessages({
      'popup→content:getArticle': async () => extractFromPage(),
    });
    ctx.onInvalidated(off);
  },
});
