// End-to-end, the library in real headless Chromium with the built extension: save from the popup,
// find it by search in the options page, read it offline with its images, delete and undo, export and
// import into a fresh profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { launch, articlePopup } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

const env = chromiumSuite();

const optionsUrl = (id) => `chrome-extension://${id}/options.html`;

async function saveSample() {
  const { page, popup } = await articlePopup(env.browser, env.srv.articleUrl + '?xtor=RSS-1#top');
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup
    .getByText(/Enregistré dans la bibliothèque|Mis à jour dans la bibliothèque/)
    .waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();
}

test('save from the popup, find it by search, read it offline with its images', async () => {
  await saveSample();
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  await options.locator('.library-item').first().waitFor({ timeout: 10_000 });
  const search = options.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' });
  // Accent- and case-insensitive, results as you type.
  await search.fill('REGION');
  await options.locator('.library-item', { hasText: 'data centers' }).waitFor({ timeout: 5000 });
  await search.fill('zzzintrouvable');
  await options.getByText('Aucun article ne correspond.').waitFor({ timeout: 5000 });
  await search.fill('data cent');
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 5000 });
  assert.match(await item.innerText(), /Tendance Ouest|tendanceouest/i);

  await context.setOffline(true);
  try {
    await item.locator('a.library-title').click();
    await options.waitForSelector('.lisible-body');
    const body = await options.locator('.lisible-article').innerText();
    assert.match(body, /Avec les centrales nucléaires de Flamanville, Penly, Paluel/);
    const imgs = options.locator('.lisible-body img');
    assert.ok((await imgs.count()) >= 1, 'the article has images');
    const srcs = await imgs.evaluateAll((els) => els.map((e) => e.getAttribute('src')));
    assert.ok(
      srcs.every((s) => s.startsWith('blob:')),
      `images come from the database: ${srcs}`,
    );
    await options.waitForFunction(
      () =>
        [...document.querySelectorAll('.lisible-body img')].every((i) => i.complete && i.naturalWidth > 0),
      null,
      {
        timeout: 5000,
      },
    );
  } finally {
    await context.setOffline(false);
  }
  await options.close();
});

test('reading progress is saved as you scroll and resumed', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.setViewportSize({ width: 800, height: 400 });
  await options.goto(optionsUrl(extensionId));
  await options.locator('.library-item a.library-title').first().click();
  await options.waitForSelector('.lisible-body');
  const range = await options.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(range > 200, 'the article is longer than the window');
  await options.evaluate((y) => scrollTo(0, y), Math.round(range / 2));
  await options.waitForTimeout(1600);
  await options.reload();
  await options.waitForSelector('.lisible-body');
  await options.waitForFunction((r) => scrollY > r * 0.35 && scrollY < r * 0.65, range, { timeout: 5000 });
  await options.goto(optionsUrl(extensionId));
  assert.match(await options.locator('.library-item').first().innerText(), /Lu à (4\d|5\d)\s%/);
  await options.close();
});

test('delete, then undo, restores the article', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.getByRole('button', { name: /Supprimer/ }).click();
  await options.getByText('1 article supprimé.').waitFor();
  assert.equal(await options.locator('.library-item').count(), 0);
  await options.getByRole('button', { name: 'Annuler' }).click();
  await options.getByText('1 article restauré.').waitFor();
  await item.waitFor({ timeout: 5000 });
  await item.locator('a.library-title').click();
  // Images restored too: the reading view shows them from the database (blob: URLs).
  await options.locator('.lisible-body img[src^="blob:"]').first().waitFor({ timeout: 5000 });
  await options.close();
});

test('Markdown and standalone HTML of a selection and of the open article', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.locator('input.library-select').check();
  await options.getByText('1 sélectionné').waitFor();
  const grab = async (selector) => {
    const [d] = await Promise.all([
      options.waitForEvent('download'),
      options.locator(selector).first().click(),
    ]);
    return readFile(await d.path(), 'utf8');
  };
  const md = await grab('.library-backup button.export-md');
  assert.match(md, /^# .*data centers/m);
  assert.match(md, /Avec les centrales nucléaires de Flamanville/);
  const html = await grab('.library-backup button.export-html');
  assert.match(html, /<title>[^<]*data centers[^<]*<\/title>/);
  // The sample's images are SVG: never inlined into an export (rasters only), and nothing remote.
  assert.doesNotMatch(html, /data:image\/svg|src="https?:/, 'no SVG inlined, no remote image');
  assert.match(html, /form-action (&#39;|')none/);
  assert.doesNotMatch(html, /<script/i);
  await item.locator('a.library-title').click();
  await options.waitForSelector('.lisible-body');
  assert.match(await grab('.library-reader-actions button.export-md'), /^# .*data centers/m);
  await options.close();
});

test('export a backup, import it into a fresh profile: same library', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  await options.locator('.library-item').first().waitFor({ timeout: 10_000 });
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.locator('button.export-json').click(),
  ]);
  const file = await download.path();
  const original = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(original.format, 'lisible-library');
  assert.equal(original.articles.length, 1);
  assert.ok(original.articles[0].images?.length >= 1, 'images are in the backup');
  await options.close();

  const other = await launch();
  try {
    const page = await other.context.newPage();
    await page.goto(optionsUrl(other.extensionId));
    await page.getByText(/Aucun article enregistré/).waitFor({ timeout: 10_000 });
    // A foreign file is refused and writes nothing.
    await page
      .locator('input.import-file')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await page.getByText(/Import impossible, rien n’a été modifié/).waitFor();
    await page.locator('input.import-file').setInputFiles(file);
    await page.getByText(/Import terminé\. Ajoutés\s: 1 /).waitFor({ timeout: 10_000 });
    await page.locator('.library-item', { hasText: 'data centers' }).waitFor();
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button.export-json').click(),
    ]);
    const copy = JSON.parse(await readFile(await again.path(), 'utf8'));
    assert.deepEqual({ ...copy, exportedAt: null }, { ...original, exportedAt: null });
  } finally {
    await other.context.close();
  }
});

test('hostile library rows export to files that navigate nowhere, show no form and run nothing (issue 10, items 1 and 2)', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  await options.locator('.library-item').first().waitFor({ timeout: 10_000 });
  // Rows as an older Lisible (or a hostile server's Content-Type) could have left them: written straight
  // into IndexedDB, past every check of today's code.
  const evil = `${env.srv.origin}/evil`;
  await options.evaluate(async (evil) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open('lisible');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(['articles', 'bodies', 'images'], 'readwrite');
    const url = 'https://www.ouest-france.fr/hostile.html';
    tx.objectStore('articles').put({
      id: 9001,
      key: url,
      url,
      canonicalUrl: url,
      site: 'ouest-france.fr',
      title: 'Piège <img src=x onerror=alert(1)> ](javascript:alert(2))',
      excerpt: '[x](javascript:alert(3))',
      byline: '<a href="javascript:alert(4)">x</a>',
      siteName: null,
      publishedTime: null,
      modifiedTime: null,
      lang: 'fr',
      leadImage: null,
      wordCount: 1,
      readingTimeMinutes: 1,
      teaser: false,
      commune: null,
      savedAt: Date.now(),
      updatedAt: Date.now(),
      read: 0,
      progress: 0,
      favourite: 0,
      archived: 0,
      tags: ['piège'],
      words: ['piege'],
      imageBytes: 3,
    });
    tx.objectStore('bodies').put({
      id: 9001,
      contentHtml:
        '<p>Texte &lt;img src=x onerror=alert(5)&gt;</p><img src="https://img.example/a.png" alt="a">' +
        `<p><a href="https://x.fr/">lien ](javascript:alert(6))</a></p>`,
      textContent: 'Texte',
    });
    tx.objectStore('images').put({
      articleId: 9001,
      url: 'https://img.example/a.png',
      blob: new Blob([new Uint8Array([137, 80, 78, 71])], {
        type: `image/png"><meta http-equiv="refresh" content="0;url=${evil}"><form action="${evil}"><input name="p"><button>OK</button></form><img src="`,
      }),
    });
    await new Promise((ok) => (tx.oncomplete = ok));
  }, evil);
  await options.goto(`${optionsUrl(extensionId)}#/article/9001`);
  await options.waitForSelector('.lisible-body');
  const grab = async (selector) => {
    const [d] = await Promise.all([options.waitForEvent('download'), options.locator(selector).click()]);
    return readFile(await d.path(), 'utf8');
  };
  const html = await grab('.library-reader-actions button.export-html');
  const md = await grab('.library-reader-actions button.export-md');
  await options.close();

  // The HTML file, opened from disk as a reader would.
  const dir = await mkdtemp(join(tmpdir(), 'lisible-export-'));
  const file = join(dir, 'export.html');
  await writeFile(file, html);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForTimeout(2500);
  assert.equal(page.url(), pathToFileURL(file).href, 'the file navigated nowhere');
  assert.equal(await page.locator('form, input, button, iframe, script').count(), 0, 'no form, no control');
  assert.equal(await page.locator('meta[http-equiv="refresh" i]').count(), 0);
  assert.deepEqual(
    requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')),
    [],
    'loads nothing',
  );
  assert.equal(await page.title(), 'Piège <img src=x onerror=alert(1)> ](javascript:alert(2))');
  await page.close();

  // The Markdown, rendered by a common Markdown library that passes raw HTML through.
  const doc = new JSDOM(await marked.parse(md)).window.document;
  const withHandler = [...doc.querySelectorAll('*')].filter((el) =>
    [...el.attributes].some((a) => /^on/i.test(a.name)),
  );
  assert.deepEqual(
    withHandler.map((el) => el.outerHTML),
    [],
    'no element with an event handler',
  );
  assert.equal(
    doc.querySelectorAll('a[href^="javascript:" i], img[src^="javascript:" i]').length,
    0,
    'no javascript: link',
  );
});
