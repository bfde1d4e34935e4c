import { describe, expect, it } from 'vitest';
import { articleProblem } from '../../../utils/safety/validate';
import { makeArticle } from '../db/article';

const ok = makeArticle({
  url: 'https://actu.fr/a.html',
  title: 'Titre',
  siteName: null,
  contentHtml: '<p>x</p>',
  textContent: 'x',
  wordCount: 1,
});

describe('articleProblem (background-side validation of messages)', () => {
  it('accepts a well-formed article', () => {
    expect(articleProblem(ok)).toBeNull();
  });
  it.each([
    ['not an object', 'x'],
    ['javascript: url', { ...ok, url: 'javascript:alert(1)' }],
    ['missing title', { ...ok, title: '  ' }],
    ['number as html', { ...ok, contentHtml: 3 }],
    ['huge html', { ...ok, contentHtml: 'x'.repeat(5_000_001) }],
    ['bad commune', { ...ok, commune: { name: 3 } }],
    ['NaN word count', { ...ok, wordCount: Number.NaN }],
  ])('rejects %s', (_name, value) => {
    expect(articleProblem(value)).toEqual(expect.any(String));
  });
});
