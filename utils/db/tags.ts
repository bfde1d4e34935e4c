// Tags of saved articles: add, remove and rename, on one article or many. Every change goes through
// modifyRows, which recomputes the row's facets (the tag filter reads them).
import { modifyRows } from './articles';
import { db, type LisibleDB } from './schema';

/** At most this many tags on one article (the backup format's cap too). */
export const MAX_TAGS = 100;

/** Folds a user's tag to a stable form: trimmed, single spaces, lower case (accents kept for display). */
export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 60);
}

export async function addTag(ids: number[], tag: string, database: LisibleDB = db()): Promise<void> {
  const t = normalizeTag(tag);
  if (!t) return;
  await modifyRows(
    ids,
    (r) => {
      if (!r.tags.includes(t) && r.tags.length < MAX_TAGS) r.tags = [...r.tags, t];
    },
    database,
  );
}

export async function removeTag(ids: number[], tag: string, database: LisibleDB = db()): Promise<void> {
  await modifyRows(ids, (r) => void (r.tags = r.tags.filter((x) => x !== tag)), database);
}

/**
 * Renames a tag on the given articles, or on every article that has it (`ids` omitted); renaming into
 * a tag an article already has leaves it once. Returns how many articles changed.
 */
export async function renameTag(
  from: string,
  to: string,
  ids?: number[],
  database: LisibleDB = db(),
): Promise<number> {
  const next = normalizeTag(to);
  if (!next || next === from) return 0;
  const having = (await database.articles.where('tags').equals(from).primaryKeys()) as number[];
  const targets = ids ? having.filter((id) => ids.includes(id)) : having;
  await modifyRows(
    targets,
    (r) => void (r.tags = [...new Set(r.tags.map((x) => (x === from ? next : x)))]),
    database,
  );
  return targets.length;
}
