// Always-on content script, kept small: hides classifieds on the live page and answers the popup with
// the extracted article. Extraction works on a clone (utils/extract), so the live page is untouched.
// It never opens IndexedDB (that would be the news site's database): preferences come from the
// storage.local mirror, counts go to the background by message.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '../../utils/extract';
import type { ExtractResult } from '../../utils/extract/types';
import { onMessages, sendToBackground } from '../../utils/messages';
import { onMirroredPrefsChange, readMirroredPrefs } from '../../utils/prefs-mirror';
import { ClassifiedsController } from './classifieds';

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
  runAt: 'document_start',
  main(ctx) {
    const isWebPage = HTML_TYPES.has(document.contentType) && /^https?:$/.test(location.protocol);
    const classifieds = isWebPage
      ? new ClassifiedsController(location.hostname, (hiddenItems) => {
          sendToBackground('content→background:classifiedsCount', { hiddenItems }).catch(() => {
            // The background may be restarting; the next count will get through.
          });
        })
      : undefined;

    if (classifieds) {
      readMirroredPrefs().then((p) => classifieds.setPrefs(p), () => undefined);
      const offPrefs = onMirroredPrefsChange((p) => classifieds.setPrefs(p));
      const start = () => {
        classifieds.scan();
        classifieds.observe();
      };
      if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
      else start();
      ctx.onInvalidated(() => {
        offPrefs();
        classifieds.stop();
      });
    }

    const off = onMessages({
      'popup→content:getArticle': async () => extractFromPage(),
      'popup→content:getClassifieds': async () =>
        classifieds?.report() ?? { host: location.hostname, categories: [], hiddenItems: 0 },
    });
    ctx.onInvalidated(off);
  },
});
