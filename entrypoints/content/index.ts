// Always-on content script, kept small: hides classifieds on the live page and answers the popup. The
// extraction engine and the reading-mode overlay are not in this bundle: the background injects them
// the first time an article is asked for (entrypoints/extractor.ts). Extraction works on a clone, so the
// live page is untouched.
// It never opens IndexedDB (that would be the news site's database): preferences and the reader's site
// rules come from the storage.local mirror, counts go to the background by message.
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loaded, type OnDemandApis, type OnDemandScript } from '../../utils/messaging/on-demand';
import type { ExtractResult } from '../../utils/extract/types';
import { onMessages, sendToBackground, type Res } from '../../utils/messaging/messages';
import {
  onMirroredPrefsChange,
  onMirroredRulesChange,
  readMirrors,
} from '../../utils/settings/classifieds-mirror';
import { rulesFor } from '../../utils/settings/user-rules';
import { readPageReaderOptions } from '../../utils/settings/reader-page';
import { ClassifiedsController } from './classifieds';
import { yieldToPage } from './page';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const isReaderPage = (url: string | undefined) => {
  try {
    return !!url && new URL(url).pathname === '/reader.html';
  } catch {
    return false;
  }
};

// The regional sites with rules (utils/access/known-sites.ts), computed at build time by wxt.config.ts:
// the content script's bundle does not carry the site rules it was computed from.
declare const __LISIBLE_REGIONAL_MATCHES__: string[];

const injecting = new Map<OnDemandScript, Promise<Res<'content→background:inject'>>>();

/** An on-demand script, injected by the background on first use (one injection for concurrent callers). */
async function load<S extends OnDemandScript>(script: S): Promise<OnDemandApis[S]> {
  const have = loaded(script);
  if (have) return have;
  let pending = injecting.get(script);
  if (!pending) {
    pending = sendToBackground('content→background:inject', { script }).finally(() =>
      injecting.delete(script),
    );
    injecting.set(script, pending);
  }
  const res = await pending;
  const now = loaded(script);
  if (!res.ok || !now) throw new Error(res.ok ? `${script} missing` : res.message);
  return now;
}
const engine = () => load('extractor');

export default defineContentScript({
  // Declared only for the regional sites with rules; elsewhere Lisible is injected on demand
  // (activeTab) or registered per site by the reader (utils/access/site-access.ts).
  matches: __LISIBLE_REGIONAL_MATCHES__,
  runAt: 'document_start',
  // WXT's "content script started" window.postMessage is only for older WXT builds (the custom event
  // on the document does the same for ours); every message listener of the page would run for it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Inside the page's parser task (document_start), only what must come before first paint: the
    // storage read the reader's rules come from, and the sheet with the known-site rules. Every
    // function first called here is compiled and run inside that task, which made the evaluation
    // 12–14 ms median under load where an empty content script costs about 1 ms; the rest (DOM-ready
    // hooks, the popup's messages) runs in a task of its own. Injected into a page already loaded (on
    // demand), there is no parser task to spare and the background's message follows at once: all now.
    const isWebPage = HTML_TYPES.has(document.contentType) && /^https?:$/.test(location.protocol);
    const classifieds = isWebPage ? beforePaint(ctx) : undefined;
    if (document.readyState === 'loading') ctx.setTimeout(() => afterStart(ctx, classifieds), 0);
    else afterStart(ctx, classifieds);
  },
});

/** The known-site sheet, the mirrors' read and their watchers: the blocks they hide are never painted. */
function beforePaint(ctx: ContentScriptContext): ClassifiedsController {
  let mirrors: Awaited<ReturnType<typeof readMirrors>> | undefined;
  const apply = () =>
    mirrors && classifieds.setMirrors(mirrors.prefs, rulesFor(mirrors.rules, location.hostname));
  // The read first: it is in flight while the sheet is built.
  readMirrors().then(
    (m) => ((mirrors = m), apply()),
    () => undefined,
  );
  const classifieds = new ClassifiedsController(
    location.hostname,
    (hiddenItems) => {
      sendToBackground('content→background:classifiedsCount', { hiddenItems }).catch(() => {
        // The background may be restarting; the next count will get through.
      });
    },
    // The shape scan is injected once the DOM is ready (entrypoints/scanner.ts).
    async () => (await load('scanner')).detectBlocksSliced,
  );
  const offPrefs = onMirroredPrefsChange((prefs) => mirrors && ((mirrors.prefs = prefs), apply()));
  const offRules = onMirroredRulesChange((rules) => mirrors && ((mirrors.rules = rules), apply()));
  ctx.onInvalidated(() => {
    offPrefs();
    offRules();
    classifieds.stop();
  });
  return classifieds;
}

/** After the parser's task: the scan and the article check at DOM ready, the popup's messages. */
function afterStart(ctx: ContentScriptContext, classifieds: ClassifiedsController | undefined): void {
  const isWebPage = classifieds !== undefined;
  if (classifieds) {
    const start = () => {
      void classifieds.scan();
      classifieds.observe();
    };
    if (document.readyState === 'loading')
      ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  }

  const extractFromPage = async (chosen?: string): Promise<ExtractResult> => {
    // PDF viewers, images and plain-text files are documents too, but not articles we can lay out.
    if (!HTML_TYPES.has(document.contentType))
      return { ok: false, reason: 'not-html', detail: document.contentType };
    try {
      const content = [...(chosen ? [chosen] : []), ...(classifieds?.contentHints() ?? [])];
      return (await engine()).extractArticle(document, location.href, { content });
    } catch (e) {
      return { ok: false, reason: 'error', detail: e instanceof Error ? e.message : String(e) };
    }
  };

  // The extraction that decided to open the reader is handed to the reader frame, not redone.
  let handedOver: ExtractResult | undefined;
  const reader = () => loaded('extractor')?.reader;
  const toggleReader = async (open?: boolean, chosen?: string) => {
    const isOpen = !!reader()?.isOpen;
    if (open === false || (open === undefined && isOpen)) return { open: reader()?.toggle(false) ?? false };
    if (isOpen) return { open: true };
    const probe = await extractFromPage(chosen);
    if (!probe.ok) return { open: false as const, reason: 'not-article' as const, detail: probe.reason };
    handedOver = probe;
    // The reading frame gets the article that decided to open it over its verified port, once.
    reader()?.setArticleSource(async () => {
      const r = handedOver ?? (await extractFromPage(chosen));
      handedOver = undefined;
      return r;
    });
    return { open: reader()?.toggle(true) ?? false };
  };
  ctx.onInvalidated(() => reader()?.close());

  // The cheap article check, once the DOM is ready: it sets the toolbar state ("article disponible")
  // and gates per-site auto-open and the optional floating button.
  if (isWebPage && window === window.top) {
    const offerReader = async () => {
      // The toolbar state needs the cheap check on every page: it comes with the scan, in a task of its
      // own (not inside DOMContentLoaded, where the page's handlers run too).
      const scanner = await load('scanner');
      await yieldToPage();
      const article = scanner.isProbablyArticle(document);
      sendToBackground('content→background:pageIsArticle', { article }).catch(() => undefined);
      if (!article) return;
      const options = await readPageReaderOptions();
      const auto = options.autoOpenSites.includes(location.hostname);
      if (!auto && !options.floatingButton) return;
      if (auto) await toggleReader(true);
      if (options.floatingButton) (await engine()).addFloatingButton(() => void toggleReader());
    };
    const offer = () => void offerReader().catch(() => undefined);
    if (document.readyState === 'loading')
      ctx.addEventListener(document, 'DOMContentLoaded', offer, { once: true });
    else offer();
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
    'extension→content:toggleReader': async ({ open, content }) => toggleReader(open, content),
    'extension→content:closeReader': () => ({ ok: !(reader()?.toggle(false) ?? false) }),
    'popup→content:getClassifieds': () =>
      classifieds?.report() ?? { host: location.hostname, categories: [], blocks: [], hiddenItems: 0 },
    'popup→content:describeBlock': async ({ id }) => {
      // The robust selector builder comes with the picker (not in this always-on bundle).
      const d = classifieds ? classifieds.describe(id, (await load('picker')).robustSelector) : null;
      return d ? { ok: true as const, ...d } : { ok: false as const };
    },
  });
  ctx.onInvalidated(off);
}
