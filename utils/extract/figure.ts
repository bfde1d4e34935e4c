// The headline element and the lead photo: found on the cleaned page before Readability (which
// scores text and often leaves the photo out), put back into the body after it.

import { collapse } from '../core/text';
import { textOf } from './dom';

/** The <h1> that carries the title (else the first <h1>): the clean-up never removes it. */
export function findHeading(doc: Document, title: string): Element | null {
  const h1s = Array.from(doc.getElementsByTagName('h1'));
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
