// Broken inputs (issue 7): each page ends in a clear state — an article, or "not an article" with a
// reason — without throwing, for the three engine entry points. Pages come from
// tests/fixtures/broken/make.ts (the 10 MB ones are generated here, not committed).
//
// Small pages are parsed by happy-dom (this file's environment) and by linkedom (the bench's and the
// CLI's parser). The 10 MB pages are parsed by linkedom only: happy-dom's parser takes tens of
// seconds on them, which would be a test of happy-dom, not of the engine.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectClassifieds } from '../../../utils/classifieds/index';
import { capDepth, MAX_DEPTH } from '../../../utils/extract/dom';
import { extractArticle, isProbablyArticle } from '../../../utils/extract/index';
import { decodeHtml } from '../../tools/decode';
import {
  bigArticlePage,
  blankPage,
  boilerplatePage,
  deepPage,
  emptyPage,
  framesetPage,
  latin1Bytes,
  latin1UndeclaredBytes,
  MARKERS,
  nestInDom,
} from '../../fixtures/broken/make';

const URL_ = 'https://www.ouest-exemple.fr/actu/page.html';

const linkedom = (html: string): Document => parseHTML(html).document as unknown as Document;
const happy = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const PARSERS = { linkedom, 'happy-dom': happy } as const;

/** Runs the three entry points; none may throw. */
function runAll(doc: Document) {
  const readerable = isProbablyArticle(doc);
  const blocks = detectClassifieds(doc);
  const res = extractArticle(doc, URL_);
  return { readerable, blocks, res };
}

function depthOf(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

describe.each(Object.entries(PARSERS))('broken inputs, small pages (%s)', (name, parse) => {
  it('an empty response is "empty"', () => {
    const { readerable, blocks, res } = runAll(parse(emptyPage()));
    expect(readerable).toBe(false);
    expect(blocks).toEqual([]);
    expect(res).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('a blank body is "empty"', () => {
    const { readerable, res } = runAll(parse(blankPage()));
    expect(readerable).toBe(false);
    expect(res).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('a frameset is "not-html"', () => {
    const { readerable, res } = runAll(parse(framesetPage()));
    expect(readerable).toBe(false);
    expect(res).toMatchObject({ ok: false, reason: 'not-html', detail: 'frameset' });
  });

  it.each([
    ['declared in a meta tag', latin1Bytes],
    ['not declared (windows-1252 fallback)', latin1UndeclaredBytes],
  ])('a windows-1252 page %s keeps its accents, € and œ', (_how, bytes) => {
    const { html, encoding } = decodeHtml(bytes());
    expect(encoding).toBe('windows-1252');
    const { readerable, res } = runAll(parse(html));
    expect(readerable).toBe(true);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.title).toBe(MARKERS.latin1Title);
    expect(res.article.textContent).toContain(MARKERS.latin1Text);
    expect(res.article.textContent).toContain('5 000 €');
    expect(res.article.textContent).not.toMatch(/\uFFFD|Ã|â‚¬|\u0080|\u009c/);
  });

  it('10 000 levels of parsed nesting: no stack overflow, the article at the bottom', () => {
    const doc = parse(deepPage(10_000));
    const { res } = runAll(doc);
    expect(res.ok ? 'ok' : `${res.reason}: ${res.detail}`).toBe('ok');
    if (!res.ok) return;
    expect(res.article.textContent).toContain(MARKERS.deep);
    expect(res.article.title).toBe('Dix mille niveaux');
  });

  it('10 000 levels built by script (no parser cap): the same', () => {
    const doc = parse(
      '<!doctype html><html lang="fr"><head><title>Dix mille niveaux</title></head><body></body></html>',
    );
    nestInDom(doc, 10_000);
    expect(depthOf(doc.documentElement)).toBeGreaterThan(10_000);
    const { readerable, res } = runAll(doc);
    // happy-dom's selector engine recurses and overflows 10 000 levels down: isProbablyArticle then
    // answers false (no offer) instead of throwing. Browsers and linkedom search iteratively.
    expect(readerable).toBe(name === 'linkedom');
    expect(res.ok ? 'ok' : `${res.reason}: ${res.detail}`).toBe('ok');
    if (res.ok) expect(res.article.textContent).toContain(MARKERS.deep);
    // The live document is never modified (the engine works on a clone).
    expect(depthOf(doc.documentElement)).toBeGreaterThan(10_000);
  });
});

describe('capDepth', () => {
  it('bounds the depth, keeps every word in order, and leaves shallow trees alone', () => {
    const doc = linkedom('<!doctype html><html><head></head><body></body></html>');
    let cur: Element = doc.body;
    for (let i = 0; i < 3000; i++) {
      const d = doc.createElement(i % 2 ? 'section' : 'div');
      // Text before and after each level, so order mistakes show.
      d.append(`a${i} `);
      cur.appendChild(d);
      cur.append(` z${i}`);
      cur = d;
    }
    const before = (doc.body.textContent ?? '').split(/\s+/).filter(Boolean);
    expect(capDepth(doc.documentElement)).toBeGreaterThan(0);
    expect(depthOf(doc.documentElement)).toBeLessThanOrEqual(MAX_DEPTH + 40);
    expect((doc.body.textContent ?? '').split(/\s+/).filter(Boolean)).toEqual(before);

    const shallow = linkedom('<html><body><div><p>un <b>deux</b></p></div></body></html>');
    const html = shallow.documentElement.outerHTML;
    expect(capDepth(shallow.documentElement)).toBe(0);
    expect(shallow.documentElement.outerHTML).toBe(html);
  });
});

describe('broken inputs, 10 MB pages (linkedom)', () => {
  it('a 10 MB article (18 000 paragraphs) is extracted whole', () => {
    const html = bigArticlePage();
    expect(html.length).toBeGreaterThan(10_000_000);
    const { readerable, res } = runAll(linkedom(html));
    expect(readerable).toBe(true);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.textContent).toContain(MARKERS.bigArticle);
    expect(res.article.textContent).toContain('Paragraphe 0 :');
    expect(res.article.wordCount).toBeGreaterThan(1_000_000);
  });

  it('10 MB of menus, teaser lists and sidebars around one article: the article only', () => {
    const html = boilerplatePage();
    expect(html.length).toBeGreaterThan(10_000_000);
    const { res } = runAll(linkedom(html));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.title).toBe('Rénovation de la halle : le projet adopté');
    expect(res.article.textContent).toContain(MARKERS.boilerplateArticle);
    expect(res.article.textContent).not.toContain('Titre de l’article numéro');
    expect(res.article.wordCount).toBeLessThan(2000);
  });
});
