import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ClassifiedsPanel } from '../../../components/ClassifiedsPanel';
import { ClassifiedsSettings } from '../../../components/ClassifiedsSettings';
import type { ClassifiedsReport } from '../../../utils/messaging/messages';

const report: ClassifiedsReport = {
  host: 'www.tendanceouest.com',
  hiddenItems: 8,
  categories: [
    { category: 'immobilier', blocks: 1, items: 4, visibility: 'show' },
    { category: 'automobile', blocks: 1, items: 4, visibility: 'hide' },
    { category: 'avis-de-deces', blocks: 1, items: 4, visibility: 'collapse' },
  ],
};

describe('ClassifiedsPanel', () => {
  it('says how many ads are hidden and offers a switch per category', () => {
    const root = document.createElement('div');
    const onToggle = vi.fn();
    render(
      <ClassifiedsPanel report={report} siteShowsAll={false} onToggle={onToggle} onShowOnSite={vi.fn()} />,
      root,
    );
    expect(root.querySelector('h2')?.textContent).toBe('8 annonces masquées sur cette page');
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches.map((s) => s.checked)).toEqual([false, true, true]);
    expect(root.textContent).toContain('Masquer\u202f: Avis de décès');
    switches[0]!.checked = true;
    switches[0]!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onToggle).toHaveBeenCalledWith('immobilier', true);
  });
  it('renders nothing on a page without classifieds', () => {
    const root = document.createElement('div');
    render(
      <ClassifiedsPanel
        report={{ host: 'a.fr', hiddenItems: 0, categories: [] }}
        siteShowsAll={false}
        onToggle={vi.fn()}
        onShowOnSite={vi.fn()}
      />,
      root,
    );
    expect(root.textContent).toBe('');
  });
  it('offers to hide again when the site shows everything', () => {
    const root = document.createElement('div');
    const onShowOnSite = vi.fn();
    render(
      <ClassifiedsPanel report={report} siteShowsAll onToggle={vi.fn()} onShowOnSite={onShowOnSite} />,
      root,
    );
    expect(root.textContent).toContain('Tout est affiché sur ce site.');
    root.querySelector('button')!.click();
    expect(onShowOnSite).toHaveBeenCalledWith(false);
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
