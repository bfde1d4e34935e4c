// The engine's hand-written walks (utils/extract/dom.ts) stand in for the selector engine and for
// whole-page text reads, which cost under linkedom. Each must give exactly what the call it replaces
// gives, on real pages (every page and class fixture), element by element.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, elementsOf, hasText, headlineLink, textOf } from '../../../utils/extract/dom';
import { parseLikeBrowser } from '../../tools/parse-html';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const pages = ['pages', 'classes'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `${dir}/${d.name}`, file: join(FIXTURES, dir, d.name, 'source.html') })),
);

/** Same elements, same order (by identity: deep equality of DOM nodes says nothing). */
function same(a: Element[], b: Element[]): boolean {
  return a.length === b.length && a.every((el, i) => el === b[i]);
}

let teasers = 0;

describe('walks equal the DOM calls they replace', () => {
  it('there are fixture pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)('$name', ({ file }) => {
    const doc = parseLikeBrowser(readFileSync(file, 'utf8'));
    const all = Array.from(doc.body.querySelectorAll('*'));
    expect(same(descendants(doc.body), all)).toBe(true);
    const lists = new Set(['ul', 'ol', 'h2']);
    expect(same(elementsOf(doc.body, lists), Array.from(doc.body.querySelectorAll('ul, ol, h2')))).toBe(true);
    for (const el of all) {
      const want = el.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4');
      expect(headlineLink(el)).toBe(want);
      if (want) teasers++;
      expect(hasText(el)).toBe(textOf(el).length > 0);
    }
  });

  it('the pages hold headline links for headlineLink to find', () => {
    expect(teasers).toBeGreaterThan(0);
  });
});
