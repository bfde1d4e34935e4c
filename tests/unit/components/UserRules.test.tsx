// The options page's list of the reader's site rules: site, what the rule does, selector, date; one
// delete button per rule (named after its selector and site) and one for all of them.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { UserRules } from '../../../components/UserRules';
import type { UserRule } from '../../../utils/settings/user-rules';

const rules: UserRule[] = [
  {
    id: 3,
    host: 'actu.fr',
    kind: 'hide',
    selector: '#partner-box',
    category: 'immobilier',
    label: 'Maisons à vendre',
    createdAt: Date.UTC(2026, 0, 5),
  },
  {
    id: 7,
    host: 'ouest-france.fr',
    kind: 'exception',
    selector: 'section.agenda',
    category: 'autre',
    createdAt: Date.UTC(2026, 1, 9),
  },
  { id: 9, host: 'actu.fr', kind: 'content', selector: 'div.mot-du-maire', createdAt: Date.UTC(2026, 2, 1) },
];

describe('UserRules', () => {
  it('lists each rule with its site, kind, selector and date; deletes one or all', () => {
    const root = document.createElement('div');
    const onDelete = vi.fn();
    const onDeleteAll = vi.fn();
    render(<UserRules rules={rules} onDelete={onDelete} onDeleteAll={onDeleteAll} />, root);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['hide', 'exception', 'content']);
    const cells = (i: number) => [...rows[i]!.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells(0).slice(0, 3)).toEqual(['actu.fr', 'Masqué\u202f: Immobilier', '#partner-box']);
    expect(cells(1).slice(0, 3)).toEqual(['ouest-france.fr', 'Pas une annonce', 'section.agenda']);
    expect(cells(2).slice(0, 3)).toEqual(['actu.fr', 'Texte à lire', 'div.mot-du-maire']);
    // A date is shown, and the rules' dates differ.
    expect(new Set(rows.map((_, i) => cells(i)[3])).size).toBe(3);
    expect(rows[0]!.querySelector('td[title]')!.getAttribute('title')).toBe('Maisons à vendre');

    const del = rows[1]!.querySelector('button')!;
    expect(del.getAttribute('aria-label')).toBe('Supprimer la règle section.agenda (ouest-france.fr)');
    del.click();
    expect(onDelete).toHaveBeenCalledWith(7);
    [...root.querySelectorAll('button')]
      .find((b) => b.textContent === 'Supprimer toutes les règles')!
      .click();
    expect(onDeleteAll).toHaveBeenCalledTimes(1);
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('says there is no rule, and shows an error as an alert', () => {
    const root = document.createElement('div');
    render(<UserRules rules={[]} error="Échec" onDelete={vi.fn()} onDeleteAll={vi.fn()} />, root);
    expect(root.querySelector('table')).toBeNull();
    expect(root.textContent).toContain('Aucune règle.');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Échec');
  });
});
