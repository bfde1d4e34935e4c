// What Readability leaves out of the body though the page shows it there: the lead photo (it scores
// text), section headings between the blocks it joins (they have no score of their own). Both are
// remembered on the cleaned page before Readability and put back into the body after it.

import { collapse } from '../core/text';
import { elementsOf, linkDensity, textOf } from './dom';
import { LEAD_RE } from './lexicon';
import { leadingText } from './markers';
import type { PageElements } from './page-elements';

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4']);
/** The blocks a remembered heading can head. */
const BLOCKS = new Set('p div ul ol table blockquote section figure'.split(' '));

/** The <h1> that carries the title (else the first <h1>): the clean-up never removes it. */
export function findHeading(els: PageElements, title: string): Element | null {
  const h1s = els.byTag('h1');
  const t = collapse(title);
  return h1s.find((h) => t && textOf(h).includes(t.slice(0, 40))) ?? h1s[0] ?? null;
}

/**
 * The lead photo sits between the headline and the body, so Readability often leaves it out.
 * Remembers the first captioned figure after the headline, before the body.
 */
export function findLeadFigure(heading: Element | null): Element | null {
  if (!heading) return null;
  const scope = heading.closest('article, main') ?? heading.parentElement?.parentElement ?? null;
  if (!scope) return null;
  for (const fig of Array.from(scope.getElementsByTagName('figure')).slice(0, 3)) {
    if (!(heading.compareDocumentPosition(fig) & 4)) continue; // must follow the headline
    const img = fig.getElementsByTagName('img')[0];
    const cap = fig.getElementsByTagName('figcaption')[0];
    if (!img || !img.getAttribute('src') || !cap || textOf(cap).length < 10) continue;
    return fig.cloneNode(true) as Element;
  }
  return null;
}

/** Puts the lead figure at the top of the body unless its image or caption is already there. */
export function restoreLeadFigure(root: Element, fig: Element): void {
  const src = fig.getElementsByTagName('img')[0]?.getAttribute('src');
  if (!src) return;
  if (Array.from(root.getElementsByTagName('img')).some((i) => i.getAttribute('src') === src)) return;
  const capText = textOf(fig.getElementsByTagName('figcaption')[0]);
  if (capText && textOf(root).includes(capText)) return;
  const host = root.firstElementChild && root.children.length === 1 ? root.firstElementChild : root;
  const doc = root.ownerDocument;
  const imported = doc.importNode ? doc.importNode(fig, true) : fig;
  // Pages show it above the body text.
  host.insertBefore(imported, host.firstChild);
}

/** Readability sometimes keeps the headline at the top of the body; the view prints it already. */
export function dropLeadingTitle(root: Element, title: string): void {
  const t = collapse(title).toLowerCase();
  if (!t) return;
  for (const h of Array.from(root.querySelectorAll('h1, h2')).slice(0, 2)) {
    const ht = textOf(h).toLowerCase();
    if (
      ht &&
      (ht === t ||
        (ht.length > 20 && t.includes(ht)) ||
        (t.length > 20 && ht.includes(t) && ht.length < t.length + 40))
    ) {
      h.remove();
    }
  }
}

/** The body's first absolute image URL (the lead image when the page names none). */
export function firstImage(root: Element): string | null {
  const src = root.querySelector('img[src]')?.getAttribute('src');
  return src && /^https?:/i.test(src) ? src : null;
}

export interface KeptHeading {
  heading: Element;
  /** The start of the text of the block that follows it on the page. */
  next: string;
}

/** Section headings of the cleaned page, each with the start of the block that follows it. */
export function rememberHeadings(body: Element): KeptHeading[] {
  const out: KeptHeading[] = [];
  for (const h of elementsOf(body, SECTION_HEADINGS)) {
    const t = textOf(h);
    if (t.length < 3 || t.length > 150 || LEAD_RE.test(t)) continue;
    const next = h.nextElementSibling;
    if (!next || (next.textContent ?? '').length < 80) continue;
    const lead = leadingText(next, 60);
    // Prose follows (not a list of links); big blocks are taken as prose without measuring them.
    if (lead.length < 40 || ((next.textContent ?? '').length < 5000 && linkDensity(next) > 0.3)) continue;
    out.push({ heading: h.cloneNode(true) as Element, next: lead.slice(0, 40) });
    if (out.length > 60) break;
  }
  return out;
}

/** Puts back, before the block it introduced, each remembered heading the body lost. */
export function restoreHeadings(root: Element, kept: KeptHeading[]): void {
  // A body of hundreds of kilobytes kept its headings (Readability took the whole page).
  if (kept.length === 0 || (root.textContent ?? '').length > 300_000) return;
  const text = textOf(root);
  const missing = kept.filter((k) => !text.includes(textOf(k.heading)) && text.includes(k.next));
  if (missing.length === 0) return;
  // The first block starting with each probe, reading only the start of each block.
  const starts = new Map<string, Element>();
  for (const b of elementsOf(root, BLOCKS)) {
    const lead = leadingText(b, 60).slice(0, 40);
    if (!starts.has(lead)) starts.set(lead, b);
  }
  for (const k of missing) {
    const at = starts.get(k.next);
    if (!at || !at.parentNode) continue;
    const doc = root.ownerDocument;
    at.parentNode.insertBefore(doc.importNode ? doc.importNode(k.heading, true) : k.heading, at);
  }
}
