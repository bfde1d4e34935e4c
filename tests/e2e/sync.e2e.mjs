// End-to-end sync: two Chromium profiles (two user-data-dirs, the local build) set up sync from the
// options page against a real WebDAV server (rclone serve webdav, tests/tools/webdav-server.mjs),
// reached through a slow proxy so the test can stop the server in the middle of a sync.
// Highlights do not exist in the library yet: "tag on A and highlight on B at the same time" is played
// with what exists now on B — another tag and the favourite flag, changed on B while A tags.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './chromium.mjs';
import { libraryRows, libraryUrl, saveSample, settingsUrl, setUp, syncNow } from './sync-steps.mjs';
import { filesUnder, grepFiles, startWebdav } from '../tools/webdav-server.mjs';
import { startFaultProxy } from '../tools/fault-proxy.mjs';

const PASSPHRASE = 'le phare de Gatteville, 75 mètres';
let srv, dav, proxy, A, B;
const requests = [];

before(async () => {
  srv = await startServer();
  dav = await startWebdav();
  proxy = await startFaultProxy(dav.url, () => null, { delayMs: 40 });
  [A, B] = await Promise.all([launch(), launch()]);
  for (const b of [A, B]) {
    const record = (req) => requests.push(req.url());
    b.context.on('request', record);
    for (const w of b.context.serviceWorkers()) w.on('request', record);
  }
});
/** The WebDAV server as the profiles see it: through the fault proxy. */
const webdav = () => ({ url: proxy.url, user: dav.user, pass: dav.pass });

after(async () => {
  await Promise.all([A?.context.close(), B?.context.close()]);
  await proxy?.close();
  await dav?.stop();
  await srv?.close();
});

test('save on A → appears on B with its images; nothing readable on the server', async () => {
  const pa = await setUp(A, webdav(), PASSPHRASE);
  await pa.getByText('Synchronisation activée.').waitFor({ timeout: 30_000 });
  const pb = await setUp(B, webdav(), PASSPHRASE);
  await pb.getByText('Synchronisation activée.').waitFor({ timeout: 30_000 });

  await saveSample(A, srv.articleUrl);
  assert.match(await syncNow(pa), /Synchronisé/);
  assert.match(await syncNow(pb), /Synchronisé\. Envoyés\s: \d+ · reçus\s: [1-9]\d*/);

  const lib = await B.context.newPage();
  await lib.goto(libraryUrl(B));
  const item = lib.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.locator('a.library-title').click();
  await lib.waitForSelector('.lisible-body');
  assert.match(
    await lib.locator('.lisible-article').innerText(),
    /Avec les centrales nucléaires de Flamanville/,
  );
  // Its images came through the server, stored in B's library (blob: URLs of the stored copies).
  await lib.locator('.lisible-body img[src^="blob:"]').first().waitFor({ timeout: 10_000 });
  await lib.waitForFunction(
    () => [...document.querySelectorAll('.lisible-body img')].every((i) => i.complete && i.naturalWidth > 0),
    null,
    { timeout: 5000 },
  );
  await lib.close();

  // The server holds only ciphertext with opaque names.
  for (const needle of [
    'data centers',
    'Avec les centrales nucléaires de Flamanville',
    'tendanceouest',
    'normandie-la-region',
  ])
    assert.deepEqual(grepFiles(dav.dir, needle), [], `"${needle}" readable on the server`);
  const names = filesUnder(dav.dir).map((f) => f.path.slice(dav.dir.length));
  assert.ok(names.length > 3, names.join(' '));
  assert.ok(
    names.every((n) =>
      /^\/Lisible\/(lisible-sync\.json|d\/[0-9a-f]{16}\/(head|\d{8}|b\d{8}-\d{4})|i\/[0-9a-f]{2}\/[0-9a-f]{32})$/.test(
        n,
      ),
    ),
    names.join('\n'),
  );
  await Promise.all([pa.close(), pb.close()]);
});

test('a tag on A and, at the same time, a tag and the favourite on B: both kept', async () => {
  const tagOn = async (b, tag, favourite) => {
    const lib = await b.context.newPage();
    await lib.goto(libraryUrl(b));
    const item = lib.locator('.library-item', { hasText: 'data centers' });
    await item.waitFor({ timeout: 10_000 });
    await item.locator('input.library-select').check();
    await lib.locator('.library-tag-form input').fill(tag);
    await lib.locator('.library-tag-form button[type=submit]').click();
    await lib.locator('.library-item .library-tag', { hasText: `#${tag}` }).waitFor({ timeout: 5000 });
    if (favourite) await lib.locator('.library-bulk button[data-action=favourite]').click();
    await lib.waitForTimeout(300);
    await lib.close();
  };
  await Promise.all([tagOn(A, 'cotentin', false), tagOn(B, 'energie', true)]);
  const [pa, pb] = await Promise.all([A.context.newPage(), B.context.newPage()]);
  await Promise.all([pa.goto(settingsUrl(A)), pb.goto(settingsUrl(B))]);
  await Promise.all([syncNow(pa), syncNow(pb)]);
  await pa.locator('.sync-notice').evaluate((n) => n.remove());
  await pb.locator('.sync-notice').evaluate((n) => n.remove());
  await Promise.all([syncNow(pa), syncNow(pb)]);
  const [ra, rb] = await Promise.all([libraryRows(A), libraryRows(B)]);
  assert.deepEqual(ra, rb);
  assert.equal(ra.length, 1);
  assert.deepEqual(ra[0].tags, ['cotentin', 'energie']);
  assert.equal(ra[0].favourite, 1);
  await Promise.all([pa.close(), pb.close()]);
});

test('delete on B → gone on A', async () => {
  const lib = await B.context.newPage();
  await lib.goto(libraryUrl(B));
  const item = lib.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.getByRole('button', { name: /Supprimer/ }).click();
  await lib.getByText('1 article supprimé.').waitFor();
  await lib.close();
  const pb = await B.context.newPage();
  await pb.goto(settingsUrl(B));
  await syncNow(pb);
  const pa = await A.context.newPage();
  await pa.goto(settingsUrl(A));
  await syncNow(pa);
  assert.deepEqual(await libraryRows(A), []);
  const libA = await A.context.newPage();
  await libA.goto(libraryUrl(A));
  await libA.getByText(/Aucun article enregistré/).waitFor({ timeout: 10_000 });
  await Promise.all([pa.close(), pb.close(), libA.close()]);
});

test('wrong passphrase on a new profile: refused, nothing changed here or on the server', async () => {
  const C = await launch();
  try {
    await saveSample(C, srv.articleUrl);
    const before = await libraryRows(C);
    const serverBefore = filesUnder(dav.dir)
      .map((f) => `${f.path}:${f.size}`)
      .sort();
    const page = await setUp(C, webdav(), 'pas la bonne phrase de passe');
    await page
      .locator('.sync-notice-error', { hasText: /Cette phrase de passe n’ouvre pas la synchronisation/ })
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    assert.deepEqual(await libraryRows(C), before);
    assert.deepEqual(
      filesUnder(dav.dir)
        .map((f) => `${f.path}:${f.size}`)
        .sort(),
      serverBefore,
    );
    // Still not set up: the form is there, no "Synchroniser maintenant".
    assert.equal(await page.getByRole('button', { name: 'Synchroniser maintenant' }).count(), 0);
    await page.close();
  } finally {
    await C.context.close();
  }
});

test('server stopped in the middle of a sync → resumes after restart, nothing lost', async () => {
  // 600 articles to push: several segments through the slow proxy.
  const now = Date.now();
  const articles = Array.from({ length: 600 }, (_, i) => {
    const url = `https://www.lamanchelibre.fr/actualite-${i}/conseil-municipal-${i}`;
    return {
      url,
      canonicalUrl: url,
      key: url.replace('www.', ''),
      site: 'lamanchelibre.fr',
      title: `Conseil municipal numéro ${i}`,
      excerpt: '',
      byline: null,
      siteName: 'La Manche Libre',
      publishedTime: null,
      modifiedTime: null,
      lang: 'fr',
      leadImage: null,
      contentHtml: `<p>Délibération ${i} : ${'la voirie communale sera refaite au printemps. '.repeat(20)}</p>`,
      textContent: `Délibération ${i} : ${'la voirie communale sera refaite au printemps. '.repeat(20)}`,
      wordCount: 160,
      readingTimeMinutes: 1,
      teaser: false,
      commune: null,
      savedAt: now - i * 1000,
      updatedAt: now - i * 1000,
      read: 0,
      progress: 0,
      favourite: 0,
      archived: 0,
      tags: [],
      imageBytes: 0,
    };
  });
  const file = join(tmpdir(), `lisible-sync-e2e-${process.pid}.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: 'lisible-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles,
      prefs: [],
    }),
  );
  const lib = await A.context.newPage();
  await lib.goto(libraryUrl(A));
  await lib.locator('input.import-file').setInputFiles(file);
  await lib.getByText(/Import terminé\. Ajoutés\s: 600 /).waitFor({ timeout: 60_000 });
  await lib.close();

  const pa = await A.context.newPage();
  await pa.goto(settingsUrl(A));
  await pa.getByRole('button', { name: 'Synchroniser maintenant' }).waitFor();
  await pa.waitForFunction(() => !document.querySelector('.sync-actions button')?.disabled, null, {
    timeout: 60_000,
  });
  await pa.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  // Stop the server as soon as the first new segment of this push is on disk.
  const segments = () => filesUnder(dav.dir).filter((f) => /\/d\/[0-9a-f]{16}\/\d{8}$/.test(f.path)).length;
  const start = segments();
  const t0 = Date.now();
  while (segments() === start && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 10));
  await dav.stop();
  const notice = pa.locator('.sync-notice-error');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.innerText(), /Serveur injoignable|n’a pas répondu/);
  // The state says so, and the changes still wait.
  assert.match(await pa.locator('.sync-error').innerText(), /Serveur injoignable|n’a pas répondu/);
  assert.ok(Number(await pa.locator('.sync-pending').innerText()) > 0, 'changes still pending');
  await dav.restart();
  await pa.locator('.sync-notice').evaluate((n) => n.remove());
  assert.match(await syncNow(pa), /Synchronisé/);
  assert.equal(await pa.locator('.sync-pending').innerText(), '0');
  const pb = await B.context.newPage();
  await pb.goto(settingsUrl(B));
  assert.match(await syncNow(pb), /Synchronisé/);
  const [ra, rb] = await Promise.all([libraryRows(A), libraryRows(B)]);
  assert.equal(ra.length, 600);
  assert.deepEqual(rb, ra);
  await Promise.all([pa.close(), pb.close()]);
});

test('the extensions talked to no one but the article site and the sync server', () => {
  const outside = requests.filter(
    (u) =>
      /^(https?|wss?):/.test(u) && !u.startsWith(srv.origin) && !u.startsWith(proxy.url.replace(/\/$/, '')),
  );
  assert.deepEqual(outside, []);
  assert.ok(
    requests.some((u) => u.startsWith(proxy.url)),
    'the sync server was reached',
  );
});
