// Item ids, the parts of an item a push sends, and what a write of the library changes, as edits of
// merge states: which registers of an article moved (and get a new clock), a record written or deleted.
// Pure: the change log (changelog.ts) applies them.
import type { ArticleRow } from '../db/schema';
import { RECORD_TABLES, TEXT_FIELDS, extraFields } from './fields';
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

export interface Edit {
  id: string;
  parts: number;
  apply: (s: ArticleState | RecordState | undefined, next: () => Clock) => ArticleState | RecordState;
}

const same = (a: unknown, b: unknown) => canon(a) === canon(b);
const life = (s: ArticleState | undefined): Clock => s?.del ?? '';

/** State changes for an article row written (`row`) over `old` (either may be missing: add / delete). */
export function articleEdit(old: ArticleRow | undefined, row: ArticleRow | undefined): Edit | null {
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
export function articleEdits(old: ArticleRow | undefined, row: ArticleRow | undefined): Edit[] {
  const pairs: Array<[ArticleRow | undefined, ArticleRow | undefined]> =
    old && row && old.key !== row.key
      ? [
          [old, undefined],
          [undefined, row],
        ]
      : [[old, row]];
  return pairs.map(([o, r]) => articleEdit(o, r)).filter((e): e is Edit => e !== null);
}

export const bump = (key: string, part: number): Edit => ({
  id: articleItemId(key),
  parts: part,
  apply: (prev, next) => {
    const s: ArticleState = { ...((prev as ArticleState) ?? { k: key }) };
    if (part === PART_TEXT) s.text = next();
    else s.img = [next(), s.img?.[1] ?? []];
    return s;
  },
});

export function recordEdit(
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
