// End-to-end: classifieds hidden on the live page, per-category switches in the popup, the badge,
// per-site exceptions, collapsed obituaries, a late-injected widget, and preferences that survive a
// browser restart (same persistent profile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPopupFor, tabIdOf, until } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

const env = chromiumSuite();

const visible = (page, text) => page.getByText(text, { exact: false }).first().isVisible();
const badge = (worker, tabId) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

test('sample page: the three classifieds blocks are hidden on load, the article is not; badge = hidden ads', async () => {
  const { context, worker } = env.browser;
  const page = await context.newPage();
  await page.goto(env.srv.articleUrl);
  await until(async () => !(await visible(page, 'Maison à vendre Carantilly')), 'Immobilier hidden');
  assert.equal(await visible(page, 'CARAVANE CARAVELAIR BRASILIA 450'), false, 'Automobile hidden');
  assert.equal(await visible(page, 'Sonos Arc Set'), false, 'Bonnes affaires hidden');
  assert.equal(await visible(page, 'La Normandie veut surfer sur la vague'), true, 'article shown');
  assert.equal(await page.locator('[data-lisible-ad]').count(), 3);
  const tabId = await tabIdOf(page, worker);
  // A number: the article mark (≡) may show first, until the count arrives.
  assert.equal(
    await until(
      async () => /^\d+$/.test(await badge(worker, tabId)) && (await badge(worker, tabId)),
      'badge',
    ),
    '12',
  );
  await page.close();
});

test('popup switch shows a category again without reload; "Afficher sur ce site" shows all; other sites keep theirs', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(env.srv.articleUrl);
  await page.evaluate(() => (window.__noReload = true));
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.getByText('12 annonces masquées sur cette page').waitFor({ timeout: 10_000 });
  assert.match(await popup.locator('.lisible-classifieds').innerText(), /Immobilier \(4 annonces\)/);

  await popup.getByRole('switch', { name: /Immobilier/ }).uncheck();
  await until(() => visible(page, 'Maison à vendre Carantilly'), 'Immobilier shown again');
  assert.equal(await visible(page, 'CARAVANE CARAVELAIR BRASILIA 450'), false, 'Automobile still hidden');
  assert.equal(await page.evaluate(() => window.__noReload), true, 'no reload');
  assert.equal(await until(async () => (await badge(worker, tabId)) === '8' && '8', 'badge 8'), '8');
  await popup.getByText('8 annonces masquées sur cette page').waitFor({ timeout: 5_000 });

  await popup.getByRole('button', { name: 'Afficher sur ce site' }).click();
  await until(() => visible(page, 'CARAVANE CARAVELAIR BRASILIA 450'), 'everything shown on this site');
  assert.equal(await visible(page, 'Sonos Arc Set'), true);
  assert.equal(
    // Nothing hidden on an article page: the count gives way to the article mark.
    await until(async () => (await badge(worker, tabId)) === '≡' && 'article', 'count cleared'),
    'article',
  );

  // Same page from another host: the site exception does not apply, the Immobilier choice does.
  const other = await context.newPage();
  await other.goto(env.srv.articleUrl.replace('127.0.0.1', 'localhost'));
  await until(
    async () => !(await visible(other, 'CARAVANE CARAVELAIR BRASILIA 450')),
    'Automobile hidden elsewhere',
  );
  assert.equal(await visible(other, 'Maison à vendre Carantilly'), true, 'Immobilier shown everywhere');
  await Promise.all([popup.close(), page.close(), other.close()]);
});

test('obituaries are collapsed behind a label that reveals them; a late widget is caught', async () => {
  const { context } = env.browser;
  const page = await context.newPage();
  // localhost: the 127.0.0.1 site exception from the previous test must not apply here.
  await page.goto(`${env.srv.origin.replace('127.0.0.1', 'localhost')}/pages/carnet.html`);
  const label = page.locator('lisible-collapsed');
  await label.first().waitFor({ timeout: 8000 });
  assert.match(await label.first().getByRole('button').innerText(), /Avis de décès masqués — afficher/);
  assert.equal(await visible(page, 'Madame Jeanne Lefèvre'), false);
  await until(() => page.evaluate(() => window.__lateInjected === true), 'late widget injected');
  await until(async () => !(await visible(page, 'Chauffeur poids lourd')), 'late job widget hidden');
  await label.first().getByRole('button').click();
  await until(() => visible(page, 'Madame Jeanne Lefèvre'), 'obituaries revealed');
  assert.equal(await label.count(), 0, 'label gone once revealed');
  assert.equal(await visible(page, 'la médiathèque de Saint-Lô'), true);
  await page.close();
});

test('options page: per-category choice, list and removal of site exceptions; prefs survive a restart', async () => {
  const { context, extensionId } = env.browser;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  const select = options.getByRole('combobox', { name: /Affichage\s*: Automobile/ });
  await select.waitFor({ timeout: 8000 });
  assert.equal(await select.inputValue(), 'hide');
  assert.equal(await options.getByRole('combobox', { name: /Avis de décès/ }).inputValue(), 'collapse');
  assert.equal(
    await options.getByRole('combobox', { name: /Immobilier/ }).inputValue(),
    'show',
    'set from the popup',
  );
  assert.match(await options.locator('.settings-sites').innerText(), /127\.0\.0\.1/);
  await select.selectOption('show');
  await options.close();

  // Restart the browser on the same profile.
  const profile = env.browser.userDataDir;
  await env.browser.context.close();
  env.browser = await launch({ profile });
  const page = await env.browser.context.newPage();
  await page.goto(env.srv.articleUrl.replace('127.0.0.1', 'localhost'));
  await page.waitForLoadState('domcontentloaded');
  await until(async () => (await page.locator('[data-lisible-ad]').count()) === 3, 'blocks marked');
  assert.equal(
    await visible(page, 'CARAVANE CARAVELAIR BRASILIA 450'),
    true,
    'Automobile now shown (options page)',
  );
  assert.equal(await visible(page, 'Sonos Arc Set'), false, 'Bonnes affaires still hidden');

  const opts = await env.browser.context.newPage();
  await opts.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
  await opts.getByRole('button', { name: /Retirer l’exception pour 127\.0\.0\.1/ }).click();
  await opts.getByText('Aucune exception.').waitFor({ timeout: 5000 });
  await opts.getByRole('button', { name: 'Tout réinitialiser' }).click();
  await until(
    async () => !(await visible(page, 'CARAVANE CARAVELAIR BRASILIA 450')),
    'reset hides Automobile again',
  );
  await Promise.all([opts.close(), page.close()]);
});
