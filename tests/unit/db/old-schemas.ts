// Schemas of earlier versions, as those versions declared them, for the upgrade tests (each opens a
// real database of its version with Dexie, then LisibleDB upgrades it). And the cleanup of those.
import Dexie from 'dexie';
import { afterEach, expect } from 'vitest';
import { LisibleDB, type ArticleRow } from '../../../utils/db/schema';

/** Stores of v6 (the reader's site rules), unchanged by v7 (dated words: same index, rows rewritten). */
export const V6 = {
  articles: '++id, &key, savedAt, [savedAt+id], site, communeInsee, *tags, *words, *facets, unsanitized',
  bodies: 'id',
  images: '[articleId+url], articleId',
  prefs: 'key',
  syncItems: 'id',
  syncChanges: 'id, at',
  syncState: 'key',
  highlights: '++id, articleId',
  userRules: '++id, host, kind, createdAt',
};
export const V7 = V6;
/** Stores of v8 (the words by publication date, `pwords`), unchanged by v9 but for its new table. */
export const V8 = {
  ...V7,
  articles:
    '++id, &key, savedAt, [savedAt+id], site, communeInsee, *tags, *words, *pwords, *facets, unsanitized',
};

/** A database of an earlier `version` with its `stores`, open, deleted after the test: its name and it. */
export async function openOld(
  prefix: string,
  version: number,
  stores: Record<string, string>,
): Promise<[string, Dexie]> {
  const name = tempName(prefix);
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  return [name, old];
}

/** The database `name` opened by this Lisible (upgraded to the latest version), with its `n` rows. */
export async function upgraded(name: string, n: number): Promise<[LisibleDB, ArticleRow[]]> {
  const db = new LisibleDB(name);
  await db.open();
  expect(db.verno).toBe(9);
  const rows = await db.articles.toArray();
  expect(rows).toHaveLength(n);
  return [db, rows];
}

/** A new database name, deleted after the test. */
export function tempName(prefix: string): string {
  const name = `${prefix}-${Math.random()}`;
  names.push(name);
  return name;
}
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});
