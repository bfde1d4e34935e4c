// "Ma commune": the reader's communes (INSEE codes), a library preference in Dexie (exported and
// imported with the library). The popup, reading mode and library mark articles from them.
import { communesPrefProblem } from './backup/lisible';
import { db, type LisibleDB } from './schema';

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
