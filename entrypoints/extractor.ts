// What the always-on content script leaves out, injected into a tab only when it is needed: the full
// extraction engine (Readability and Lisible's cleaning) for the popup, reading mode and saves; the
// cheap article check; the reading-mode overlay and its optional floating button. It runs in the same isolated world as the content
// script and hands it all on a global.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle, isProbablyArticle } from '../utils/extract';
import { ON_DEMAND, type ExtractorApi } from '../utils/messaging/on-demand';
import { t } from '../utils/ui/i18n';
import { ReadingMode } from './content/reading-mode';
import { shadowButton } from './content/shadow-button';

/** A small "Mode lecture" button at the bottom right of article pages (a setting, off by default). */
function addFloatingButton(onClick: () => void): void {
  const css =
    'button{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483646;background:#8a2b06;color:#fff;' +
    'font:600 14px/1 system-ui,sans-serif;padding:10px 14px;border-radius:20px;cursor:pointer;box-shadow:0 2px 8px #0004}' +
    'button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}';
  document.documentElement.append(shadowButton('lisible-reader-button', css, [t('readingMode')], onClick));
}

export default defineUnlistedScript(() => {
  const g = globalThis as Record<string, unknown>;
  // Injected once per frame; a second injection must not lose an open reader.
  if (g[ON_DEMAND.extractor]) return;
  const api: ExtractorApi = {
    extractArticle,
    isProbablyArticle,
    addFloatingButton,
    reader: new ReadingMode(),
  };
  g[ON_DEMAND.extractor] = api;
});
