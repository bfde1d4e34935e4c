// Everyday paths in a real Firefox (firefox-esr over WebDriver BiDi, see firefox.mjs): the first-run
// page opened by the install, with Firefox's own shortcuts; the toolbar button's "article available"
// state, distinct from the classifieds count; a saved article printed from the library (print media
// emulated through BiDi's access to the browser window), the article alone, black on white. Extension strings follow Firefox's UI
// language, English here (Debian's French language pack, firefox-esr-l10n-fr, is not installed): the
// French strings are the Chromium suite's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { until } from './chromium.mjs';
import * as ff from './firefox.mjs';

const { skip, waitText } = ff;
const SHOTS = join(import.meta.dirname, 'screenshots');
let srv, browser;
before(async () => {
  if (skip) return;
  srv = await startServer();
  browser = await ff.launchFirefox();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});
const openExtensionPage = (path) => ff.openExtensionPage(browser, path);

test('Firefox: the install opens the first-run page, with the real shortcuts', { skip }, async () => {
  const control = await openExtensionPage('options.html');
  const welcomeUrl = `moz-extension://${ff.UUID}/welcome.html`;
  // The tab the background opened on install (runtime.onInstalled "install"), once only.
  const tabs = await until(
    async () => {
      const urls = await control.evaluate(async () => (await browser.tabs.query({})).map((t) => t.url));
      const found = urls.filter((u) => u === welcomeUrl);
      return found.length > 0 && found;
    },
    'the first-run tab',
    15_000,
  );
  assert.equal(tabs.length, 1);
  const commands = (await control.evaluate(() => browser.commands.getAll())).filter(
    (c) => c.name !== '_execute_action',
  );
  // Firefox binds both suggested keys.
  assert.deepEqual(commands.map((c) => [c.name, c.shortcut]).sort(), [
    ['save-article', 'Alt+Shift+S'],
    ['toggle-reader', 'Alt+Shift+L'],
  ]);
  await control.close();

  // The page itself (a second copy: the install's tab is not reachable through BiDi before it loads).
  const welcome = await openExtensionPage('welcome.html');
  await welcome.setViewport({ width: 900, height: 900 });
  await welcome.waitForSelector('.settings-table select', { timeout: 15_000 });
  assert.equal(await welcome.title(), 'Welcome to Lisible');
  const text = await welcome.$eval('main', (m) => m.innerText);
  for (const re of [
    /classifieds .*are hidden/,
    /reading mode/,
    /Firefox: .*“Pin to Toolbar”/,
    /article available/,
    /Lisible sends nothing and collects nothing/,
    /about:addons/,
  ])
    assert.match(text, re);
  for (const c of commands) {
    const li = await welcome.$eval(`.lisible-shortcuts li[data-command="${c.name}"]`, (e) => e.innerText);
    assert.equal(li.replace(/\s+/g, ' ').trim(), `${c.shortcut} ${c.description}`);
  }
  await welcome.screenshot({ path: join(SHOTS, 'firefox-first-run-en.png'), fullPage: true });
  await welcome.close();
});

/** The toolbar title and badge Firefox holds for a tab, once `until` accepts them. */
async function toolbarOf(tabId, accept) {
  const control = await openExtensionPage('options.html');
  try {
    return await until(
      async () => {
        const s = await control.evaluate(
          async (id) => ({
            title: await browser.action.getTitle({ tabId: id }),
            text: await browser.action.getBadgeText({ tabId: id }),
          }),
          tabId,
        );
        return accept(s) && s;
      },
      'the toolbar state',
      15_000,
    );
  } finally {
    await control.close();
  }
}

test(
  'Firefox: toolbar says "article available" on an article page, not on a list page',
  { skip },
  async () => {
    const page = await browser.newPage();
    await page.goto(srv.articleUrl);
    const tabId = await ff.tabIdFor(browser, srv.articleUrl);
    const art = await toolbarOf(tabId, (s) => /article available/.test(s.title) && s.text !== '');
    assert.match(art.title, /^Lisible — article available/);
    // The sample article hides classifieds: the count stays on the badge, and the tooltip says both.
    assert.match(art.text, /^\d+$/);
    assert.match(art.title, new RegExp(`· ${art.text} classifieds? hidden on this page$`));

    await page.goto(`${srv.origin}/pages/home.html`);
    const home = await toolbarOf(tabId, (s) => !/article available/.test(s.title));
    assert.notEqual(home.text, '≡');
    await page.close();
  },
);

test('Firefox: a saved article prints alone from the library, black on white', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(srv.articleUrl);
  const popup = await openExtensionPage(`popup.html?tab=${await ff.tabIdFor(browser, srv.articleUrl)}`);
  await popup.waitForSelector('button.lisible-save', { timeout: 15_000 });
  await popup.$eval('button.lisible-save', (b) => b.click());
  await waitText(popup, '.lisible-save-status', /Saved to|Updated in/);
  await popup.close();
  await page.close();

  const options = await openExtensionPage('options.html');
  await options.setViewport({ width: 1000, height: 900 });
  await waitText(options, '.library-item', /data centers/);
  await options.$eval('.library-item a', (a) => a.click());
  await options.waitForSelector('.lisible-body p', { timeout: 15_000 });
  const facts = () =>
    options.evaluate(() => {
      const shown = (el) =>
        !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      const p = document.querySelector('.lisible-body p');
      return {
        print: matchMedia('print').matches,
        chrome: ['.library-heading', '.library-tabs', '.library-back', '.lisible-original'].filter((s) =>
          [...document.querySelectorAll(s)].some(shown),
        ),
        buttons: [...document.querySelectorAll('button')].filter(shown).length,
        title: shown(document.querySelector('.lisible-title')),
        text: shown(p) && (p.textContent ?? '').length > 100,
        color: getComputedStyle(p).color,
        background: getComputedStyle(document.body).backgroundColor,
      };
    });
  const screen = await facts();
  assert.equal(screen.print, false);
  assert.ok(screen.buttons > 0, 'controls on screen');
  const prefix = `moz-extension://${ff.UUID}/options.html`;
  await ff.emulatePrint(options, prefix, true);
  const print = await facts();
  assert.equal(print.print, true, 'print media emulated');
  assert.deepEqual(print.chrome, [], 'library chrome hidden in print');
  assert.equal(print.buttons, 0, 'no control prints');
  assert.ok(print.title && print.text, 'title and text print');
  assert.equal(print.color, 'rgb(0, 0, 0)');
  await options.screenshot({ path: join(SHOTS, 'firefox-saved-article-print.png') });
  await ff.emulatePrint(options, prefix, false);
  assert.equal((await facts()).print, false);
  await options.close();
});
