// End-to-end paths nobody walked before: printing (emulated print media) reading mode and a saved
// article, forced colours (Windows high contrast) on the popup, reading mode and the library, and a
// keyboard-only walk popup → reading mode → save → library (Tab, Enter, Escape; no mouse).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPopupFor, readerFrame, tabIdOf, toggleFromBackground, articlePopup } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

const SHOTS = join(import.meta.dirname, 'screenshots');
const env = chromiumSuite();
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

async function openReader() {
  const page = await env.browser.context.newPage();
  await page.goto(env.srv.articleUrl);
  const tabId = await tabIdOf(page, env.browser.worker);
  await toggleFromBackground(env.browser.worker, tabId);
  return { page, tabId, frame: await readerFrame(page) };
}

/** Display, colours and size of what matters when printing, read in the frame or page. */
const printFacts = (where, hidden) =>
  where.evaluate((hiddenSelectors) => {
    const shown = (el) =>
      !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    const p = document.querySelector('.lisible-body p');
    const cs = getComputedStyle(p);
    return {
      hidden: hiddenSelectors.filter((s) => [...document.querySelectorAll(s)].some(shown)),
      title: shown(document.querySelector('.lisible-title')),
      text: shown(p) && (p.textContent ?? '').length > 100,
      color: cs.color,
      fontPx: parseFloat(cs.fontSize),
      buttons: [...document.querySelectorAll('button')].filter(shown).length,
    };
  }, hidden);

test('print: reading mode and a saved article print the article alone, black on white', async () => {
  const { page, frame } = await openReader();
  await page.emulateMedia({ media: 'print' });
  const r = await printFacts(frame, ['.lisible-toolbar', '.lisible-settings-panel', '.lisible-original']);
  assert.deepEqual(r.hidden, [], 'reading-mode chrome hidden in print');
  assert.equal(r.buttons, 0, 'no control prints');
  assert.ok(r.title && r.text, 'title and text print');
  assert.equal(r.color, 'rgb(0, 0, 0)');
  assert.ok(r.fontPx >= 12, `readable size: ${r.fontPx}px`);
  await page.locator('#lisible-reader-frame').screenshot({ path: join(SHOTS, 'print-reader.png') });
  await page.emulateMedia({ media: 'screen' });

  // Save it from reading mode, then print it from the library.
  await frame.getByRole('button', { name: 'Enregistrer' }).click();
  await frame.getByText(/Enregistré dans la bibliothèque|Mis à jour/).waitFor({ timeout: 15_000 });
  await page.close();
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await options.locator('.library-item a').first().click();
  await options.locator('.lisible-body p').first().waitFor({ timeout: 10_000 });
  await options.emulateMedia({ media: 'print' });
  const s = await printFacts(options, [
    '.library-heading',
    '.library-tabs',
    '.library-back',
    '.lisible-original',
  ]);
  assert.deepEqual(s.hidden, [], 'library chrome hidden in print');
  assert.equal(s.buttons, 0, 'no control prints');
  assert.ok(s.title && s.text);
  assert.equal(s.color, 'rgb(0, 0, 0)');
  await options.screenshot({ path: join(SHOTS, 'print-saved.png'), fullPage: false });
  await options.close();
});

/**
 * In forced colours every control must still show: its text differs from its background and from
 * Canvas (the backplate the browser draws behind text), and when it has the focus it draws an outline.
 */
async function forcedColoursProblems(where) {
  const controls = await where
    .locator('button:visible, select:visible, input:visible, a[href]:visible')
    .all();
  const problems = [];
  for (const c of controls.slice(0, 40)) {
    await c.focus();
    const f = await c.evaluate((el) => {
      const cs = getComputedStyle(el);
      // The browser draws text over a Canvas-coloured backplate in forced colours: text in Canvas vanishes.
      const probe = document.createElement('span');
      probe.style.color = 'Canvas';
      document.body.append(probe);
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      return {
        name: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40),
        color: cs.color,
        bg: cs.backgroundColor,
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
        forced: matchMedia('(forced-colors: active)').matches,
        canvas,
      };
    });
    if (!f.forced) problems.push('forced-colors not active');
    if (f.color === f.bg) problems.push(`${f.name}: text colour = background`);
    if (f.color === f.canvas) problems.push(`${f.name}: text in Canvas, hidden by the text backplate`);
    if (!f.outline) problems.push(`${f.name}: no focus outline`);
  }
  return { count: controls.length, problems };
}

test('forced colours: popup, reading mode and library controls stay visible and outlined', async () => {
  const { page, tabId, frame } = await openReader();
  await page.emulateMedia({ forcedColors: 'active' });
  const reader = await forcedColoursProblems(frame);
  assert.ok(reader.count >= 3, 'reading-mode controls found');
  assert.deepEqual(reader.problems, []);
  await page.locator('#lisible-reader-frame').screenshot({ path: join(SHOTS, 'forced-colours-reader.png') });

  const popup = await openPopupFor(env.browser.context, env.browser.extensionId, tabId);
  await popup.emulateMedia({ forcedColors: 'active' });
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  const pop = await forcedColoursProblems(popup);
  assert.ok(pop.count >= 3);
  assert.deepEqual(pop.problems, []);
  await popup.close();

  const options = await env.browser.context.newPage();
  await options.emulateMedia({ forcedColors: 'active' });
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html#/settings`);
  await options.locator('select').first().waitFor({ timeout: 10_000 });
  const opts = await forcedColoursProblems(options);
  assert.deepEqual(opts.problems, []);
  await Promise.all([options.close(), page.close()]);
});

/** Presses Tab (at most `max` times) until the focused element matches; returns how many presses. */
async function tabTo(page, where, test, max = 60) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await where.evaluate(test)) return i;
  }
  throw new Error(`not reached with ${max} Tabs: ${test}`);
}
const focusedText = (re) =>
  new Function(
    `const a = document.activeElement; return !!a && ${re}.test((a.getAttribute('aria-label') || a.textContent || '').trim());`,
  );

test('keyboard only: popup → reading mode → save → Escape → library → saved article', async () => {
  const { context, extensionId } = env.browser;

  // The popup: Tab to "Mode lecture", Enter opens reading mode in the tab.
  const { page, popup } = await articlePopup(env.browser, env.srv.articleUrl);
  await tabTo(popup, popup, focusedText(/^Mode lecture$/));
  // The popup closes itself once reading mode is open, possibly before the key is released.
  await popup.keyboard.press('Enter').catch((e) => {
    if (!popup.isClosed()) throw e;
  });
  const frame = await readerFrame(page);
  if (!popup.isClosed()) await popup.close();

  // Reading mode took the focus (its title), so Tab walks its own controls: Enter on "Enregistrer".
  await page.bringToFront();
  await page.waitForFunction(() => document.activeElement?.id === 'lisible-reader-frame', null, {
    timeout: 5000,
  });
  await tabTo(page, frame, focusedText(/^Enregistrer$/));
  await page.keyboard.press('Enter');
  await frame.getByText(/Enregistré dans la bibliothèque|Mis à jour/).waitFor({ timeout: 15_000 });
  // Escape gives the page back.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#lisible-reader-frame', { state: 'detached', timeout: 5000 });

  // The library: Tab to the saved article's link, Enter opens it; Tab reaches "Retour à la liste".
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('.library-item a').first().waitFor({ timeout: 10_000 });
  await tabTo(options, options, () => !!document.activeElement?.closest('.library-item a'));
  await options.keyboard.press('Enter');
  await options.locator('.lisible-body p').first().waitFor({ timeout: 10_000 });
  assert.match(options.url(), /#\/article\/\d+$/);
  assert.match(await options.locator('.lisible-title').innerText(), /data centers/);
  await tabTo(options, options, focusedText(/^Retour à la liste$/));
  await options.keyboard.press('Enter');
  await options.locator('.library-item').first().waitFor({ timeout: 10_000 });
  await Promise.all([options.close(), page.close()]);
});
