// Launches Debian's firefox-esr with the built extension (puppeteer-core over WebDriver BiDi; recipe in
// ../shared/design/FIREFOX-E2E.md), and the few helpers the Firefox suites share. Each suite skips
// with a message when firefox-esr or the Firefox build is missing.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXT_DIR = join(import.meta.dirname, '../../.output/local/firefox-mv3');
export const EXT_ID = 'lisible@lisible.example'; // browser_specific_settings.gecko.id in wxt.config.ts
export const UUID = '6c1b5d1e-7a3f-4b8e-9d2c-4e5f6a7b8c9d'; // pinned moz-extension:// host
export const skip = !existsSync(FIREFOX)
  ? `firefox-esr not found at ${FIREFOX}`
  : !existsSync(EXT_DIR)
    ? 'no Firefox build'
    : false;

/** Firefox in French with Lisible installed as a temporary add-on (which counts as an install). */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
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
  return browser;
}

/** page.goto() never resolves for moz-extension:// pages: use BiDi's navigate (see FIREFOX-E2E.md). */
export async function openExtensionPage(browser, path) {
  const page = await browser.newPage();
  await page.mainFrame().browsingContext.navigate(`moz-extension://${UUID}/${path}`, 'complete');
  return page;
}

export const waitText = (page, selector, re, timeout = 15_000) =>
  page.waitForFunction(
    (sel, src) => [...document.querySelectorAll(sel)].some((e) => new RegExp(src).test(e.textContent ?? '')),
    { timeout },
    selector,
    re.source,
  );

/** The id Firefox gave the tab showing `url` (match patterns cannot carry a port: compare URLs). */
export async function tabIdFor(browser, url) {
  const lookup = await openExtensionPage(browser, 'options.html');
  const id = await lookup.evaluate(
    async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  await lookup.close();
  assert.equal(typeof id, 'number', `no tab for ${url}`);
  return id;
}

/**
 * Print media on or off for the one tab whose address starts with `prefix`. WebDriver BiDi has no media
 * emulation (puppeteer's emulateMediaType needs CDP), but with system access it reaches the browser's
 * own window (`moz:scope: 'chrome'`, a Firefox extension of BiDi), where a tab's top browsing context
 * has `mediumOverride` — what the developer tools' print simulation sets.
 */
export async function emulatePrint(page, prefix, on) {
  const session = page.mainFrame().browsingContext.userContext.browser.session;
  const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const { result } = await session.send('script.evaluate', {
    expression: `(() => {
      const tabs = [...gBrowser.browsers].filter((b) => b.currentURI.spec.startsWith(${JSON.stringify(prefix)}));
      if (tabs.length !== 1) return 'tabs: ' + tabs.length;
      tabs[0].browsingContext.mediumOverride = ${JSON.stringify(on ? 'print' : '')};
      return 'ok';
    })()`,
    target: { context: tree.result.contexts[0].context },
    awaitPromise: false,
  });
  assert.equal(result.result?.value, 'ok', `print emulation: ${JSON.stringify(result)}`);
}
