// Reading settings and classifieds choices through the browser's own account sync
// (`browser.storage.sync`), for readers who use it and no WebDAV server. Opt-in: what goes there is
// stored by the browser's vendor, unencrypted by us. Within its quotas (Chrome: 102 400 bytes in all,
// 8 192 per item counting the key, 512 items; Firefox the same): the settings are one JSON document
// cut into items under the per-item limit, with a small meta item (count, hash, date) written last so
// a reader never assembles half an update; when the document is too big, per-site choices are left out
// (last hosts first) and the options page says how many. Latest change wins, as a whole.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ClassifiedsPrefs } from '../classifieds/types';
import { normalizePrefs } from './classifieds-mirror';
import { normalizeSettings, type ReaderSettings } from './reader';

export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
const META = 'ls:meta';
const CHUNK = (i: number) => `ls:${i}`;
// Margins below the browser's limits (its own bookkeeping, rounding).
const ITEM_BUDGET = QUOTA_BYTES_PER_ITEM - 64;
const TOTAL_BUDGET = QUOTA_BYTES - 1024;

export interface SyncedSettings {
  reader: ReaderSettings;
  classifieds: ClassifiedsPrefs;
}
interface Meta {
  v: 1;
  n: number;
  at: number;
  hash: string;
}
export interface Encoded {
  items: Record<string, unknown>;
  /** What did not fit: per-site classifieds choices and auto-open sites left out. */
  trimmed: { sites: number; autoOpen: number };
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
/** Size of an item as the browser counts it: the key plus the JSON of the value, in bytes. */
export const itemBytes = (key: string, value: unknown) => utf8Length(key) + utf8Length(JSON.stringify(value));

/** FNV-1a of the document: detects "already there" without reading the chunks. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36) + s.length.toString(36);
}

/** Cuts a string into pieces whose JSON encoding as an item stays under the per-item budget. */
function chunks(doc: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < doc.length) {
    let lo = start + 1;
    let hi = Math.min(doc.length, start + ITEM_BUDGET);
    // Largest end whose item fits (escapes and non-ASCII make bytes > characters).
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (itemBytes(CHUNK(out.length), doc.slice(start, mid)) <= ITEM_BUDGET) lo = mid;
      else hi = mid - 1;
    }
    // Never split a surrogate pair.
    if (lo < doc.length && /[\ud800-\udbff]/.test(doc[lo - 1]!)) lo--;
    out.push(doc.slice(start, lo));
    start = lo;
  }
  return out;
}

/** The items to store, within every quota. Pure: tested without a browser. */
export function encodeForSync(settings: SyncedSettings, at: number): Encoded {
  const reader = { ...settings.reader, autoOpenSites: [...settings.reader.autoOpenSites] };
  const sites = Object.entries(settings.classifieds.sites).sort(([a], [b]) => (a < b ? -1 : 1));
  const trimmed = { sites: 0, autoOpen: 0 };
  for (;;) {
    const doc = JSON.stringify({
      reader,
      classifieds: { categories: settings.classifieds.categories, sites: Object.fromEntries(sites) },
    });
    const parts = chunks(doc);
    const items: Record<string, unknown> = Object.fromEntries(parts.map((p, i) => [CHUNK(i), p]));
    const meta: Meta = { v: 1, n: parts.length, at, hash: hash(doc) };
    items[META] = meta;
    const total = Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    if (
      (total <= TOTAL_BUDGET && parts.length + 1 <= MAX_ITEMS) ||
      (!sites.length && !reader.autoOpenSites.length)
    )
      return { items, trimmed };
    // Too big: leave out a tenth of the per-site choices (then of the auto-open sites) and retry.
    if (sites.length) {
      const drop = Math.max(1, Math.ceil(sites.length / 10));
      sites.splice(sites.length - drop, drop);
      trimmed.sites += drop;
    } else {
      const drop = Math.max(1, Math.ceil(reader.autoOpenSites.length / 10));
      reader.autoOpenSites.splice(reader.autoOpenSites.length - drop, drop);
      trimmed.autoOpen += drop;
    }
  }
}

/** The settings in stored items, or null when incomplete or foreign (half an update, another version). */
export function decodeFromSync(
  items: Record<string, unknown>,
): (SyncedSettings & { at: number; hash: string }) | null {
  const meta = items[META] as Meta | undefined;
  if (!meta || meta.v !== 1 || !Number.isInteger(meta.n) || meta.n < 1 || meta.n > MAX_ITEMS) return null;
  let doc = '';
  for (let i = 0; i < meta.n; i++) {
    const part = items[CHUNK(i)];
    if (typeof part !== 'string') return null;
    doc += part;
  }
  if (hash(doc) !== meta.hash) return null;
  try {
    const v = JSON.parse(doc) as Partial<SyncedSettings>;
    return {
      reader: normalizeSettings(v.reader),
      classifieds: normalizePrefs(v.classifieds),
      at: meta.at,
      hash: meta.hash,
    };
  } catch {
    return null;
  }
}

export const browserSyncEnabled = storage.defineItem<boolean>('local:browserSyncEnabled', {
  fallback: false,
});
/** What this browser last wrote or applied (hash, date) and what was left out, for the options page. */
export const browserSyncState = storage.defineItem<{
  hash: string;
  at: number;
  trimmed: Encoded['trimmed'];
  error?: string;
}>('local:browserSyncState', { fallback: { hash: '', at: 0, trimmed: { sites: 0, autoOpen: 0 } } });

/** Writes the settings to storage.sync if they changed. Quota errors are reported, never thrown. */
export async function pushToBrowserSync(settings: SyncedSettings, now = Date.now()): Promise<void> {
  if (!(await browserSyncEnabled.getValue())) return;
  const { items, trimmed } = encodeForSync(settings, now);
  const meta = items[META] as Meta;
  const state = await browserSyncState.getValue();
  if (state.hash === meta.hash) return;
  try {
    const { [META]: _m, ...parts } = items;
    // Chunks first, the meta last: a reader never sees a meta pointing at half-written chunks.
    await browser.storage.sync.set(parts);
    await browser.storage.sync.set({ [META]: meta });
    const stale = Object.keys(await browser.storage.sync.get(null)).filter(
      (k) => /^ls:\d+$/.test(k) && Number(k.slice(3)) >= meta.n,
    );
    if (stale.length) await browser.storage.sync.remove(stale);
    await browserSyncState.setValue({ hash: meta.hash, at: now, trimmed });
  } catch (e) {
    await browserSyncState.setValue({ ...state, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Reads the settings another browser wrote, if newer than ours and complete. */
export async function pullFromBrowserSync(): Promise<SyncedSettings | null> {
  if (!(await browserSyncEnabled.getValue())) return null;
  const got = decodeFromSync(await browser.storage.sync.get(null));
  const state = await browserSyncState.getValue();
  if (!got || got.hash === state.hash || got.at < state.at) return null;
  await browserSyncState.setValue({ hash: got.hash, at: got.at, trimmed: { sites: 0, autoOpen: 0 } });
  return { reader: got.reader, classifieds: got.classifieds };
}

/** Calls `cb` when another browser's settings arrive (storage.onChanged in area "sync"). */
export function onBrowserSyncChange(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && META in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
