// Pure edits of ClassifiedsPrefs, shared by the popup and the options page (never mutate the input).
import { DEFAULT_VISIBILITY } from '../classifieds/css';
import type { Category, ClassifiedsPrefs, Visibility } from '../classifieds/types';

const clone = (p: ClassifiedsPrefs): ClassifiedsPrefs => structuredClone(p);

/** Sets a category everywhere; a per-site override of that category on `host` gives way to it. */
export function setCategory(
  prefs: ClassifiedsPrefs,
  category: Category,
  v: Visibility,
  host?: string,
): ClassifiedsPrefs {
  const next = clone(prefs);
  next.categories[category] = v;
  const site = host ? next.sites[host] : undefined;
  if (site?.categories) {
    delete site.categories[category];
    if (Object.keys(site.categories).length === 0) delete site.categories;
  }
  if (host && site && !site.showAll && !site.categories) delete next.sites[host];
  return next;
}

/** What the popup's switch means: hidden is the category's default way of hiding (collapse for death notices). */
export function switchVisibility(category: Category, hidden: boolean): Visibility {
  if (!hidden) return 'show';
  return DEFAULT_VISIBILITY[category] === 'show' ? 'hide' : DEFAULT_VISIBILITY[category];
}

/** The popup's switch, for all sites. */
export function toggleCategory(prefs: ClassifiedsPrefs, category: Category, hidden: boolean, host?: string) {
  return setCategory(prefs, category, switchVisibility(category, hidden), host);
}

/** The popup's switch, for this site only: a per-site choice for the category. */
export function toggleSiteCategory(
  prefs: ClassifiedsPrefs,
  host: string,
  category: Category,
  hidden: boolean,
): ClassifiedsPrefs {
  const next = clone(prefs);
  const site = (next.sites[host] ??= {});
  site.categories = { ...site.categories, [category]: switchVisibility(category, hidden) };
  return next;
}

/** "Afficher sur ce site" (true) or its undo (false). */
export function setSiteShowAll(prefs: ClassifiedsPrefs, host: string, showAll: boolean): ClassifiedsPrefs {
  const next = clone(prefs);
  if (showAll) next.sites[host] = { ...next.sites[host], showAll: true };
  else if (next.sites[host]) {
    delete next.sites[host].showAll;
    if (!next.sites[host].categories) delete next.sites[host];
  }
  return next;
}

export function removeSite(prefs: ClassifiedsPrefs, host: string): ClassifiedsPrefs {
  const next = clone(prefs);
  delete next.sites[host];
  return next;
}

/**
 * The report as the switch just set it, before the page answers: a panel re-rendered from the old
 * report (the article arriving, say) would put the switch back under the reader's finger.
 */
export function reportWithSwitch<
  R extends { categories: Array<{ category: Category; visibility: Visibility }> },
>(report: R, category: Category, hidden: boolean): R {
  const visibility = switchVisibility(category, hidden);
  return {
    ...report,
    categories: report.categories.map((c) => (c.category === category ? { ...c, visibility } : c)),
  };
}
