// Paywall detection, in one place: the three signals a page gives and the one verdict drawn from
// them (Article.teaser: "this page shows only the start of the article").

import { classAttr } from '../core/dom';
import { PAYWALL_CLASS, PAYWALL_ID, PAYWALL_TEXT } from './lexicon';
import type { PageElements } from './page-elements';
import type { JsonObj } from './structured';

/** The page has a paywall prompt container (by class/id). Read on the clone before cleaning. */
export function hasPaywallBox(els: PageElements): boolean {
  // Two attribute reads per element: the same test as `[class*="paywall"],[id*="paywall"],…`
  // without the selector engine, which costs several times more on every page.
  for (const el of els.all) {
    const cls = classAttr(el);
    if (cls && PAYWALL_CLASS.test(cls)) return true;
    const id = el.getAttribute('id');
    if (id && PAYWALL_ID.test(id)) return true;
  }
  return false;
}

/** A block's text is a paywall prompt ("Il vous reste 80 % de cet article à lire"). */
export function isPaywallText(text: string): boolean {
  return PAYWALL_TEXT.test(text);
}

/** schema.org `isAccessibleForFree: false` on the article's JSON-LD. */
export function ldPaywalled(ld: JsonObj | null): boolean {
  const free = ld?.['isAccessibleForFree'];
  return free === false || free === 'False' || free === 'false';
}

export interface PaywallSignals {
  /** A paywall container was on the page. */
  box: boolean;
  /** A removed block was a paywall prompt. */
  text: boolean;
  /** The JSON-LD says the article is not free. */
  ld: boolean;
}

/**
 * Only the start of the article is on the page: a prompt (box or text) and either the JSON-LD
 * says so or the text is short, or the JSON-LD says so and the text is very short.
 */
export function isTeaser(s: PaywallSignals, words: number): boolean {
  return ((s.box || s.text) && (s.ld || words < 700)) || (s.ld && words < 350);
}
