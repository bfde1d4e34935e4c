// @vitest-environment jsdom
// The library's display-only components: the virtualized list keeps the DOM small at 10 000 rows, asks
// for more near the end, and shows every column; the search box reports what is typed; English UI.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar, LibrarySearch } from '../../../components/LibraryControls';
import { LibraryList, ROW_HEIGHT } from '../../../components/LibraryList';
import type { ArticleRow } from '../../../utils/db/schema';
import { testLocale } from '../../setup';

const row = (i: number, extra: Partial<ArticleRow> = {}): ArticleRow => ({
  id: i + 1,
  key: `https://a.fr/${i}`,
  url: `https://a.fr/${i}`,
  canonicalUrl: `https://a.fr/${i}`,
  title: `Article ${i}`,
  excerpt: '',
  byline: null,
  siteName: 'Ouest-France',
  site: 'ouest-france.fr',
  publishedTime: null,
  modifiedTime: null,
  lang: 'fr',
  leadImage: null,
  wordCount: 500,
  readingTimeMinutes: 3,
  teaser: false,
  commune: { name: 'Saint-Lô', postcode: '50000' },
  savedAt: Date.UTC(2025, 0, 8),
  updatedAt: 0,
  read: 0,
  progress: 0,
  favourite: 0,
  archived: 0,
  tags: [],
  words: [],
  imageBytes: 0,
  ...extra,
});

function mount(articles: ArticleRow[], hasMore = false) {
  const root = document.createElement('div');
  document.body.append(root);
  const h = { onOpen: vi.fn(), onDelete: vi.fn(), onToggleSelect: vi.fn(), onNearEnd: vi.fn() };
  act(() =>
    render(
      <LibraryList articles={articles} selected={new Set([2])} hasMore={hasMore} height={600} {...h} />,
      root,
    ),
  );
  return { root, ...h };
}

describe('LibraryList (virtualized)', () => {
  it('renders only the rows in view out of 10 000, and the rows under the scroll position', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i));
    const { root, onNearEnd } = mount(many, true);
    const items = root.querySelectorAll('.library-item');
    expect(items.length).toBeLessThan(30);
    expect((root.querySelector('.library-list') as HTMLElement).style.height).toBe(
      `${10_000 * ROW_HEIGHT}px`,
    );
    const scroller = root.querySelector('.library-scroller') as HTMLElement;
    scroller.scrollTop = 5000 * ROW_HEIGHT;
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    const titles = [...root.querySelectorAll('.library-title')].map((a) => a.textContent);
    expect(titles).toContain('Article 5000');
    expect(titles).not.toContain('Article 0');
    expect(onNearEnd).not.toHaveBeenCalled();
    scroller.scrollTop = 9990 * ROW_HEIGHT;
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    expect(onNearEnd).toHaveBeenCalled();
  });
  it('shows title, site, commune, date, reading time, read state; wires open, select and delete', () => {
    const { root, onOpen, onDelete, onToggleSelect } = mount([
      row(0, { progress: 0.42 }),
      row(1, { read: 1, favourite: 1, tags: ['mairie'] }),
    ]);
    const [first, second] = [...root.querySelectorAll('.library-item')] as HTMLElement[];
    expect(first!.textContent).toMatch(
      /Ouest-France.*Saint-Lô.*8 janvier 2025.*3 min de lecture.*Lu à 42\u202f%/,
    );
    expect(second!.textContent).toMatch(/★.*Article 1.*Lu.*#mairie/);
    expect((second!.querySelector('.library-select') as HTMLInputElement).checked).toBe(true);
    act(() => (first!.querySelector('.library-title') as HTMLElement).click());
    expect(onOpen).toHaveBeenCalledWith(1);
    act(() => (first!.querySelector('.library-select') as HTMLElement).click());
    expect(onToggleSelect).toHaveBeenCalledWith(1, true);
    act(() => (first!.querySelector('.library-delete') as HTMLElement).click());
    expect(onDelete).toHaveBeenCalledWith(1);
  });
});

describe('LibrarySearch and BulkBar', () => {
  it('reports typed text and filters', () => {
    const root = document.createElement('div');
    const onChange = vi.fn();
    act(() =>
      render(
        <LibrarySearch
          query={{}}
          facets={{ sites: ['actu.fr'], communes: ['Caen'], tags: ['mer'] }}
          onChange={onChange}
        />,
        root,
      ),
    );
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = 'école';
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ text: 'école' });
    const commune = root.querySelector('select[aria-label="Commune"]') as HTMLSelectElement;
    commune.value = 'Caen';
    act(() => void commune.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ commune: 'Caen' });
  });
  it('speaks English in an English browser', () => {
    testLocale.lang = 'en';
    const root = document.createElement('div');
    act(() =>
      render(
        <BulkBar count={2} onAction={vi.fn()} onTag={vi.fn()} onSelectShown={vi.fn()} onClear={vi.fn()} />,
        root,
      ),
    );
    expect(root.textContent).toMatch(/2 selected.*Archive.*Delete/);
  });
});
