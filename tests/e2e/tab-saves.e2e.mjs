// End-to-end, real headless Chromium: the saves that have no popup — the context menu and the keyboard
// shortcut — driven through the background's own listeners (the browser's event objects can dispatch
// to them, as a click on the menu or the accelerator would), then checked where the reader sees them:
// the toolbar badge and tooltip, the library, and the popup opened afterwards on that page, which says
// in words what happened (success, or the failure and its reason) long after the 2.5 s badge is gone;
// another page in the same tab, or the popup's own save, says nothing of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPopupFor, tabIdOf, until } from './chromium.mjs';
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

/** Dispatches a background save of the tab, and waits for its badge (the save is over then). */
async function backgroundSave(tabId, via) {
  await sw.evaluate(
    async ([id, how]) => {
      const tab = await chrome.tabs.get(id);
      if (how === 'shortcut') chrome.commands.onCommand.dispatch('save-article', tab);
      else
        chrome.contextMenus.onClicked.dispatch({ menuItemId: 'lisible-save-article', editable: false }, tab);
    },
    [tabId, via],
  );
  return until(
    async () => {
      const text = await env.browser.worker.evaluate(
        (id) => chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
      return (text === '✓' || text === '!') && text;
    },
    'the save badge',
    15_000,
  );
}

/** The popup on the tab, once it has loaded its page state; and its earlier-save notice, if any. */
async function popupNotice(tabId) {
  const popup = await openPopupFor(env.browser.context, env.browser.extensionId, tabId);
  await popup.waitForSelector('.lisible-popup:not([data-state="loading"])', { timeout: 15_000 });
  const notice = popup.locator('.lisible-earlier-save');
  const shown = (await notice.count()) > 0;
  return {
    popup,
    notice: shown
      ? {
          text: (await notice.innerText()).trim(),
          ok: await notice.getAttribute('data-ok'),
          role: await notice.getAttribute('role'),
        }
      : null,
  };
}

test('shortcut save: the popup opened afterwards says so in words, after the badge', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.srv.articleUrl);
  const tabId = await tabIdOf(page, env.browser.worker);
  assert.equal(await backgroundSave(tabId, 'shortcut'), '✓');
  // After the badge has gone back to the page's own state: the words are still there.
  await until(
    async () =>
      (await env.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) !== '✓',
    'the badge back to the page state',
    10_000,
  );
  const { popup, notice } = await popupNotice(tabId);
  // (Saved, or updated when an earlier test of this file saved the same article.)
  assert.match(notice?.text ?? '', /^(Enregistré|Mis à jour) dans la bibliothèque$/);
  assert.deepEqual([notice?.ok, notice?.role], ['true', 'status']);
  await popup.close();

  // The context menu on the same page: the second save updates the article, and the popup says so.
  assert.equal(await backgroundSave(tabId, 'menu'), '✓');
  const again = await popupNotice(tabId);
  assert.equal(again.notice?.text, 'Mis à jour dans la bibliothèque');

  // The popup's own save replaces the notice with its own status.
  await again.popup.waitForSelector('button.lisible-save', { timeout: 15_000 });
  await again.popup.click('button.lisible-save');
  await again.popup.waitForSelector('.lisible-save-status:has-text("bibliothèque")', { timeout: 15_000 });
  assert.equal(await again.popup.locator('.lisible-earlier-save').count(), 0);
  await again.popup.close();

  // Another page in the same tab: nothing to say about it.
  await page.goto(`${env.srv.origin}/pages/home.html`);
  const other = await popupNotice(tabId);
  assert.equal(other.notice, null);
  await other.popup.close();
  await page.close();
});

test('context menu on a page that is not an article: the popup gives the failure and its reason', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.srv.origin}/pages/home.html`);
  const tabId = await tabIdOf(page, env.browser.worker);
  assert.equal(await backgroundSave(tabId, 'menu'), '!');
  const { popup, notice } = await popupNotice(tabId);
  assert.equal(notice?.ok, 'false');
  assert.equal(notice?.role, 'alert');
  assert.match(notice?.text ?? '', /^L’enregistrement a échoué\s: Cette page ne contient pas d’article/);
  await popup.close();
  await page.close();
});
