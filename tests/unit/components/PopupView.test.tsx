// @vitest-environment jsdom
// happy-dom 21 cannot host DOMPurify (it lets <script> through), so these run in jsdom, like DOMPurify's own tests.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupState } from '../../../components/PopupView';
import type { SaveState } from '../../../utils/db/save';
import type { Article } from '../../../utils/extract/types';
import { testLocale } from '../../setup';

const article: Article = {
  url: 'https://www.tendanceouest.com/a.html',
  canonicalUrl: 'https://www.tendanceouest.com/a.html',
  title: 'La Région veut accueillir des data centers',
  excerpt: 'Société. La Normandie se positionne.',
  byline: 'Rédaction Tendance Ouest',
  siteName: 'Tendance Ouest',
  publishedTime: '2025-01-08T05:30:00.000Z',
  modifiedTime: null,
  lang: 'fr',
  leadImage: null,
  contentHtml: '<h2>Les atouts de la Normandie</h2><p>Du texte.</p><img src="x" onerror="window.__pwned=1">',
  textContent: 'Les atouts de la Normandie Du texte.',
  wordCount: 460,
  readingTimeMinutes: 3,
  teaser: true,
  commune: null,
};

function show(state: PopupState, save: SaveState = { kind: 'idle' }) {
  const root = document.createElement('div');
  const handlers = { onSave: vi.fn(), onRetry: vi.fn(), onOpenLibrary: vi.fn() };
  render(<PopupView state={state} save={save} {...handlers} />, root);
  return { root, ...handlers };
}

describe('PopupView states', () => {
  it('loading', () => {
    const { root } = show({ kind: 'loading' });
    expect(root.querySelector('[data-state="loading"]')).not.toBeNull();
    expect(root.textContent).toContain('Lecture de la page');
  });

  it('article: header, metadata, sanitized body, save button', () => {
    const { root, onSave } = show({ kind: 'article', article });
    expect(root.querySelector('h1')?.textContent).toBe(article.title);
    const text = root.textContent ?? '';
    expect(text).toContain('Tendance Ouest');
    expect(text).toContain('Par Rédaction Tendance Ouest');
    expect(text).toContain('Publié le 8 janvier 2025');
    expect(text).toContain('3 min de lecture');
    expect(text).toContain('réservé aux abonnés');
    expect(root.querySelector('.lisible-body h2')?.textContent).toBe('Les atouts de la Normandie');
    expect(root.innerHTML).not.toContain('onerror');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Enregistrer');
    button!.click();
    expect(onSave).toHaveBeenCalledOnce();
  });

  it('article saved / failed feedback', () => {
    expect(show({ kind: 'article', article }, { kind: 'saved', updated: false }).root.textContent).toContain(
      'Enregistré dans la bibliothèque',
    );
    expect(
      show({ kind: 'article', article }, { kind: 'failed', message: 'Disque plein' }).root.textContent,
    ).toContain('Disque plein');
  });

  it.each([
    ['not-article', /ne contient pas d’article/],
    ['restricted', /ne permet pas aux extensions/],
    ['not-html', /n’est pas une page web/],
    ['empty', /vide/],
  ] as const)('not an article (%s) in plain French', (reason, expected) => {
    const { root } = show({ kind: 'not-article', reason });
    expect(root.textContent).toContain('Pas d’article ici');
    expect(root.textContent).toMatch(expected);
  });

  it('not an article, in English for an English browser', () => {
    testLocale.lang = 'en';
    const { root } = show({ kind: 'not-article', reason: 'not-article' });
    expect(root.textContent).toContain('No article here');
  });

  it('a huge article renders its beginning and offers the rest in reading mode', async () => {
    const big = { ...article, contentHtml: '<p>Un paragraphe assez long pour compter.</p>'.repeat(5000) };
    const root = document.createElement('div');
    const onReadingMode = vi.fn();
    render(
      <PopupView
        state={{ kind: 'article', article: big }}
        save={{ kind: 'idle' }}
        onSave={vi.fn()}
        onRetry={vi.fn()}
        onOpenLibrary={vi.fn()}
        onReadingMode={onReadingMode}
      />,
      root,
    );
    await new Promise((r) => setTimeout(r, 50));
    const paragraphs = root.querySelectorAll('.lisible-body p').length;
    expect(paragraphs).toBeGreaterThan(100);
    expect(paragraphs).toBeLessThan(5000);
    const more = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Lire la suite en mode lecture',
    );
    more!.click();
    expect(onReadingMode).toHaveBeenCalled();
  });

  it('error with a retry button', () => {
    const { root, onRetry } = show({ kind: 'error', message: 'Boom' });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Boom');
    root
      .querySelector('button:not(.lisible-link)')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('an article posing as our UI announces no second Save button and no alert (issue 10, item 7)', () => {
    const { root } = show({
      kind: 'article',
      article: {
        ...article,
        contentHtml:
          '<p><a href="https://evil.example/" role="button" aria-label="Enregistrer">lien</a></p>' +
          '<p role="alert" aria-live="assertive">Session expirée, reconnectez-vous</p>',
      },
    });
    const named = [...root.querySelectorAll('button, [role="button"]')].filter(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === 'Enregistrer',
    );
    expect(named).toHaveLength(1);
    expect(
      root.querySelectorAll('.lisible-body [role], .lisible-body [aria-live], .lisible-body [aria-label]'),
    ).toHaveLength(0);
  });

  it('says when a page claims another site’s article as its canonical address (issue 10, item 3)', () => {
    const claimed = { ...article, canonicalUrl: 'https://www.ouest-france.fr/victime.html' };
    expect(
      show({ kind: 'article', article: claimed }).root.querySelector('.lisible-identity-note')?.textContent,
    ).toContain('www.ouest-france.fr');
    expect(show({ kind: 'article', article }).root.querySelector('.lisible-identity-note')).toBeNull();
  });
});
