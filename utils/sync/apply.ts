// Writing pulled merge states into the library: the join of each item with ours, the article row and
// body it implies, and the device's cursor, in one transaction per segment.
import { siteOf } from '../db/articles';
import { quietly } from '../db/quiet';
import { withFacets } from '../db/facets';
import { toRow, type ArticleRow, type LisibleDB } from '../db/schema';
import { PART_TEXT, articleItemId, recordItemId, type ClockRow } from './changelog';
import { articleProblem } from '../safety/validate';
import { RECORD_TABLES, TEXT_FIELDS, USER_FIELDS, isKnownField } from './fields';
import { observe } from './hlc';
import {
  joinArticle,
  joinRecord,
  latestClock,
  sameArticle,
  viewArticle,
  viewRecord,
  type ArticleState,
  type RecordState,
} from './merge';
import { getRow, putRow, type SyncProgressRow } from './state';
import { WireItem, inDb, pick } from './wire';

/** Text of a pulled state as article-row fields, validated: a state from a device with our key, still checked. */
function textOf(
  s: ArticleState,
): (Record<string, unknown> & { contentHtml: string; textContent: string }) | null {
  const tv = s.tv;
  if (!tv) return null;
  const text = {
    ...pick(tv, TEXT_FIELDS),
    contentHtml: typeof tv.contentHtml === 'string' ? tv.contentHtml : '',
    textContent: typeof tv.textContent === 'string' ? tv.textContent : '',
  };
  // The same shape check as every article arriving by message or import.
  return articleProblem(text) === null ? text : null;
}

export interface ApplyCounts {
  applied: number;
}

const APPLY_TABLES = [
  'articles',
  'bodies',
  'images',
  'syncItems',
  'syncChanges',
  'syncState',
  ...Object.keys(RECORD_TABLES),
];

/** Writes the join of pulled states into the library, and moves `dev`'s cursor, in one transaction. */
export async function applyItems(
  database: LisibleDB,
  items: WireItem[],
  cursor: { dev: string; seq: number } | null,
  counts: ApplyCounts,
): Promise<void> {
  await inDb(database, () =>
    quietly(database, APPLY_TABLES, async (tx) => {
      const clock = (await database.syncState.get('clock')) as unknown as ClockRow;
      const progress = (await getRow(database, 'progress'))!;
      // One read for the whole segment: its items' states and rows.
      const keys = items.flatMap((i) => ('a' in i && i.a && typeof i.a.k === 'string' ? [i.a.k] : []));
      const states = await database.syncItems.bulkGet(keys.map(articleItemId));
      const known: Known = {
        states: new Map(keys.map((k, n) => [k, states[n]?.s as ArticleState | undefined])),
        // One lookup per key, not anyOf(): anyOf walks the index between the keys, and a segment's
        // keys are spread over the whole library.
        rows: new Map(
          (await Promise.all(keys.map((k) => database.articles.where('key').equals(k).first())))
            .filter((r): r is ArticleRow => !!r)
            .map((r) => [r.key, r]),
        ),
      };
      for (const item of items) {
        if ('a' in item) {
          const R = item.a;
          if (!R || typeof R.k !== 'string') continue;
          observe(clock, latestClock(R));
          // Decided without awaiting: an await that does no IndexedDB work would lose Dexie's
          // transaction zone, and the transaction would commit under us.
          const L = known.states.get(R.k);
          const textWins =
            R.tv !== undefined && R.text !== undefined && (L?.text === undefined || R.text > L.text);
          if (L && !textWins && sameArticle(L, joinArticle(L, R))) continue;
          await applyArticle(database, R, progress, known);
          counts.applied++;
        } else if (RECORD_TABLES[item.r] && item.s && typeof item.s.k === 'string') {
          observe(clock, latestClock(item.s));
          const id = recordItemId(item.r, item.s.k);
          const L = (await database.syncItems.get(id))?.s as RecordState | undefined;
          const M = joinRecord(L, item.s);
          if (L && JSON.stringify(M) === JSON.stringify(L)) continue;
          await database.syncItems.put({ id, s: M });
          const value = viewRecord(M);
          const table = tx.table(item.r);
          if (value === undefined) await table.delete(item.s.k);
          else await table.put(value);
          counts.applied++;
        }
      }
      if (cursor) progress.cursors[cursor.dev] = cursor.seq;
      await database.syncState.put(clock as unknown as { key: string });
      await putRow(database, progress);
    }),
  );
}

/** States and rows of a segment's articles, read once (and kept current as items are applied). */
interface Known {
  states: Map<string, ArticleState | undefined>;
  rows: Map<string, ArticleRow>;
}

async function applyArticle(
  database: LisibleDB,
  R: ArticleState,
  progress: SyncProgressRow,
  known: Known,
): Promise<boolean> {
  const id = articleItemId(R.k);
  const L = known.states.get(R.k);
  const M = joinArticle(L, R);
  const textWins = R.tv !== undefined && R.text !== undefined && (L?.text === undefined || R.text > L.text);
  const { tv: _tv, ...local } = M;
  await database.syncItems.put({ id, s: local });
  known.states.set(R.k, local);
  const row = known.rows.get(R.k);
  const view = viewArticle(M);
  if (!view) {
    // A tombstone from a device with the key: the only way the server can remove local data.
    if (row?.id !== undefined) {
      await database.images.where('articleId').equals(row.id).delete();
      await database.bodies.delete(row.id);
      await database.articles.delete(row.id);
      known.rows.delete(R.k);
    }
    delete progress.images[R.k];
    return true;
  }
  const text = textWins ? textOf(R) : null;
  if (!row && !text) return true; // alive elsewhere, text not here yet: kept in the state until it comes
  const user = {
    tags: view.tags,
    read: view.read,
    favourite: view.favourite,
    archived: view.archived,
    progress: view.progress,
    // A life begun by a save that did not know of the delete has no saved date of its own: the date of
    // its text, the same on every device (never this device's clock).
    savedAt: view.savedAt ?? (typeof text?.updatedAt === 'number' ? text.updatedAt : (row?.updatedAt ?? 0)),
    // Generic registers never overwrite a field this version owns (ids, keys, search words…).
    ...Object.fromEntries(Object.entries(view.x).filter(([f]) => !isKnownField(f))),
  };
  let next: ArticleRow;
  if (text) {
    const { contentHtml, textContent, ...fields } = text;
    const url = (fields.canonicalUrl as string) || (fields.url as string);
    next = toRow({
      ...(fields as unknown as ArticleRow),
      contentHtml,
      textContent,
      key: R.k,
      site: siteOf(url),
      updatedAt: typeof fields.updatedAt === 'number' ? fields.updatedAt : Date.now(),
      imageBytes: row?.imageBytes ?? 0,
      ...user,
    });
    // Pulled HTML is rendered through the sanitizer like any stored body; the library page also cleans it in place.
    next.unsanitized = 1;
    if (row?.id !== undefined) next.id = row.id;
    const newId = (await database.articles.put(next)) as number;
    known.rows.set(R.k, { ...next, id: newId });
    await database.bodies.put({ id: newId, contentHtml, textContent });
    // The server already has this text: no need to push it back.
    const pending = await database.syncChanges.get(id);
    if (pending && pending.parts & PART_TEXT)
      await database.syncChanges.put({ ...pending, parts: pending.parts & ~PART_TEXT });
  } else {
    // Flags and tags from another device move the row's filter index with them.
    next = withFacets({ ...row!, ...user } as ArticleRow);
    if (
      JSON.stringify(pick(row!, [...USER_FIELDS, ...Object.keys(view.x)])) !==
      JSON.stringify(pick(next, [...USER_FIELDS, ...Object.keys(view.x)]))
    ) {
      await database.articles.put(next);
      known.rows.set(R.k, next);
    }
  }
  // Images announced by the winning state and not held here: downloaded after this transaction.
  if (view.images && view.images[0] > (L?.img?.[0] ?? '') && M.img === R.img && view.images[1].length)
    progress.images[R.k] = view.images[0];
  return true;
}
