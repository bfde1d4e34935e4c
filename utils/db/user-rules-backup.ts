// The reader's site rules in the JSON backup (field `userRules`), kept apart from backup/ so the export
// calls one function and the import two (validate first, write after the articles).
import { LibraryError } from './errors';
import { db, type LisibleDB } from './schema';
import { syncUserRulesMirror } from './user-rules';
import { userRuleProblem, type UserRule } from '../settings/user-rules';

/** A rule as a backup carries it: no local id. */
export type BackupUserRule = Omit<UserRule, 'id'>;

/** Every rule, for a full backup. */
export async function userRulesForBackup(database: LisibleDB = db()): Promise<BackupUserRule[]> {
  return (await database.userRules.toArray()).map(({ id: _id, ...r }) => r);
}

/**
 * Reads and validates the `userRules` of a backup's text before anything is written (a malformed rule
 * makes the whole import fail, like a malformed article). Returns the write to run afterwards: it adds
 * the rules the library does not have yet (same site, kind and selector) and mirrors them to the tabs.
 */
export function userRulesFromBackup(raw: unknown): { write: (database?: LisibleDB) => Promise<number> } {
  if (raw !== undefined && !Array.isArray(raw))
    throw new LibraryError('invalid', 'userRules must be a list.');
  const rules: BackupUserRule[] = [];
  for (const [n, r] of ((raw as unknown[] | undefined) ?? []).entries()) {
    const problem = userRuleProblem(r);
    if (problem) throw new LibraryError('invalid', `Site rule ${n + 1}: ${problem}.`);
    const { id: _id, ...rule } = r as UserRule;
    rules.push(rule);
  }
  return {
    async write(database = db()) {
      if (rules.length === 0) return 0;
      const key = (r: BackupUserRule) => `${r.host}\n${r.kind}\n${r.selector}`;
      const added = await database.transaction('rw', database.userRules, async () => {
        const have = new Set((await database.userRules.toArray()).map(key));
        const fresh = rules.filter((r) => !have.has(key(r)));
        await database.userRules.bulkAdd(fresh);
        return fresh.length;
      });
      await syncUserRulesMirror(database);
      return added;
    },
  };
}
