// How the always-on content script reaches the extraction engine that the background injects on
// demand (entrypoints/extractor.ts): both run in the extension's isolated world of the tab, which page
// scripts cannot see, so a global there is private to Lisible.
import type { ExtractResult } from '../extract/types';

export const EXTRACTOR_GLOBAL = '__lisibleExtractor';

export interface ExtractorApi {
  extractArticle(doc: Document, url?: string): ExtractResult;
}

export function loadedExtractor(): ExtractorApi | undefined {
  return (globalThis as Record<string, unknown>)[EXTRACTOR_GLOBAL] as ExtractorApi | undefined;
}
