// Dexie is the source of truth for preferences and the reader's site rules, but a content script cannot
// open it (IndexedDB in a content script belongs to the news site). The background therefore mirrors
// what content scripts need into browser.storage.local, which they can read at document_start (one
// read for both) and watch for changes (storage.onChanged reaches every open tab at once).
import { browser } from 'wxt/browser';
import type { ClassifiedsPrefs } from '../classifieds/types';
import { normalizeMirror, type UserRulesMirror } from './user-rules';

export const CLASSIFIEDS_MIRROR_KEY = 'mirror:classifiedsPrefs';
export const USER_RULES_MIRROR_KEY = 'mirror:userRules';

export function normalizePrefs(v: unknown): ClassifiedsPrefs {
  const p = (typeof v === 'object' && v !== null ? v : {}) as Partial<ClassifiedsPrefs>;
  return {
    categories: typeof p.categories === 'object' && p.categories !== null ? { ...p.categories } : {},
    sites: typeof p.sites === 'object' && p.sites !== null ? { ...p.sites } : {},
  };
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
