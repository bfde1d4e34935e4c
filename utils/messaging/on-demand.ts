// How the always-on content script reaches what the background injects on demand: the extraction
// engine with the article check and the reading-mode overlay (entrypoints/extractor.ts), and the block
// picker with the robust selector builder (entrypoints/picker.ts), and the classifieds shape scan with
// the cheap article check (entrypoints/scanner.ts), which the content script asks for once the DOM is
// ready. They run in the extension's isolated
// world of the tab, which page scripts cannot see, so a global there is private to Lisible. Keeping them
// out of the content script keeps it small: they load when the reader asks for them.
import type { detectBlocksSliced } from '../classifieds/detect';
import type { Category } from '../classifieds/types';
import type { ExtractOptions, ExtractResult } from '../extract/types';
import type { PickerMode } from './messages';

/** What the background can inject into a tab, and the global each one sets. */
export const ON_DEMAND = {
  extractor: '__lisibleExtractor',
  picker: '__lisiblePicker',
  scanner: '__lisibleScanner',
} as const;
export type OnDemandScript = keyof typeof ON_DEMAND;

/** The reading-mode overlay (entrypoints/content/reading-mode.ts). */
export interface ReaderOverlay {
  readonly isOpen: boolean;
  toggle(open?: boolean): boolean;
  close(): void;
  /** What the frame shows once it proved it is ours (the content script's extraction). */
  setArticleSource(article: () => Promise<ExtractResult>): void;
}

export interface ExtractorApi {
  extractArticle(doc: Document, url?: string, opts?: ExtractOptions): ExtractResult;
  isProbablyArticle(doc: Document): boolean;
  /** The optional "Mode lecture" button of article pages. */
  addFloatingButton(onClick: () => void): void;
  reader: ReaderOverlay;
}

export interface PickerApi {
  /** A selector for `el` that should hold on the site's other pages (utils/classifieds/robust-selector.ts). */
  robustSelector: (el: Element) => string;
  /** Opens the picker over the page; `categories` are offered when hiding a block. */
  start(mode: PickerMode, categories: readonly Category[]): void;
}

/** What runs once the DOM is ready (entrypoints/scanner.ts): the classifieds scan, the article check. */
export interface ScannerApi {
  detectBlocksSliced: typeof detectBlocksSliced;
  isProbablyArticle(doc: Document): boolean;
}

export interface OnDemandApis {
  extractor: ExtractorApi;
  picker: PickerApi;
  scanner: ScannerApi;
}

export function loaded<S extends OnDemandScript>(script: S): OnDemandApis[S] | undefined {
  return (globalThis as Record<string, unknown>)[ON_DEMAND[script]] as OnDemandApis[S] | undefined;
}
