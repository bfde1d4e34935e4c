// @vitest-environment node
// Sync faults, against the real WebDAV server behind a fault-injecting proxy: each ends in a clear
// error kind, leaves the local library and the pending changes as they were, and the next sync
// resumes and loses nothing. Local data is deleted only by a tombstone that decrypts with our key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addTag } from '../../../utils/db/tags';
import { startFaultProxy, type Fault, type FaultProxy } from '../../tools/fault-proxy.mjs';
import { filesUnder, startWebdav, type WebdavServer } from '../../tools/webdav-server.mjs';
import { article, device, snapshot } from './helpers';

let server: WebdavServer;
let proxy: FaultProxy;
beforeAll(async () => {
  server = await startWebdav();
  proxy = await startFaultProxy(server.url);
});
afterEach(() => proxy.setFault(() => null));
afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

const auth = () => ({ authorization: `Basic ${btoa(`${server.user}:${server.pass}`)}` });
/** Through WebDAV, not on disk: rclone caches what it listed. */
async function dav(method: 'MKCOL' | 'DELETE', path: string) {
  const r = await fetch(server.url + path, { method, headers: auth() });
  expect(r.status).toBeLessThan(300);
}

/** A folder of the reader's on the server (what they would point Lisible at). */
async function newFolder(tag: string): Promise<string> {
  const folder = `${tag}-${Math.random().toString(36).slice(2)}/`;
  await dav('MKCOL', folder);
  return folder;
}

/** A pair of devices on a fresh folder of the server, reached through the proxy. */
async function pair(tag: string) {
  const folder = await newFolder(tag);
  const url = () => proxy.url + folder;
  const a = device(`${tag}-a`, url, server);
  const b = device(`${tag}-b`, url, server);
  await a.connect();
  await b.connect();
  return { a, b, folder };
}

const pending = (d: { db: { syncChanges: { count(): Promise<number> } } }) => d.db.syncChanges.count();
const when =
  (test: (method: string, url: string) => boolean, f: Fault) => (req: { method?: string; url?: string }) =>
    test(req.method ?? '', req.url ?? '') ? f : null;
const segmentPut = (m: string, u: string) => m === 'PUT' && /\/d\/[0-9a-f]{16}\/\d{8}$/.test(u);

/** Runs a fault on A's sync, checks nothing moved, clears it, checks everything arrives. */
async function faultThenResume(
  tag: string,
  fault: (req: { method?: string; url?: string }) => Fault,
  kind: string,
) {
  const { a, b } = await pair(tag);
  for (let i = 0; i < 3; i++) await a.save(article(`${tag}-${i}`));
  await a.sync(); // the baseline push
  const id = await a.save(article(`${tag}-new`));
  await addTag([id], 'urgent', a.db);
  const before = await snapshot(a.db);
  const waiting = await pending(a);
  expect(waiting).toBeGreaterThan(0);
  proxy.setFault(fault);
  const failed = await a.sync({ timeoutMs: 1500 });
  expect(failed.ok).toBe(false);
  expect(failed.error?.kind).toBe(kind);
  // The status row says so, for the options page.
  expect((await a.db.syncState.get('status'))?.lastError).toMatchObject({ kind });
  expect(await snapshot(a.db)).toEqual(before);
  expect(await pending(a)).toBe(waiting);
  proxy.setFault(() => null);
  expect((await a.sync()).ok).toBe(true);
  expect(await pending(a)).toBe(0);
  expect((await a.db.syncState.get('status'))?.lastError).toBeNull();
  expect((await b.sync()).ok).toBe(true);
  expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  expect((await snapshot(b.db)).length).toBe(4);
}

describe('faults end in a clear state and resume', () => {
  it('server unreachable', async () => {
    const a = device('gone', () => 'http://127.0.0.1:9/', server);
    await expect(a.connect()).rejects.toMatchObject({ kind: 'unreachable' });
    // And during a sync: the server is stopped, then comes back.
    const { a: a2, b } = await pair('down');
    await a2.save(article('down'));
    await server.stop();
    try {
      const r = await a2.sync();
      expect(r.error?.kind).toBe('unreachable');
    } finally {
      await server.restart();
    }
    expect((await a2.sync()).ok).toBe(true);
    await b.sync();
    expect(await snapshot(b.db)).toEqual(await snapshot(a2.db));
  });

  it('401: wrong user or password', () => faultThenResume('e401', () => ({ status: 401 }), 'auth'));
  it('403: forbidden', () => faultThenResume('e403', when(segmentPut, { status: 403 }), 'forbidden'));
  it('507: the server is full, on the upload of a segment', () =>
    faultThenResume('e507', when(segmentPut, { status: 507 }), 'quota'));
  it('a timeout in the middle of an upload', () =>
    faultThenResume('stall', when(segmentPut, { stall: true }), 'timeout'));
  it('a server that answers an HTML page to everything (a login portal)', () =>
    faultThenResume('html', () => ({ html: true }), 'not-webdav'));
  it('a server that accepts uploads but gives back garbage', () =>
    faultThenResume(
      'garbage',
      when((m, u) => m === 'GET' && u.includes('/d/'), { garbage: true }),
      'corrupt',
    ));
  it('garbage instead of the sync header', () =>
    faultThenResume(
      'garbage-header',
      when((m, u) => m === 'GET' && u.endsWith('.json'), { garbage: true }),
      'not-webdav',
    ));

  it('an HTML answer at set-up: refused, nothing stored', async () => {
    const folder = await newFolder('html-setup');
    proxy.setFault(() => ({ html: true }));
    const c = device('html-setup', () => proxy.url + folder, server);
    await expect(c.connect()).rejects.toMatchObject({ kind: 'not-webdav' });
    expect(await c.db.syncState.get('config')).toBeUndefined();
  });

  it('two devices syncing at the same moment lose nothing', async () => {
    const { a, b } = await pair('race');
    for (let i = 0; i < 25; i++) {
      await a.save(article(`race-a-${i}`));
      await b.save(article(`race-b-${i}`));
    }
    // Both sync at once, twice (the second round brings each the other's), while writing more.
    await Promise.all([a.sync(), b.sync(), a.save(article('race-a-late')), b.save(article('race-b-late'))]);
    await Promise.all([a.sync(), b.sync()]);
    await Promise.all([a.sync(), b.sync()]);
    const sa = await snapshot(a.db);
    expect(sa.length).toBe(52);
    expect(await snapshot(b.db)).toEqual(sa);
  });

  it('a folder the server holds locked for a moment (423, another device making it) is waited for', async () => {
    const folder = await newFolder('locked');
    let locked = 2;
    proxy.setFault((req) => (req.method === 'MKCOL' && locked-- > 0 ? { status: 423 } : null));
    const a = device('lk-a', () => proxy.url + folder, server);
    await a.save(article('lk-a'));
    await a.connect();
    expect(locked).toBeLessThan(0);
    expect((await a.sync()).ok).toBe(true);
  });

  it('two devices setting up the same empty folder at once end in one vault', async () => {
    const folder = await newFolder('setup-race');
    const a = device('sr-a', () => proxy.url + folder, server);
    const b = device('sr-b', () => proxy.url + folder, server);
    await a.save(article('sr-a'));
    await b.save(article('sr-b'));
    // The product waits 1.5 s for a concurrent header to land; the test's 300 ms is too short when the
    // machine is loaded and one key derivation finishes seconds after the other (seen under load).
    const [ra, rb] = await Promise.all([
      a.connect(undefined, { settleMs: 3000 }),
      b.connect(undefined, { settleMs: 3000 }),
    ]);
    expect(ra.vault).toBe(rb.vault);
    await a.sync();
    await b.sync();
    await a.sync();
    expect((await snapshot(a.db)).length).toBe(2);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  });

  for (const point of ['pushed-segment', 'pushed-head', 'pulled-segment'] as const) {
    it(`browser closed mid-sync (${point}): the next sync resumes, nothing lost or doubled`, async () => {
      const { a, b } = await pair(`crash-${point}`);
      for (let i = 0; i < 5; i++) await a.save(article(`crash-${point}-${i}`));
      await b.save(article(`crash-${point}-b`));
      await b.sync();
      const crash = () => {
        throw new Error('browser closed');
      };
      // A pulls B's segment (pulled-segment) or pushes its own (the others) when the browser closes.
      const r = await a.sync({ at: (p) => (p === point ? crash() : undefined) });
      expect(r.ok).toBe(false);
      expect((await a.sync()).error).toBeUndefined();
      expect((await b.sync()).error).toBeUndefined();
      expect((await a.sync()).error).toBeUndefined();
      const sa = await snapshot(a.db);
      expect(sa.length).toBe(6);
      expect(await snapshot(b.db)).toEqual(sa);
      expect(await pending(a)).toBe(0);
    });
  }

  it('a tampered file is refused whole: nothing of it applied, and it resumes once repaired', async () => {
    const { a, b, folder } = await pair('tamper');
    await a.save(article('tamper-1'));
    await a.sync();
    const seg = filesUnder(join(server.dir, folder)).find((f) =>
      /\/d\/[0-9a-f]{16}\/00000001$/.test(f.path),
    )!;
    const good = readFileSync(seg.path);
    const bad = Buffer.from(good);
    bad[bad.length - 5] = bad[bad.length - 5]! ^ 0xff;
    writeFileSync(seg.path, bad);
    // Another device's changes still arrive; B's own still leave.
    const c = device('tamper-c', () => proxy.url + folder, server);
    await c.connect();
    await c.save(article('tamper-c'));
    await c.sync();
    await b.save(article('tamper-b'));
    const r = await b.sync();
    expect(r.error?.kind).toBe('corrupt');
    expect((await b.db.articles.toArray()).map((x) => x.url.slice(-8)).sort()).toEqual([
      'tamper-b',
      'tamper-c',
    ]);
    expect(await b.db.syncChanges.count()).toBe(0);
    writeFileSync(seg.path, good);
    expect((await b.sync()).ok).toBe(true);
    await a.sync();
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
    expect((await snapshot(a.db)).length).toBe(3);
  });

  it('the server losing files never deletes local data; a wiped folder is reported', async () => {
    const { a, b, folder } = await pair('wipe');
    await a.save(article('wipe-1'));
    await a.sync();
    await b.sync();
    expect(await b.db.articles.count()).toBe(1);
    // A's segments vanish: B keeps its copy.
    await dav('DELETE', `${folder}Lisible/d/`);
    expect((await b.sync()).ok).toBe(true);
    expect(await b.db.articles.count()).toBe(1);
    // The whole folder vanishes: a clear error, the library untouched.
    await dav('DELETE', folder);
    const r = await b.sync();
    expect(r.error?.kind).toBe('no-vault');
    expect(await b.db.articles.count()).toBe(1);
  });
});

describe('compaction', () => {
  it("a device's segments are joined into a base; late readers read the base, others carry on", async () => {
    const { a, b, folder } = await pair('compact');
    await b.sync();
    for (let i = 0; i < 5; i++) {
      const id = await a.save(article(`compact-${i}`));
      await addTag([id], `t${i}`, a.db);
      await a.sync({ compactAfter: 4 });
      if (i === 1) await b.sync();
    }
    const mine = filesUnder(join(server.dir, folder)).filter((f) => /\/d\//.test(f.path));
    expect(mine.some((f) => /\/b\d{8}-0000$/.test(f.path))).toBe(true);
    expect(mine.filter((f) => /\/\d{8}$/.test(f.path)).length).toBeLessThan(3);
    // B was behind the base; C is new: both end with A's library.
    expect((await b.sync()).ok).toBe(true);
    const c = device('compact-c', () => proxy.url + folder, server);
    await c.connect();
    expect((await c.sync()).ok).toBe(true);
    const sa = await snapshot(a.db);
    expect(sa.length).toBe(5);
    expect(await snapshot(b.db)).toEqual(sa);
    expect(await snapshot(c.db)).toEqual(sa);
  });
});
