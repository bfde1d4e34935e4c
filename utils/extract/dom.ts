// Small DOM helpers that behave the same under a browser, happy-dom and linkedom.
// No `instanceof` (documents may come from another realm) and no layout APIs (innerText,
// getComputedStyle): linkedom has no layout, and a cloned document is never rendered.

import { collapse, countWords } from '../core/text';
import { FURNITURE_ROLES } from './lexicon';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function textOf(node: Node | null | undefined): string {
  return collapse(node?.textContent ?? '');
}

/** A link's text long enough to be a story's headline: 20+ characters and 4+ words. */
export function isHeadlineText(t: string): boolean {
  return t.length >= 20 && countWords(t) >= 4;
}

/**
 * The first text node under `root` that holds text (what `collapse` keeps), in document order, without
 * entering the elements `skip` names (a card's script); null when there is none. It stops there:
 * reading and collapsing a whole page's text only to find where it starts costs.
 */
export function firstText(root: Node, skip?: (el: Element) => boolean): Node | null {
  for (let n: Node | null = root.firstChild; n;) {
    if (n.nodeType === TEXT_NODE && collapse(n.nodeValue)) return n;
    if (n.firstChild && !(skip && n.nodeType === ELEMENT_NODE && skip(n as Element))) n = n.firstChild;
    else {
      while (n && n !== root && !n.nextSibling) n = n.parentNode;
      n = n && n !== root ? n.nextSibling : null;
    }
  }
  return null;
}

/** Whether a subtree holds any text (what `textOf(node).length > 0` says), read up to its first text. */
export function hasText(root: Node): boolean {
  return firstText(root) !== null;
}

/**
 * The elements under `root`, in document order, as `querySelectorAll('*')` gives them, without the
 * selector engine (costly under DOM shims; linkedom's getElementsByTagName has no '*').
 */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let el: Element | null = root.firstElementChild;
  while (el) {
    out.push(el);
    let next: Element | null = el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement)
      next = up.nextElementSibling;
    el = next;
  }
  return out;
}

/** `root.querySelectorAll('p, li, …')` for a list of tag names: the same elements, in document order. */
export function elementsOf(root: Element, tags: ReadonlySet<string>): Element[] {
  return descendants(root).filter((el) => tags.has(tagName(el)));
}

const LINKED_HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * `el.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4')`: the first link inside a heading, or
 * heading inside a link, under `el` (a teaser's headline). One walk that carries "inside a heading /
 * a link" down, instead of the selector engine, which costs on every card and list item.
 */
export function headlineLink(el: Element): Element | null {
  let inH = false;
  let inA = false;
  for (let a: Element | null = el; a; a = a.parentElement) {
    const t = tagName(a);
    if (t === 'a') inA = true;
    else if (LINKED_HEADINGS.has(t)) inH = true;
  }
  const visit = (parent: Element, h: boolean, link: boolean): Element | null => {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const t = tagName(c);
      const isA = t === 'a';
      const isH = LINKED_HEADINGS.has(t);
      if ((isA && h) || (isH && link)) return c;
      const found = visit(c, h || isH, link || isA);
      if (found) return found;
    }
    return null;
  };
  return visit(el, inH, inA);
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function tagName(el: Element): string {
  // localName, not tagName: linkedom builds tagName upper-cased on every read, and this runs for
  // every element of every walk. The same name for HTML elements; lower-cased for SVG's camelCase.
  return (el.localName ?? el.tagName).toLowerCase();
}

/** A link to a picture file (a gallery item, a full-size photo), not to a page. */
export const IMAGE_FILE = /\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)/i;

/**
 * Text inside links divided by all text (Readability's link density). Raw lengths (whitespace
 * included) on both sides: a ratio does not need collapsed text, and collapsing every subtree's
 * text again and again is the engine's main cost on big pages.
 */
export function linkDensity(el: Element, _textLength?: number): number {
  const total = (el.textContent ?? '').trim().length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    const href = a.getAttribute('href') ?? '';
    // In-page anchors (footnotes) are not navigation, nor a gallery's link to the full-size picture
    // (a caption linked to the photo it describes).
    const weight = href.startsWith('#') || IMAGE_FILE.test(href) ? 0.3 : 1;
    linked += (a.textContent ?? '').trim().length * weight;
  }
  return Math.min(1, linked / total);
}

export function removeAll(nodes: Iterable<Element>): void {
  for (const n of Array.from(nodes)) n.remove();
}

/**
 * Elements that hold the text of a page as blocks: paragraphs, items, cells, quotes, headings and
 * the lists, tables and sections made of them (what the gates count prose in).
 */
export const TEXT_BLOCK_TAGS: ReadonlySet<string> = new Set(
  'p li dd dt blockquote pre td th figcaption div ul ol table dl figure section article h1 h2 h3 h4 h5 h6'.split(
    ' ',
  ),
);

/** Blocks that end a line when rendering text. Kept in one place so text, tests and bench agree. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...TEXT_BLOCK_TAGS,
  ...'address aside br caption details dialog fieldset footer form header hr main nav summary'.split(' '),
  ...'tbody tfoot thead tr picture video body html'.split(' '),
]);

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math']);

/**
 * Plain text of a subtree with a newline at every block boundary, whitespace collapsed inside
 * lines. This is the one text rendering used for `textContent`, the fr-news checks and the
 * benchmark (for every extractor), so scores compare outputs, not renderers.
 */
export function blockText(root: Node): string {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = collapse(line);
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      line += node.nodeValue ?? '';
      return;
    }
    if (!isElement(node) && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = isElement(node) ? tagName(node) : '';
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    else if (tag === 'td' || tag === 'th') line += ' ';
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join('\n');
}

/** Resolves `href` against `base`; returns the input unchanged when it cannot be resolved. */
export function absolutize(href: string, base: string | null): string {
  const v = href.trim();
  if (!v || v.startsWith('#') || /^(?:data|javascript|mailto|tel|about|blob):/i.test(v)) return v;
  try {
    return base ? new URL(v, base).href : new URL(v).href;
  } catch {
    return v;
  }
}

/**
 * Depth past which `capDepth` flattens. Chromium's HTML parser already stops nesting at 512, so a
 * parsed page never reaches this in a browser; a page built by script or a DOM shim (linkedom,
 * happy-dom) can nest 10 000 deep, and Readability's recursive walks (`_cleanStyles`…) then overflow
 * the stack. Kept under 512 so browser-parsed pages are untouched.
 */
export const MAX_DEPTH = 400;
/** Subtrees at most this tall are kept whole under the cap (a paragraph, a list, a table). */
const KEPT_HEIGHT = 32;

/**
 * Bounds the tree's depth to about MAX_DEPTH + KEPT_HEIGHT without losing text or changing its
 * order: under an element at depth MAX_DEPTH, every subtree taller than KEPT_HEIGHT is dissolved
 * and what it held (short subtrees, text) becomes that element's children, in document order.
 * Iterative throughout (no recursion on the depth it is there to bound) and O(nodes): each kept
 * piece moves once, and only short pieces move (happy-dom walks a moved subtree recursively).
 * Returns the number of dissolved elements.
 */
export function capDepth(root: Element, maxDepth = MAX_DEPTH): number {
  // Pass 1: elements at depth maxDepth that have children. Iterative DFS over parallel arrays (no
  // tuple per element: this pass runs on every extraction, and almost always finds nothing).
  const atCap: Element[] = [];
  const els: Element[] = [root];
  const depths: number[] = [0];
  while (els.length) {
    const el = els.pop()!;
    const d = depths.pop()!;
    if (d === maxDepth) {
      if (el.firstElementChild) atCap.push(el);
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      els.push(c);
      depths.push(d + 1);
    }
  }
  let dissolved = 0;
  for (const top of atCap) {
    // Pass 2: heights, post-order without recursion.
    const height = new Map<Element, number>();
    const order: Element[] = [];
    const walk: Element[] = [top];
    while (walk.length) {
      const el = walk.pop()!;
      order.push(el);
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk.push(c);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const el = order[i]!;
      let h = 0;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling)
        h = Math.max(h, (height.get(c) ?? 0) + 1);
      height.set(el, h);
    }
    if ((height.get(top) ?? 0) <= KEPT_HEIGHT + 1) continue;
    // Pass 3: in document order, the pieces to keep (short subtrees, text) and the tall elements.
    const pieces: Node[] = [];
    const tall: Element[] = [];
    const todo: Node[] = [];
    for (let c = top.lastChild; c; c = c.previousSibling) todo.push(c);
    while (todo.length) {
      const n = todo.pop()!;
      if (n.nodeType === ELEMENT_NODE && (height.get(n as Element) ?? 0) > KEPT_HEIGHT) {
        tall.push(n as Element);
        for (let c = n.lastChild; c; c = c.previousSibling) todo.push(c);
      } else pieces.push(n);
    }
    // Pass 4: pieces become top's children in order; then the emptied tall elements go, deepest
    // first, so no removal carries a deep subtree.
    for (const n of pieces) top.appendChild(n);
    for (let i = tall.length - 1; i >= 0; i--) tall[i]!.remove();
    dissolved += tall.length;
  }
  return dissolved;
}

/** A stack overflow (RangeError), which DOM shims raise on very deep trees; other errors are bugs. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && e.name === 'RangeError');
}

/**
 * `doc.cloneNode(true)`, falling back to an iterative copy when the DOM's own deep clone overflows the
 * stack (happy-dom and jsdom clone recursively; 10 000 nested elements are enough). Browsers clone
 * natively and never take the fallback, so normal pages pay nothing.
 */
export function cloneDocument(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
  }
  const copy = doc.cloneNode(false) as Document;
  const stack: Array<[Node, Node]> = [];
  for (let c = doc.firstChild; c; c = c.nextSibling) stack.push([c, copy]);
  // Children are pushed in reverse below, so popping appends them in document order.
  stack.reverse();
  while (stack.length) {
    const [src, parent] = stack.pop()!;
    const node = copy.importNode ? copy.importNode(src, false) : src.cloneNode(false);
    parent.appendChild(node);
    const kids: Array<[Node, Node]> = [];
    for (let c = src.firstChild; c; c = c.nextSibling) kids.push([c, node]);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return copy;
}

/**
 * The page's footer, navigation or a furniture role (dialog, banner, complementary…): what the key
 * paragraphs and the prose region leave out when it sits outside the article.
 */
export function isPageFurniture(el: Element, tag: string = tagName(el)): boolean {
  if (tag === 'footer' || tag === 'nav') return true;
  const role = el.getAttribute('role');
  return role !== null && FURNITURE_ROLES.has(role);
}
