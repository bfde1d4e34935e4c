// Short blocks led by a boilerplate phrase (lexicon.ts LEAD_RE): "Lire aussi : <link>", a "Les plus
// lus" heading with its list, "Abonnez-vous à notre newsletter"... and the widget such a heading
// introduces. Runs after the class walk (clean.ts), with the same guard rails.

import { collapse } from '../core/text';
import { elementsOf, isElement, linkDensity, tagName, textOf } from './dom';
import { holdsCode, protectedNode, type CleanContext } from './clean';
import { LEAD_RE, WEAK_LEAD_RE } from './lexicon';
import { isPaywallText } from './paywall';

const CANDIDATES = new Set(
  'p li div section h2 h3 h4 h5 h6 strong b span figure blockquote ul dl'.split(' '),
);

/**
 * Short blocks led by a boilerplate phrase: "Lire aussi : <link>", a "Les plus lus" heading with
 * its list, "Abonnez-vous à notre newsletter"... A paragraph is removed only when it is led by
 * the phrase AND is short or mostly links, so "Il faut lire aussi le rapport..." stays.
 */
export function dropMarkerBlocks(body: Element, ctx: CleanContext): { paywallText: boolean } {
  const res = { paywallText: false };
  const candidates = elementsOf(body, CANDIDATES);
  for (const el of candidates) {
    if (!body.contains(el)) continue;
    const tag = tagName(el);
    // Cheap pre-test on the first characters before reading the whole subtree's text.
    if (!LEAD_RE.test(leadingText(el, 48))) continue;
    const text = textOf(el);
    if (!text || text.length > 400) continue;
    if (!LEAD_RE.test(text)) continue;
    // Code says "newsletter", "footer" or "comments" about itself: it is text, never a widget.
    if (el.closest('pre, code') || holdsCode(el)) continue;
    if (isPaywallText(text)) res.paywallText = true;
    const ld = linkDensity(el, text.length);
    const phraseOnly = text.length < 40 && ld < 0.5;
    if (
      /^h[2-6]$/.test(tag) ||
      ((tag === 'strong' || tag === 'b' || tag === 'span' || tag === 'p') && phraseOnly)
    ) {
      // A widget heading: remove the widget it heads (heading + following list/teasers). A section
      // heading that merely starts with the phrase ("Lire la suite la semaine prochaine") heads prose.
      if (LEAD_RE.test(text) && !headsProse(el, text)) removeWidgetFrom(el, ctx);
      continue;
    }
    if (WEAK_LEAD_RE.test(text) && !phraseOnly && ld < 0.5) continue;
    if (tag === 'div' || tag === 'section' || tag === 'ul' || tag === 'dl') {
      if (ld > 0.3 || text.length < 200) {
        if (!protectedNode(el, ctx)) el.remove();
      }
      continue;
    }
    // p, li, figure, blockquote
    if (WEAK_LEAD_RE.test(text) && !phraseOnly) continue;
    if (ld > 0.25 || text.length < 160) el.remove();
  }
  return res;
}

/** A heading of the article: words beyond the phrase, and prose (not links) right after it. */
function headsProse(heading: Element, text: string): boolean {
  if (!/^h[2-6]$/.test(tagName(heading))) return false;
  const rest = text.replace(LEAD_RE, '').trim();
  if (rest.split(' ').length < 2 || /:$/.test(text)) return false;
  const next = heading.nextElementSibling;
  const nt = next ? textOf(next) : '';
  return nt.length >= 100 && linkDensity(next!, nt.length) < 0.3;
}

/** First `max` characters of text under `el`, without reading the whole subtree. */
export function leadingText(el: Element, max: number): string {
  // Iterative, no closures (this runs for every candidate block of the page). Raw text is appended
  // in slices and collapsed only once it could be long enough (collapsing only shortens), and kept
  // raw while short: collapsing trims, which would glue words across text nodes.
  const slice = max * 4;
  let s = '';
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      for (let i = 0; i < v.length; i += slice) {
        s += v.slice(i, i + slice);
        if (s.length >= max) {
          const c = collapse(s);
          if (c.length >= max) return c;
        }
      }
    } else if (isElement(node) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return collapse(s);
}

/**
 * `heading` introduces a boilerplate widget. Removes the smallest ancestor that is the widget
 * (heading + link-dense teasers), else the heading and the link-dense siblings after it.
 */
function removeWidgetFrom(heading: Element, ctx: CleanContext): void {
  // Climb past inline wrappers (<p><strong>Lire aussi</strong> <a>…</a></p>).
  let node: Element = heading;
  for (let i = 0; i < 4; i++) {
    const parent: Element | null = node.parentElement;
    if (!parent || protectedNode(parent, ctx)) break;
    const pt = textOf(parent);
    if (pt.length > 1500) break;
    node = parent;
    // Found the box when it has more than the heading and is mostly links/short.
    if (pt.length > textOf(heading).length + 20) {
      if (linkDensity(parent, pt.length) > 0.4 || pt.length < 300) {
        parent.remove();
        return;
      }
      break;
    }
  }
  // Heading inside a larger container: drop it and the teaser siblings right after it.
  let sib = heading.nextElementSibling;
  heading.remove();
  while (sib) {
    const next = sib.nextElementSibling;
    const t = textOf(sib);
    const tag = tagName(sib);
    if (/^h[1-6]$/.test(tag)) break;
    if (t.length === 0 || linkDensity(sib, t.length) > 0.5) {
      sib.remove();
      sib = next;
      continue;
    }
    break;
  }
}
