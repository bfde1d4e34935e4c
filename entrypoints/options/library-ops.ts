// Small operations of the library page: tag edits on one article or a selection, the storage figure.
import type { StorageInfo } from '../../components/BackupPanel';
import type { TagEdit } from '../../components/TagEditor';
import { addTag, removeTag, renameTag } from '../../utils/db/tags';

/** Applies a tag edit to articles (one, or a selection). */
export function editTags(ids: number[], edit: TagEdit): Promise<unknown> {
  if ('add' in edit) return addTag(ids, edit.add);
  if ('remove' in edit) return removeTag(ids, edit.remove);
  return renameTag(edit.rename[0], edit.rename[1], ids);
}

/** Storage used and whether the browser keeps it under pressure (asked once, read on every change). */
export async function storageInfo(ask: boolean): Promise<StorageInfo | null> {
  const s = navigator.storage;
  const persisted = (await s?.persisted?.()) || (ask && (await s?.persist?.())) || false;
  const est = await s?.estimate?.();
  return est ? { usage: est.usage ?? 0, quota: est.quota ?? 0, persisted } : null;
}
