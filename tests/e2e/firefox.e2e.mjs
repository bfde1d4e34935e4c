// The core of the end-to-end suite in a real Firefox (Debian firefox-esr, puppeteer-core over
// WebDriver BiDi; recipe in ../shared/design/FIREFOX-E2E.md): content script on a page, popup
// article, save, library list, reading mode and its exact restore, the popup's classifieds switches,
// library search. Skipped with a message when firefox-esr is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { until } from './chromium.mjs';
import { filesUnder, grepFiles, startWebdav } from '../tools/webdav-server.mjs';
import * as ff from './firefox.mjs';

const { skip, waitText } = ff;
let srv, browser;
before(async () => {
  if (skip) return;
  srv = await startServer();
  browser = await ff.launchFirefox();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});
const openExtensionPage = (path) => ff.openExtensionPage(browser, path);
const tabIdFor = (url) => ff.tabIdFor(browser, url);

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

/** The colour of one pixel of `page` on screen, decoded by an extension page's canvas. */
async function pixelAt(page, decoder, x, y) {
  await page.bringToFront();
  const b64 = await page.screenshot({ encoding: 'base64', clip: { x, y, width: 1, height: 1 } });
  return decoder.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  }, b64);
}

const shown = (page, text) =>
  page.evaluate((t) => {
    const el = [...document.querySelectorAll('body *')].find(
      (e) => e.children.length === 0 && (e.textContent ?? '').includes(t),
    );
    return !!el && el.getClientRects().length > 0;
  }, text);

test('Firefox: reading mode opens over the page and Escape restores it exactly', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(srv.articleUrl);
  await page.waitForFunction(() => document.querySelectorAll('[data-lisible-ad]').length === 3, {
    timeout: 15_000,
  });
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const tabId = await tabIdFor(srv.articleUrl);
  const control = await openExtensionPage('options.html');
  const red = (c) => c[0] > 150 && c[1] < 90 && c[2] < 90;
  const paper = (c) => c[0] > 235 && c[1] > 235 && c[2] > 225;
  const first = await pixelAt(page, control, 700, 20);
  assert.ok(red(first), `the masthead before reading mode: ${first}`);
  // What the shortcut and the context menu do: the background sends the toggle message to the tab.
  await control.evaluate(
    (id) => browser.tabs.sendMessage(id, { lisible: 1, type: 'extension→content:toggleReader', payload: {} }),
    tabId,
  );
  await page.bringToFront();
  await page.waitForSelector('#lisible-reader-frame', { timeout: 15_000 });
  // The frame sits in a closed shadow root, out of reach of the driver's frame list and of page
  // scripts: look at the screen instead. Where the page has its red masthead, the reader's paper
  // colour shows once the handshake is done (a failed one closes reading mode after 10 s).
  await until(
    async () => paper(await pixelAt(page, control, 700, 20)),
    'the reader shown over the page',
    15_000,
  );
  await new Promise((r) => setTimeout(r, 11_000));
  assert.ok(paper(await pixelAt(page, control, 700, 20)), 'still open after the handshake deadline');
  assert.ok(await page.$('#lisible-reader-frame'));
  await page.keyboard.press('Escape');
  await until(async () => !(await page.$('#lisible-reader-frame')), 'reading mode closed', 15_000);
  assert.ok(red(await pixelAt(page, control, 700, 20)), 'the page is back on screen');
  assert.equal(
    await page.evaluate(() => document.documentElement.outerHTML),
    before,
    'page restored exactly',
  );
  await control.close();
  await page.close();
});

test(
  'Firefox: a classifieds switch in the popup shows the category again without reload',
  { skip },
  async () => {
    const page = await browser.newPage();
    await page.goto(srv.articleUrl);
    await until(async () => !(await shown(page, 'Maison à vendre Carantilly')), 'Immobilier hidden', 15_000);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdFor(srv.articleUrl)}`);
    const sw = 'li[data-category="immobilier"] input[role="switch"]';
    await popup.waitForSelector(sw, { timeout: 15_000 });
    assert.equal(await popup.$eval(sw, (i) => i.checked), true);
    await popup.click(sw);
    await until(() => shown(page, 'Maison à vendre Carantilly'), 'Immobilier shown again', 15_000);
    // And back: hidden again, everywhere, without reload.
    await popup.click(sw);
    await until(
      async () => !(await shown(page, 'Maison à vendre Carantilly')),
      'Immobilier hidden again',
      15_000,
    );
    await popup.close();
    await page.close();
  },
);

test('Firefox: library search narrows the list as you type', { skip }, async () => {
  const options = await openExtensionPage('options.html');
  await waitText(options, '.library-item', /data centers/);
  await options.type('input[type="search"][name="q"]', 'normandie');
  await waitText(options, '.library-item', /data centers/);
  await options.$eval('input[type="search"][name="q"]', (i) => {
    i.value = '';
  });
  await options.type('input[type="search"][name="q"]', 'introuvablexyz');
  await options.waitForFunction(() => document.querySelectorAll('.library-item').length === 0, {
    timeout: 15_000,
  });
  await options.close();
});
