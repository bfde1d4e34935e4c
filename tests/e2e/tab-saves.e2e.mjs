// End-to-end, real headless Chromium: the saves that have no popup — the context menu and the keyboard
// shortcut — driven through the background's own listeners (the browser's event objects can dispatch
// to them, as a click on the menu or the accelerator would), then checked where the reader sees them:
// the toolbar badge and tooltip, and the library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabIdOf, until } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

let sw;
const env = chromiumSuite({}, async ({ browser }) => {
  [sw] = browser.context.serviceWorkers();
});

/** Waits for the tab's badge to read `text`, and returns the tooltip shown with it. */
const badge = (tabId, text) =>
  until(
    async () => {
      const [got, title] = await env.browser.worker.evaluate(
        async (id) => [
          await chrome.action.getBadgeText({ tabId: id }),
          await chrome.action.getTitle({ tabId: id }),
        ],
        tabId,
      );
      return got === text && title;
    },
    `badge "${text}"`,
    15_000,
  );

/** The library's items, as the options page lists them. */
async function libraryTitles() {
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await options.locator('.library-item, .library-empty, [data-empty]').first().waitFor({ timeout: 10_000 });
  const titles = await options.locator('.library-item a.library-title').allInnerTexts();
  await options.close();
  return titles;
}

test('keyboard shortcut on an article: saved, ✓ on the icon with "Enregistré…", listed in the library', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.srv.articleUrl);
  const tabId = await tabIdOf(page, env.browser.worker);
  await sw.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    chrome.commands.onCommand.dispatch('save-article', tab);
  }, tabId);
  assert.equal(await badge(tabId, '✓'), 'Enregistré dans la bibliothèque');
  const titles = await libraryTitles();
  assert.equal(titles.length, 1);
  assert.match(titles[0], /data centers/);

  // The context menu on the same page updates that one item, and says so.
  await sw.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lisible-save-article', editable: false }, tab);
  }, tabId);
  // The ✓ of the first save may still show: wait for the tooltip of the second.
  const title = await until(
    async () => {
      const t = await env.browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
      return t === 'Mis à jour dans la bibliothèque' && t;
    },
    'the tooltip of the update',
    15_000,
  );
  assert.equal(title, 'Mis à jour dans la bibliothèque');
  assert.equal((await libraryTitles()).length, 1, 'one article, updated, not a second copy');
  await page.close();
});

test('context menu on a page that is not an article: "!" and the reason, nothing saved', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.srv.origin}/pages/home.html`);
  const tabId = await tabIdOf(page, env.browser.worker);
  const before = (await libraryTitles()).length;
  await sw.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lisible-save-article', editable: false }, tab);
  }, tabId);
  assert.match(await badge(tabId, '!'), /ne contient pas d’article/);
  assert.equal((await libraryTitles()).length, before);
  await page.close();
});
