// @vitest-environment node
// The sync engine against a real WebDAV server (rclone serve webdav, tests/tools/webdav-server.mjs):
// two devices (two databases, as two browser profiles) exchanging saves, tags, deletes and images,
// with nothing readable on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteArticles, restoreArticles, setFlags, setProgress } from '../../../utils/db/articles';
import { addTag, removeTag } from '../../../utils/db/tags';
import { storeImages } from '../../../utils/db/images';
import { setClassifiedsPrefs } from '../../../utils/db/preferences';
import { filesUnder, grepFiles, startWebdav } from '../../tools/webdav-server.mjs';
import { article, device, imageBlob, snapshot, PASSPHRASE } from './helpers';

let server: Awaited<ReturnType<typeof startWebdav>>;
beforeAll(async () => {
  server = await startWebdav();
});
afterAll(async () => {
  await server?.stop();
});
const dev = (name: string) => device(name, () => server.url, server);

describe('two devices through a real WebDAV server', () => {
  it('save on A → on B with its images; tags on both at once → both kept; delete on B → gone on A', async () => {
    const a = dev('a');
    const b = dev('b');
    expect((await a.connect()).created).toBe(true);
    expect((await b.connect()).created).toBe(false);
    const id = await a.save(article(1));
    await storeImages(id, '<img src="https://img.example/1.png">', {
      database: a.db,
      fetcher: async () => new Response(imageBlob(1), { headers: { 'content-type': 'image/png' } }),
    });
    await setClassifiedsPrefs({ categories: { emploi: 'show' }, sites: {} }, a.db);
    expect((await a.sync()).ok).toBe(true);
    const rb = await b.sync();
    expect(rb).toMatchObject({ ok: true });
    expect(rb.pulled).toBeGreaterThan(0);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
    const onB = (await b.db.articles.toArray())[0]!;
    expect(onB.title).toBe('Le conseil municipal de Caen vote le budget 1');
    expect(await b.db.images.where('articleId').equals(onB.id!).count()).toBe(1);
    // A pulled article is searchable through a sparse filter too: its words as one string (v9).
    expect((await b.db.wordText.get(onB.id!))?.text).toContain(' budget ');

    // At the same time: a tag on A, another tag, the favourite and progress on B.
    await addTag([id], 'caen', a.db);
    await addTag([onB.id!], 'budget', b.db);
    await setFlags([onB.id!], { favourite: 1 }, b.db);
    await setProgress(onB.id!, 0.4, b.db);
    await Promise.all([a.sync(), b.sync()]);
    await Promise.all([a.sync(), b.sync()]);
    const sa = await snapshot(a.db);
    expect(sa).toEqual(await snapshot(b.db));
    expect(sa[0]).toMatchObject({ tags: ['budget', 'caen'], favourite: 1, progress: 0.4 });

    // Delete on B → gone on A (rows, body, images).
    await deleteArticles([onB.id!], b.db);
    await b.sync();
    await a.sync();
    expect(await a.db.articles.count()).toBe(0);
    expect(await a.db.bodies.count()).toBe(0);
    expect(await a.db.images.count()).toBe(0);
    expect(await a.db.wordText.count()).toBe(0);
    expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
  });

  it('nothing readable on the server: no title, no sentence, no URL, no tag', async () => {
    const a = dev('secret');
    await a.connect();
    const id = await a.save(article('secret', { title: 'Inondations à Cherbourg-en-Cotentin' }));
    await addTag([id], 'cotentin', a.db);
    expect((await a.sync()).ok).toBe(true);
    const files = filesUnder(server.dir);
    expect(files.length).toBeGreaterThan(2);
    for (const needle of [
      'Inondations',
      'Cherbourg',
      'délibération numéro secret',
      'ouest-france',
      'cotentin',
      'article-secret',
    ])
      expect(grepFiles(server.dir, needle), needle).toEqual([]);
    // File names say nothing either.
    expect(files.map((f) => f.path).join('\n')).not.toMatch(/ouest|caen|cherbourg|conseil/i);
  });

  it('a wrong passphrase on a new profile is refused: nothing written there or here', async () => {
    const c = dev('c');
    await c.save(article('local-only'));
    const before = filesUnder(server.dir)
      .map((f) => `${f.path}:${f.size}`)
      .sort();
    const localBefore = await snapshot(c.db);
    await expect(c.connect('not the right passphrase')).rejects.toMatchObject({ kind: 'passphrase' });
    expect(
      filesUnder(server.dir)
        .map((f) => `${f.path}:${f.size}`)
        .sort(),
    ).toEqual(before);
    expect(await snapshot(c.db)).toEqual(localBefore);
    expect(await c.db.syncState.get('config')).toBeUndefined();
    // The right one then works, and merges the local article in.
    await c.connect(PASSPHRASE);
    expect((await c.sync()).ok).toBe(true);
  });
});

describe('convergence of the real engine', () => {
  it('furthest progress: a device that scrolled back shows the furthest after a sync, like the others', async () => {
    const a = dev('pa');
    const b = dev('pb');
    await a.connect();
    await b.connect();
    const id = await a.save(article('progress'));
    await setProgress(id, 0.8, a.db);
    await a.sync();
    await b.sync();
    // (The shared folder holds other tests' articles too: find this one.)
    const onB = (await b.db.articles.toArray()).find((r) => r.url.endsWith('article-progress'))!;
    expect(onB.progress).toBe(0.8);
    await setProgress(onB.id!, 0.3, b.db);
    await b.sync();
    await a.sync();
    expect((await b.db.articles.get(onB.id!))!.progress).toBe(0.8);
    const mine = (s: unknown[]) =>
      s.filter((r) => String((r as { key?: string }).key).endsWith('article-progress'));
    expect(mine(await snapshot(a.db))).toEqual(mine(await snapshot(b.db)));
  });

  // SYNC_SEEDS=1,2,3 replays other histories.
  const seeds = process.env.SYNC_SEEDS ? process.env.SYNC_SEEDS.split(',').map(Number) : [11, 29];
  for (const seed of seeds) {
    it(`seed ${seed}: random edits on three devices, synced in random order, end in one library`, async () => {
      let x = seed;
      const rand = (n: number) => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31), x % n);
      const devices = [dev(`r${seed}a`), dev(`r${seed}b`), dev(`r${seed}c`)];
      // Their own folder on the shared server.
      const folder = `prop-${seed}-${Math.random().toString(36).slice(2)}/`;
      await fetch(server.url + folder, {
        method: 'MKCOL',
        headers: { authorization: `Basic ${btoa(`${server.user}:${server.pass}`)}` },
      });
      const { connect } = await import('../../../utils/sync/engine');
      for (const d of devices)
        await connect(
          d.db,
          { url: server.url + folder, user: server.user, password: server.pass },
          PASSPHRASE,
          {
            iterations: 100_000,
            settleMs: 50,
          },
        );
      // Each device's own undo list (a delete is undone where it was made).
      const trash = new Map(devices.map((d) => [d, [] as Array<Awaited<ReturnType<typeof deleteArticles>>>]));
      for (let step = 0; step < 60; step++) {
        const d = devices[rand(3)]!;
        const rows = await d.db.articles.toArray();
        const row = rows.length ? rows[rand(rows.length)] : undefined;
        const op = rand(9);
        if (op === 0 || !row) await d.save(article(`p${rand(6)}`, { title: `Titre ${rand(1000)}` }));
        else if (op === 1) await addTag([row.id!], `t${rand(4)}`, d.db);
        else if (op === 2 && row.tags.length) await removeTag([row.id!], row.tags[0]!, d.db);
        else if (op === 3) await setFlags([row.id!], { favourite: rand(2) as 0 | 1 }, d.db);
        else if (op === 4)
          await setFlags([row.id!], { archived: rand(2) as 0 | 1, read: rand(2) as 0 | 1 }, d.db);
        else if (op === 5) await setProgress(row.id!, rand(100) / 100, d.db);
        else if (op === 6) trash.get(d)!.push(await deleteArticles([row.id!], d.db));
        else if (op === 7 && trash.get(d)!.length) await restoreArticles(trash.get(d)!.pop()!, d.db);
        else expect((await d.sync()).ok).toBe(true);
      }
      // Two rounds of everyone syncing: everything reaches everyone.
      for (let round = 0; round < 2; round++) for (const d of devices) expect((await d.sync()).ok).toBe(true);
      const [s0, s1, s2] = await Promise.all(devices.map((d) => snapshot(d.db)));
      expect(s1).toEqual(s0);
      expect(s2).toEqual(s0);
    });
  }
});
