// Sync as the background runs it: after a save (and any recorded change), at browser start, on an
// alarm, and when the options page asks. Checks the host permission of the server's one origin first
// (asked by the options page at set-up; revocable in the browser's settings).
import { browser } from 'wxt/browser';
import { db } from '../db/schema';
import {
  connect,
  disconnect,
  emptyReport,
  setStatus,
  syncNow,
  type ConnectResult,
  type SyncReport,
} from './engine';
import { SyncError, syncErrorKind, type SyncErrorKind } from './errors';
import { getRow } from './state';
import { originPattern } from './url';

export const SYNC_ALARM = 'lisible-sync';
/** Minutes between background syncs while the browser is open. */
export const SYNC_PERIOD_MIN = 30;

async function granted(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
}

export async function runSync(): Promise<SyncReport> {
  const config = await getRow(db(), 'config');
  if (!config?.enabled)
    return { ...emptyReport(), error: { kind: 'config', message: 'Sync is not set up.' } };
  if (!(await granted(config.url))) {
    const message = 'Lisible may not reach the sync server: allow it again in the options page.';
    await setStatus(db(), { running: false, lastError: { kind: 'permission', message, at: Date.now() } });
    return { ...emptyReport(), error: { kind: 'permission', message } };
  }
  // Any extension API call resets Chrome's idle timer of the service worker: a long first sync lives on.
  const keepAlive = () => void browser.runtime.getPlatformInfo().catch(() => undefined);
  return syncNow(db(), { onProgress: keepAlive });
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** A sync a few seconds after the last change (a save is followed by its images). */
export function syncSoon(delayMs = 5000): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void runSync();
  }, delayMs);
}

export async function ensureAlarm(): Promise<void> {
  const config = await getRow(db(), 'config');
  if (config?.enabled) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MIN });
  else await browser.alarms.clear(SYNC_ALARM);
}

export type ConnectResponse =
  { ok: true; created: boolean } | { ok: false; kind: SyncErrorKind; message: string };

export async function connectServer(req: {
  url: string;
  user: string;
  password: string;
  passphrase: string;
}): Promise<ConnectResponse> {
  try {
    if (!(await granted(req.url))) throw new SyncError('permission', 'Access to the server was not granted.');
    const res: ConnectResult = await connect(db(), req, req.passphrase);
    await ensureAlarm();
    syncSoon(100);
    return { ok: true, created: res.created };
  } catch (e) {
    return { ok: false, kind: syncErrorKind(e), message: e instanceof Error ? e.message : String(e) };
  }
}

export async function disconnectServer(): Promise<void> {
  await disconnect(db());
  await ensureAlarm();
}
