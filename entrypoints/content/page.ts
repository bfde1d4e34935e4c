// What the content script does to the page itself, apart from the controller's bookkeeping: the
// attributes it marks blocks with, the hiding stylesheet, the collapse label, and giving the page its
// main thread back.
import { COLLAPSE_LABEL_ATTR, DEFAULT_VISIBILITY, hideCss } from '../../utils/classifieds/css';
import { CATEGORIES, type Category, type Visibility } from '../../utils/classifieds/types';
import type { SiteUserRules } from '../../utils/settings/user-rules';
import { collapsedLabelKey } from '../../utils/ui/category-i18n';
import { t } from '../../utils/ui/i18n';
import { shadowButton } from './shadow-button';

/** Blocks the detector or a known-site rule found: the value is the category. */
export const MARK = 'data-lisible-ad';
/** Blocks hidden by one of the reader's rules ("Masquer un bloc…"). */
export const PICKED = 'data-lisible-pick';
/** A block the reader showed again from its collapse label. */
export const REVEALED = 'data-lisible-revealed';
export const LABEL_TAG = 'lisible-collapsed';

/** Gives the page its main thread back between two slices of the scan. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  // A message-channel task runs as soon as the page's pending tasks have (no 4 ms timer clamp).
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

/** Sort comparator: document order. */
export function pageOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** The first characters of an element's text, white space collapsed. */
export function firstWords(el: Element, n: number): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, n);
}

export function matchesAny(el: Element, selectors: readonly string[]): boolean {
  for (const s of selectors) {
    try {
      if (el.matches(s)) return true;
    } catch {
      // A selector this browser cannot parse matches nothing.
    }
  }
  return false;
}

/** Selectors this browser parses, one by one (an empty fragment: nothing is searched). */
export function usableRules(rules: SiteUserRules): SiteUserRules {
  const probe = document.createDocumentFragment();
  const ok = (sel: string) => {
    try {
      probe.querySelector(sel);
      return true;
    } catch {
      return false;
    }
  };
  return {
    hide: rules.hide.filter((r) => ok(r.selector)),
    exceptions: rules.exceptions.filter(ok),
    content: rules.content.filter(ok),
  };
}

/** Until the storage mirror answers, the document is not painted (see ClassifiedsController). */
const HOLD = 'html{visibility:hidden!important}\n';

export interface SheetInput {
  /** Until the storage mirror answers, the document is not painted (see ClassifiedsController). */
  holding: boolean;
  known: ReadonlyArray<{ selector: string; category: Category }>;
  rules: SiteUserRules;
  visibility: (c: Category) => Visibility;
  pickedVisibility: (c: Category) => Visibility;
}

/**
 * The hiding stylesheet: one rule per category for the marked blocks, plus the known-site selectors and
 * the reader's rules, which hide before the scan has marked anything. A block the reader revealed stays
 * shown; an exception ("Ce n'est pas une annonce") is never hidden by a known-site selector either.
 */
export function hidingSheet(i: SheetInput): string {
  const except = i.rules.exceptions.length ? `:not(:is(${i.rules.exceptions.join(',')}))` : '';
  const shown = `:not([${REVEALED}])`;
  const byCategory = (attr: string) =>
    CATEGORIES.map((category) => ({ category, selector: `[${attr}="${category}"]${shown}` }));
  const site = i.known.map((k) => ({
    category: k.category,
    selector: `:is(${k.selector})${except}${shown}`,
  }));
  const picked = i.rules.hide.map((r) => ({ category: r.category, selector: `:is(${r.selector})${shown}` }));
  return (
    (i.holding ? HOLD : '') +
    hideCss([...byCategory(MARK), ...site], i.visibility) +
    hideCss([...byCategory(PICKED), ...picked], i.pickedVisibility)
  );
}

/**
 * `hidingSheet` at document_start (default choices, no rule of the reader, nothing marked): the same
 * rules for the known-site selectors, without the per-category rules that have nothing to match yet.
 */
export function earlySheet(holding: boolean, known: SheetInput['known']): string {
  const site = known.map((k) => ({
    category: k.category,
    selector: `:is(${k.selector}):not([${REVEALED}])`,
  }));
  return (holding ? HOLD : '') + hideCss(site, (c) => DEFAULT_VISIBILITY[c]);
}

/** "Avis de décès masqués — afficher": the discreet label a collapsed block gets right before it. */
export function collapseLabel(category: Category, onReveal: () => void): HTMLElement {
  const action = document.createElement('span');
  action.textContent = t('showAction');
  const host = shadowButton(
    LABEL_TAG,
    'button{all:initial;font:13px/1.4 system-ui,sans-serif;color:#555;cursor:pointer;display:block;margin:6px 0;padding:2px 0}' +
      'button:hover span,button:focus-visible span{text-decoration:underline}' +
      'button:focus-visible{outline:2px solid #0b57d0}',
    [`${t(collapsedLabelKey(category))} — `, action],
    onReveal,
  );
  // Marked so that a rescan never takes our label for the block's heading.
  host.setAttribute(COLLAPSE_LABEL_ATTR, category);
  return host;
}
