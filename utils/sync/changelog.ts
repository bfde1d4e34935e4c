// The change log: a Dexie DBCore middleware under every write of the library (articles, bodies,
// images, synced key/value tables). In the same transaction as the write it bumps the written item's
// clocks in `syncItems` (its merge state, merge.ts) and marks it pending in `syncChanges`. Being below
// Dexie's API, no caller can forget it: saves, imports, bulk edits, deletes and undo all go through it.
// Writes made by the sync itself (pulled changes) run in a "quiet" transaction and are not recorded.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ArticleRow, BodyRow, ImageRow } from '../db/schema';
import { isQuiet } from '../db/quiet';
import { RECORD_TABLES, TEXT_FIELDS, extraFields } from './fields';
import { formatClock, newDeviceId, tick } from './hlc';
import type { ClockState } from './hlc';
import { canon, joinLife, type ArticleState, type Clock, type RecordState } from './merge';

/** Parts of an item a push must send: its small registers, its text (body), its images. */
export const PART_META = 1;
export const PART_TEXT = 2;
export const PART_IMAGES = 4;

export interface SyncItemRow {
  /** 'a:' + article key, or 'r:<table>:' + record id. */
  id: string;
  s: ArticleState | RecordState;
}
export interface SyncChangeRow {
  id: string;
  /** Clock of the latest change: a push clears the entry only if it is still the one it sent. */
  at: Clock;
  parts: number;
}
export interface ClockRow extends ClockState {
  key: 'clock';
}

export const articleItemId = (key: string): string => `a:${key}`;
export const recordItemId = (table: string, id: string): string => `r:${table}:${id}`;

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

interface Edit {
  id: string;
  parts: number;
  apply: (s: ArticleState | RecordState | undefined, next: () => Clock) => ArticleState | RecordState;
}

const same = (a: unknown, b: unknown) => canon(a) === canon(b);
const life = (s: ArticleState | undefined): Clock => s?.del ?? '';

/** State changes for an article row written (`row`) over `old` (either may be missing: add / delete). */
function articleEdit(old: ArticleRow | undefined, row: ArticleRow | undefined): Edit | null {
  const key = (row ?? old)!.key;
  if (!row) {
    return {
      id: articleItemId(key),
      parts: PART_META,
      apply: (s, next) => ({ ...((s as ArticleState) ?? { k: key }), del: next() }),
    };
  }
  let parts = 0;
  const textChanged =
    !old || TEXT_FIELDS.some((f) => !same(old[f as keyof ArticleRow], row[f as keyof ArticleRow]));
  if (textChanged) parts |= PART_TEXT;
  const oldTags = new Set(old?.tags ?? []);
  const newTags = new Set(row.tags ?? []);
  const tagEdits: Array<[string, 0 | 1]> = [
    ...[...newTags].filter((t) => !oldTags.has(t)).map((t) => [t, 1] as [string, 0 | 1]),
    ...[...oldTags].filter((t) => !newTags.has(t)).map((t) => [t, 0] as [string, 0 | 1]),
  ];
  // A new row (save, import, undo of a delete) carries its user fields as changes; an update only what moved.
  const moved = (f: 'read' | 'favourite' | 'archived' | 'progress' | 'savedAt') =>
    old ? old[f] !== row[f] : f === 'savedAt' || !!row[f];
  const flags = (['read', 'favourite', 'archived'] as const).filter(moved);
  const progress = moved('progress');
  const savedAt = moved('savedAt');
  const extras = extraFields(row).filter(
    (f) =>
      !old ||
      !same((old as unknown as Record<string, unknown>)[f], (row as unknown as Record<string, unknown>)[f]),
  );
  if (old) for (const f of extraFields(old)) if (!(f in row)) extras.push(f);
  if (tagEdits.length || flags.length || progress || savedAt || extras.length) parts |= PART_META;
  if (!parts) return null;
  return {
    id: articleItemId(key),
    parts,
    apply: (prev, next) => {
      const s: ArticleState = { ...((prev as ArticleState) ?? { k: key }) };
      const at = next();
      if (textChanged) s.text = at;
      if (tagEdits.length) {
        s.tags = { ...s.tags };
        for (const [t, v] of tagEdits) s.tags[t] = [at, v];
      }
      const reg = { read: 'read', favourite: 'fav', archived: 'arch' } as const;
      for (const f of flags) s[reg[f]] = [at, row[f]];
      // Joined, not replaced: a local state only ever grows (the merge is a join), and "furthest" is the rule.
      if (progress) s.prog = joinLife(s.prog, [life(s), row.progress], Math.max);
      if (savedAt) s.sv = joinLife(old ? s.sv : undefined, [life(s), row.savedAt], Math.min);
      if (extras.length) {
        s.x = { ...s.x };
        for (const f of extras) s.x[f] = [at, (row as unknown as Record<string, unknown>)[f] ?? null];
      }
      return s;
    },
  };
}

/**
 * Edits for an article write. The key is the identity and never changes under an id; if a write ever
 * did that, the old key's article is gone (a tombstone) and the new one is a new row.
 */
function articleEdits(old: ArticleRow | undefined, row: ArticleRow | undefined): Edit[] {
  const pairs: Array<[ArticleRow | undefined, ArticleRow | undefined]> =
    old && row && old.key !== row.key
      ? [
          [old, undefined],
          [undefined, row],
        ]
      : [[old, row]];
  return pairs.map(([o, r]) => articleEdit(o, r)).filter((e): e is Edit => e !== null);
}

const bump = (key: string, part: number): Edit => ({
  id: articleItemId(key),
  parts: part,
  apply: (prev, next) => {
    const s: ArticleState = { ...((prev as ArticleState) ?? { k: key }) };
    if (part === PART_TEXT) s.text = next();
    else s.img = [next(), s.img?.[1] ?? []];
    return s;
  },
});

function recordEdit(
  table: string,
  old: Record<string, unknown> | undefined,
  row: Record<string, unknown> | undefined,
): Edit | null {
  const spec = RECORD_TABLES[table]!;
  const id = spec.idOf((row ?? old)!);
  if (row && old && same(old, row)) return null;
  return {
    id: recordItemId(table, id),
    parts: PART_META,
    apply: (prev, next) => {
      const s: RecordState = { ...((prev as RecordState) ?? { k: id }) };
      if (row) s.v = [next(), row];
      else s.del = next();
      return s;
    },
  };
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
