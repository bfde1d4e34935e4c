// Bounded DOM text reads for the detector. No innerText, no layout: it runs under happy-dom, linkedom
// and browsers. Manual walks, not TreeWalkers: linkedom's TreeWalker collects a whole subtree up front,
// which defeats the early exits these helpers exist for.
import { collapse } from '../core/text';

/** Elements whose text is never page text. */
export const SKIP_TEXT_PARENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'OPTION',
  'TITLE',
]);

// Formatting tags glue text ("120 600<sup>€</sup>"); every other element is a field boundary.
const INLINE_TAGS = new Set([
  'B',
  'STRONG',
  'EM',
  'I',
  'U',
  'S',
  'SMALL',
  'SUP',
  'SUB',
  'ABBR',
  'MARK',
  'FONT',
  'WBR',
]);

const NON_SPACE = /\S/;

export function isDocument(n: Document | Element): n is Document {
  return n.nodeType === 9;
}

/** White space as `collapse` (utils/core/text.ts) sees it: JavaScript's \\s, NBSP and thin spaces included. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The characters `collapse` drops (soft hyphen, zero-width ones, BOM). */
function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}

/**
 * `collapse(text).length` without building the collapsed string: the scan's text reads ask for lengths
 * of every text node of every item and heading, and the two replaces and the trim were a tenth of its
 * time. Invisible characters count for nothing (and do not end a run of white space), each run of
 * white space between two other characters for one, leading and trailing runs for none.
 */
export function collapsedLength(text: string | null | undefined): number {
  if (!text) return 0;
  let len = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) {
      // Printable ASCII, the common case.
    } else if (isInvisible(c)) continue;
    else if (isSpace(c)) {
      gap = len > 0;
      continue;
    }
    if (gap) {
      len++;
      gap = false;
    }
    len++;
  }
  return len;
}

/** Next node of a depth-first walk of `root` (skipping script-like subtrees), or null at the end. */
function nextNode(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let cur: Node | null = node;
  while (cur && cur !== root && !cur.nextSibling) cur = cur.parentNode;
  return !cur || cur === root ? null : cur.nextSibling;
}

/**
 * Visible-ish text length of `el` (non-space characters plus one per whitespace run), stopping once it
 * exceeds `limit`: a heading check must not read a whole article body.
 */
export function textLengthUpTo(el: Element, limit: number): number {
  let len = 0;
  for (let node: Node | null = el.firstChild; node;) {
    if (node.nodeType === 3) {
      len += collapsedLength(node.nodeValue);
      if (len > limit) return len;
    }
    const skip = node.nodeType === 1 && SKIP_TEXT_PARENTS.has((node as Element).tagName);
    node = nextNode(node, el, skip);
  }
  return len;
}

/**
 * Text of `el` with a space at every element boundary except inline ones (so "Locations" and
 * "Voir plus" in two elements do not fuse), whitespace collapsed; reading stops after about `limit`
 * characters.
 */
export function spacedText(el: Element, limit: number): string {
  let out = '';
  let raw = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && raw <= limit * 4; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        out += v;
        raw += v.length;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (SKIP_TEXT_PARENTS.has(tag)) continue;
        const block = !INLINE_TAGS.has(tag);
        if (block) out += ' ';
        walk(c);
        if (block) out += ' ';
      }
    }
  };
  walk(el);
  return collapse(out).slice(0, limit);
}

/** Spaced, collapsed text of `el` when it is at most `limit` characters long, else null (cheaply). */
export function shortText(el: Element, limit: number): string | null {
  if (textLengthUpTo(el, limit) > limit) return null;
  return spacedText(el, limit + 40);
}

/** Text length of `parent` outside of `keep` elements, stopping as soon as it exceeds `limit`. */
export function extraTextExceeds(parent: Element, keep: readonly Element[], limit: number): boolean {
  let extra = 0;
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const el = c as Element;
      if (keep.includes(el) || SKIP_TEXT_PARENTS.has(el.tagName)) continue;
      extra += textLengthUpTo(el, limit - extra);
    } else if (c.nodeType === 3) {
      extra += collapsedLength(c.nodeValue);
    }
    if (extra > limit) return true;
  }
  return false;
}

export function isEmpty(el: Element): boolean {
  return el.firstElementChild === null && !NON_SPACE.test(el.textContent ?? '');
}

/** A link with a target: an `<a href>` itself or inside; custom cards may carry the href themselves. */
export function hasLink(el: Element): boolean {
  if (el.hasAttribute('href')) return true;
  // getElementsByTagName, not querySelector: selector matching is slow in DOM shims.
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) if (links[i]!.hasAttribute('href')) return true;
  return false;
}

/** Number of `<time>` elements and links below `el` (teasers carry dates, ads carry prices). */
export function countTags(el: Element, tag: string): number {
  return el.getElementsByTagName(tag).length;
}

/** `el` holds text of its own between its children (flat markup: `<a>…</a><br>Figeac (46100)`). */
export function hasOwnText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && (c.nodeValue ?? '').trim().length > 2) return true;
  }
  return false;
}
