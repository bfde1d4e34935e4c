import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cssEscape, uniqueSelector } from '../../../utils/classifieds';
import { listFixtures, loadFixture } from '../../fixtures/classifieds/load';

const html = `<!doctype html><html><body>
  <div id="uniq"><p>a</p></div>
  <div id="dup"><span>x</span></div><div id="dup"><span>y</span></div>
  <div id="9lives"><p class="only-me">b</p></div>
  <ul class="l"><li>1</li><li>2</li><li class="x y">3</li></ul>
  <ul class="l"><li>1</li><li class="x y">2</li></ul>
  <section><div><div><em>deep</em></div></div></section>
</body></html>`;

function parse(src: string): Document {
  return parseHTML(src).document as unknown as Document;
}

describe('uniqueSelector', () => {
  it('prefers a unique id, then unique classes, then an nth-of-type path', () => {
    const doc = parse(html);
    expect(uniqueSelector(doc.getElementById('uniq')!)).toBe('#uniq');
    expect(uniqueSelector(doc.querySelector('.only-me')!)).toBe('p.only-me');
    expect(uniqueSelector(doc.querySelector('#\\39 lives')!)).toBe('#\\39 lives');
  });

  it('matches exactly one element for every element of a test page and of real pages', () => {
    const docs = [parse(html), parse(loadFixture('ouest-france-2023-gaza-temoignage').html)];
    for (const doc of docs) {
      const all = Array.from(doc.querySelectorAll('body, body *')).slice(0, 1500);
      for (const el of all) {
        const sel = uniqueSelector(el);
        const found = doc.querySelectorAll(sel);
        expect(found.length, sel).toBe(1);
        expect(found[0], sel).toBe(el);
      }
    }
  });

  it('is also exact under happy-dom for every fixture root', () => {
    for (const name of listFixtures()) {
      const doc = new DOMParser().parseFromString(
        loadFixture(name).html.replace(/<(link|iframe|script)\b[^>]*>/gi, ''),
        'text/html',
      );
      const labels = loadFixture(name).labels;
      for (const l of labels) {
        const el = doc.querySelector(l.selector)!;
        const sel = uniqueSelector(el);
        expect(doc.querySelectorAll(sel).length, `${name} ${sel}`).toBe(1);
        expect(doc.querySelector(sel)).toBe(el);
      }
    }
  });
});

describe('cssEscape', () => {
  it('escapes leading digits and special characters', () => {
    expect(cssEscape('a:b')).toBe('a\\:b');
    expect(cssEscape('1a')).toBe('\\31 a');
    expect(cssEscape('été')).toBe('été');
  });
});
