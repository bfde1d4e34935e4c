// Loads the official communes index packaged with the extension (/communes.txt, written at build time
// by wxt.config.ts from utils/communes/build.ts), once per page or worker, on first need: the popup,
// reading mode, library and the background's saves. Never the network: the file is the extension's
// own. Never the content script or the extraction engine (their bundles are budgeted; they only
// leave raw hints).
import { browser } from 'wxt/browser';
import { parseCommuneIndex, type CommuneIndex } from './index';

/** Path of the packaged index inside the extension. */
export const COMMUNES_FILE = '/communes.txt';

let source = async (): Promise<string> => {
  // The file is generated into the build, so WXT's typed public paths do not list it.
  const res = await fetch(browser.runtime.getURL(COMMUNES_FILE as '/'));
  if (!res.ok) throw new Error(`communes index: HTTP ${res.status}`);
  return res.text();
};
let pending: Promise<CommuneIndex | null> | null = null;
let loaded: CommuneIndex | null = null;

/** Where the index text comes from (the tests build it from the devDependency in Node). */
export function setCommuneSource(fn: () => Promise<string>): void {
  source = fn;
  pending = null;
  loaded = null;
}

/**
 * The index, loaded once; null when it cannot be read (then communes stay the engine's raw hints and
 * nothing else breaks). A failed load is retried on the next call.
 */
export function loadCommunes(): Promise<CommuneIndex | null> {
  pending ??= source()
    .then((text) => (loaded = parseCommuneIndex(text)))
    .catch(() => {
      pending = null;
      return null;
    });
  return pending;
}

/** The index if it is already loaded (synchronous callers: the database upgrade, row building). */
export function loadedCommunes(): CommuneIndex | null {
  return loaded;
}
