// The full extraction engine (Readability and Lisible's cleaning), injected into a tab only when an
// article is asked for: the popup, reading mode, a save. The always-on content script stays small.
// It runs in the same isolated world as the content script and hands it the engine on a global.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../utils/extract';
import { EXTRACTOR_GLOBAL, type ExtractorApi } from '../utils/messaging/extractor-bridge';

export default defineUnlistedScript(() => {
  const api: ExtractorApi = { extractArticle };
  (globalThis as Record<string, unknown>)[EXTRACTOR_GLOBAL] = api;
});
