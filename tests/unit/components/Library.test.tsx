// @vitest-environment jsdom
// The library's display-only components: the virtualized list keeps the DOM small at 10 000 rows, asks
// for more near the end, and shows every column; the search box reports what is typed; English UI.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar, LibrarySearch } from '../../../components/LibraryControls';
import { LibraryList, ROW_HEIGHT } from '../../../components/LibraryList';
import type { ArticleRow } from '../../../utils/db/schema';
import { makeRow } from '../db/article';
import { testLocale } from '../../setup';

const row = (i: number, extra: Partial<ArticleRow> = {}): ArticleRow =>
  makeRow({
    id: i + 1,
    url: `https://a.fr/${i}`,
    title: `Article ${i}`,
    site: 'ouest-france.fr',
    wordCount: 500,
    readingTimeMinutes: 3,
    commune: { name: 'Saint-Lô', postcode: '50000' },
    savedAt: Date.UTC(2025, 0, 8),
    updatedAt: 0,
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
    expect(second!.textContent).toMatch(/★.*Article 1.*Saint-Lô.*#mairie.*Lu/);
    expect((second!.querySelector('.library-select') as HTMLInputElement).checked).toBe(true);
    act(() => (first!.querySelector('.library-title') as HTMLElement).click());
    expect(onOpen).toHaveBeenCalledWith(1);
    act(() => (first!.querySelector('.library-select') as HTMLElement).click());
    expect(onToggleSelect).toHaveBeenCalledWith(1, true);
    act(() => (first!.querySelector('.library-delete') as HTMLElement).click());
    expect(onDelete).toHaveBeenCalledWith(1);
  });
  it('marks the reader\'s communes ("Ma commune") and toggles favourite and archive on one row', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onFlag = vi.fn();
    const rows = [
      row(0, { communeInsee: '50502' }),
      row(1, { communeInsee: '14118', commune: { name: 'Caen', postcode: null }, favourite: 1 }),
    ];
    act(() =>
      render(
        <LibraryList
          articles={rows}
          selected={new Set()}
          hasMore={false}
          height={600}
          myCommunes={['50502']}
          onOpen={vi.fn()}
          onDelete={vi.fn()}
          onToggleSelect={vi.fn()}
          onNearEnd={vi.fn()}
          onFlag={onFlag}
        />,
        root,
      ),
    );
    const [first, second] = [...root.querySelectorAll('.library-item')] as HTMLElement[];
    expect(first!.querySelector('.library-commune.is-mine')?.textContent).toBe('Saint-Lô · votre commune');
    expect(second!.querySelector('.library-commune')?.textContent).toBe('Caen');
    expect(second!.querySelector('.is-mine')).toBeNull();
    act(() => (first!.querySelector('.library-favourite') as HTMLElement).click());
    expect(onFlag).toHaveBeenLastCalledWith(1, { favourite: 1 });
    act(() => (second!.querySelector('.library-favourite') as HTMLElement).click());
    expect(onFlag).toHaveBeenLastCalledWith(2, { favourite: 0 });
    act(() => (first!.querySelector('.library-archive') as HTMLElement).click());
    expect(onFlag).toHaveBeenLastCalledWith(1, { archived: 1 });
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
          facets={{
            sites: ['actu.fr'],
            communes: [
              { code: '14118', name: 'Caen', dept: '14' },
              { code: '93066', name: 'Saint-Denis', dept: '93' },
              { code: '97411', name: 'Saint-Denis', dept: '974' },
            ],
            tags: ['mer'],
          }}
          myCommunes={['14118', '93066']}
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
    // Each town once, homonyms told apart by their département; "Mes communes" first.
    expect([...commune.options].map((o) => o.text)).toEqual([
      'Toutes les communes',
      'Mes communes',
      'Caen',
      'Saint-Denis (93)',
      'Saint-Denis (974)',
    ]);
    commune.value = '14118';
    act(() => void commune.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ communes: ['14118'] });
    commune.value = 'mine';
    act(() => void commune.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ communes: ['14118', '93066'] });
    const dates = root.querySelector('select[aria-label="Date"]') as HTMLSelectElement;
    dates.value = 'published';
    act(() => void dates.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ dateField: 'published' });
  });
  it('speaks English in an English browser', () => {
    testLocale.lang = 'en';
    const root = document.createElement('div');
    act(() =>
      render(
        <BulkBar
          count={2}
          tags={['mer']}
          onAction={vi.fn()}
          onTags={vi.fn()}
          onSelectShown={vi.fn()}
          onClear={vi.fn()}
        />,
        root,
      ),
    );
    expect(root.textContent).toMatch(/2 selected.*Archive.*Delete.*Remove tag.*Rename tag/);
  });
});
