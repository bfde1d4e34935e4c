import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ClassifiedsPanel } from '../../../components/ClassifiedsPanel';
import { ClassifiedsSettings } from '../../../components/ClassifiedsSettings';
import type { ClassifiedsReport } from '../../../utils/messaging/messages';
import { reportWithSwitch } from '../../../utils/settings/classifieds-edit';

const report: ClassifiedsReport = {
  host: 'www.tendanceouest.com',
  hiddenItems: 8,
  categories: [
    { category: 'immobilier', blocks: 1, items: 4, visibility: 'show' },
    { category: 'automobile', blocks: 1, items: 4, visibility: 'hide' },
    { category: 'avis-de-deces', blocks: 1, items: 4, visibility: 'collapse' },
  ],
  blocks: [
    {
      id: 1,
      category: 'immobilier',
      items: 4,
      text: 'Maison à vendre Carantilly',
      source: 'shape',
      hidden: false,
    },
    { id: 2, category: 'automobile', items: 4, text: 'Caravane Caravelair', source: 'site', hidden: true },
    {
      id: 3,
      category: 'avis-de-deces',
      items: 4,
      text: 'M. Jean Dupont, 87 ans',
      source: 'user',
      hidden: true,
    },
  ],
};
const handlers = () => ({ onToggle: vi.fn(), onShowOnSite: vi.fn(), onScope: vi.fn(), onNotAnAd: vi.fn() });

describe('ClassifiedsPanel', () => {
  it('says how many ads are hidden and offers a switch per category', () => {
    const root = document.createElement('div');
    const h = handlers();
    const onToggle = h.onToggle;
    render(<ClassifiedsPanel report={report} siteShowsAll={false} scope="all" {...h} />, root);
    expect(root.querySelector('h2')?.textContent).toBe('8 annonces masquées sur cette page');
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches.map((s) => s.checked)).toEqual([false, true, true]);
    expect(root.textContent).toContain('Masquer\u202f: Avis de décès');
    switches[0]!.checked = true;
    switches[0]!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onToggle).toHaveBeenCalledWith('immobilier', true);
  });
  it('a switch stays where the reader put it when the popup re-renders before the page answers', () => {
    const root = document.createElement('div');
    const h = handlers();
    const panel = (r: ClassifiedsReport) => (
      <ClassifiedsPanel report={r} siteShowsAll={false} scope="all" {...h} />
    );
    const flip = () => {
      const s = root.querySelector<HTMLInputElement>('li[data-category="automobile"] input[role="switch"]')!;
      s.checked = false;
      s.dispatchEvent(new Event('change', { bubbles: true }));
      return s;
    };
    render(panel(report), root);
    // The old report rendered again (the article arriving, say) puts the switch back: the race CI saw.
    let s = flip();
    render(panel({ ...report }), root);
    expect(s.checked).toBe(true);
    // The report as the switch set it keeps it off, with obituaries' own way of hiding untouched.
    s = flip();
    const next = reportWithSwitch(report, 'automobile', false);
    render(panel(next), root);
    expect(s.checked).toBe(false);
    expect(next.categories.map((c) => c.visibility)).toEqual(['show', 'show', 'collapse']);
    expect(reportWithSwitch(next, 'avis-de-deces', true).categories[2]!.visibility).toBe('collapse');
    expect(reportWithSwitch(next, 'automobile', true).categories[1]!.visibility).toBe('hide');
    expect(report.categories[1]!.visibility).toBe('hide'); // input untouched
  });
  it('renders nothing on a page without classifieds', () => {
    const root = document.createElement('div');
    render(
      <ClassifiedsPanel
        report={{ host: 'a.fr', hiddenItems: 0, categories: [], blocks: [] }}
        siteShowsAll={false}
        scope="all"
        {...handlers()}
      />,
      root,
    );
    expect(root.textContent).toBe('');
  });
  it('offers to hide again when the site shows everything', () => {
    const root = document.createElement('div');
    const h = handlers();
    const onShowOnSite = h.onShowOnSite;
    render(<ClassifiedsPanel report={report} siteShowsAll scope="all" {...h} />, root);
    expect(root.textContent).toContain('Tout est affiché sur ce site.');
    root.querySelector('button')!.click();
    expect(onShowOnSite).toHaveBeenCalledWith(false);
  });
  it('lists every block with its category and state, and "Ce n\'est pas une annonce" on each', () => {
    const root = document.createElement('div');
    const h = handlers();
    render(<ClassifiedsPanel report={report} siteShowsAll={false} scope="all" {...h} />, root);
    const items = [...root.querySelectorAll('.lisible-blocks li')];
    expect(items.map((li) => li.getAttribute('data-category'))).toEqual([
      'immobilier',
      'automobile',
      'avis-de-deces',
    ]);
    expect(items[1]!.textContent).toContain('Automobile (masqué) Caravane Caravelair');
    expect(items[2]!.textContent).toContain('(masqué par vous)');
    expect(items[0]!.textContent).toContain('(affiché)');
    items[1]!.querySelector('button')!.click();
    expect(h.onNotAnAd).toHaveBeenCalledWith(report.blocks[1]);
  });
  it('switches apply to all sites or to this site', () => {
    const root = document.createElement('div');
    const h = handlers();
    render(<ClassifiedsPanel report={report} siteShowsAll={false} scope="all" {...h} />, root);
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['all', true],
      ['site', false],
    ]);
    expect(root.querySelector('fieldset')!.textContent).toContain('pour ce site');
    radios[1]!.checked = true;
    radios[1]!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(h.onScope).toHaveBeenCalledWith('site');
  });
});

describe('ClassifiedsSettings', () => {
  it('lists every category with its choice and every site exception with a remove button', () => {
    const root = document.createElement('div');
    const onRemoveSite = vi.fn();
    const onChange = vi.fn();
    render(
      <ClassifiedsSettings
        prefs={{
          categories: {},
          sites: { 'actu.fr': { showAll: true }, 'ouest-france.fr': { categories: { emploi: 'show' } } },
        }}
        visibilityOf={(c) => (c === 'avis-de-deces' ? 'collapse' : 'hide')}
        onChange={onChange}
        onRemoveSite={onRemoveSite}
        onResetAll={vi.fn()}
      />,
      root,
    );
    const selects = [...root.querySelectorAll('select')];
    expect(selects).toHaveLength(7);
    expect(root.querySelector<HTMLSelectElement>('tr[data-category="avis-de-deces"] select')!.value).toBe(
      'collapse',
    );
    expect(root.querySelector('li[data-host="actu.fr"]')!.textContent).toContain('tout afficher');
    expect(root.querySelector('li[data-host="ouest-france.fr"]')!.textContent).toContain(
      'Emploi\u202f: Afficher',
    );
    root.querySelector<HTMLButtonElement>('li[data-host="actu.fr"] button')!.click();
    expect(onRemoveSite).toHaveBeenCalledWith('actu.fr');
  });
});
