// End-to-end (Chromium): the reader corrects the detector in one click, for the site.
//  - "Masquer un bloc…" opens the picker over the page; the block under the pointer, widened with ↑,
//    is hidden with the chosen category; the rule survives a reload and hides the block before it is
//    painted; it is listed in the options page and carried in the JSON backup.
//  - "Ce n'est pas une annonce" shows a detected block again and the exception is remembered on reload,
//    listed in the options page and carried in the backup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer } from './server.mjs';
import { launch, openPopupFor, tabIdOf, until } from './chromium.mjs';

let srv, browser, pageUrl;
before(async () => {
  srv = await startServer();
  pageUrl = `${srv.origin}/pages/picker.html`;
  browser = await launch();
});
after(async () => {
  await browser?.context.close();
  await srv?.close();
});

const display = (page, sel) => page.evaluate((s) => getComputedStyle(document.querySelector(s)).display, sel);

async function exportedBackup() {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.locator('button.export-json').click(),
  ]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  await options.close();
  return backup;
}

test('picker: "Masquer un bloc…" hides the block under the pointer; the rule survives a reload and applies before paint; options page and backup list it', async () => {
  const { context, worker, extensionId } = browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  await until(async () => (await display(page, '#immo-box')) === 'none', 'detected property ads hidden');
  assert.equal(await display(page, '#partner-box'), 'block', 'the partner box is not detected');
  await until(() => page.evaluate(() => window.__partnerFrames.length === 20), '20 frames recorded');
  assert.equal(await page.evaluate(() => window.__partnerFrames.at(-1)), true, 'the box is seen');

  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.getByRole('button', { name: 'Masquer un bloc…' }).click();
  await page.bringToFront();
  await until(() => page.evaluate(() => !!document.querySelector('lisible-picker')), 'picker open');

  // Point at the box's text, widen once (↑) to the whole box, click: the categories are offered.
  const box = await page.locator('#partner-box .encart-texte').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 1);
  await page.keyboard.press('ArrowUp');
  await page.mouse.click(box.x + box.width / 2 + 2, box.y + box.height / 2 + 1);
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
  assert.match(text, /Masqué : Immobilier/);
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
  const { context, worker, extensionId } = browser;
  const page = await context.newPage();
  await page.goto(pageUrl);
  await until(async () => (await display(page, '#immo-box')) === 'none', 'detected property ads hidden');
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  const item = popup.locator('.lisible-blocks li[data-category="immobilier"][data-hidden="1"]').first();
  await item.waitFor({ timeout: 10_000 });
  assert.match(await item.innerText(), /Annonces immobilières/);
  await item.getByRole('button', { name: /Ce n'est pas une annonce/ }).click();
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
