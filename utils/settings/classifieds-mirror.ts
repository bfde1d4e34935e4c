// Dexie is the source of truth for preferences and the reader's site rules, but a content script cannot
// open it (IndexedDB in a content script belongs to the news site). The background therefore mirrors
// what content scripts need into browser.storage.local, which they can read at document_start (one
// read for both) and watch for changes (storage.onChanged reaches every open tab at once).
import { browser } from 'wxt/browser';
import {
  CATEGORIES,
  type Category,
  type ClassifiedsPrefs,
  type ClassifiedsSitePrefs,
  type Visibility,
} from '../classifieds/types';
import { normalizeMirror, type UserRulesMirror } from './user-rules';

export const CLASSIFIEDS_MIRROR_KEY = 'mirror:classifiedsPrefs';
export const USER_RULES_MIRROR_KEY = 'mirror:userRules';

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

/** One mirrored value: its storage key and how to repair what is read back. */
interface Mirror<T> {
  key: string;
  normalize: (v: unknown) => T;
}
const PREFS: Mirror<ClassifiedsPrefs> = { key: CLASSIFIEDS_MIRROR_KEY, normalize: normalizePrefs };
const RULES: Mirror<UserRulesMirror> = { key: USER_RULES_MIRROR_KEY, normalize: normalizeMirror };

async function read<T>(m: Mirror<T>): Promise<T> {
  return m.normalize((await browser.storage.local.get(m.key))[m.key]);
}
async function write<T>(m: Mirror<T>, value: T): Promise<void> {
  await browser.storage.local.set({ [m.key]: value });
}
function watch<T>(m: Mirror<T>, cb: (value: T) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && m.key in changes) cb(m.normalize(changes[m.key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const readMirroredPrefs = () => read(PREFS);
export const writeMirroredPrefs = (prefs: ClassifiedsPrefs) => write(PREFS, prefs);
export const onMirroredPrefsChange = (cb: (prefs: ClassifiedsPrefs) => void) => watch(PREFS, cb);

export const readMirroredRules = () => read(RULES);
export const writeMirroredRules = (rules: UserRulesMirror) => write(RULES, rules);
export const onMirroredRulesChange = (cb: (rules: UserRulesMirror) => void) => watch(RULES, cb);

/** Both mirrors in one storage read: what the content script asks for at document_start. */
export async function readMirrors(): Promise<{ prefs: ClassifiedsPrefs; rules: UserRulesMirror }> {
  const got = await browser.storage.local.get([PREFS.key, RULES.key]);
  return { prefs: PREFS.normalize(got[PREFS.key]), rules: RULES.normalize(got[RULES.key]) };
}
