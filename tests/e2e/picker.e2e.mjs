// End-to-end (Chromium): the reader corrects the detector in one click, for the site.
//  - "Masquer un bloc…" opens the picker over the page; the block under the pointer, widened with ↑,
//    is hidden with the chosen category; the rule survives a reload and hides the block before it is
//    painted; it is listed in the options page and carried in the JSON backup.
//  - "Ce n'est pas une annonce" shows a detected block again and the exception is remembered on reload,
//    listed in the options page and carried in the backup.
//  - "Choisir le texte à lire" picks the block to read: reading mode opens on it, and the site keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPopupFor, tabIdOf, until, toggleFromBackground } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

let pageUrl;
const env = chromiumSuite({}, async ({ srv }) => {
  pageUrl = `${srv.origin}/pages/picker.html`;
});

const display = (page, sel) => page.evaluate((s) => getComputedStyle(document.querySelector(s)).display, sel);

async function exportedBackup() {
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.locator('button.export-json').click(),
  ]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  await options.close();
  return backup;
}

/**
 * Opens the picker from the popup's `button`, points at `selector` (at `dx`, `dy` inside it), widens
 * once with ↑ and clicks: the picker then offers its choices. Returns the tab id and the popup.
 */
async function pickFromPopup(page, button, selector, at = (b) => [b.width / 2, b.height / 2]) {
  const { context, worker, extensionId } = env.browser;
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.getByRole('button', { name: button }).click();
  await page.bringToFront();
  await until(() => page.evaluate(() => !!document.querySelector('lisible-picker')), 'picker open');
  const box = await page.locator(selector).boundingBox();
  const [dx, dy] = at(box);
  await page.mouse.move(box.x + dx, box.y + dy);
  await page.mouse.move(box.x + dx + 2, box.y + dy + 1);
  await page.keyboard.press('ArrowUp');
  await page.mouse.click(box.x + dx + 2, box.y + dy + 1);
  return { tabId, popup };
}

test('picker: "Masquer un bloc…" hides the block under the pointer; the rule survives a reload and applies before paint; options page and backup list it', async () => {
  const { context, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  await until(async () => (await display(page, '#immo-box')) === 'none', 'detected property ads hidden');
  assert.equal(await display(page, '#partner-box'), 'block', 'the partner box is not detected');
  await until(() => page.evaluate(() => window.__partnerFrames.length === 20), '20 frames recorded');
  assert.equal(await page.evaluate(() => window.__partnerFrames.at(-1)), true, 'the box is seen');

  // Point at the box's text, widen once (↑) to the whole box, click: the categories are offered.
  const { popup } = await pickFromPopup(page, 'Masquer un bloc…', '#partner-box .encart-texte');
  // Focus is on the first category (Immobilier); the page received no click (its link would navigate).
  await page.keyboard.press('Enter');
  await until(async () => (await display(page, '#partner-box')) === 'none', 'picked box hidden');
  assert.equal(await page.evaluate(() => !!document.querySelector('lisible-picker')), false, 'picker closed');
  assert.equal(await display(page, '.encart-titre'), 'block', 'the box is hidden, not its parts');

  // Next load: never seen, from the first animation frame after it was parsed (before any paint of it).
  await page.reload();
  await until(() => page.evaluate(() => window.__partnerFrames?.length === 20), '20 frames recorded');
  assert.deepEqual(
    await page.evaluate(() => window.__partnerFrames),
    new Array(20).fill(false),
    'never seen',
  );
  assert.equal(await display(page, '#partner-box'), 'none');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  const row = options.locator('.settings-rules-table tr[data-kind="hide"]');
  await row.waitFor({ timeout: 8000 });
  const text = await row.innerText();
  assert.match(text, /127\.0\.0\.1/);
  assert.match(text, /Masqué\u202f: Immobilier/);
  assert.match(text, /#partner-box/);
  await options.close();

  const backup = await exportedBackup();
  assert.deepEqual(
    backup.userRules.filter((r) => r.kind === 'hide').map((r) => [r.host, r.selector, r.category]),
    [['127.0.0.1', '#partner-box', 'immobilier']],
  );
  await Promise.all([page.close(), popup.close()]);
});

test('"Ce n\'est pas une annonce" shows a detected block again and is remembered; options page and backup list it', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  await until(async () => (await display(page, '#immo-box')) === 'none', 'detected property ads hidden');
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  // The block the scan found, not the one the previous test hid with the picker (same category).
  const item = popup
    .locator('.lisible-blocks li[data-category="immobilier"][data-hidden="1"]')
    .filter({ hasNotText: /masqué par vous/ })
    .first();
  await item.waitFor({ timeout: 10_000 });
  assert.match(await item.innerText(), /Annonces immobilières/);
  await item.getByRole('button', { name: /Ce n’est pas une annonce/ }).click();
  await until(async () => (await display(page, '#immo-box')) === 'block', 'block shown again');

  await page.reload();
  await page.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await display(page, '#immo-box'), 'block', 'still shown after a reload');
  assert.equal(await page.locator('#immo-box[data-lisible-ad]').count(), 0, 'not marked');
  assert.equal(await display(page, '#partner-box'), 'none', 'the picked rule still holds');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  const row = options.locator('.settings-rules-table tr[data-kind="exception"]');
  await row.waitFor({ timeout: 8000 });
  assert.match(await row.innerText(), /Pas une annonce/);
  assert.match(await row.innerText(), /immo-box/);
  await options.close();

  const backup = await exportedBackup();
  assert.deepEqual(
    backup.userRules.filter((r) => r.kind === 'exception').map((r) => [r.host, r.selector]),
    [['127.0.0.1', '#immo-box']],
  );

  // Deleting the exception in the options page hides the block again on the page, without reload.
  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  await opts.getByRole('button', { name: /Supprimer la règle #immo-box/ }).click();
  await until(
    async () => (await display(page, '#immo-box')) === 'none',
    'hidden again once the exception is gone',
  );
  await Promise.all([opts.close(), page.close(), popup.close()]);
});

async function readerText(page) {
  await page.waitForSelector('#lisible-reader-frame', { timeout: 10_000 });
  const frame = await until(
    () => page.frames().find((f) => f.url().includes('/reader.html')),
    'reader frame',
  );
  await frame.waitForSelector('.lisible-article', { timeout: 10_000 });
  return frame.locator('.lisible-article').innerText();
}

test('"Choisir le texte à lire": reading mode opens on the chosen block, and the site remembers it', async () => {
  const { context, worker } = env.browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  // Point at the paragraph, widen once (↑) to the whole box, click.
  const { tabId, popup } = await pickFromPopup(page, 'Choisir le texte à lire', '#mayor-box p', () => [
    20, 10,
  ]);
  await page.keyboard.press('Enter'); // "Lire ce texte"
  const text = await readerText(page);
  assert.match(text, /producteurs du bocage/);
  assert.doesNotMatch(text, /huit mois de travaux, le marché couvert/, 'not the article the engine picks');

  // Next visit: the same block, without picking again.
  await page.reload();
  await page.waitForLoadState('load');
  await toggleFromBackground(worker, tabId, { open: true });
  assert.match(await readerText(page), /producteurs du bocage/);
  await Promise.all([page.close(), popup.close()]);
});
