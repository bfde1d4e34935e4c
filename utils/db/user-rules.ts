// The reader's site rules in Dexie (the truth) and their mirror for content scripts. Written by the
// background only (it validates every message); read by the popup and the options page.
import { writeMirroredRules } from '../settings/classifieds-mirror';
import { mirrorOf, userRuleProblem, type UserRule } from '../settings/user-rules';
import { db, type LisibleDB } from './schema';

/** Every rule, newest first. */
export async function listUserRules(database: LisibleDB = db()): Promise<UserRule[]> {
  return (await database.userRules.orderBy('createdAt').toArray()).reverse();
}

/** Re-mirrors Dexie's rules (after each change, and on install/startup). */
export async function syncUserRulesMirror(database: LisibleDB = db()): Promise<void> {
  await writeMirroredRules(mirrorOf(await database.userRules.toArray()));
}

/**
 * Stores a rule (the same site, kind and selector again replaces the older one) and mirrors the rules
 * to every tab. Returns the rule's id, or the reason it was refused.
 */
export async function addUserRule(
  rule: UserRule,
  database: LisibleDB = db(),
): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  const problem = userRuleProblem(rule);
  if (problem) return { ok: false, message: problem };
  const clean: UserRule = {
    host: rule.host.toLowerCase(),
    kind: rule.kind,
    selector: rule.selector.trim(),
    createdAt: rule.createdAt,
    ...(rule.category ? { category: rule.category } : {}),
    ...(rule.label ? { label: rule.label.slice(0, 120) } : {}),
  };
  // A block is hidden or an exception, not both: a new choice on the same selector replaces the old.
  const replaces = (r: UserRule) =>
    r.selector === clean.selector && (clean.kind === 'content' ? r.kind === 'content' : r.kind !== 'content');
  const id = await database.transaction('rw', database.userRules, async () => {
    await database.userRules.where('host').equals(clean.host).filter(replaces).delete();
    return (await database.userRules.add(clean)) as number;
  });
  await syncUserRulesMirror(database);
  return { ok: true, id };
}

/** Deletes the given rules (every rule when `ids` is 'all') and mirrors what is left. */
export async function deleteUserRules(ids: number[] | 'all', database: LisibleDB = db()): Promise<void> {
  if (ids === 'all') await database.userRules.clear();
  else await database.userRules.bulkDelete(ids);
  await syncUserRulesMirror(database);
}
