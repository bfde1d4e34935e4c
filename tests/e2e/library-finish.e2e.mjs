// End-to-end for the library's finish (issue 14): the popup shows the official commune of a page whose
// URL names it without accents; the saved article gets a tag (renamed), a highlight with a note found by
// the library search; its EPUB, exported through the UI, passes epubcheck; the saved-article view
// prints the article alone (emulated print media). Screenshots go to tests/e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPopupFor, tabIdOf } from './chromium.mjs';
import { chromiumSuite } from './suite.mjs';

const SHOTS = join(import.meta.dirname, 'screenshots');
const env = chromiumSuite();

test('popup shows the official commune; tags, highlight and note in the library; EPUB valid; print', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  // The folder "saint-lo" names the commune, without its accent.
  await page.goto(`${env.srv.origin}/actualite/saint-lo/normandie-data-centers.html`);
  const popup = await openPopupFor(context, extensionId, await tabIdOf(page, worker));
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  const commune = popup.locator('.lisible-commune');
  await commune.waitFor({ timeout: 15_000 });
  assert.equal(await commune.innerText(), 'Saint-Lô');
  await popup.screenshot({ path: join(SHOTS, 'popup-commune.png') });
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup.getByText(/Enregistré dans la bibliothèque|Mis à jour/).waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();

  const options = await context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const row = options.locator('.library-item', { hasText: 'data centers' });
  await row.waitFor({ timeout: 10_000 });
  assert.match(await row.locator('.library-commune').innerText(), /^Saint-Lô$/);
  const communeFilter = options.getByRole('combobox', { name: 'Commune' });
  assert.ok((await communeFilter.locator('option').allInnerTexts()).includes('Saint-Lô'));

  await row.locator('a.library-title').click();
  await options.waitForSelector('.lisible-body p');
  // A tag, then renamed on this article.
  await options.locator('.library-article-tags input').fill('Énergie');
  await options.locator('.library-article-tags').getByRole('button', { name: 'Étiqueter' }).click();
  await options.locator('.library-tag', { hasText: '#énergie' }).waitFor();
  await options
    .locator('.library-tag', { hasText: '#énergie' })
    .getByRole('button', { name: 'Renommer' })
    .click();
  await options.getByRole('textbox', { name: /Nouveau nom/ }).fill('data centers');
  await options.locator('.library-tag-rename button').click();
  await options.locator('.library-tag', { hasText: '#data centers' }).waitFor();

  // Select a sentence of the body, highlight it, add a note.
  await options.evaluate(() => {
    const body = document.querySelector('.lisible-body');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode();
    while (text && text.data.trim().length < 60) text = walker.nextNode();
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, Math.min(60, text.data.length));
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  });
  await options.getByRole('button', { name: 'Surligner la sélection' }).click();
  await options.locator('.library-highlight blockquote').waitFor({ timeout: 5000 });
  await options.locator('.library-highlight textarea').fill('Vérifier le nombre de mégawatts ornithorynque');
  await options.getByRole('button', { name: 'Enregistrer la note' }).click();
  await options.waitForFunction(() => CSS.highlights.get('lisible-note')?.size === 1, null, {
    timeout: 5000,
  });

  await options.screenshot({ path: join(SHOTS, 'saved-article-highlight.png') });

  // EPUB through the UI, checked by the W3C validator.
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.locator('.library-reader-actions .export-epub').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.epub$/);
  const dir = await mkdtemp(join(tmpdir(), 'lisible-epub-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  let report = '';
  try {
    report = execFileSync('java', ['-jar', '/usr/share/java/epubcheck.jar', file], { encoding: 'utf8' });
  } catch (e) {
    report = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  await rm(dir, { recursive: true, force: true });
  assert.match(report, /No errors or warnings detected/, report);

  // Print: the article alone (no tabs, actions, tags, highlights panel).
  await options.emulateMedia({ media: 'print' });
  assert.equal(await options.locator('.library-reader-actions').isVisible(), false);
  assert.equal(await options.locator('.library-highlights-panel').isVisible(), false);
  assert.equal(await options.locator('.lisible-title').isVisible(), true);
  await options.screenshot({ path: join(SHOTS, 'saved-article-print.png') });
  await options.emulateMedia({ media: 'screen' });

  // Back to the list: the note finds the article; the row shows the tag and the highlight count.
  await options.goto(`chrome-extension://${extensionId}/options.html#/`);
  await options.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' }).fill('ornithorynque');
  // The list shown before the search answers is the one left when the article was opened (no tag yet):
  // wait for the row as the search gives it back, tag and highlight count included.
  const found = options
    .locator('.library-item', { hasText: 'data centers' })
    .filter({ hasText: '#data centers' })
    .filter({ hasText: '1 surlignage' });
  await found.waitFor({ timeout: 10_000 });
  assert.equal(await options.locator('.library-item').count(), 1);
  await options.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' }).fill('');
  await options.screenshot({ path: join(SHOTS, 'library-tags-highlights.png') });

  // "Ma commune": chosen in the settings by a name typed without its accent; the row says so and the
  // filter gives its articles.
  await options.goto(`chrome-extension://${extensionId}/options.html#/settings`);
  await options.getByRole('searchbox', { name: /Chercher une commune/ }).fill('saint-lo');
  await options.getByRole('button', { name: /^Ajouter Saint-Lô \(50/ }).click();
  await options.locator('.my-communes li', { hasText: 'Saint-Lô' }).waitFor();
  await options.goto(`chrome-extension://${extensionId}/options.html#/`);
  await options.locator('.library-item .library-commune.is-mine', { hasText: 'Saint-Lô' }).waitFor();
  await options.getByRole('combobox', { name: 'Commune' }).selectOption({ label: 'Mes communes' });
  await options.locator('.library-item', { hasText: 'data centers' }).waitFor();
  await options.screenshot({ path: join(SHOTS, 'library-ma-commune.png') });

  // Favourite and archive on the row itself; the count says what it counts once all is archived.
  const item = options.locator('.library-item', { hasText: 'data centers' });
  await item.locator('.library-favourite').click();
  await options.waitForFunction(
    () => document.querySelector('.library-item .library-favourite')?.getAttribute('aria-pressed') === 'true',
  );
  await item.locator('.library-archive').click();
  await options.locator('.library-count', { hasText: '0 article enregistré (hors archives)' }).waitFor();
  assert.equal(await options.locator('.library-empty').count(), 0, 'an archived library is not empty');
  assert.match(await options.locator('.library-count').innerText(), /Aucun article ne correspond/);
  await options.getByRole('checkbox', { name: 'Archives' }).check();
  await options.locator('.library-count', { hasText: '1 article archivé' }).waitFor();
  await options.locator('.library-item', { hasText: 'data centers' }).waitFor();
  await options.close();
});

// A speechSynthesis the test drives: headless Chromium has no voice, and a real one would speak at its
// own pace. speak() records the utterance; the test ends it (onend) to move the reading on.
function fakeSpeech() {
  const spoken = [];
  const voice = { name: 'Test', lang: 'fr-FR', localService: true, default: true, voiceURI: 'test' };
  window.__spoken = spoken;
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      Object.assign(this, { text, lang: '', rate: 1, voice: null, onend: null, onerror: null });
    }
  };
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      speak: (u) => spoken.push(u),
      cancel: () => {},
      pause: () => {},
      resume: () => {},
      getVoices: () => [voice],
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
}

test('narration of a saved article: the sentence being read is highlighted, and follows the reading', async () => {
  const { context, worker, extensionId } = env.browser;
  const page = await context.newPage();
  await page.goto(env.srv.articleUrl);
  const popup = await openPopupFor(context, extensionId, await tabIdOf(page, worker));
  await popup.waitForSelector('[data-state="article"]', { timeout: 15_000 });
  const title = await popup.locator('.lisible-title').first().innerText();
  await popup.getByRole('button', { name: 'Enregistrer' }).click();
  await popup.getByText(/Enregistré dans la bibliothèque|Mis à jour/).waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();

  const options = await context.newPage();
  await options.addInitScript(fakeSpeech);
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('.library-item a.library-title', { hasText: title.slice(0, 30) }).click();
  await options.waitForSelector('.lisible-body p');
  const highlighted = () =>
    options.evaluate(() => {
      const h = CSS.highlights.get('lisible-tts');
      return h ? [...h].map((r) => r.toString()).join('|') : null;
    });
  const spokenText = () => options.evaluate(() => window.__spoken.at(-1)?.text ?? null);
  // Whitespace collapsed; a highlight is compared untrimmed (it must not take in a space around).
  const spaced = (text) => text?.replace(/\s+/g, ' ');
  const flat = (text) => spaced(text)?.trim();

  await options.getByRole('button', { name: 'Écouter' }).click();
  await options.waitForFunction(() => window.__spoken.length === 1);
  const first = await spokenText();
  assert.ok(first && first.length > 10, `first sentence spoken: ${first}`);
  // What is highlighted is exactly what is being said, inside the article's first block.
  assert.equal(spaced(await highlighted()), flat(first));
  // The block that holds the highlighted range: inside the article body.
  const block = () =>
    options.evaluate(() => {
      const r = [...(CSS.highlights.get('lisible-tts') ?? [])][0];
      const el = r?.startContainer.parentElement?.closest(
        'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre',
      );
      return el && el.closest('.lisible-body') ? el.textContent : null;
    });
  const firstBlock = await block();
  assert.ok(flat(firstBlock)?.includes(flat(first)), `in ${firstBlock}`);
  // The block read is scrolled into view (smoothly): the screenshot waits until it is on screen.
  await options.waitForFunction(() => {
    const r = [...(CSS.highlights.get('lisible-tts') ?? [])][0]?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= innerHeight;
  });
  await options.waitForTimeout(300);
  await options.screenshot({ path: join(SHOTS, 'saved-article-narration.png') });

  // The sentence ends: the next one is said and highlighted instead.
  await options.evaluate(() => window.__spoken.at(-1).onend({}));
  await options.waitForFunction(() => window.__spoken.length === 2);
  const second = await spokenText();
  assert.notEqual(second, first);
  assert.equal(spaced(await highlighted()), flat(second));

  // Next paragraph: the highlight jumps to the start of the following block.
  await options.getByRole('button', { name: 'Paragraphe suivant' }).click();
  await options.waitForFunction((n) => window.__spoken.length > n, 2);
  const third = await spokenText();
  assert.equal(spaced(await highlighted()), flat(third));
  assert.notEqual(await block(), firstBlock, 'the highlight moved to the next block');

  // Stop: nothing stays highlighted.
  await options.getByRole('button', { name: 'Arrêter la lecture' }).click();
  await options.waitForFunction(() => !CSS.highlights.get('lisible-tts'));
  await options.close();
});
