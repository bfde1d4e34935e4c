// React streaming server rendering (utils/extract/streamed.ts): segments that arrived as hidden divs
// at the end of the HTML go where React's $RC / $RS scripts would put them, with or without the
// scripts and comment markers a saved copy may have lost; other hidden elements are left alone.
import { describe, expect, it } from 'vitest';
import { placeStreamedSegments } from '../../../utils/extract/streamed';
import { parseLikeBrowser } from '../../tools/parse-html';

const RC = '<script>$RC=function(b,c,e){};</script>';
const page = (shell: string, tail: string) =>
  parseLikeBrowser(`<!doctype html><html><body><main>${shell}</main>${tail}</body></html>`);
/** The shell's blocks in order, and whatever else it shows (a fallback left in place). */
const text = (d: Document) => {
  const main = d.querySelector('main')!;
  const blocks = Array.from(main.querySelectorAll('h1, h2, p, div')).filter(
    (e) => !e.querySelector('p, div'),
  );
  return blocks.map((e) => (e.textContent ?? '').trim() || '[vide]').join('|');
};

describe('placeStreamedSegments', () => {
  it('fills a boundary between its comment markers and drops the fallback', () => {
    const d = page(
      '<h1>Titre</h1><!--$?--><template id="B:0"></template><div class="animate-pulse"></div><p>Chargement…</p><!--/$--><p>Fin.</p>',
      `<div hidden id="S:0"><p>Premier paragraphe.</p><p>Deuxième.</p></div>${RC}<script>$RC("B:0","S:0")</script>`,
    );
    placeStreamedSegments(d);
    expect(text(d)).toBe('Titre|Premier paragraphe.|Deuxième.|Fin.');
    expect(d.getElementById('S:0')).toBeNull();
    expect(d.getElementById('B:0')).toBeNull();
  });

  it('counts nested markers inside the fallback, and places segments nested in later ones', () => {
    const d = page(
      '<!--$?--><template id="B:1"></template><div><!--$-->Squelette<!--/$--></div><!--/$--><p>Après.</p>',
      '<div hidden id="S:1"><p>Un.</p><!--$?--><template id="B:2"></template><p>Loading...</p><!--/$--></div>' +
        '<div hidden id="S:2"><p>Deux, arrivé plus tard.</p></div>',
    );
    placeStreamedSegments(d);
    expect(text(d)).toBe('Un.|Deux, arrivé plus tard.|Après.');
  });

  it('replaces a placeholder template with its segment ($RS)', () => {
    const d = page(
      '<p>Avant.</p><template id="P:5"></template><p>Après.</p>',
      '<div hidden id="S:5"><p>Milieu.</p></div>',
    );
    placeStreamedSegments(d);
    expect(text(d)).toBe('Avant.|Milieu.|Après.');
  });

  it('works on a copy saved without scripts or comments: a « Loading » or empty fallback goes, content stays', () => {
    const d = page(
      '<template id="B:0"></template><div>Loading paragraph...</div><template id="B:1"></template><h2>Un intertitre</h2><template id="B:3"></template><div class="skeleton"><span></span></div>',
      '<div hidden id="S:1"><p>Deuxième partie.</p></div><div hidden id="S:0"><p>Première partie.</p></div><div hidden id="S:3"><p>Troisième.</p></div>',
    );
    placeStreamedSegments(d);
    expect(text(d)).toBe('Première partie.|Deuxième partie.|Un intertitre|Troisième.');
  });

  it('leaves hidden elements that are not streamed segments alone', () => {
    const d = page(
      '<p>Article.</p><div hidden id="modal-connexion">Connectez-vous</div><template id="tpl-card">{{title}}</template>',
      '<div hidden id="S:9"><p>Sans cible.</p></div>',
    );
    placeStreamedSegments(d);
    expect(text(d)).toBe('Article.|Connectez-vous');
    expect(d.getElementById('tpl-card')).not.toBeNull();
    expect(d.getElementById('S:9')).not.toBeNull();
    expect(d.getElementById('modal-connexion')?.hasAttribute('hidden')).toBe(true);
  });
});
