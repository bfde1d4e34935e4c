import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORIES,
  DEFAULT_VISIBILITY,
  detectClassifieds,
  hideCss,
  knownSelectors,
  knownSiteCss,
  resolveVisibility,
  type ClassifiedsPrefs,
} from '../../../utils/classifieds';
import { loadFixture } from '../../fixtures/classifieds/load';
import { categoryLabelKey, collapsedLabelKey } from '../../../utils/ui/category-i18n';

// The UI strings are public/_locales (the one copy): tests read them there.
const messages = (lang: 'fr' | 'en') =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;

describe('DEFAULT_VISIBILITY and labels', () => {
  it('collapses death notices, hides every commercial / legal category, shows `autre`', () => {
    expect(DEFAULT_VISIBILITY['avis-de-deces']).toBe('collapse');
    expect(DEFAULT_VISIBILITY.autre).toBe('show');
    for (const c of CATEGORIES)
      if (c !== 'avis-de-deces' && c !== 'autre') expect(DEFAULT_VISIBILITY[c]).toBe('hide');
  });

  it('has French and English labels and collapse labels for every category in _locales', () => {
    const fr = messages('fr');
    const en = messages('en');
    expect(fr[categoryLabelKey('avis-de-deces')]?.message).toBe('Avis de décès');
    expect(fr[collapsedLabelKey('avis-de-deces')]?.message).toBe('Avis de décès masqués');
    for (const c of CATEGORIES) {
      for (const key of [categoryLabelKey(c), collapsedLabelKey(c)]) {
        expect(fr[key]?.message, `fr ${key}`).toBeTruthy();
        expect(en[key]?.message, `en ${key}`).toBeTruthy();
      }
    }
  });
});

describe('hideCss', () => {
  const blocks = [
    { category: 'immobilier' as const, selector: '#a' },
    { category: 'avis-de-deces' as const, selector: 'div.b > ul:nth-of-type(2)' },
    { category: 'emploi' as const, selector: '.c' },
  ];

  it('hides `hide` and `collapse` blocks with display:none !important, skips `show`', () => {
    const css = hideCss(blocks, (c) => (c === 'emploi' ? 'show' : DEFAULT_VISIBILITY[c]));
    expect(css).toBe('#a,\ndiv.b > ul:nth-of-type(2) {\n  display: none !important;\n}\n');
    expect(css).not.toContain('.c');
  });

  it('is empty when everything is shown, and drops selectors that could break out of the rule', () => {
    expect(hideCss(blocks, () => 'show')).toBe('');
    expect(hideCss([{ category: 'autre', selector: 'a} body{display:none' }], () => 'hide')).toBe('');
  });

  it('builds a valid stylesheet from detected blocks, matching the blocks', () => {
    const { document } = parseHTML(loadFixture('tendance-ouest--seed').html);
    const doc = document as unknown as Document;
    const detected = detectClassifieds(doc);
    const css = hideCss(detected, (c) => DEFAULT_VISIBILITY[c]);
    const selectorList = css.slice(0, css.indexOf('{')).trim();
    expect(doc.querySelectorAll(selectorList)).toHaveLength(3);
  });

  it('works from known-site selectors before any scan (document_start)', () => {
    const css = hideCss(knownSelectors('www.ouest-france.fr'), () => 'hide');
    expect(css).toContain('section.zone-liste.ofm-emploi');
    expect(knownSelectors('www.example.org')).toEqual([]);
    expect(knownSelectors('ouest-france.fr.evil.com')).toEqual([]);
  });

  it('knownSiteCss: CSS from the hostname alone, honouring per-site prefs', () => {
    expect(knownSiteCss('www.ouest-france.fr')).toContain('section.zone-liste.ofm-emploi');
    expect(knownSiteCss('www.example.org')).toBe('');
    const prefs = {
      categories: {},
      sites: { 'ouest-france.fr': { categories: { emploi: 'show' as const } } },
    };
    expect(knownSiteCss('www.ouest-france.fr', prefs)).toBe('');
    expect(knownSiteCss('www.ladepeche.fr', prefs)).toContain('#immobilier');
  });
});

describe('resolveVisibility', () => {
  const prefs: ClassifiedsPrefs = {
    categories: { immobilier: 'show', 'avis-de-deces': 'hide' },
    sites: {
      'ouest-france.fr': { categories: { emploi: 'show' } },
      'www.tendanceouest.com': { showAll: true, categories: { automobile: 'hide' } },
      'lamanchelibre.fr': { categories: { immobilier: 'hide' } },
      'www.lamanchelibre.fr': { categories: { immobilier: 'collapse' } },
    },
  };

  it('falls back to defaults without prefs', () => {
    expect(resolveVisibility(undefined, 'x.fr', 'avis-de-deces')).toBe('collapse');
    expect(resolveVisibility({ categories: {}, sites: {} }, 'x.fr', 'emploi')).toBe('hide');
  });

  it('uses the per-category choice', () => {
    expect(resolveVisibility(prefs, 'x.fr', 'immobilier')).toBe('show');
    expect(resolveVisibility(prefs, 'x.fr', 'avis-de-deces')).toBe('hide');
    expect(resolveVisibility(prefs, 'x.fr', 'automobile')).toBe('hide');
  });

  it('lets a site exception win, on the domain and its subdomains', () => {
    expect(resolveVisibility(prefs, 'www.ouest-france.fr', 'emploi')).toBe('show');
    expect(resolveVisibility(prefs, 'www.ouest-france.fr', 'immobilier')).toBe('show');
    expect(resolveVisibility(prefs, 'www.ouest-france.fr', 'automobile')).toBe('hide');
    expect(resolveVisibility(prefs, 'notouest-france.fr', 'emploi')).toBe('hide');
  });

  it('showAll shows everything except categories the site entry sets explicitly', () => {
    expect(resolveVisibility(prefs, 'www.tendanceouest.com', 'emploi')).toBe('show');
    expect(resolveVisibility(prefs, 'www.tendanceouest.com', 'avis-de-deces')).toBe('show');
    expect(resolveVisibility(prefs, 'www.tendanceouest.com', 'automobile')).toBe('hide');
  });

  it('the most specific host entry wins', () => {
    expect(resolveVisibility(prefs, 'www.lamanchelibre.fr', 'immobilier')).toBe('collapse');
    expect(resolveVisibility(prefs, 'm.lamanchelibre.fr', 'immobilier')).toBe('hide');
  });
});
