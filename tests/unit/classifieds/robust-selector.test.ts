// robustSelector: the selector a picked block is remembered by, for the site's other pages.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { robustSelector, stableClasses } from '../../../utils/classifieds/robust-selector';
import { loadFixture } from '../../fixtures/classifieds/load';

const parse = (src: string) => parseHTML(src).document as unknown as Document;

describe('robustSelector', () => {
  it('names a block by a stable id or stable classes, never by hashed, utility or state classes', () => {
    const doc = parse(`<html><body>
      <aside id="sidebar"><section class="widget widget_annonces is-active">A</section>
      <section class="widget">B</section></aside>
      <div id="block-9f3a77c2e1"><p class="css-1q2w3e sc-bdVaJa eFGtzL mb-4 rounded-lg">x</p></div>
      <main><section class="my-8">1</section><section class="my-8">2</section></main>
    </body></html>`);
    expect(robustSelector(doc.querySelector('.widget_annonces')!)).toBe('section.widget_annonces');
    expect(stableClasses(doc.querySelector('p')!)).toEqual([]);
    // A generated id is no anchor; the hashed-class paragraph is named by its place under <body>.
    expect(robustSelector(doc.querySelector('p')!)).toBe('body > div > p');
    // Utility classes alone: a short path with ranks, from the nearest unique anchor.
    expect(robustSelector(doc.querySelectorAll('main > section')[1]!)).toBe(
      'body > main > section:nth-of-type(2)',
    );
    // A sibling with the same class: the anchor and a rank.
    expect(robustSelector(doc.querySelectorAll('#sidebar section')[1]!)).toBe(
      '#sidebar > section:nth-of-type(2)',
    );
  });

  it('matches exactly the block on every labelled fixture (all eight independent families)', () => {
    for (const name of [
      'indep-bocage-home',
      'indep-vallee-home',
      'indep-phare-annonces',
      'indep-quercy-accueil',
      'indep-rhin-home',
      'indep-littoral-home',
      'indep-estuaire-home',
      'indep-volcans-home',
    ]) {
      const fx = loadFixture(name);
      const doc = parse(fx.html);
      for (const l of fx.labels) {
        const el = doc.querySelector(l.selector)!;
        const sel = robustSelector(el);
        const all = doc.querySelectorAll(sel);
        expect(all.length, `${name}: ${sel}`).toBe(1);
        expect(all[0], `${name}: ${sel}`).toBe(el);
        expect(sel, `${name}: no nth-child`).not.toMatch(/nth-child/);
      }
    }
  });
});
