// "Choisir le texte à lire": the reader's hint for a site reaches the engine as an option, is used like a
// site rule's content selector, and is ignored when it no longer matches.
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';

const para = (n: number, word: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${word} ${i} : ${`une phrase sur le ${word} assez longue pour compter, `.repeat(5)}fin.</p>`,
  ).join('');
const page = () =>
  new DOMParser().parseFromString(
    `<!doctype html><html lang="fr"><head><title>Le marché couvert rouvre | Le Courrier</title></head><body>
      <main><div class="dossier">${para(9, 'dossier')}</div>
      <div class="chronique" id="chronique">${para(4, 'marché')}</div></main></body></html>`,
    'text/html',
  );
const text = (r: ReturnType<typeof extractArticle>) => (r.ok ? r.article.textContent : '');

describe('extraction hint', () => {
  it('reads the block the reader chose instead of the one the engine would pick', () => {
    const plain = text(extractArticle(page(), 'https://www.courrier.example/a'));
    expect(plain).toContain('dossier 0');
    const hinted = text(
      extractArticle(page(), 'https://www.courrier.example/a', { content: ['#chronique'] }),
    );
    expect(hinted).toContain('marché 0');
    expect(hinted).not.toContain('dossier 0');
  });

  it('falls back to normal extraction when the hint matches nothing (or a bad selector)', () => {
    const plain = text(extractArticle(page(), 'https://www.courrier.example/a'));
    for (const content of [['#disparu'], ['div[']]) {
      expect(text(extractArticle(page(), 'https://www.courrier.example/a', { content }))).toBe(plain);
    }
  });
});
