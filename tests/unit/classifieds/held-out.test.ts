// The held-out batch (tests/fixtures/classifieds/indep2-*, INDEPENDENT.md "Batch 2"): two site families
// written from the class descriptions after the detector was tuned, never fitted on. Its recall is a
// bench figure (npm run bench, "Held out"), not a test; what is tested is issue 12's precision rule:
// the pages made of traps (mega menus naming every category, a « Nos services » footer, an « Immobilier »
// news rubric, an agenda, the paper's shop) lose nothing, and no block is ever flagged in page chrome.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectBlocks, uniqueSelector } from '../../../utils/classifieds';
import { inPageChrome } from '../../bench/classifieds-score';
import { listHeldOut, loadFixture } from '../../fixtures/classifieds/load';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe('held-out classifieds pages (indep2-*)', () => {
  const names = listHeldOut();
  it('has both families and their trap pages', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.filter((n) => loadFixture(n).meta.kind === 'traps').length).toBeGreaterThanOrEqual(2);
  });
  for (const name of names) {
    const fx = loadFixture(name);
    it(`${name}: ${fx.meta.kind === 'traps' ? 'no block at all' : 'no block in page chrome'}`, () => {
      const blocks = detectBlocks(parse(fx.html));
      if (fx.meta.kind === 'traps') expect(blocks.map((b) => uniqueSelector(b.element))).toEqual([]);
      const inChrome = blocks.filter((b) => inPageChrome(b.element));
      expect(inChrome.map((b) => uniqueSelector(b.element))).toEqual([]);
    });
  }
});
