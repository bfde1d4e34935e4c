// Launches Debian's Chromium with the built extension (playwright-core, persistent profile).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The local build (LISIBLE_LOCAL_SITES=1): 127.0.0.1 and localhost count as known news sites.
export const CHROME_EXT_DIR = join(import.meta.dirname, '../../.output/local/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless in a container, nothing fetched behind the tests' back (also tests/bench/classifieds-chromium.ts). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch({
  headless = true,
  profile,
  extDir = CHROME_EXT_DIR,
  locale = 'fr-FR',
  keepWelcome = false,
} = {}) {
  const userDataDir = profile ?? mkdtempSync(join(tmpdir(), 'lisible-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    locale,
    // On Linux, Chromium's UI language (hence browser.i18n) follows the environment, not --lang.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
    viewport: { width: 1200, height: 900 },
    args: [
      ...CHROMIUM_FLAGS,
      `--lang=${locale}`,
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(sw.url()).host;
  // Chrome stops an idle MV3 service worker after ~30 s and Playwright's handle to it then hangs, so
  // extension-API calls from tests run in an extension page kept open for the whole session instead.
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/options.html`);
  const worker = { evaluate: (fn, arg) => control.evaluate(fn, arg) };
  // Installing Lisible opens its first-run page (runtime.onInstalled "install"; Chromium reports an
  // extension given by --load-extension as installed at every launch, even on the same profile): wait
  // for it so it cannot take the focus mid-test, and close it unless the test looks at it.
  const isWelcome = (p) => p.url().endsWith('/welcome.html');
  let welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => null));
  if (welcome && !keepWelcome) {
    await welcome.close();
    welcome = null;
  }
  return { context, worker, extensionId, userDataDir, control, welcome };
}

/** The tab id Chrome gave to a Playwright page (brought to front, then asked from the service worker). */
export async function tabIdOf(page, worker) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id;
  });
}

export async function openPopupFor(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 480, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Opens `url` in a new tab of `browser` (launch()'s result) and the popup for that tab, and waits until
 * the popup shows the article: the first steps of most popup tests.
 */
export async function articlePopup(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(page, browser.worker);
  const popup = await openPopupFor(browser.context, browser.extensionId, tabId);
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  return { page, tabId, popup };
}

/** Polls `fn` until it returns something truthy (returned), or fails saying what it waited for. */
export async function until(fn, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what} (last: ${last})`);
}

/** What the shortcut and the context menu do: the background sends the toggle message to the tab. */
/**
 * Toggles reading mode in a tab the way the shortcut does (a message from the background); `{ open:
 * true }` opens it whatever its state (a previous test may have left auto-open on for the site).
 */
export const toggleFromBackground = (worker, tabId, payload = {}) =>
  worker.evaluate(
    ([id, p]) =>
      chrome.tabs.sendMessage(id, { lisible: 1, type: 'extension→content:toggleReader', payload: p }),
    [tabId, payload],
  );

/** The reading-mode frame over a page, once its article is shown. */
export async function readerFrame(page) {
  await page.waitForSelector('#lisible-reader-frame', { timeout: 10_000 });
  const end = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/reader.html'));
    if (frame) {
      await frame.waitForSelector('.lisible-article', { timeout: 10_000 });
      return frame;
    }
    if (Date.now() > end) throw new Error('reader frame not found');
    await new Promise((r) => setTimeout(r, 100));
  }
}
