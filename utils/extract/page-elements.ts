// The page's elements from one walk, for the metadata step: it asked getElementsByTagName for
// meta, script, title, h1 (twice), link, time and p, and walked every element for the paywall
// box — nine walks of the whole page, each costly under a DOM shim (linkedom walks every node,
// text and attributes included, and upper-cases each element's name). Valid until the page changes.

import { descendants } from './dom';

export interface PageElements {
  /** The root element and every element under it, in document order. */
  readonly all: readonly Element[];
  /** What `doc.getElementsByTagName(name)` gives (root included), in document order. */
  byTag(name: string): readonly Element[];
}

const NONE: readonly Element[] = [];

export function pageElements(doc: Document): PageElements {
  const html = doc.documentElement;
  const all = html ? [html, ...descendants(html)] : [];
  const tags = new Map<string, Element[]>();
  for (const el of all) {
    // localName, as getElementsByTagName matches it (an HTML element's is lower case).
    const list = tags.get(el.localName);
    if (list) list.push(el);
    else tags.set(el.localName, [el]);
  }
  return { all, byTag: (name) => tags.get(name) ?? NONE };
}
