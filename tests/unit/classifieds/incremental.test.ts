import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collapsedLabelKey } from '../../../utils/ui/category-i18n';
import {
  COLLAPSE_LABEL_ATTR,
  detectBlocks,
  detectBlocksSliced,
  documentHost,
  detectInSubtrees,
  stripClassifieds,
} from '../../../utils/classifieds';
import { injectHtml, loadFixture } from '../../fixtures/classifieds/load';

const frMessages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/fr/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const parseHappy = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const parseLinkedom = (html: string): Document => parseHTML(html).document as unknown as Document;

describe('incremental detection (late widgets)', () => {
  it('finds a widget injected after load, from MutationObserver targets (happy-dom document)', async () => {
    const fx = loadFixture('synth-late-widget');
    document.body.replaceChildren();
    injectHtml(
      document.body,
      fx.html.slice(fx.html.indexOf('<body>') + 6, fx.html.lastIndexOf('</body>')),
      parseHappy,
    );
    expect(detectBlocks(document)).toEqual([]);

    const targets = new Set<Element>();
    const mo = new MutationObserver((records) => {
      for (const r of records) if (r.target.nodeType === 1) targets.add(r.target as Element);
    });
    mo.observe(document.body, { childList: true, subtree: true });
    injectHtml(document.getElementById('late-slot')!, fx.inject!.html, parseHappy);
    await new Promise((r) => setTimeout(r, 0));
    mo.disconnect();

    const found = detectInSubtrees([...targets]);
    expect(found.map((b) => b.category)).toEqual(['automobile']);
    expect(found[0]!.element).toBe(document.querySelector(fx.inject!.labels[0]!.selector));
    expect(document.querySelectorAll(found[0]!.selector)).toHaveLength(1);
    // Already-known blocks are not reported twice.
    expect(detectInSubtrees([...targets], new Set(found.map((b) => b.element)))).toEqual([]);
  });

  it('recognises a widget filled item by item once its container is re-scanned', () => {
    const fill = (heading: string) => {
      const doc = parseLinkedom(loadFixture('synth-late-widget').html);
      const slot = doc.getElementById('late-slot')!;
      injectHtml(slot, `<div class="lw"><div class="lw-h">${heading}</div></div>`, parseLinkedom);
      const widget = slot.firstElementChild!;
      const items = loadFixture('synth-late-widget').inject!.html.match(
        /<div class="lw-i">[\s\S]*?<\/div>/g,
      )!;
      const seen: number[] = [];
      for (const item of items) {
        injectHtml(widget, item, parseLinkedom);
        seen.push(detectInSubtrees([widget]).length);
      }
      return seen;
    };
    // One ad under a rubric name is not a block; two ads under a classifieds heading are.
    expect(fill('Auto-moto')).toEqual([0, 1, 1]);
    // One ad under a heading that says "annonce" is a featured ad (issue 12): a block from the first one.
    expect(fill('Annonces auto')).toEqual([1, 1, 1]);
  });

  it('scanning a subtree is cheaper than the whole document', () => {
    const { document: doc } = parseHTML(loadFixture('ouest-france-2023-gaza-temoignage').html);
    const d = doc as unknown as Document;
    const widget = d.querySelector('section.ofm-emploi')!.parentElement!;
    const t = (f: () => void) => {
      for (let i = 0; i < 3; i++) f();
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) f();
      return performance.now() - t0;
    };
    const sub = t(() => detectInSubtrees([widget], new Set(), { rules: false }));
    const whole = t(() => detectBlocks(d, { rules: false }));
    expect(detectInSubtrees([widget], new Set(), { rules: false })).toHaveLength(1);
    expect(sub).toBeLessThan(whole);
  });
});

describe('stripClassifieds', () => {
  it('removes the blocks from a document clone, leaving the article', () => {
    const { document: doc } = parseHTML(loadFixture('tendance-ouest--seed').html);
    const d = doc as unknown as Document;
    const removed = stripClassifieds(d);
    expect(removed.map((b) => b.category)).toEqual(['immobilier', 'automobile', 'bonnes-affaires']);
    const text = d.body.textContent ?? '';
    expect(text).not.toContain('Carantilly (50570)');
    expect(text).not.toContain('CARAVANE CARAVELAIR');
    expect(text).toContain('La Normandie veut surfer sur la vague');
    expect(detectBlocks(d)).toEqual([]);
  });
});

describe('re-scan after the content script inserted a collapse label', () => {
  it('keeps the same roots (the label is never taken for a heading)', () => {
    const parse = (h: string) => parseHTML(h).document as unknown as Document;
    // A block without a heading (root = the list itself) is the case where a label could be
    // mistaken for a heading and widen the root.
    const headless = `<html><body><div class="side"><ul class="jobs">
      <li><a href="https://jobs.example.fr/1">Technicien (H/F)</a> CDI · Fougères (35)</li>
      <li><a href="https://jobs.example.fr/2">Aide-soignant F/H</a> CDD · Vitré (35)</li>
      <li><a href="https://jobs.example.fr/3">Chauffeur H/F</a> CDI · Laval (53)</li></ul></div></body></html>`;
    const pages = ['synth-emploi-neutral', 'synth-obits-table-internal', 'tendance-ouest--seed'].map(
      (n) => loadFixture(n).html,
    );
    for (const html of [headless, ...pages]) {
      const doc = parse(html);
      const before = detectBlocks(doc);
      for (const b of before) {
        const label = doc.createElement('button');
        label.setAttribute(COLLAPSE_LABEL_ATTR, b.category);
        label.textContent = `${frMessages[collapsedLabelKey(b.category)]!.message} — afficher`;
        b.element.before(label);
      }
      expect(detectBlocks(doc).map((b) => b.selector)).toEqual(before.map((b) => b.selector));
    }
  });
});

describe('sliced scan (the content script gives the page its main thread back)', () => {
  it('finds the same blocks as one run, yielding between slices', async () => {
    for (const name of [
      'lefigaro-2024-ukraine-point-situation',
      'indep-quercy-petites-annonces',
      'tendance-ouest--seed',
    ]) {
      const doc = parseLinkedom(loadFixture(name).html);
      const whole = detectBlocks(doc);
      let yields = 0;
      let clock = 0;
      const sliced = await detectBlocksSliced(
        doc,
        { host: documentHost(doc) ?? '' },
        {
          sliceMs: 1,
          // Every step "takes" 1 ms: a yield at every step point, whatever the machine's speed.
          now: () => (clock += 1),
          yieldToPage: async () => void yields++,
        },
      );
      expect(
        sliced.map((b) => [b.category, b.element]),
        name,
      ).toEqual(whole.map((b) => [b.category, b.element]));
      expect(
        sliced.every((b) => b.selector === ''),
        'no selectors: the content script marks elements',
      ).toBe(true);
      // A yield point every 256 nodes: many on a real page, at least one anywhere.
      expect(yields, name).toBeGreaterThan(name.startsWith('lefigaro') ? 10 : 0);
    }
  });
});
