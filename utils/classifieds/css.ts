// Hiding classifieds by stylesheet: nodes stay in the page (the site's scripts keep working
// and "afficher" can bring a block back without reloading), only their rendering changes.
import { hostMatches } from '../core/url';
import { knownSelectors, SITE_RULES, type SiteRule } from './rules';
import type { Category, ClassifiedBlock, ClassifiedsPrefs, Visibility } from './types';

/**
 * Defaults: death notices are collapsed behind a discreet label (never silently removed: a
 * reader may be looking for one); commercial and legal notices are hidden. `autre` (personal ads,
 * holiday rentals, animals, services, or a block whose kind is unclear) is shown until the reader
 * hides it: a block nobody can name is the likeliest to be something else (issue 12).
 */
export const DEFAULT_VISIBILITY: Record<Category, Visibility> = {
  immobilier: 'hide',
  automobile: 'hide',
  emploi: 'hide',
  'bonnes-affaires': 'hide',
  'avis-de-deces': 'collapse',
  'annonces-legales': 'hide',
  autre: 'show',
};

export const EMPTY_PREFS: ClassifiedsPrefs = { categories: {}, sites: {} };

/** Attribute the content script puts on the label element it inserts before a collapsed block. */
export const COLLAPSE_LABEL_ATTR = 'data-lisible-collapsed';

/**
 * What the reader chose for `category` on `host`, if anything: site exception (per-category, then
 * showAll), then the reader's per-category choice. The most specific site entry wins
 * ("www.ouest-france.fr" before "ouest-france.fr").
 */
export function chosenVisibility(
  prefs: ClassifiedsPrefs | undefined,
  host: string,
  category: Category,
): Visibility | undefined {
  const sites = prefs?.sites ?? {};
  const keys = Object.keys(sites)
    .filter((k) => hostMatches(host, k))
    .sort((a, b) => b.length - a.length);
  for (const k of keys) {
    const site = sites[k];
    if (!site) continue;
    const v = site.categories?.[category];
    if (v) return v;
    if (site.showAll) return 'show';
  }
  return prefs?.categories[category];
}

/** Visibility of `category` on `host`: the reader's choice (`chosenVisibility`), else the default. */
export function resolveVisibility(
  prefs: ClassifiedsPrefs | undefined,
  host: string,
  category: Category,
): Visibility {
  return chosenVisibility(prefs, host, category) ?? DEFAULT_VISIBILITY[category];
}

function ruleFor(selectors: string[]): string {
  return selectors.length ? `${selectors.join(',\n')} {\n  display: none !important;\n}\n` : '';
}

/**
 * Stylesheet hiding the blocks. `hide` and `collapse` both hide the block (for `collapse`
 * the content script inserts a "… masqués — afficher" label before it); `show` adds nothing.
 * Accepts detected blocks or known-site selectors (`knownSelectors(host)`), so the same
 * function serves the document_start stylesheet and the post-scan one.
 */
export function hideCss(
  blocks: ReadonlyArray<Pick<ClassifiedBlock, 'category' | 'selector'>>,
  visibilityFor: (category: Category) => Visibility,
): string {
  const hidden: string[] = [];
  const seen = new Set<string>();
  for (const b of blocks) {
    if (seen.has(b.selector)) continue;
    const v = visibilityFor(b.category);
    if (v === 'show') continue;
    // A selector that contains a "}" or "{" could break out of the rule: never emit it.
    if (/[{}]/.test(b.selector) || b.selector.trim() === '') continue;
    seen.add(b.selector);
    hidden.push(b.selector);
  }
  return ruleFor(hidden);
}

/**
 * Stylesheet for a known site, from the hostname alone (no DOM): what the content script injects
 * at document_start, before first paint. Empty for unknown sites (the scan handles those).
 */
export function knownSiteCss(
  host: string,
  prefs?: ClassifiedsPrefs,
  rules: readonly SiteRule[] = SITE_RULES,
): string {
  return hideCss(knownSelectors(host, rules), (c) => resolveVisibility(prefs, host, c));
}
