// The core of the end-to-end suite in a real Firefox (Debian firefox-esr, puppeteer-core over
// WebDriver BiDi; recipe in ../shared/design/FIREFOX-E2E.md): content script on a page, popup
// article, save, library list. Skipped with a message when firefox-esr is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { filesUnder, grepFiles, startWebdav } from '../tools/webdav-server.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT_DIR = join(import.meta.dirname, '../../.output/local/firefox-mv3');
const EXT_ID = 'lisible@lisible.example'; // browser_specific_settings.gecko.id in wxt.config.ts
const UUID = '6c1b5d1e-7a3f-4b8e-9d2c-4e5f6a7b8c9d'; // pinned moz-extension:// host
const skip = !existsSync(FIREFOX)
  ? `firefox-esr not found at ${FIREFOX}`
  : !existsSync(EXT_DIR)
    ? 'no Firefox build'
    : false;

let srv, browser;
before(async () => {
  if (skip) return;
  const { default: puppeteer } = await import('puppeteer-core');
  srv = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // BiDi refuses moz-extension:// navigation without system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXT_ID]: UUID }),
      'intl.locale.requested': 'fr',
      'intl.accept_languages': 'fr-FR, fr',
    },
  });
  assert.equal(await browser.installExtension(EXT_DIR), EXT_ID);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

/** page.goto() never resolves for moz-extension:// pages: use BiDi's navigate (see FIREFOX-E2E.md). */
async function openExtensionPage(path) {
  const page = await browser.newPage();
  await page.mainFrame().browsingContext.navigate(`moz-extension://${UUID}/${path}`, 'complete');
  return page;
}

const waitText = (page, selector, re, timeout = 15_000) =>
  page.waitForFunction(
    (sel, src) => [...document.querySelectorAll(sel)].some((e) => new RegExp(src).test(e.textContent ?? '')),
    { timeout },
    selector,
    re.source,
  );

test(
  'Firefox: classifieds hidden on the page, popup shows the article, save, library lists it',
  { skip },
  async () => {
    const page = await browser.newPage();
    await page.goto(srv.articleUrl);
    await page.waitForFunction(() => document.querySelectorAll('[data-lisible-ad]').length === 3, {
      timeout: 15_000,
    });
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('[data-lisible-ad]')].every(
        (e) => getComputedStyle(e).display === 'none',
      ),
    );
    assert.equal(hidden, true, 'classifieds blocks hidden by the injected stylesheet');

    const lookup = await openExtensionPage('options.html');
    // Match patterns cannot carry a port: list the tabs and compare URLs instead.
    const tabId = await lookup.evaluate(
      async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id,
      srv.articleUrl,
    );
    assert.equal(typeof tabId, 'number');
    await lookup.close();

    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
    const text = await popup.$eval('.lisible-article', (e) => e.textContent);
    assert.match(text, /La Normandie veut surfer sur la vague/);
    assert.ok(!text.includes('Maison à vendre Carantilly'), 'no classifieds in the reading view');
    assert.ok(!text.includes('Restez informé'), 'no newsletter box');
    await popup.$eval('button.lisible-save', (b) => b.click());
    await waitText(popup, '.lisible-save-status', /Enregistré|Saved/);
    await popup.close();

    const options = await openExtensionPage('options.html');
    await waitText(options, '.library-item', /data centers dédiés à l'IA/);
    await options.close();
    await page.close();
  },
);

test(
  'Firefox: sync set up from the options page, the saved article pushed encrypted to a real WebDAV server',
  { skip },
  async () => {
    const dav = await startWebdav();
    try {
      const options = await openExtensionPage('options.html#/settings');
      await options.waitForSelector('.settings-sync form.sync-form', { timeout: 15_000 });
      for (const [name, value] of [
        ['url', dav.url],
        ['user', dav.user],
        ['password', dav.pass],
        ['passphrase', 'une phrase de passe pour Firefox'],
      ])
        await options.type(`.sync-form input[name=${name}]`, value);
      // A real click (BiDi input), not a scripted one: permissions.request needs the user's gesture. The
      // local build's host permissions already cover 127.0.0.1, so no prompt appears.
      await options.click('.sync-form button[type=submit]');
      await waitText(options, '.sync-notice', /Synchronisation activée|Sync is on/, 60_000).catch(
        async (e) => {
          throw new Error(`${e.message}: ${await options.$eval('.settings-sync', (s) => s.textContent)}`);
        },
      );
      await options.waitForFunction(() => !document.querySelector('.sync-actions button')?.disabled, {
        timeout: 60_000,
      });
      await options.$eval('.sync-actions button', (b) => b.click());
      await waitText(options, '.sync-notice', /Synchronisé|Synced/, 60_000);
      const files = filesUnder(dav.dir).map((f) => f.path.slice(dav.dir.length));
      assert.ok(
        files.some((f) => /^\/Lisible\/d\/[0-9a-f]{16}\/00000001$/.test(f)),
        files.join(' '),
      );
      assert.ok(files.includes('/Lisible/lisible-sync.json'));
      assert.deepEqual(grepFiles(dav.dir, 'data centers'), []);
      assert.deepEqual(grepFiles(dav.dir, 'La Normandie veut surfer sur la vague'), []);
      await options.close();
    } finally {
      await dav.stop();
    }
  },
);
