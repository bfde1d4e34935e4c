// The change log: a Dexie DBCore middleware under every write of the library (articles, bodies,
// images, synced key/value tables). In the same transaction as the write it bumps the written item's
// clocks in `syncItems` (its merge state, merge.ts) and marks it pending in `syncChanges`. Being below
// Dexie's API, no caller can forget it: saves, imports, bulk edits, deletes and undo all go through it.
// Writes made by the sync itself (pulled changes) run in a "quiet" transaction and are not recorded.
// What a write changes, as edits of merge states, is edits.ts.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ArticleRow, BodyRow, ImageRow } from '../db/schema';
import { isQuiet } from '../db/quiet';
import { RECORD_TABLES } from './fields';
import { formatClock, newDeviceId, tick } from './hlc';
import { canon } from './merge';
import {
  ClockRow,
  Edit,
  PART_IMAGES,
  PART_TEXT,
  SyncChangeRow,
  SyncItemRow,
  articleEdit,
  articleEdits,
  bump,
  recordEdit,
} from './edits';
// Ids and parts live with the edits; callers keep importing them from the change log.
export {
  PART_IMAGES,
  PART_META,
  PART_TEXT,
  articleItemId,
  recordItemId,
  type ClockRow,
  type SyncChangeRow,
  type SyncItemRow,
} from './edits';

const LIBRARY_TABLES: ReadonlySet<string> = new Set([
  'articles',
  'bodies',
  'images',
  ...Object.keys(RECORD_TABLES),
]);
/** Stores every recording transaction needs besides the written one. */
const LOG_STORES = ['articles', 'syncItems', 'syncChanges', 'syncState'];

type Listener = () => void;
const listeners = new Set<Listener>();
/** Called after a transaction that recorded local changes commits (the background schedules a sync). */
export function onLocalChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Primary keys a mutation touches (a delete by range is resolved to its keys first). */
async function touchedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  // DBCore types keys and values as any: name them unknown before use.
  if (req.type === 'delete') return req.keys as unknown[];
  if (req.type === 'deleteRange') {
    const res = await table.query({
      trans: req.trans,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return (res.result as Record<string, unknown>[]).map((v) => primaryKeyOf(table, v));
  }
  const keys = req.keys as unknown[] | undefined;
  return (req.values as Record<string, unknown>[]).map((v, i) => keys?.[i] ?? primaryKeyOf(table, v));
}

function primaryKeyOf(table: DBCoreTable, v: Record<string, unknown>): unknown {
  const kp = table.schema.primaryKey.keyPath;
  if (kp === null) return undefined;
  return Array.isArray(kp) ? kp.map((p) => v[p]) : v[kp];
}

/** Writes the edits' new states and pending marks, in the write's own transaction. */
async function record(core: DBCore, trans: DBCoreTransaction, edits: Edit[]): Promise<void> {
  if (!edits.length) return;
  const state = core.table('syncState');
  const items = core.table('syncItems');
  const changes = core.table('syncChanges');
  const clock: ClockRow = ((await state.get({ trans, key: 'clock' })) as ClockRow | undefined) ?? {
    key: 'clock',
    device: newDeviceId(),
    ms: 0,
    n: 0,
  };
  const next = () => tick(clock, Date.now());
  const ids = [...new Set(edits.map((e) => e.id))];
  const [prevItems, prevChanges] = await Promise.all([
    items.getMany({ trans, keys: ids }) as Promise<Array<SyncItemRow | undefined>>,
    changes.getMany({ trans, keys: ids }) as Promise<Array<SyncChangeRow | undefined>>,
  ]);
  const states = new Map(ids.map((id, i) => [id, prevItems[i]?.s]));
  const parts = new Map(ids.map((id, i) => [id, prevChanges[i]?.parts ?? 0]));
  for (const e of edits) {
    states.set(e.id, e.apply(states.get(e.id), next));
    parts.set(e.id, parts.get(e.id)! | e.parts);
  }
  const at = formatClock(clock.ms, clock.n, clock.device);
  await items.mutate({ type: 'put', trans, values: ids.map((id) => ({ id, s: states.get(id)! })) });
  await changes.mutate({ type: 'put', trans, values: ids.map((id) => ({ id, at, parts: parts.get(id)! })) });
  await state.mutate({ type: 'put', trans, values: [clock] });
  const idb = trans as unknown as IDBTransaction;
  if (!notifying.has(idb) && typeof idb.addEventListener === 'function') {
    notifying.add(idb);
    idb.addEventListener('complete', () => {
      for (const fn of listeners) fn();
    });
  }
}
const notifying = new WeakSet<IDBTransaction>();

function logTable(core: DBCore, down: DBCoreTable): DBCoreTable {
  const name = down.name;
  return {
    ...down,
    async mutate(req) {
      const idb = req.trans as unknown as IDBTransaction;
      if (idb.mode === 'versionchange' || isQuiet(req.trans)) return down.mutate(req);
      const keys = await touchedKeys(down, req);
      const known = keys.filter((k) => k !== undefined);
      const oldRows = known.length ? await down.getMany({ trans: req.trans, keys: known }) : [];
      const oldByKey = new Map(
        known.map((k, i) => [canon(k), oldRows[i] as Record<string, unknown> | undefined]),
      );
      const res = await down.mutate(req);
      const failed = (i: number) => res.failures[i] !== undefined;
      const written =
        req.type === 'add' || req.type === 'put'
          ? req.values.map((v, i) => (failed(i) ? undefined : (v as Record<string, unknown>)))
          : [];
      const edits: Edit[] = [];
      if (name === 'articles') {
        if (req.type === 'add' || req.type === 'put')
          written.forEach((row, i) => {
            if (!row) return;
            const k = keys[i];
            edits.push(
              ...articleEdits(
                k === undefined ? undefined : (oldByKey.get(canon(k)) as ArticleRow | undefined),
                row as unknown as ArticleRow,
              ),
            );
          });
        else
          for (const old of oldRows) {
            const e = old ? articleEdit(old as ArticleRow, undefined) : null;
            if (e) edits.push(e);
          }
      } else if (name === 'bodies' || name === 'images') {
        // Bodies and images are keyed by the local article id: the log speaks of article keys.
        const changed: number[] = [];
        if (req.type === 'add' || req.type === 'put')
          written.forEach((row, i) => {
            if (!row) return;
            const old = oldByKey.get(canon(keys[i]));
            if (name === 'bodies') {
              const b = row as unknown as BodyRow;
              const o = old as unknown as BodyRow | undefined;
              if (!o || o.contentHtml !== b.contentHtml || o.textContent !== b.textContent)
                changed.push(b.id);
            } else {
              const im = row as unknown as ImageRow;
              const o = old as unknown as ImageRow | undefined;
              if (!o || o.blob !== im.blob) changed.push(im.articleId);
            }
          });
        else
          for (const old of oldRows)
            if (old) changed.push(name === 'bodies' ? (old as BodyRow).id : (old as ImageRow).articleId);
        const ids = [...new Set(changed)];
        if (ids.length) {
          const rows = (await core.table('articles').getMany({ trans: req.trans, keys: ids })) as Array<
            ArticleRow | undefined
          >;
          for (const r of rows) if (r) edits.push(bump(r.key, name === 'bodies' ? PART_TEXT : PART_IMAGES));
        }
      } else {
        if (req.type === 'add' || req.type === 'put')
          written.forEach((row, i) => {
            if (!row) return;
            const e = recordEdit(name, oldByKey.get(canon(keys[i])), row);
            if (e) edits.push(e);
          });
        else
          for (const old of oldRows) {
            const e = old ? recordEdit(name, old as Record<string, unknown>, undefined) : null;
            if (e) edits.push(e);
          }
      }
      await record(core, req.trans, edits);
      return res;
    },
  };
}

/** The middleware; LisibleDB installs it in its constructor, so every handle records. */
export const changeLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lisible-sync-log',
  // Below Dexie's own middlewares (cache, observability, hooks): we talk to the bare IndexedDB core,
  // whose calls do not depend on Dexie's promise zone surviving our awaits.
  level: -2,
  create(down) {
    const core: DBCore = {
      ...down,
      transaction(stores, mode, options) {
        // A write to the library must be able to write its log in the same transaction.
        if (mode === 'readwrite' && stores.some((s) => LIBRARY_TABLES.has(s)))
          stores = [...new Set([...stores, ...LOG_STORES])];
        return down.transaction(stores, mode, options);
      },
      table(name) {
        const t = down.table(name);
        return LIBRARY_TABLES.has(name) ? logTable(down, t) : t;
      },
    };
    return core;
  },
};
