// Known-site classifieds containers, as data. These complement the shape detection: they
// let the content script hide a known widget before first paint (document_start, no scan)
// and catch blocks whose text shape is too thin (e.g. a job widget that shows no price).
// A rule describes a site's template (CMS block), never one page.
//
// No Tendance Ouest rule: the shape detection already finds the seed page's "Petites Annonces"
// sub-blocks, and our reconstruction's class names are invented, so a rule on them would be
// a guess. Add one when real Tendance Ouest markup is available.
// The La Dépêche and Sud Ouest ids come from the uBlock "Liste FR" filters, not from pages
// we have seen: their categories are a best guess (documented per rule).
import { hostMatches } from '../core/url';
import type { Category } from './types';

export interface SiteBlockRule {
  /** CSS selector of the block root. Must be specific to the classifieds block. */
  selector: string;
  category: Category;
  /** Selector, relative to the root, of one item (to count items). */
  items?: string;
}

export interface SiteRule {
  id: string;
  /** Registrable domains; a rule applies to the domain and all its subdomains. */
  hosts: string[];
  blocks: SiteBlockRule[];
}

// Each rule says, in a comment above it, why its selector is the classifieds block (the source of the
// knowledge). A comment, not a field: the rules ship in the always-on content script, whose size counts.

export const SITE_RULES: readonly SiteRule[] = [
  // Ouest-France "ofm" job widget (ouestfrance-emploi.com), article.teaser-media items; seen in the fr-news page.
  {
    id: 'ouest-france-emploi-widget',
    hosts: ['ouest-france.fr'],
    blocks: [{ selector: 'section.zone-liste.ofm-emploi', category: 'emploi', items: 'article' }],
  },
  // La Dépêche group CMS property-ads box; uBlock "Liste FR": ladepeche.fr,midilibre.fr###immobilier.
  {
    id: 'depeche-midi-immobilier',
    hosts: ['ladepeche.fr', 'midilibre.fr', 'lindependant.fr', 'centrepresseaveyron.fr'],
    blocks: [{ selector: '#immobilier', category: 'immobilier', items: 'li, article' }],
  },
  // Sud Ouest group CMS mixed box (hence autre); uBlock "Liste FR": charentelibre.fr###petitesAnnoncesBlock.
  {
    id: 'sud-ouest-group-petites-annonces',
    hosts: ['charentelibre.fr', 'larepubliquedespyrenees.fr', 'sudouest.fr'],
    blocks: [{ selector: '#petitesAnnoncesBlock', category: 'autre', items: 'li, article' }],
  },
];

export function rulesForHost(host: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule[] {
  return rules.filter((r) => r.hosts.some((d) => hostMatches(host, d)));
}

/**
 * Known block selectors for a host, by category, straight from `location.hostname`: the
 * content script can build CSS from this at document_start, before the DOM exists.
 */
export function knownSelectors(
  host: string,
  rules: readonly SiteRule[] = SITE_RULES,
): Array<{ selector: string; category: Category; rule: string }> {
  const out: Array<{ selector: string; category: Category; rule: string }> = [];
  for (const r of rulesForHost(host, rules)) {
    for (const b of r.blocks) out.push({ selector: b.selector, category: b.category, rule: r.id });
  }
  return out;
}

/** A block found in a document, before its selector is built. */
export interface FoundBlock {
  el: Element;
  category: Category;
  items: number;
  source: string;
}

function countItems(root: Element, itemSelector: string | undefined): number {
  if (itemSelector) {
    try {
      const n = root.querySelectorAll(itemSelector).length;
      if (n > 0) return n;
    } catch {
      // Bad selector in a rule: fall back to counting links.
    }
  }
  return root.getElementsByTagName('a').length;
}

/** The blocks the site's rules name in `scope` (and `scope` itself when it is one). */
export function ruleBlocks(scope: Element, host: string, rules: readonly SiteRule[]): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (const rule of rulesForHost(host, rules)) {
    for (const b of rule.blocks) {
      let matches: Element[];
      try {
        matches = Array.from(scope.querySelectorAll(b.selector));
        if (scope.matches(b.selector)) matches.unshift(scope);
      } catch {
        continue;
      }
      for (const el of matches)
        found.push({ el, category: b.category, items: countItems(el, b.items), source: rule.id });
    }
  }
  return found;
}
