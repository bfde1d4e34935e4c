// The first sync of a library saved before sync: every article gets a merge state with "before sync"
// clocks, so the first pull merges rather than duplicates.
import { quietly } from '../db/quiet';
import { type ArticleRow, type LisibleDB } from '../db/schema';
import { PART_IMAGES, PART_META, PART_TEXT, articleItemId, recordItemId, type ClockRow } from './changelog';
import { RECORD_TABLES, extraFields } from './fields';
import { clockAt, newDeviceId } from './hlc';
import { PRESYNC, type ArticleState } from './merge';

/** The merge state of an article saved before this device's first sync: its values, "before sync" clocks. */
function initialState(row: ArticleRow, device: string, hasImages: boolean): ArticleState {
  const s: ArticleState = {
    k: row.key,
    text: clockAt(row.updatedAt || row.savedAt, device),
    sv: ['', row.savedAt],
  };
  if (row.read) s.read = [PRESYNC, 1];
  if (row.favourite) s.fav = [PRESYNC, 1];
  if (row.archived) s.arch = [PRESYNC, 1];
  if (row.progress) s.prog = ['', row.progress];
  if (row.tags.length) s.tags = Object.fromEntries(row.tags.map((t) => [t, [PRESYNC, 1 as const]]));
  const extra = extraFields(row);
  if (extra.length)
    s.x = Object.fromEntries(
      extra.map((f) => [f, [PRESYNC, (row as unknown as Record<string, unknown>)[f]]]),
    );
  if (hasImages) s.img = [clockAt(row.updatedAt || row.savedAt, device), []];
  return s;
}

export async function deviceId(database: LisibleDB): Promise<string> {
  return database.transaction('rw', database.syncState, async () => {
    const clock = (await database.syncState.get('clock')) as ClockRow | undefined;
    if (clock) return clock.device;
    const row: ClockRow = { key: 'clock', device: newDeviceId(), ms: 0, n: 0 };
    await database.syncState.put(row as unknown as { key: string });
    return row.device;
  });
}

/**
 * First sync of this library to this vault: every article and record gets a merge state (if it has
 * none yet) and a pending mark for all its parts. In batches: a large library is never read whole.
 */
export async function baseline(database: LisibleDB, device: string): Promise<void> {
  const ALL = PART_META | PART_TEXT | PART_IMAGES;
  let last = 0;
  for (;;) {
    const done = await quietly(database, ['articles', 'images', 'syncItems', 'syncChanges'], async () => {
      const rows = await database.articles.where(':id').above(last).limit(500).toArray();
      if (!rows.length) return true;
      last = rows[rows.length - 1]!.id!;
      const ids = rows.map((r) => articleItemId(r.key));
      const [states, changes, withImages] = await Promise.all([
        database.syncItems.bulkGet(ids),
        database.syncChanges.bulkGet(ids),
        database.images
          .where('articleId')
          .anyOf(rows.map((r) => r.id!))
          .primaryKeys(),
      ]);
      const imaged = new Set((withImages as Array<[number, string]>).map(([id]) => id));
      const at = clockAt(Date.now(), device);
      await database.syncItems.bulkPut(
        rows.map((r, i) => states[i] ?? { id: ids[i]!, s: initialState(r, device, imaged.has(r.id!)) }),
      );
      await database.syncChanges.bulkPut(
        rows.map((_, i) => ({
          id: ids[i]!,
          at: changes[i]?.at ?? at,
          parts: (changes[i]?.parts ?? 0) | ALL,
        })),
      );
      return false;
    });
    if (done) break;
  }
  await quietly(database, Object.keys(RECORD_TABLES).concat(['syncItems', 'syncChanges']), async (tx) => {
    for (const [table, spec] of Object.entries(RECORD_TABLES)) {
      const rows = (await tx.table(table).toArray()) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const id = recordItemId(table, spec.idOf(row));
        if (!(await database.syncItems.get(id)))
          await database.syncItems.put({ id, s: { k: spec.idOf(row), v: [PRESYNC, row] } });
        const prev = await database.syncChanges.get(id);
        await database.syncChanges.put({ id, at: prev?.at ?? clockAt(Date.now(), device), parts: PART_META });
      }
    }
  });
}
