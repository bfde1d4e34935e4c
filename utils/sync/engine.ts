// The sync itself: pull what other devices pushed, push what changed here. Server layout, inside the
// configured folder (`Lisible/`):
//
//   lisible-sync.json          header: format, vault id, PBKDF2 salt and iterations, key check (plain JSON)
//   d/<device>/head            sealed {seq, base?}: the device's last confirmed segment
//   d/<device>/<seq>           sealed segment: the merge states of the items that device changed
//   d/<device>/b<upto>-<part>  sealed compacted base (the join of that device's segments 1..upto)
//   i/<xx>/<name>              sealed image bytes, named by a keyed hash of the bytes
//
// Every device writes only under its own folder (and content-addressed images), so two devices
// syncing at the same moment cannot overwrite each other: WebDAV needs no locks or transactions
// here. A segment is written before the head that announces it, and a device only reads segments its
// head announces, so a half-written segment (timeout, browser closed) is never read; it is written
// again under the same number on the next push, since the head never moved past it. Merge states are
// joins (merge.ts): reading a segment twice, or in another order, changes nothing. Applying a segment
// and moving that device's cursor is one Dexie transaction. Local data is deleted only by a tombstone
// that decrypted with our key.
//
// This file runs one sync (lock, pull, push, compact, status); the steps live beside it: wire.ts (the
// layout above and the sealed formats), connect.ts (setting up), baseline.ts (the first sync of a
// library), pull.ts and push.ts.
import { articleKey } from '../db/articles';
import { type LisibleDB, type PrefRow } from '../db/schema';
import { checkKeys, type VaultKeys } from './crypto';
import { SyncError, syncErrorKind } from './errors';
import { createRemote, type Remote } from './remote';
import { freshProgress, getRow, putRow, type SyncKeysRow, type SyncStatusRow } from './state';
import { baseline, deviceId } from './baseline';
import { readHeader } from './connect';
import { pull } from './pull';
import { compact, push } from './push';
import { SyncHooks, SyncReport, dbTime } from './wire';

// ------------------------------------------------------------------------------------------------
// One sync

const chains = new Map<string, Promise<unknown>>();
/** One sync per profile at a time: Web Locks across the background and pages, a promise chain in Node. */
async function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`lisible-sync:${name}`, fn) as Promise<T>;
  const prev = chains.get(name) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(fn);
  chains.set(name, run);
  try {
    return await run;
  } finally {
    if (chains.get(name) === run) chains.delete(name);
  }
}

export async function setStatus(database: LisibleDB, patch: Partial<SyncStatusRow>): Promise<void> {
  await database.transaction('rw', database.syncState, async () => {
    const prev = (await getRow(database, 'status')) ?? { key: 'status' as const };
    await putRow(database, { ...prev, ...patch, key: 'status' });
  });
}

/** Pull then push. Never throws: the outcome (and any error) is in the report and the status row. */
/** A report of nothing done yet. */
export function emptyReport(): SyncReport {
  return { ok: false, pushed: 0, pulled: 0, requests: 0, bytesUp: 0, bytesDown: 0, ms: 0 };
}

export async function syncNow(database: LisibleDB, hooks: SyncHooks = {}): Promise<SyncReport> {
  return exclusive(database.name, async () => {
    const t0 = Date.now();
    const report = emptyReport();
    const db = { ms: 0 };
    dbTime.set(database, db);
    const [config, keysRow] = await Promise.all([getRow(database, 'config'), getRow(database, 'keys')]);
    if (!config?.enabled || !keysRow) {
      report.error = { kind: 'config', message: 'Sync is not set up.' };
      return report;
    }
    const keys: VaultKeys = { vault: keysRow.vault, enc: keysRow.enc, mac: keysRow.mac };
    let remote: Remote | undefined;
    await setStatus(database, { running: true });
    try {
      remote = createRemote(config, hooks);
      const header = await readHeader(remote);
      if (!header) throw new SyncError('no-vault', 'The sync folder is no longer on the server.');
      if (header.vault !== keys.vault)
        throw new SyncError(
          'vault-changed',
          'The sync folder on the server was set up again: enter the passphrase again.',
        );
      await checkKeys(header, keys);
      const me = await deviceId(database);
      const progress = (await getRow(database, 'progress')) ?? freshProgress(keys.vault);
      if (!progress.baselined) {
        await putRow(database, progress);
        await baseline(database, me);
        await putRow(database, { ...((await getRow(database, 'progress')) ?? progress), baselined: true });
      }
      const pulled = await pull(database, remote, keys, me, hooks);
      report.pulled = pulled.applied;
      report.pushed = await push(database, remote, keys, me, hooks);
      await compact(database, remote, keys, me, hooks.compactAfter);
      if (pulled.damaged) throw pulled.damaged;
      report.ok = true;
      await setStatus(database, {
        running: false,
        lastSync: Date.now(),
        lastError: null,
        last: {
          pushed: report.pushed,
          pulled: report.pulled,
          requests: remote.stats.requests,
          ms: Date.now() - t0,
        },
      });
    } catch (e) {
      const kind = syncErrorKind(e);
      const message = e instanceof Error ? e.message : String(e);
      report.error = { kind, message };
      await setStatus(database, { running: false, lastError: { kind, message, at: Date.now() } }).catch(
        () => undefined,
      );
    } finally {
      if (remote) {
        report.requests = remote.stats.requests;
        report.bytesUp = remote.stats.bytesUp;
        report.bytesDown = remote.stats.bytesDown;
        remote.close();
      }
      report.ms = Date.now() - t0;
      report.dbMs = db.ms;
      dbTime.delete(database);
    }
    return report;
  });
}

/** For tests: the key of an article as the library computes it. */
export const keyOf = articleKey;
// The sync's public face: callers import from here, whichever step file holds the code.
export { connect, disconnect, type ConnectResult } from './connect';
export { compact } from './push';
export { COMPACT_AFTER, HEADER_FILE, type SyncHooks, type SyncReport } from './wire';
export type { SyncKeysRow, PrefRow };
