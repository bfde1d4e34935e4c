// Cheap "offer the reading view?" check, run on every page load: no clone, no Readability parse.
// Signals: JSON-LD / og:type article hints, then Readability's isProbablyReaderable idea
// (sum of sqrt(length - 140) over long paragraphs not in comment/sidebar-like containers).
// It ships in the always-on content script, whose size is budgeted: it imports two regular
// expressions of the lexicon and nothing else.

import { MAYBE_CANDIDATE, UNLIKELY_CANDIDATES } from './lexicon';

const ARTICLE_LD =
  /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Review|Background)?(?:Article|BlogPosting|LiveBlogPosting)"/;
/** A <p> inside a list item (teaser lists), or anything inside a hidden subtree. One walk up, no selector engine. */
function inListOrHidden(el: Element): boolean {
  const isP = el.tagName.toLowerCase() === 'p';
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return true;
    if (isP && n !== el && n.tagName.toLowerCase() === 'li') return true;
  }
  return false;
}

export function isProbablyArticle(doc: Document): boolean {
  try {
    return probablyArticle(doc);
  } catch (e) {
    // DOM shims (happy-dom) search recursively and overflow on 10 000-deep pages; browsers do not.
    // No offer is the safe answer; any other error is a bug and surfaces.
    if (e instanceof RangeError || (e instanceof Error && e.name === 'RangeError')) return false;
    throw e;
  }
}

function probablyArticle(doc: Document): boolean {
  // documentElement first: a DOM shim given no bytes (linkedom) has none and throws on `body`.
  if (!doc.documentElement || !doc.body || doc.querySelector('frameset')) return false;
  const ogType = (doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '').toLowerCase();
  const hasArticleLd = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((s) =>
    ARTICLE_LD.test(s.textContent ?? ''),
  );
  const hinted = ogType === 'article' || hasArticleLd;
  // A hint lowers the bar but the page must still carry some paragraph text (not a list page).
  const needed = hinted ? 10 : 20;
  let score = 0;
  const nodes = doc.querySelectorAll('p, pre, article, div > br');
  for (const node of Array.from(nodes)) {
    const el = node.tagName === 'BR' || node.tagName === 'br' ? node.parentElement : node;
    if (!el) continue;
    const match = (el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '');
    if (UNLIKELY_CANDIDATES.test(match) && !MAYBE_CANDIDATE.test(match)) continue;
    const len = (el.textContent ?? '').trim().length;
    if (len < 140) continue;
    if (inListOrHidden(el)) continue;
    score += Math.sqrt(len - 140);
    if (score > needed) return true;
  }
  return false;
}
