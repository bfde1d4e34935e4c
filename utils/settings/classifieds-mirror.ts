// Dexie is the source of truth for preferences, but a content script cannot open it (IndexedDB in a
// content script belongs to the news site). The background therefore mirrors what content scripts
// need into browser.storage.local, which they can read at document_start and watch for changes
// (storage.onChanged reaches every open tab at once).
import { browser } from 'wxt/browser';
import {
  CATEGORIES,
  type Category,
  type ClassifiedsPrefs,
  type ClassifiedsSitePrefs,
  type Visibility,
} from '../classifieds/types';

export const CLASSIFIEDS_MIRROR_KEY = 'mirror:classifiedsPrefs';

const VISIBILITIES: ReadonlySet<string> = new Set<Visibility>(['show', 'collapse', 'hide']);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
export const isCategory = (k: string): k is Category => CATEGORY_SET.has(k);
export const isVisibility = (v: unknown): v is Visibility => typeof v === 'string' && VISIBILITIES.has(v);
/** A site key: a dotted host name (or localhost), so `__proto__` or `constructor` never become sites. */
export const isSiteHost = (h: string): boolean =>
  h === 'localhost' || /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(h);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function cleanCategories(c: unknown): Partial<Record<Category, Visibility>> {
  const out: Partial<Record<Category, Visibility>> = {};
  if (isObject(c)) for (const [k, v] of Object.entries(c)) if (isCategory(k) && isVisibility(v)) out[k] = v;
  return out;
}

/**
 * Usable preferences from whatever is stored or mirrored: entries that are not valid are dropped, so
 * the settings page always renders (and can reset) and content scripts never trip on a bad value.
 */
export function normalizePrefs(v: unknown): ClassifiedsPrefs {
  const p = isObject(v) ? v : {};
  const sites: Record<string, ClassifiedsSitePrefs> = {};
  if (isObject(p.sites))
    for (const [host, site] of Object.entries(p.sites)) {
      if (!isSiteHost(host) || !isObject(site)) continue;
      const s: ClassifiedsSitePrefs = {};
      if (typeof site.showAll === 'boolean') s.showAll = site.showAll;
      if (site.categories !== undefined) s.categories = cleanCategories(site.categories);
      sites[host] = s;
    }
  return { categories: cleanCategories(p.categories), sites };
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
