// In-page tables of contents: a label ("Table of Contents", « Sommaire ») over a list of links to the
// page's own sections, often with a "[Masquer]" toggle. The reading view has the sections' headings
// themselves; the list only repeats them, and its label and toggle read as stray lines. Removed from
// Readability's result (which keeps them: a list of short links in the article's container).
// Footnotes link within the page too, but their items are sentences, not links: they stay.

import { collapse } from '../core/text';
import { textOf } from './dom';
import { TOC_LABEL, TOC_LEAD } from './lexicon';

/** At least this many links to the page's own anchors make a table of contents. */
const MIN_ITEMS = 3;

/** The path of a URL without its fragment ('' when it cannot be read). */
function pathOf(url: string, base: string | null): string {
  try {
    const u = new URL(url, base ?? 'https://x.invalid/');
    return u.origin + u.pathname.replace(/\/$/, '') + u.search;
  } catch {
    return '';
  }
}

/**
 * A link to an anchor of this page: "#step-2", this page's own address with a fragment, or any address
 * with the fragment of an element here (a parser resolving "#step-2" against <base href> or its own
 * location, not the page's, as Readability's link fixing does).
 */
function toThisPage(href: string, page: string, ids: ReadonlySet<string>): boolean {
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return false;
  if (hash === 0) return true;
  if (page !== '' && pathOf(href.slice(0, hash), page) === page) return true;
  const frag = href.slice(hash + 1);
  try {
    return ids.has(frag) || ids.has(decodeURIComponent(frag));
  } catch {
    return ids.has(frag);
  }
}

/** The ids and anchor names under `root`: what an in-page link can point to. */
function anchorsOf(root: Element): Set<string> {
  const ids = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
    const v = el.getAttribute('id') ?? el.getAttribute('name');
    if (v) ids.add(v);
  }
  return ids;
}

/**
 * A block made of links to the page's anchors: at least three, nearly all of its links, and their
 * text most of its text (a footnote is a sentence with one back-link; a TOC item is its link).
 */
function isContentsList(el: Element, page: string, ids: ReadonlySet<string>, lead = 0): boolean {
  const links = Array.from(el.getElementsByTagName('a'));
  if (links.length < MIN_ITEMS) return false;
  let inPage = 0;
  let linked = 0;
  for (const a of links) {
    if (!toThisPage(a.getAttribute('href') ?? '', page, ids)) continue;
    inPage++;
    linked += textOf(a).length;
  }
  const text = textOf(el).length - lead;
  return inPage >= MIN_ITEMS && inPage >= links.length * 0.8 && linked >= text * 0.7;
}

/** The text of an element's children other than `except`: what a wrapper adds to the list. */
function besides(parent: Element, except: Element): string {
  let s = '';
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c !== except) s += ' ' + (c.textContent ?? '');
  return collapse(s);
}

/** Removes the tables of contents of `root`, with their label; `pageUrl` resolves "this page". */
export function dropTableOfContents(root: Element, pageUrl: string | null): void {
  const links = root.querySelectorAll('a[href*="#"]');
  if (links.length >= MIN_ITEMS) dropLists(root, pageUrl, Array.from(links));
  dropLoneLabels(root);
}

/** The lists and lines holding links with a fragment: the only places a table of contents can be. */
function dropLists(root: Element, pageUrl: string | null, links: Element[]): void {
  const page = pageUrl ? pathOf(pageUrl, null) : '';
  const ids = anchorsOf(root);
  const lists = new Set<Element>();
  const lines = new Set<Element>();
  for (const a of links) {
    // The outermost list holding the link: a nested one goes with it.
    let list: Element | null = null;
    for (
      let l = a.closest('ul, ol');
      l && root.contains(l) && l !== root;
      l = l.parentElement?.closest('ul, ol') ?? null
    )
      list = l;
    if (list) lists.add(list);
    else {
      const line = a.closest('p, div');
      if (line && line !== root && root.contains(line)) lines.add(line);
    }
  }
  for (const line of lines) {
    // "Jump to: Tents · Stoves · Lamps": a line of its own, led by its label.
    if (!root.contains(line) || line.querySelector('p, div, ul, ol, li, h2, h3, h4, table')) continue;
    const m = TOC_LEAD.exec(textOf(line));
    if (m && isContentsList(line, page, ids, m[0].length)) line.remove();
  }
  for (const list of lists) {
    if (!root.contains(list) || !isContentsList(list, page, ids)) continue;
    // Its box: wrappers that add nothing but the label and the toggle.
    let block: Element = list;
    for (let p = block.parentElement; p && p !== root; p = p.parentElement) {
      const extra = besides(p, block);
      if (extra && !TOC_LABEL.test(extra)) break;
      block = p;
    }
    // A label set just before the box (a heading, a bold line).
    const prev = block.previousElementSibling;
    if (prev && TOC_LABEL.test(textOf(prev))) prev.remove();
    block.remove();
  }
}

/** One word that names a section as often as a table of contents ("Contents" of a box, « Inhalt »). */
const GENERIC_NAME = /^(?:contents?|inhalt|[íi]ndice|contenidos?)(?![\p{L}])/iu;
/** What a label is set in. */
const LABELS = 'h2, h3, h4, h5, h6, p, div, span, strong, b, summary';

/**
 * A label whose list is gone (the site's script fills it in, or the list was removed as links): a
 * box holding nothing but the label, or the label over an empty list. A heading on its own with text
 * after it is a section's, unless its name is the table of contents' own ("Table of Contents").
 */
function dropLoneLabels(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(LABELS))) {
    if (!root.contains(el) || el.firstElementChild?.firstElementChild) continue;
    const text = textOf(el);
    if (text.length > 60 || !TOC_LABEL.test(text)) continue;
    let box: Element = el;
    while (box.parentElement && box.parentElement !== root && textOf(box.parentElement) === text)
      box = box.parentElement;
    const next = box.nextElementSibling;
    const emptyList = !!next && /^(?:ul|ol|nav)$/.test(next.localName) && textOf(next) === '';
    if (emptyList) next.remove();
    if (emptyList || (box !== el && !GENERIC_NAME.test(text))) box.remove();
  }
}
