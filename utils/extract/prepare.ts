// What happens before any step looks at the content: the page is one we may and can read (URL,
// content type, frameset, a body with text), and the clone every step works on.

import { capDepth, cloneDocument, hasText, tagName, textOf } from './dom';
import { isRestrictedUrl } from './restricted';
import { placeStreamedSegments } from './streamed';
import type { NotArticleReason } from './types';

export interface Refusal {
  reason: NotArticleReason;
  detail?: string;
}

export function pageUrlOf(doc: Document, url?: string): string | null {
  const u = url ?? doc.URL ?? '';
  return u && !/^about:blank$/.test(u) ? u : null;
}

/** Pages no extension may read, that are not HTML, or that have nothing at all. */
export function preflight(doc: Document, pageUrl: string | null): Refusal | null {
  if (pageUrl && isRestrictedUrl(pageUrl)) return { reason: 'restricted', detail: pageUrl };
  const ct = (doc.contentType ?? 'text/html').toLowerCase();
  if (ct && !/html|xml/.test(ct)) return { reason: 'not-html', detail: ct };
  // documentElement first: a DOM shim given no bytes (linkedom) has none and throws on `body`.
  if (!doc.documentElement) return { reason: 'empty' };
  if (hasFrameset(doc)) return { reason: 'not-html', detail: 'frameset' };
  if (!doc.body) return { reason: 'empty' };
  return null;
}

/** The clone every step works on (the live page is never touched), or null when it has no text. */
export function workingCopy(doc: Document): Document | null {
  const clone = cloneDocument(doc);
  mergeStrayBodies(clone);
  // After the depth cap: a selector query over 10 000 nested levels overflows happy-dom's stack.
  capDepth(clone.documentElement);
  placeStreamedSegments(clone);
  return clone.body && hasText(clone.body) ? clone : null;
}

/**
 * Non-browser parsers (linkedom) can leave several <body> elements when a page has markup after
 * </body>; a browser would have merged them into one. Do the same so no text is lost.
 */
function mergeStrayBodies(doc: Document): void {
  const html = doc.documentElement;
  const bodies = Array.from(html.children).filter((c) => tagName(c) === 'body');
  if (bodies.length < 2) return;
  const first = bodies[0]!;
  for (const b of bodies.slice(1)) {
    while (b.firstChild) first.appendChild(b.firstChild);
    b.remove();
  }
  for (const c of Array.from(html.children)) if (c !== first && tagName(c) !== 'head') first.appendChild(c);
}

/**
 * A parser puts <frameset> under <html> in place of <body> (browsers, parse5), at the top of the
 * body (happy-dom) or, with no <html> tag, as the root (htmlparser2): where to look, rather than a
 * search of the whole page.
 */
function hasFrameset(doc: Document): boolean {
  const html = doc.documentElement;
  if (tagName(html) === 'frameset') return true;
  for (const top of [html, ...Array.from(html.children).filter((c) => tagName(c) === 'body')])
    for (let c = top.firstElementChild; c; c = c.nextElementSibling)
      if (tagName(c) === 'frameset') return true;
  return false;
}

/** The page's <base href> (resolved against its URL) wins over the URL, as in a browser. */
export function baseUrl(doc: Document, pageUrl: string | null): string | null {
  const href = doc.getElementsByTagName('base')[0]?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return pageUrl ? new URL(href, pageUrl).href : new URL(href).href;
  } catch {
    return pageUrl;
  }
}

const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template']);

function visibleTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
    else if (c.nodeType === 1 && !INVISIBLE_TAGS.has(tagName(c as Element)))
      n += visibleTextLength(c as Element);
  }
  return n;
}

/**
 * Pages rendered by script keep a crawler version of their content in <noscript> (Discourse, some
 * shops and blogs). A browser with scripting on keeps it as raw text there; when script never ran
 * (a saved page, a blocked bundle) that text is the only content, so it becomes markup in the clone.
 * A page whose script did render shows its text outside <noscript> and is left alone.
 */
export function revealNoscriptContent(doc: Document): void {
  const body = doc.body;
  let biggest: Element | null = null;
  let big = 0;
  for (const n of Array.from(body.getElementsByTagName('noscript'))) {
    const l = (n.textContent ?? '').length;
    if (l > big) {
      big = l;
      biggest = n;
    }
  }
  // Already markup (a parser with scripting off), or too little to be a page's content.
  if (!biggest || big < 2000 || biggest.firstElementChild) return;
  const raw = biggest.textContent ?? '';
  if (!/<(?:p|div|article|h[1-6]|table|ul)\b/i.test(raw) || visibleTextLength(body) > big * 0.25) return;
  const box = doc.createElement('div');
  // The clone has no browsing context (nothing in it runs or loads), and the body leaves the
  // engine as HTML that only the sanitizer module renders; stripActiveContent runs on it as well.
  // eslint-disable-next-line no-unsanitized/property -- inert clone, sanitized before display
  box.innerHTML = raw; // lisible-allow-clone-html: parsed into the detached clone, never rendered
  biggest.replaceWith(box);
}

/** Keeps only the first of `selectors` (a site rule's container, the reader's chosen block) that holds enough text. */
export function isolate(doc: Document, selectors: readonly string[]): boolean {
  for (const sel of selectors) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(sel);
    } catch {
      continue;
    }
    if (el && textOf(el).length > 300) {
      doc.body.replaceChildren(el);
      return true;
    }
  }
  return false;
}
