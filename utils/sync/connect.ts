// Setting up sync on this device: join or create the vault on a server with a passphrase; leaving it.
import { type LisibleDB } from '../db/schema';
import {
  createVault,
  openVault,
  parseHeader,
  DEFAULT_ITERATIONS,
  type VaultHeader,
  type VaultKeys,
} from './crypto';
import { SyncError } from './errors';
import { createRemote, type Remote, type RemoteConfig } from './remote';
import { freshProgress, getRow, putRow, type SyncConfigRow } from './state';
import { HEADER_FILE, SyncHooks } from './wire';

// ------------------------------------------------------------------------------------------------
// Setting up: connect to a server with a passphrase.

export async function readHeader(remote: Remote): Promise<VaultHeader | null> {
  const raw = await remote.get(HEADER_FILE);
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new SyncError(
      'not-webdav',
      'The server answered something that is not a Lisible sync folder (HTML or garbage).',
    );
  }
  return parseHeader(json);
}

export interface ConnectResult {
  created: boolean;
  vault: string;
}

/**
 * Checks the server and the passphrase, then stores the settings and keys. An existing sync folder is
 * opened (a wrong passphrase throws SyncError('passphrase') and changes nothing, here or there); an
 * empty one is set up. Nothing of the library is sent until the first sync.
 */
export async function connect(
  database: LisibleDB,
  cfg: RemoteConfig,
  passphrase: string,
  {
    iterations = DEFAULT_ITERATIONS,
    settleMs = 1500,
    ...hooks
  }: SyncHooks & { iterations?: number; settleMs?: number } = {},
): Promise<ConnectResult> {
  if (!cfg.url || !cfg.user) throw new SyncError('config', 'Server address and user name are needed.');
  if (passphrase.length < 8) throw new SyncError('config', 'The passphrase must have at least 8 characters.');
  const remote = createRemote(cfg, hooks);
  try {
    let header = await readHeader(remote);
    let keys: VaultKeys;
    let created = false;
    if (header) keys = await openVault(header, passphrase);
    else {
      const fresh = await createVault(passphrase, iterations);
      await remote.create(HEADER_FILE, new TextEncoder().encode(JSON.stringify(fresh.header, null, 1)));
      // Two devices setting up the same empty folder at once: the header on the server is the one
      // that counts. Servers that honour If-None-Match keep the first; the others keep the last write,
      // so wait for a concurrent write to land, then read it back: if another device's header won,
      // open that one with the same passphrase. (A later mismatch is caught as 'vault-changed'.)
      await new Promise((r) => setTimeout(r, settleMs));
      header = await readHeader(remote);
      if (!header)
        throw new SyncError('not-webdav', 'The server accepted the sync header but does not give it back.');
      if (header.vault === fresh.header.vault) {
        keys = fresh.keys;
        created = true;
      } else keys = await openVault(header, passphrase);
    }
    await database.transaction('rw', database.syncState, async () => {
      const progress = await getRow(database, 'progress');
      const config: SyncConfigRow = {
        key: 'config',
        url: cfg.url.trim(),
        user: cfg.user,
        password: cfg.password,
        enabled: true,
      };
      await putRow(database, config);
      await putRow(database, { key: 'keys', vault: keys.vault, enc: keys.enc, mac: keys.mac });
      // Another vault (first set-up, or the folder was set up anew): everything is pushed again.
      if (progress?.vault !== keys.vault) await putRow(database, freshProgress(keys.vault));
      await putRow(database, { key: 'status', lastError: null });
    });
    return { created, vault: keys.vault };
  } finally {
    remote.close();
  }
}

/** Stops syncing on this device and forgets the server settings and keys. The library stays as it is. */
export async function disconnect(database: LisibleDB): Promise<void> {
  await database.transaction('rw', database.syncState, async () => {
    await database.syncState.bulkDelete(['config', 'keys', 'progress', 'status']);
  });
}
