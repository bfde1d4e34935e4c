// What the content script runs once the DOM is ready, injected by the background once per page when the
// always-on content script asks for it: the shape scan of the classifieds detector
// (utils/classifieds/detect.ts) and the cheap article check of the toolbar state
// (utils/extract/readerable.ts). None of it is needed before first paint (the known-site CSS and the
// reader's rules are in the content script): out of the always-on bundle, the content script is smaller
// and costs less to evaluate at document_start, inside the page's parser task. It runs in the content
// script's isolated world and hands both over on a global.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectBlocksSliced } from '../utils/classifieds/detect';
import { isProbablyArticle } from '../utils/extract/readerable';
import { ON_DEMAND, type ScannerApi } from '../utils/messaging/on-demand';

export default defineUnlistedScript(() => {
  const g = globalThis as Record<string, unknown>;
  if (g[ON_DEMAND.scanner]) return;
  const api: ScannerApi = { detectBlocksSliced, isProbablyArticle };
  g[ON_DEMAND.scanner] = api;
});
