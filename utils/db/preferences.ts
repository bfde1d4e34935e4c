// Classifieds preferences: stored in Dexie (source of truth), mirrored for content scripts.
import type { ClassifiedsPrefs } from '../classifieds/types';
import {
  isCategory,
  isSiteHost,
  isVisibility,
  normalizePrefs,
  writeMirroredPrefs,
} from '../settings/classifieds-mirror';
import { db, type LisibleDB } from './schema';

/** Returns why a value is not valid ClassifiedsPrefs, or null. Used on every message and import. */
export function prefsProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'not an object';
  const p = v as Record<string, unknown>;
  const checkCats = (c: unknown, where: string): string | null => {
    if (c === undefined) return null;
    if (typeof c !== 'object' || c === null) return `${where}: categories must be an object`;
    for (const [k, val] of Object.entries(c)) {
      if (!isCategory(k)) return `${where}: unknown category ${k}`;
      if (!isVisibility(val)) return `${where}: bad visibility for ${k}`;
    }
    return null;
  };
  const top = checkCats(p.categories, 'prefs');
  if (top) return top;
  if (typeof p.sites !== 'object' || p.sites === null) return 'sites must be an object';
  for (const [host, site] of Object.entries(p.sites)) {
    if (!isSiteHost(host)) return `bad host ${host}`;
    if (typeof site !== 'object' || site === null) return `${host}: not an object`;
    const s = site as Record<string, unknown>;
    if (s.showAll !== undefined && typeof s.showAll !== 'boolean') return `${host}: showAll must be boolean`;
    const c = checkCats(s.categories, host);
    if (c) return c;
  }
  return null;
}

export async function getClassifiedsPrefs(database: LisibleDB = db()): Promise<ClassifiedsPrefs> {
  const row = await database.prefs.get('classifieds');
  return normalizePrefs(row?.value);
}

/** Stores the preferences and mirrors them to every tab's content script. */
export async function setClassifiedsPrefs(
  prefs: ClassifiedsPrefs,
  database: LisibleDB = db(),
): Promise<void> {
  const clean = normalizePrefs(prefs);
  await database.prefs.put({ key: 'classifieds', value: clean });
  await writeMirroredPrefs(clean);
}

/** Re-mirrors Dexie's preferences (on install/startup, in case storage.local was cleared). */
export async function syncPrefsMirror(database: LisibleDB = db()): Promise<void> {
  await writeMirroredPrefs(await getClassifiedsPrefs(database));
}
