// @vitest-environment jsdom
// (renders article HTML, which goes through DOMPurify: see tests/unit/sanitize.test.ts)
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ArticleView } from '../../../components/ArticleView';
import { NarrationBar } from '../../../components/NarrationBar';
import { ReaderSettingsPanel } from '../../../components/ReaderSettingsPanel';
import { ReaderView } from '../../../components/ReaderView';
import type { Article } from '../../../utils/extract/types';
import { DEFAULT_SETTINGS, type FontFamily, type Theme } from '../../../utils/settings/reader';

const article: Article = {
  url: 'https://actu.fr/normandie/saint-lo_50502/x.html',
  canonicalUrl: 'https://actu.fr/normandie/saint-lo_50502/x.html',
  title: 'La médiathèque rouvre',
  excerpt: '',
  byline: null,
  siteName: 'actu.fr',
  publishedTime: null,
  modifiedTime: null,
  lang: 'fr',
  leadImage: null,
  contentHtml: '<p>Après deux ans de travaux.</p>',
  textContent: 'Après deux ans de travaux.',
  wordCount: 5,
  readingTimeMinutes: 1,
  teaser: false,
  commune: null,
};

describe('ReaderView', () => {
  const themes: Theme[] = ['light', 'sepia', 'dark', 'auto'];
  const fonts: FontFamily[] = ['serif', 'sans', 'legible'];
  for (const theme of themes)
    for (const font of fonts)
      it(`renders the article with theme ${theme} and font ${font}`, () => {
        const root = document.createElement('div');
        render(
          <ReaderView settings={{ ...DEFAULT_SETTINGS, theme, font, sizeStep: 9 }}>
            <ArticleView article={article} />
          </ReaderView>,
          root,
        );
        const el = root.querySelector<HTMLElement>('.lisible-reader')!;
        expect(el.dataset.theme).toBe(theme);
        expect(el.dataset.font).toBe(font);
        expect(el.style.getPropertyValue('--lisible-font-size')).toBe('24px');
        expect(root.querySelector('.lisible-body p')?.textContent).toBe('Après deux ans de travaux.');
      });
});

describe('ReaderSettingsPanel', () => {
  it('changes theme, size and per-site auto-open, with a live preview', () => {
    const root = document.body.appendChild(document.createElement('div'));
    const onChange = vi.fn();
    render(
      <ReaderSettingsPanel settings={DEFAULT_SETTINGS} onChange={onChange} host="actu.fr" showPreview />,
      root,
    );
    const sepia = [...root.querySelectorAll<HTMLInputElement>('input[name="lisible-theme"]')].find(
      (i) => i.value === 'sepia',
    )!;
    sepia.click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'sepia' }));
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Agrandir le texte'))!.click();
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ sizeStep: DEFAULT_SETTINGS.sizeStep + 1 }),
    );
    const auto = [...root.querySelectorAll('label')].find((l) =>
      l.textContent?.includes('Toujours ouvrir en mode lecture sur actu.fr'),
    )!;
    auto.querySelector('input')!.click();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ autoOpenSites: ['actu.fr'] }));
    expect(root.querySelector('.lisible-preview .lisible-reader')).not.toBeNull();
  });
});

describe('NarrationBar', () => {
  const noop = () => {};
  const handlers = { onPlay: noop, onPause: noop, onStop: noop, onPrev: noop, onNext: noop, onRate: noop };
  it('says clearly when no local voice is installed instead of showing a dead button', () => {
    const root = document.createElement('div');
    render(<NarrationBar available={false} state="idle" rate={1} {...handlers} />, root);
    expect(root.textContent).toContain('Aucune voix de synthèse locale');
    expect(root.querySelector('button')).toBeNull();
  });
  it('offers listen / pause and paragraph navigation', () => {
    const root = document.createElement('div');
    const onPlay = vi.fn();
    render(<NarrationBar available state="idle" rate={1} {...handlers} onPlay={onPlay} />, root);
    const listen = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Écouter')!;
    listen.click();
    expect(onPlay).toHaveBeenCalled();
    render(<NarrationBar available state="playing" rate={1} {...handlers} />, root);
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Pause')).toBe(true);
  });
});
