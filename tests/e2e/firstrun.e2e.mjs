// End-to-end: the first-run page opens on install only, lists the browser's own shortcuts (also in
// the popup footer and the options page), opens the shortcut settings, changes a classifieds choice;
// the toolbar button says "article disponible" on article pages, distinct from the classifieds count.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPopupFor, tabIdOf } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';
import { axeViolations } from './axe.mjs';

const SHOTS = join(import.meta.dirname, 'screenshots');
const env = chromiumSuite({ keepWelcome: true });
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

const commands = () => env.browser.worker.evaluate(() => chrome.commands.getAll());

test('install opens the first-run page once, in French, with the real shortcuts', async () => {
  const { context, welcome } = env.browser;
  assert.ok(welcome, 'the first-run page opened on install');
  assert.equal(context.pages().filter((p) => p.url().endsWith('/welcome.html')).length, 1);
  await welcome.setViewportSize({ width: 900, height: 900 });
  await welcome.locator('.settings-table select').first().waitFor({ timeout: 10_000 });
  assert.equal(await welcome.title(), 'Bienvenue dans Lisible');
  const text = await welcome.locator('main').innerText();
  for (const re of [
    /petites annonces .*masquées/,
    /mode lecture/,
    /«\sEnregistrer\s»/,
    /Chrome\s: .*épingle/,
    /Firefox\s: .*Épingler à la barre d’outils/,
    /article disponible/,
    /Lisible n’envoie rien et ne collecte rien/,
  ])
    assert.match(text, re);
  // The shortcuts are the browser's, as commands.getAll() has them (not a copy in the page).
  const cmds = (await commands()).filter((c) => c.name !== '_execute_action');
  assert.ok(cmds.length >= 2);
  for (const c of cmds) {
    const li = welcome.locator(`.lisible-shortcuts li[data-command="${c.name}"]`);
    // A command the browser left without keys (taken elsewhere, or removed by the reader) says so.
    const keys = c.shortcut || 'aucun raccourci';
    assert.equal((await li.innerText()).replace(/\s+/g, ' ').trim(), `${keys} ${c.description}`);
  }
  // Every suggested key is one Chromium binds (it leaves keys it keeps for itself unbound, as it did
  // Alt+Shift+R: see the manifest's commands in wxt.config.ts).
  assert.deepEqual(cmds.map((c) => [c.name, c.shortcut]).sort(), [
    // (Chromium names the keys in its UI language: Maj is Shift.)
    ['save-article', 'Alt+Maj+S'],
    ['toggle-reader', 'Alt+Maj+L'],
  ]);
  assert.match(text, /chrome:\/\/extensions\/shortcuts/, 'the address to type is shown');
  assert.deepEqual(await axeViolations(welcome), []);
  await welcome.screenshot({ path: join(SHOTS, 'first-run-fr.png'), fullPage: true });

  // "Modifier les raccourcis" opens the browser's shortcut settings in a tab.
  const opened = context.waitForEvent('page', { timeout: 10_000 });
  await welcome.getByRole('button', { name: 'Modifier les raccourcis' }).click();
  const settings = await opened;
  await settings.waitForLoadState('domcontentloaded').catch(() => undefined);
  assert.equal(settings.url(), 'chrome://extensions/shortcuts');
  await settings.close();

  // The classifieds choices are the real ones: a change here reaches the options page.
  await welcome.getByRole('combobox', { name: /Affichage\s*: Automobile/ }).selectOption('show');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
  const select = options.getByRole('combobox', { name: /Affichage\s*: Automobile/ });
  await select.waitFor({ timeout: 10_000 });
  assert.equal(await select.inputValue(), 'show');
  // The options page lists the same shortcuts.
  for (const c of cmds)
    assert.match(
      await options.locator(`.lisible-shortcuts li[data-command="${c.name}"]`).innerText(),
      new RegExp(c.description),
    );
  await options.close();
});

test('the popup footer lists the shortcuts', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(env.srv.articleUrl);
  const popup = await openPopupFor(context, extensionId, await tabIdOf(page, worker));
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  const footer = popup.locator('footer.lisible-shortcuts');
  for (const c of (await commands()).filter((x) => x.name !== '_execute_action')) {
    const keys = (c.shortcut || 'aucun raccourci').replace(/\+/g, '\\+');
    assert.match(await footer.innerText(), new RegExp(`${keys}\\s+${c.description}`));
  }
  await popup.close();
  await page.close();
});

/** The toolbar state Chrome holds for a tab, once it has settled on a value `until` accepts. */
async function toolbarOf(tabId, until) {
  const end = Date.now() + 10_000;
  for (;;) {
    const s = await env.browser.worker.evaluate(async (id) => {
      const [title, text, color] = await Promise.all([
        chrome.action.getTitle({ tabId: id }),
        chrome.action.getBadgeText({ tabId: id }),
        chrome.action.getBadgeBackgroundColor({ tabId: id }),
      ]);
      return { title, text, color: color.slice(0, 3).join(',') };
    }, tabId);
    if (until(s) || Date.now() > end) return s;
    await new Promise((r) => setTimeout(r, 150));
  }
}

test('toolbar: "article disponible" on an article page, not on a list page, distinct from the count', async () => {
  const { context, worker } = env.browser;
  const page = await context.newPage();
  await page.goto(env.srv.articleUrl);
  const tabId = await tabIdOf(page, worker);
  // The count comes once the shape scan (injected after DOMContentLoaded) is done, possibly after the state.
  const art = await toolbarOf(tabId, (s) => /article disponible/.test(s.title) && /^\d+$/.test(s.text));
  assert.match(art.title, /^Lisible — article disponible/);
  // The sample article hides classifieds: the count stays on the badge, on the article colour.
  assert.match(art.text, /^\d+$/);
  assert.match(art.title, new RegExp(`· ${art.text} annonces? masquées? sur cette page$`));
  assert.equal(art.color, '27,107,58');

  // The same tab, a home page (a list of links): no "article disponible".
  await page.goto(`${env.srv.origin}/pages/home.html`);
  const home = await toolbarOf(tabId, (s) => !/article disponible/.test(s.title));
  assert.doesNotMatch(home.title, /article disponible/);
  assert.notEqual(home.text, '≡');
  assert.ok(
    home.text === '' || home.color === '138,43,6',
    `count on the classifieds colour: ${JSON.stringify(home)}`,
  );
  await page.close();
});
