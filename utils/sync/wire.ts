// The server layout and wire format of the sync (described in engine.ts), and helpers every step uses.
import { type LisibleDB } from '../db/schema';
import { openJson, type VaultKeys } from './crypto';
import { SyncError, syncErrorKind } from './errors';
import { type ArticleState, type RecordState } from './merge';
import { type Remote } from './remote';

export const HEADER_FILE = 'lisible-sync.json';
export const SEGMENT_ITEMS = 200;
export const SEGMENT_BYTES = 1_500_000;
/** After this many of our own segments since the last base, the next push compacts them. */
export const COMPACT_AFTER = 256;
export const BASE_PART_ITEMS = 500;

/** What one item looks like in a segment: an article state (text included when it changed), or a record. */
export type WireItem = { a: ArticleState } | { r: string; s: RecordState };
export interface Segment {
  items: WireItem[];
}
export interface Head {
  seq: number;
  base?: { upto: number; parts: number };
}

const pad = (n: number) => String(n).padStart(8, '0');
export const segPath = (dev: string, seq: number) => `d/${dev}/${pad(seq)}`;
export const headPath = (dev: string) => `d/${dev}/head`;
export const basePath = (dev: string, upto: number, part: number) =>
  `d/${dev}/b${pad(upto)}-${String(part).padStart(4, '0')}`;
export const imagePath = (name: string) => `i/${name.slice(0, 2)}/${name}`;

export interface SyncHooks {
  /** Test hook: called at named points; throwing there simulates a crash (browser closed). */
  at?: (point: 'pulled-segment' | 'pushed-segment' | 'pushed-head' | 'before-commit') => void | Promise<void>;
  /** Per-request timeout (tests make it short). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Compact our segments after this many (tests make it small). */
  compactAfter?: number;
  /** Progress reports (the background keeps the service worker alive with them). */
  onProgress?: (what: string) => void;
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  pulled: number;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  ms: number;
  /** Of `ms`, the time spent in local database transactions (reading changes, writing pulled ones). */
  dbMs?: number;
  error?: { kind: ReturnType<typeof syncErrorKind>; message: string };
}

export const pick = (row: object, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, (row as Record<string, unknown>)[f]]));

export async function sealedJson<T>(remote: Remote, keys: VaultKeys, path: string): Promise<T | null> {
  const data = await remote.get(path);
  return data ? openJson<T>(keys, path, data) : null;
}

export function checkSegment(v: unknown, path: string): Segment {
  const seg = v as Segment;
  if (!seg || !Array.isArray(seg.items)) throw new SyncError('corrupt', `${path}: not a segment.`);
  return seg;
}

/** Milliseconds spent inside local database transactions during one sync (the benchmark's breakdown). */
export const dbTime = new WeakMap<LisibleDB, { ms: number }>();
export async function inDb<T>(database: LisibleDB, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    const acc = dbTime.get(database);
    if (acc) acc.ms += performance.now() - t0;
  }
}
