// The reader's WebDAV server, through the `webdav` client (5.x: built on fetch, so it runs in an MV3
// service worker, where 4.x's XMLHttpRequest does not exist). Every request goes through one guarded
// fetch: the configured origin only (anything else is refused before it leaves), no redirects
// (a redirect is reported, never followed to another host), no cookies, a timeout. Errors become
// SyncError kinds (errors.ts). Only the sync code imports this module (the background bundle).
import { createClient, getPatcher, type FileStat, type WebDAVClient } from 'webdav';
import { SyncError } from './errors';
import { folderUrl } from './url';

export interface RemoteConfig {
  /** The WebDAV folder URL the reader gave (e.g. https://cloud.example/remote.php/dav/files/USER/). */
  url: string;
  user: string;
  password: string;
}

export interface RemoteStats {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

/** The folder Lisible keeps its files in, inside the configured URL. */
export const SYNC_FOLDER = 'Lisible';

type Fetch = typeof fetch;
// Origins of the remotes alive in this realm (reference-counted: two test devices may share a server).
const allowed = new Map<string, { refs: number; timeoutMs: number; fetch: Fetch }>();
let patched = false;

/** Installs the guarded fetch into the webdav client (once per JS realm). */
function patchFetch(): void {
  if (patched) return;
  patched = true;
  getPatcher().patch('fetch', async (...args: unknown[]) => {
    const url = String(args[0]);
    const init = (args[1] ?? {}) as RequestInit;
    const origin = new URL(url).origin;
    const guard = allowed.get(origin);
    if (!guard) throw new SyncError('config', `Refused a request to ${origin}: not the sync server.`);
    const signal = init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(guard.timeoutMs)])
      : AbortSignal.timeout(guard.timeoutMs);
    let res: Response;
    try {
      res = await guard.fetch(url, {
        ...init,
        signal,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new SyncError(
          'timeout',
          `The server did not answer within ${Math.round(guard.timeoutMs / 1000)} s.`,
        );
      throw new SyncError('unreachable', `The server cannot be reached (${(e as Error).message}).`);
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
      throw new SyncError(
        'not-webdav',
        'The server redirected the request elsewhere: give the final WebDAV address.',
        res.status,
      );
    return res;
  });
}

function classify(e: unknown, what: string): SyncError {
  if (e instanceof SyncError) return e;
  const status = (e as { status?: number }).status;
  if (status === 401)
    return new SyncError('auth', 'The server refused the user name or password (401).', status);
  if (status === 403) return new SyncError('forbidden', 'The server forbids this (403).', status);
  if (status === 507 || status === 413)
    return new SyncError('quota', `The server's storage is full (${status}).`, status);
  if (typeof status === 'number')
    return new SyncError('server', `The server answered ${status} to ${what}.`, status);
  const msg = (e as Error)?.message ?? String(e);
  if (/multistatus|xml|parse|invalid response/i.test(msg))
    return new SyncError('not-webdav', `The server's answer to ${what} is not WebDAV (${msg}).`);
  return new SyncError('unreachable', `${what}: ${msg}`);
}

export interface Remote {
  /** Contents of a file, or null when it does not exist. */
  get(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Writes a file, creating its folders when the server says they are missing. */
  put(path: string, data: Uint8Array<ArrayBuffer>): Promise<void>;
  /**
   * Writes a file only if it does not exist (If-None-Match: *); false when it does. Servers that
   * ignore the condition (rclone) just write: callers read the file back to see who won.
   */
  create(path: string, data: Uint8Array<ArrayBuffer>): Promise<boolean>;
  /** Names in a folder (files and folders), or null when it does not exist. */
  list(path: string): Promise<Array<{ name: string; dir: boolean; size: number }> | null>;
  exists(path: string): Promise<boolean>;
  remove(path: string): Promise<void>;
  stats: RemoteStats;
  close(): void;
}

/**
 * 423 Locked: another device is writing that file or making that folder this very moment, and the
 * server locks it meanwhile (two devices setting up one folder at once). Wait and try again: 100 ms,
 * doubling, five times.
 */
async function whileLocked<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if ((e as { status?: number }).status !== 423 || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

export function createRemote(
  cfg: RemoteConfig,
  { timeoutMs = 30_000, fetch: fetchImpl }: { timeoutMs?: number; fetch?: Fetch } = {},
): Remote {
  const base = new URL(`${SYNC_FOLDER}/`, folderUrl(cfg.url));
  patchFetch();
  const stats: RemoteStats = { requests: 0, bytesUp: 0, bytesDown: 0 };
  // Late-bound: tests and the service worker may replace globalThis.fetch after this module loads.
  const prev = allowed.get(base.origin);
  allowed.set(base.origin, {
    refs: (prev?.refs ?? 0) + 1,
    timeoutMs,
    fetch: fetchImpl ?? ((...a) => globalThis.fetch(...a)),
  });
  let closed = false;
  const client: WebDAVClient = createClient(base.href, { username: cfg.user, password: cfg.password });
  const dirs = new Set<string>();
  const parent = (p: string) => p.split('/').slice(0, -1).join('/');

  // '' is the Lisible folder itself.
  async function mkdirs(dir: string): Promise<void> {
    if (dirs.has(dir)) return;
    if (dir) await mkdirs(parent(dir));
    try {
      await whileLocked(() => client.createDirectory(`/${dir}`));
    } catch (e) {
      // 405: it exists already (another device made it in between).
      if ((e as { status?: number }).status !== 405) throw classify(e, `creating folder ${dir}`);
    }
    dirs.add(dir);
  }

  const remote: Remote = {
    stats,
    async get(path) {
      stats.requests++;
      try {
        const data = (await client.getFileContents(`/${path}`, { format: 'binary' })) as ArrayBuffer;
        const bytes = new Uint8Array(data);
        stats.bytesDown += bytes.length;
        return bytes;
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw classify(e, `reading ${path}`);
      }
    },
    async put(path, data) {
      stats.requests++;
      // An ArrayBuffer of exactly these bytes: the client sends a typed array as JSON.
      const body =
        data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
          ? data.buffer
          : data.slice().buffer;
      const write = () =>
        whileLocked(() =>
          client.putFileContents(`/${path}`, body, { overwrite: true, contentLength: data.length }),
        );
      try {
        try {
          await write();
        } catch (e) {
          const status = (e as { status?: number }).status;
          // 409 (RFC 4918) or 404 (some servers): the folder is missing. Make it and write again.
          if (status !== 409 && status !== 404) throw e;
          await mkdirs(parent(path));
          await write();
        }
        stats.bytesUp += data.length;
        dirs.add(parent(path));
      } catch (e) {
        throw classify(e, `writing ${path}`);
      }
    },
    async create(path, data) {
      stats.requests++;
      const body = data.slice().buffer;
      const write = () =>
        whileLocked(() =>
          client.putFileContents(`/${path}`, body, { overwrite: false, contentLength: data.length }),
        );
      try {
        let done: boolean;
        try {
          done = await write();
        } catch (e) {
          const status = (e as { status?: number }).status;
          if (status !== 409 && status !== 404) throw e;
          await mkdirs(parent(path));
          done = await write();
        }
        if (done) stats.bytesUp += data.length;
        return done;
      } catch (e) {
        throw classify(e, `writing ${path}`);
      }
    },
    async list(path) {
      stats.requests++;
      try {
        const items = (await client.getDirectoryContents(`/${path}`)) as FileStat[];
        if (!Array.isArray(items)) throw new SyncError('not-webdav', `The listing of ${path} is not WebDAV.`);
        return items.map((i) => ({ name: i.basename, dir: i.type === 'directory', size: i.size }));
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw classify(e, `listing ${path}`);
      }
    },
    async exists(path) {
      stats.requests++;
      try {
        await client.stat(`/${path}`);
        return true;
      } catch (e) {
        if ((e as { status?: number }).status === 404) return false;
        throw classify(e, `checking ${path}`);
      }
    },
    async remove(path) {
      stats.requests++;
      try {
        await client.deleteFile(`/${path}`);
      } catch (e) {
        if ((e as { status?: number }).status === 404) return;
        throw classify(e, `deleting ${path}`);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      const g = allowed.get(base.origin);
      if (g && --g.refs <= 0) allowed.delete(base.origin);
    },
  };
  return remote;
}
