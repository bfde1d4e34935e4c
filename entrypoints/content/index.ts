// Always-on content script, kept small: hides classifieds on the live page and answers the popup with
// the extracted article. The extraction engine is not in this bundle: the background injects it the
// first time an article is asked for (entrypoints/extractor.ts). Extraction works on a clone, so the
// live page is untouched.
// It never opens IndexedDB (that would be the news site's database): preferences come from the
// storage.local mirror, counts go to the background by message.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadedExtractor } from '../../utils/messaging/extractor-bridge';
import type { ExtractResult } from '../../utils/extract/types';
import { onMessages, sendToBackground } from '../../utils/messaging/messages';
import { onMirroredPrefsChange, readMirroredPrefs } from '../../utils/settings/classifieds-mirror';
import { isProbablyArticle } from '../../utils/extract/readerable';
import { loadSettings } from '../../utils/settings/reader';
import { t } from '../../utils/ui/i18n';
import { ClassifiedsController } from './classifieds';
import { ReadingMode } from './reading-mode';
import { shadowButton } from './shadow-button';
import { regionalMatches } from '../../utils/access/known-sites';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const isReaderPage = (url: string | undefined) => {
  try {
    return !!url && new URL(url).pathname === '/reader.html';
  } catch {
    return false;
  }
};

/** A small "Mode lecture" button at the bottom right of article pages (a setting, off by default). */
function addFloatingButton(onClick: () => void): void {
  const css =
    'button{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483646;background:#8a2b06;color:#fff;' +
    'font:600 14px/1 system-ui,sans-serif;padding:10px 14px;border-radius:20px;cursor:pointer;box-shadow:0 2px 8px #0004}' +
    'button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}';
  document.documentElement.append(shadowButton('lisible-reader-button', css, [t('readingMode')], onClick));
}

async function extractFromPage(): Promise<ExtractResult> {
  // PDF viewers, images and plain-text files are documents too, but not articles we can lay out.
  if (!HTML_TYPES.has(document.contentType))
    return { ok: false, reason: 'not-html', detail: document.contentType };
  try {
    let engine = loadedExtractor();
    if (!engine) {
      const res = await sendToBackground('content→background:loadExtractor', {});
      engine = loadedExtractor();
      if (!res.ok || !engine)
        return { ok: false, reason: 'error', detail: res.ok ? 'engine missing' : res.message };
    }
    return engine.extractArticle(document, location.href);
  } catch (e) {
    return { ok: false, reason: 'error', detail: e instanceof Error ? e.message : String(e) };
  }
}

export default defineContentScript({
  // Declared only for the regional sites with rules; elsewhere Lisible is injected on demand
  // (activeTab) or registered per site by the reader (utils/access/site-access.ts).
  matches: regionalMatches(),
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
      readMirroredPrefs().then(
        (p) => classifieds.setPrefs(p),
        () => undefined,
      );
      const offPrefs = onMirroredPrefsChange((p) => classifieds.setPrefs(p));
      const start = () => {
        classifieds.scan();
        classifieds.observe();
      };
      if (document.readyState === 'loading')
        ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
      else start();
      ctx.onInvalidated(() => {
        offPrefs();
        classifieds.stop();
      });
    }

    // The extraction that decided to open the reader is handed to the reader frame, not redone.
    let handedOver: ExtractResult | undefined;
    const reader = new ReadingMode(async () => {
      const r = handedOver ?? (await extractFromPage());
      handedOver = undefined;
      return r;
    });
    const toggleReader = async (open?: boolean) => {
      if (open === false || (open === undefined && reader.isOpen)) return { open: reader.toggle(false) };
      if (reader.isOpen) return { open: true };
      const probe = await extractFromPage();
      if (!probe.ok) return { open: false as const, reason: 'not-article' as const, detail: probe.reason };
      handedOver = probe;
      return { open: reader.toggle(true) };
    };
    ctx.onInvalidated(() => reader.close());

    // The cheap article check, once the DOM is ready: it sets the toolbar state ("article disponible")
    // and gates per-site auto-open and the optional floating button.
    if (isWebPage && window === window.top) {
      const offerReader = async () => {
        const article = isProbablyArticle(document);
        sendToBackground('content→background:pageIsArticle', { article }).catch(() => undefined);
        if (!article) return;
        const settings = await loadSettings();
        const auto = settings.autoOpenSites.includes(location.hostname);
        if (!auto && !settings.floatingButton) return;
        if (auto) await toggleReader(true);
        if (settings.floatingButton) addFloatingButton(() => void toggleReader());
      };
      if (document.readyState === 'loading')
        ctx.addEventListener(document, 'DOMContentLoaded', () => void offerReader(), { once: true });
      else void offerReader();
    }

    const off = onMessages({
      'extension→content:getArticle': async (_req, sender) => {
        // The reading-mode page gets the article only over its verified port (./reading-mode.ts): a
        // reader.html the page embeds itself must not read it this way.
        if (isReaderPage(sender.url)) return { ok: false, reason: 'error', detail: 'not our reading frame' };
        const r = handedOver ?? (await extractFromPage());
        handedOver = undefined;
        return r;
      },
      'extension→content:toggleReader': async ({ open }) => toggleReader(open),
      'popup→content:getClassifieds': async () =>
        classifieds?.report() ?? { host: location.hostname, categories: [], hiddenItems: 0 },
    });
    ctx.onInvalidated(off);
  },
});
