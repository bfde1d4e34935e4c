// Small DOM helpers that behave the same under a browser, happy-dom and linkedom.
// No `instanceof` (documents may come from another realm) and no layout APIs (innerText,
// getComputedStyle): linkedom has no layout, and a cloned document is never rendered.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Whitespace that French typography puts everywhere (NBSP, thin spaces) counts as space. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
// Alternation, not a class: U+200D inside a class reads as a joined sequence to linters.
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

export function textOf(node: Node | null | undefined): string {
  return collapse(node?.textContent ?? '');
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function tagName(el: Element): string {
  return el.tagName.toLowerCase();
}

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
    // In-page anchors (footnotes) are not navigation.
    const weight = href.startsWith('#') ? 0.3 : 1;
    linked += (a.textContent ?? '').trim().length * weight;
  }
  return Math.min(1, linked / total);
}

export function removeAll(nodes: Iterable<Element>): void {
  for (const n of Array.from(nodes)) n.remove();
}

/** Blocks that end a line when rendering text. Kept in one place so text, tests and bench agree. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'picture',
  'video',
  'body',
  'html',
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
 * order: below MAX_DEPTH, elements whose subtree is taller than KEPT_HEIGHT are unwrapped (replaced
 * by their children). Iterative throughout (no recursion on the depth it is there to bound);
 * O(nodes). Returns the number of unwrapped elements.
 */
export function capDepth(root: Element, maxDepth = MAX_DEPTH): number {
  // Pass 1: find elements at depth maxDepth (iterative DFS); stop early when none exists.
  const atCap: Element[] = [];
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d === maxDepth) {
      if (el.firstElementChild) atCap.push(el);
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  if (atCap.length === 0) return 0;
  let unwrapped = 0;
  for (const top of atCap) {
    // Pass 2: heights of the subtree, post-order without recursion.
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
    // Pass 3: unwrap tall children of `top` until every child subtree is short. Unwrapping does not
    // change the height of what it lifts, so heights stay valid.
    const queue: Element[] = [];
    for (let c = top.firstElementChild; c; c = c.nextElementSibling) queue.push(c);
    while (queue.length) {
      const el = queue.pop()!;
      if ((height.get(el) ?? 0) <= KEPT_HEIGHT) continue;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) queue.push(c);
      const parent = el.parentNode;
      if (!parent) continue;
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      el.remove();
      unwrapped++;
    }
  }
  return unwrapped;
}
