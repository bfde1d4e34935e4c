// Dexie is the source of truth for preferences, but a content script cannot open it (IndexedDB in a
// content script belongs to the news site). The background therefore mirrors what content scripts
// need into browser.storage.local, which they can read at document_start and watch for changes
// (storage.onChanged reaches every open tab at once).
import { browser } from 'wxt/browser';
import type { ClassifiedsPrefs } from '../classifieds/types';

export const CLASSIFIEDS_MIRROR_KEY = 'mirror:classifiedsPrefs';

export function normalizePrefs(v: unknown): ClassifiedsPrefs {
  const p = (typeof v === 'object' && v !== null ? v : {}) as Partial<ClassifiedsPrefs>;
  return {
    categories: typeof p.categories === 'object' && p.categories !== null ? { ...p.categories } : {},
    sites: typeof p.sites === 'object' && p.sites !== null ? { ...p.sites } : {},
  };
}

export async function readMirroredPrefs(): Promise<ClassifiedsPrefs> {
  const got = await browser.storage.local.get(CLASSIFIEDS_MIRROR_KEY);
  return normalizePrefs(got[CLASSIFIEDS_MIRROR_KEY]);
}

export async function writeMirroredPrefs(prefs: ClassifiedsPrefs): Promise<void> {
  await browser.storage.local.set({ [CLASSIFIEDS_MIRROR_KEY]: prefs });
}

export function onMirroredPrefsChange(cb: (prefs: ClassifiedsPrefs) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CLASSIFIEDS_MIRROR_KEY in changes)
      cb(normalizePrefs(changes[CLASSIFIEDS_MIRROR_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
