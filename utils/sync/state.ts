// This device's sync settings and progress, in the `syncState` table (never synced, never exported:
// the backup exports articles and prefs only). The server password is kept here because every request
// needs it; the passphrase is never kept — only the non-extractable keys it derived.
import type { LisibleDB } from '../db/schema';
import type { SyncErrorKind } from './errors';
import type { RemoteConfig } from './remote';

export interface SyncConfigRow extends RemoteConfig {
  key: 'config';
  enabled: boolean;
}
export interface SyncKeysRow {
  key: 'keys';
  vault: string;
  enc: CryptoKey;
  mac: CryptoKey;
}
/** Where this device is: its own pushed segments, and how far it read each other device's. */
export interface SyncProgressRow {
  key: 'progress';
  vault: string;
  /** Last segment of ours the server confirmed (head file written and read back). */
  seq: number;
  /** Our compacted base, when there is one. */
  base?: { upto: number; parts: number };
  /** The whole local library was queued for its first push to this vault. */
  baselined: boolean;
  /** Per other device: the last of its segments applied here. */
  cursors: Record<string, number>;
  /** Images announced by pulled changes and not downloaded yet: article key → image clock. */
  images: Record<string, string>;
}
export interface SyncStatusRow {
  key: 'status';
  lastSync?: number;
  lastError?: { kind: SyncErrorKind; message: string; at: number } | null;
  running?: boolean;
  /** Figures of the last sync, shown in the options page. */
  last?: { pushed: number; pulled: number; requests: number; ms: number };
}

type Row = SyncConfigRow | SyncKeysRow | SyncProgressRow | SyncStatusRow;

export async function getRow<K extends Row['key']>(
  database: LisibleDB,
  key: K,
): Promise<Extract<Row, { key: K }> | undefined> {
  return (await database.syncState.get(key)) as Extract<Row, { key: K }> | undefined;
}

export async function putRow(database: LisibleDB, row: Row): Promise<void> {
  await database.syncState.put(row as unknown as { key: string } & Record<string, unknown>);
}

export function freshProgress(vault: string): SyncProgressRow {
  return { key: 'progress', vault, seq: 0, baselined: false, cursors: {}, images: {} };
}

/** What the options page shows (never the password). */
export interface SyncSummary {
  configured: boolean;
  enabled: boolean;
  url?: string;
  user?: string;
  pending: number;
  lastSync?: number;
  lastError?: SyncStatusRow['lastError'];
  running: boolean;
  last?: SyncStatusRow['last'];
}

export async function syncSummary(database: LisibleDB): Promise<SyncSummary> {
  const [config, status, progress, pending] = await Promise.all([
    getRow(database, 'config'),
    getRow(database, 'status'),
    getRow(database, 'progress'),
    database.syncChanges.count(),
  ]);
  // Before the first push, the whole library is waiting.
  const waiting = progress?.baselined ? pending : Math.max(pending, await database.articles.count());
  const out: SyncSummary = {
    configured: !!config,
    enabled: !!config?.enabled,
    pending: config ? waiting : pending,
    running: !!status?.running,
  };
  if (config) {
    out.url = config.url;
    out.user = config.user;
  }
  if (status?.lastSync) out.lastSync = status.lastSync;
  if (status?.lastError) out.lastError = status.lastError;
  if (status?.last) out.last = status.last;
  return out;
}
