// A real WebDAV server for tests and the sync benchmark: Debian's `rclone serve webdav` on
// 127.0.0.1, a free port, one user and password, a temporary folder. rclone is one binary that starts
// in a few milliseconds and prints the port it bound, so every test file gets its own server; its
// WebDAV layer is Go's golang.org/x/net/webdav (RFC 4918 class 1 and 2). Lisible's sync needs no
// locks (each device writes only its own files), so Apache mod_dav's locking would buy nothing here.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RCLONE = process.env.RCLONE_PATH ?? 'rclone';

export function haveRclone() {
  return spawnSync(RCLONE, ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts rclone; `port` 0 picks a free one. Returns the folder URL (what a reader types in the options
 * page), the data folder, and stop()/restart() (restart keeps the port and the data).
 */
export async function startWebdav({ user = 'lecteur', pass = 'mot-de-passe-test', dir, port = 0 } = {}) {
  if (!haveRclone()) throw new Error('rclone not found: apt-get install -y rclone (.ci/run does it).');
  const root = dir ?? mkdtempSync(join(tmpdir(), 'lisible-webdav-'));
  let proc;
  let actualPort = port;
  const start = () =>
    new Promise((resolve, reject) => {
      proc = spawn(
        RCLONE,
        [
          'serve',
          'webdav',
          root,
          '--addr',
          `127.0.0.1:${actualPort}`,
          '--user',
          user,
          '--pass',
          pass,
          '--config',
          '/dev/null',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let log = '';
      const timer = setTimeout(() => reject(new Error(`rclone did not start: ${log}`)), 15_000);
      proc.stderr.on('data', (d) => {
        log += d;
        const m = /started on \[?https?:\/\/127\.0\.0\.1:(\d+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          actualPort = Number(m[1]);
          resolve();
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`rclone exited (${code}): ${log}`));
      });
    });
  await start();
  // A test or benchmark killed half-way must not leave its server running.
  process.once('exit', () => proc?.kill());
  const stop = () =>
    new Promise((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.removeAllListeners('exit');
      proc.on('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return {
    user,
    pass,
    dir: root,
    get port() {
      return actualPort;
    },
    get origin() {
      return `http://127.0.0.1:${actualPort}`;
    },
    get url() {
      return `http://127.0.0.1:${actualPort}/`;
    },
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}

/** Every file under a folder, with its size (for "nothing readable on the server" and byte counts). */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ path: p, size: statSync(p).size });
    }
  };
  walk(dir);
  return out;
}

/** Files under `dir` whose bytes contain `needle` (UTF-8). */
export function grepFiles(dir, needle) {
  const n = Buffer.from(needle, 'utf8');
  return filesUnder(dir)
    .filter((f) => readFileSync(f.path).includes(n))
    .map((f) => f.path);
}
