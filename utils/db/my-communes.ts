// "Ma commune": the reader's communes (INSEE codes), a library preference in Dexie (exported and
// imported with the library). The popup, reading mode and library mark articles from them.
import { db, type LisibleDB } from './schema';

/** "Ma commune": a list of INSEE codes, as the settings page stores it. */
export function communesPrefProblem(v: unknown): string | null {
  if (!Array.isArray(v) || v.length > 50) return 'must be a list of at most 50 INSEE codes';
  return v.every((c) => typeof c === 'string' && /^(?:\d{5}|2[AB]\d{3})$/.test(c)) ? null : 'bad INSEE code';
}

export async function getMyCommunes(database: LisibleDB = db()): Promise<string[]> {
  const row = await database.prefs.get('communes');
  const value = row?.value;
  // A stored value an older version let through is dropped rather than trusted.
  return communesPrefProblem(value) ? [] : (value as string[]);
}

export async function setMyCommunes(codes: string[], database: LisibleDB = db()): Promise<void> {
  const clean = [...new Set(codes)];
  const problem = communesPrefProblem(clean);
  if (problem) throw new Error(`"Ma commune": ${problem}`);
  await database.prefs.put({ key: 'communes', value: clean });
}
