import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectBlocks, detectClassifieds, uniqueSelector } from '../../../utils/classifieds';
import { injectHtml, listFixtures, loadFixture, type Label } from '../../fixtures/classifieds/load';

type Parser = (html: string) => Document;

// A quiet happy-dom window: the real pages reference stylesheets, iframes and scripts that must
// neither load nor log errors.
const quietWindow = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});

const parsers: Record<string, Parser> = {
  'happy-dom': (html) =>
    new quietWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document,
  linkedom: (html) => parseHTML(html).document as unknown as Document,
};

function expectMatches(doc: Document, root: Document | Element, labels: Label[]): void {
  const found = detectClassifieds(root);
  const got = found.map((b) => {
    const els = doc.querySelectorAll(b.selector);
    // Contract: the selector matches exactly the block root.
    expect(els.length, `selector ${b.selector}`).toBe(1);
    return { category: b.category, el: els[0] };
  });
  const want = labels.map((l) => {
    const els = doc.querySelectorAll(l.selector);
    expect(els.length, `label selector ${l.selector}`).toBe(1);
    return { category: l.category, el: els[0] };
  });
  const describeSet = (xs: Array<{ category: string; el: Element | undefined }>) =>
    xs.map((x) => `${x.category} @ ${x.el ? uniqueSelector(x.el) : '?'}`).sort();
  expect(describeSet(got)).toEqual(describeSet(want));
}

const names = listFixtures();

/**
 * Fixtures the detector does not get right yet, each with the reason (it.fails: when one starts
 * passing, the test says so and it leaves this list).
 */
const KNOWN_GAPS = new Map([
  [
    'indep3-boischaut-annonces-legales',
    'legal table in a Drupal block: the block title is four wrappers up, past a filter form and a pager',
  ],
  [
    'indep3-grandvaux-annonces',
    '« ~ DIVERS ~ »: a heading that names no category over mixed small ads (lost and found, rentals, lessons)',
  ],
]);

describe('classifieds fixtures', () => {
  it('has fixtures for every category, negatives and real pages', () => {
    const cats = new Set<string>();
    for (const n of names) {
      const fx = loadFixture(n);
      for (const l of [...fx.labels, ...(fx.inject?.labels ?? [])]) cats.add(l.category);
    }
    expect([...cats].sort()).toEqual(
      [
        'annonces-legales',
        'autre',
        'automobile',
        'avis-de-deces',
        'bonnes-affaires',
        'emploi',
        'immobilier',
      ].sort(),
    );
    expect(names.filter((n) => n.startsWith('neg-')).length).toBeGreaterThanOrEqual(4);
  });

  for (const [parserName, parse] of Object.entries(parsers)) {
    describe(parserName, () => {
      for (const name of names) {
        (KNOWN_GAPS.has(name) ? it.fails : it)(`${name}: detects exactly the labelled blocks`, () => {
          const fx = loadFixture(name);
          const doc = parse(fx.html);
          expectMatches(doc, doc, fx.labels);
        });
      }
    });
  }
});

describe('never flags article content', () => {
  for (const name of names.filter((n) => n.startsWith('neg-'))) {
    it(`${name} yields no block, with or without site rules`, () => {
      const doc = parsers.linkedom!(loadFixture(name).html);
      expect(detectClassifieds(doc)).toEqual([]);
      expect(detectClassifieds(doc, { host: 'www.ouest-france.fr' })).toEqual([]);
    });
  }

  it('does not flag the article body of pages that also carry classifieds', () => {
    for (const name of names) {
      const doc = parsers.linkedom!(loadFixture(name).html);
      for (const b of detectBlocks(doc)) {
        expect(b.element.closest('article p, [itemprop="articleBody"]'), `${name}: ${b.selector}`).toBeNull();
      }
    }
  });
});

describe('nested sub-categories', () => {
  it('splits one "Petites annonces" box into one block per sub-category (seed page)', () => {
    const doc = parsers.linkedom!(loadFixture('tendance-ouest--seed').html);
    const blocks = detectClassifieds(doc);
    expect(blocks.map((b) => b.category)).toEqual(['immobilier', 'automobile', 'bonnes-affaires']);
    expect(blocks.map((b) => b.items)).toEqual([4, 4, 4]);
    for (const b of blocks) {
      const el = doc.querySelector(b.selector)!;
      expect(el.parentElement?.id).toBe('petites-annonces');
      expect(b.text.length).toBeLessThanOrEqual(200);
      expect(b.source).toBe('shape');
    }
    expect(blocks[0]!.text.startsWith('Immobilier Maison à vendre Carantilly')).toBe(true);
  });

  it('splits a grid of sub-category columns', () => {
    const doc = parsers['happy-dom']!(loadFixture('synth-nested-grid').html);
    expect(detectClassifieds(doc).map((b) => b.category)).toEqual([
      'immobilier',
      'emploi',
      'bonnes-affaires',
    ]);
  });
});

describe('late-injected widgets', () => {
  for (const [parserName, parse] of Object.entries(parsers)) {
    it(`${parserName}: finds the widget when re-scanning the inserted subtree and the whole document`, () => {
      const fx = loadFixture('synth-late-widget');
      const doc = parse(fx.html);
      expect(detectClassifieds(doc)).toEqual([]);
      const slot = doc.getElementById('late-slot')!;
      injectHtml(slot, fx.inject!.html, parse);
      // Scanning only the inserted subtree (what a MutationObserver callback does)…
      const sub = detectClassifieds(slot);
      expect(sub.map((b) => b.category)).toEqual(['automobile']);
      expect(doc.querySelectorAll(sub[0]!.selector)[0]).toBe(
        doc.querySelector(fx.inject!.labels[0]!.selector),
      );
      // …and the whole document give the same block.
      expectMatches(doc, doc, fx.inject!.labels);
    });
  }
});

describe('site rules', () => {
  it('uses the known Ouest-France rule, and shape detection alone still finds the job list', () => {
    const doc = parsers.linkedom!(loadFixture('ouest-france-2023-gaza-temoignage').html);
    const withRules = detectClassifieds(doc);
    expect(withRules).toHaveLength(1);
    expect(withRules[0]).toMatchObject({
      category: 'emploi',
      source: 'ouest-france-emploi-widget',
      items: 3,
    });
    expect(withRules[0]!.text.startsWith("Offres d'emploi")).toBe(true);
    const shapeOnly = detectClassifieds(doc, { rules: false });
    expect(shapeOnly).toHaveLength(1);
    expect(shapeOnly[0]).toMatchObject({ category: 'emploi', source: 'shape', items: 3 });
    expect(doc.querySelector(shapeOnly[0]!.selector)).toBe(doc.querySelector(withRules[0]!.selector));
  });

  it('applies rules only on their hosts', () => {
    const doc = parsers.linkedom!(loadFixture('rule-ladepeche-immobilier').html);
    expect(detectClassifieds(doc).map((b) => b.source)).toEqual(['depeche-midi-immobilier']);
    expect(detectClassifieds(doc, { host: 'www.example.org' })).toEqual([]);
    expect(detectClassifieds(doc, { rules: false })).toEqual([]);
  });
});
