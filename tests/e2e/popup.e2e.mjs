// End-to-end, real headless Chromium with the built extension: popup reading view, save, library,
// and the "not an article" state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPopupFor, tabIdOf, articlePopup } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

const env = chromiumSuite();

test('popup shows the clean article of the tab, without the clutter', async () => {
  const { page, popup } = await articlePopup(env.browser, env.srv.articleUrl);
  const text = await popup.locator('.lisible-article').innerText();
  assert.match(
    await popup.locator('h1.lisible-title').innerText(),
    /Des centaines d'emplois à la clé : la Région veut accueillir des data centers/,
  );
  assert.match(text, /La Normandie veut surfer sur la vague de l'intelligence artificielle/);
  assert.match(text, /elle ne les a pas rendus publics\./);
  for (const h of [
    'Les atouts de la Normandie',
    "Des centaines d'emploi à la clé",
    'Quels départements concernés ?',
  ])
    assert.equal(await popup.locator('.lisible-body h2, .lisible-body h3', { hasText: h }).count(), 1, h);
  assert.match(text, /Tendance Ouest/, 'site name');
  assert.match(text, /min de lecture/, 'reading time');
  assert.match(text, /Publié le 8 janvier 2025/, 'date');
  assert.ok((await popup.locator('.lisible-body img').count()) >= 1, 'the lead photo is kept');
  // Lisible already runs on this site (a known site in the local build): nothing to enable.
  assert.equal(await popup.getByRole('button', { name: 'Activer Lisible sur ce site' }).count(), 0);
  for (const clutter of [
    'Restez informé',
    'Réagir à cet article',
    'Maison à vendre Carantilly',
    'Petites Annonces',
    'En direct',
    "L'application mobile",
    'SM Caen',
  ])
    assert.ok(!text.includes(clutter), `clutter shown: ${clutter}`);
  // Nothing scripted survives into the popup.
  assert.equal(
    await popup.locator('.lisible-body script, .lisible-body form, .lisible-body textarea').count(),
    0,
  );
  await page.close();
  await popup.close();
});

test('Enregistrer stores the article; the options page lists it and opens it', async () => {
  const { context, extensionId } = env.browser;
  const { page, popup } = await articlePopup(env.browser, env.srv.articleUrl + '?utm_source=test#comments');
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup.getByText('Enregistré dans la bibliothèque').waitFor({ timeout: 10_000 });
  // Saving again updates instead of duplicating.
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup.getByText('Mis à jour dans la bibliothèque').waitFor({ timeout: 10_000 });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const item = options.locator('.library-item');
  await item.first().waitFor({ timeout: 10_000 });
  assert.equal(await item.count(), 1);
  assert.match(await item.first().innerText(), /data centers dédiés à l'IA/);
  // Read it with the sample server gone: the text comes from IndexedDB.
  await options.context().setOffline(true);
  await item.first().locator('a.library-title').click();
  await options.waitForSelector('.lisible-body');
  const body = await options.locator('.lisible-article').innerText();
  assert.match(body, /Avec les centrales nucléaires de Flamanville, Penly, Paluel/);
  assert.ok(!body.includes('Maison à vendre'));
  await options.context().setOffline(false);
  await options.close();
  await popup.close();
  await page.close();
});

test('a home page, an empty page, a PDF and a chrome:// page get a plain "pas d\'article" message', async () => {
  const { context, worker, extensionId } = env.browser;
  const cases = [
    [`${env.srv.origin}/pages/home.html`, /ne contient pas d’article/],
    [`${env.srv.origin}/pages/empty.html`, /vide|ne contient pas d’article/],
    [`${env.srv.origin}/pages/conseil-municipal.pdf`, /n’est pas une page web \(PDF/],
    ['chrome://version/', /ne permet pas aux extensions de lire cette page/],
  ];
  for (const [url, expected] of cases) {
    const page = await context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(page, worker);
    const popup = await openPopupFor(context, extensionId, tabId);
    await popup.waitForSelector('[data-state="not-article"]', { timeout: 15_000 });
    const text = await popup.locator('.lisible-empty').innerText();
    assert.match(text, /Pas d’article ici/, url);
    assert.match(text, expected, url);
    await popup.close();
    await page.close();
  }
});

test('in an English browser the popup speaks English', async () => {
  const en = await launch({ locale: 'en-US' });
  try {
    const page = await en.context.newPage();
    await page.goto(`${env.srv.origin}/pages/home.html`);
    const tabId = await tabIdOf(page, en.worker);
    const popup = await openPopupFor(en.context, en.extensionId, tabId);
    await popup.waitForSelector('[data-state="not-article"]', { timeout: 15_000 });
    assert.match(await popup.locator('.lisible-empty').innerText(), /No article here/);
  } finally {
    await en.context.close();
  }
});
