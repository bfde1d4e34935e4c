// End-to-end, the library in real headless Chromium with the built extension: save from the popup,
// find it by search in the options page, read it offline with its images, delete and undo, export and
// import into a fresh profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer } from './server.mjs';
import { launch, openPopupFor, tabIdOf } from './chromium.mjs';

let srv, browser;
before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.context.close();
  await srv?.close();
});

const optionsUrl = (id) => `chrome-extension://${id}/options.html`;

async function saveSample() {
  const { context, worker, extensionId } = browser;
  const page = await context.newPage();
  await page.goto(srv.articleUrl + '?xtor=RSS-1#top');
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup
    .getByText(/Enregistré dans la bibliothèque|Mis à jour dans la bibliothèque/)
    .waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();
}

test('save from the popup, find it by search, read it offline with its images', async () => {
  await saveSample();
  const { context, extensionId } = browser;
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
  const { context, extensionId } = browser;
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
  assert.match(await options.locator('.library-item').first().innerText(), /Lu à (4\d|5\d) %/);
  await options.close();
});

test('delete, then undo, restores the article', async () => {
  const { context, extensionId } = browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.getByRole('button', { name: /Supprimer/ }).click();
  await options.getByText('1 article(s) supprimé(s).').waitFor();
  assert.equal(await options.locator('.library-item').count(), 0);
  await options.getByRole('button', { name: 'Annuler' }).click();
  await options.getByText('1 article(s) restauré(s).').waitFor();
  await item.waitFor({ timeout: 5000 });
  await item.locator('a.library-title').click();
  // Images restored too: the reading view shows them from the database (blob: URLs).
  await options.locator('.lisible-body img[src^="blob:"]').first().waitFor({ timeout: 5000 });
  await options.close();
});

test('Markdown and standalone HTML of a selection and of the open article', async () => {
  const { context, extensionId } = browser;
  const options = await context.newPage();
  await options.goto(optionsUrl(extensionId));
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.waitFor({ timeout: 10_000 });
  await item.locator('input.library-select').check();
  await options.getByText('1 sélectionné(s)').waitFor();
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
  assert.match(html, /src="data:image\/svg\+xml;base64,/, 'images inlined');
  assert.doesNotMatch(html, /<script/i);
  await item.locator('a.library-title').click();
  await options.waitForSelector('.lisible-body');
  assert.match(await grab('.library-reader-actions button.export-md'), /^# .*data centers/m);
  await options.close();
});

test('export a backup, import it into a fresh profile: same library', async () => {
  const { context, extensionId } = browser;
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
    await page.getByText(/Import terminé : 1 ajouté\(s\)/).waitFor({ timeout: 10_000 });
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
