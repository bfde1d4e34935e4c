// The heading of a block: the short element before its items (a title tag, a "card-header", a table's
// title cell, an aria-label), and what category it announces.
import { collapse } from '../core/text';
import { COLLAPSE_LABEL_ATTR } from './css';
import { extraTextExceeds, isEmpty, shortText, SKIP_TEXT_PARENTS, textLengthUpTo } from './dom';
import { headingCategory } from './lexicon';
import { classAttr } from '../core/dom';
import type { Category } from './types';

export interface HeadingInfo {
  el: Element;
  /** The category it announces; null for a generic "Petites annonces"; undefined when it announces none. */
  category: Category | null | undefined;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'LEGEND', 'DT']);
const HEADING_CLASS =
  /(?:^|[\s_-])(?:title\w*|titre\w*|heading|head|header|entete|label|intitule)(?:$|[\s_-])/i;
const HEADING_MAX = 80;

function headingLike(el: Element): boolean {
  return HEADING_TAGS.has(el.tagName) || HEADING_CLASS.test(classAttr(el));
}

/** A table row of header cells only ("Date · Commune · Type · Objet"): column labels, not a title. */
export function columnLabels(el: Element): boolean {
  const aria = el.getAttributeNode('role')?.value === 'row';
  if ((el.tagName !== 'TR' && !aria) || el.childElementCount < 2) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName !== 'TH' && c.getAttributeNode('role')?.value !== 'columnheader') return false;
  }
  return true;
}

/** A short element that reads like the title of a block (or a wrapper whose first child is one). */
export function asHeading(el: Element): HeadingInfo | null {
  if (el.tagName === 'THEAD' || el.tagName === 'TFOOT' || columnLabels(el)) return null;
  const first = el.firstElementChild;
  // A header wrapper (<header><h2>Emploi</h2><a>Voir toutes les annonces</a></header>): its title.
  const titled =
    first && (HEADING_TAGS.has(first.tagName) || (!headingLike(el) && headingLike(first))) ? first : el;
  let text = shortText(titled, HEADING_MAX);
  // A title over a line of its own (<caption><b>ILS NOUS ONT QUITTÉS</b><br>Avis transmis par…): its
  // first line.
  if (!text && titled === el && headingLike(el) && first && first.nextElementSibling?.tagName === 'BR')
    text = shortText(first, HEADING_MAX);
  if (!text) return null;
  const category = headingCategory(text);
  if (category !== undefined) return { el, category };
  if (titled !== el || headingLike(el)) return { el, category: undefined };
  return null;
}

/** A short introduction between a section's title and its items ("Avis publiés par…"). */
const INTRO_TEXT = 250;

/** What a short introduction is written in: a paragraph, or in old markup a run of styled text. */
const INTRO_TAGS = new Set(['P', 'FONT', 'SPAN', 'SMALL', 'EM', 'I']);

/** Nearest non-empty previous sibling of `el` if it is a heading, looking past one short paragraph. */
export function previousHeading(el: Element): HeadingInfo | null {
  let sib = el.previousElementSibling;
  let intro = false;
  for (let guard = 0; sib && guard < 5; guard++) {
    // Our own collapse label ("Avis de décès masqués — afficher") is not the block's heading, nor are a
    // table's column labels ("Date · Commune · Type · Objet"): the table's title is before the table.
    if (
      SKIP_TEXT_PARENTS.has(sib.tagName) ||
      sib.tagName === 'THEAD' ||
      sib.hasAttribute(COLLAPSE_LABEL_ATTR) ||
      isEmpty(sib)
    ) {
      sib = sib.previousElementSibling;
      continue;
    }
    const h = asHeading(sib);
    // A header wrapper holding only the introduction (Drupal's "view-header" around "Avis parus du
    // jeudi…") announces nothing: it is the introduction, and the title is further up.
    const introBox = !!h && h.category === undefined && wrapsOneParagraph(sib);
    if ((h && !introBox) || intro || (!INTRO_TAGS.has(sib.tagName) && !introBox)) return h;
    if (textLengthUpTo(sib, INTRO_TEXT) > INTRO_TEXT) return h;
    intro = true;
    sib = sib.previousElementSibling;
  }
  return null;
}

/** An element whose only child element is one paragraph (no text of its own beside it). */
function wrapsOneParagraph(el: Element): boolean {
  const p = el.firstElementChild;
  if (!p || p !== el.lastElementChild || p.tagName !== 'P') return false;
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 3 && (c.nodeValue ?? '').trim()) return false;
  return true;
}

/** A heading given by aria-label / aria-labelledby, when it announces classifieds. */
function ariaHeading(el: Element): HeadingInfo | null {
  let label = el.getAttributeNode('aria-label')?.value ?? '';
  const by = el.getAttributeNode('aria-labelledby')?.value;
  if (!label && by) {
    const ref = el.ownerDocument.getElementById(by.split(/\s+/)[0] ?? '');
    if (ref) label = shortText(ref, HEADING_MAX) ?? '';
  }
  const category = label ? headingCategory(collapse(label)) : undefined;
  return category === undefined ? null : { el, category };
}

export interface FoundHeading {
  heading: HeadingInfo;
  /** The element (the list or one of its wrappers) the heading sits before, or the list itself. */
  container: Element;
  /** The heading is inside `container` (before the first item, or the container's own aria label). */
  inside: boolean;
}

/** Extra text a wrapper may add around a list and still be the same block (arrows, "Voir tout"). */
const WRAPPER_TEXT = 60;

/**
 * Heading inside the list (before its first item) or just before it, climbing through wrappers that
 * add (almost) nothing around the list: a carousel's track sits in a slider in a section.
 */
export function findHeading(list: Element, items: readonly Element[]): FoundHeading | null {
  const first = items[0];
  for (let c = list.firstElementChild; c && c !== first; c = c.nextElementSibling) {
    if (items.includes(c) || isEmpty(c)) continue;
    const h = asHeading(c);
    if (h) return { heading: h, container: list, inside: true };
  }
  let cur: Element = list;
  for (let depth = 0; depth < 5; depth++) {
    const h = previousHeading(cur);
    if (h) return { heading: h, container: cur, inside: false };
    // Tab panels name themselves (the tab title sits in a separate tab list).
    const named = ariaHeading(cur);
    if (named) return { heading: named, container: cur, inside: true };
    const parent = cur.parentElement;
    if (!parent || parent.tagName === 'BODY') break;
    if (extraTextExceeds(parent, [cur], WRAPPER_TEXT)) break;
    cur = parent;
  }
  return null;
}
