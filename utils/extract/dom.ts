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
