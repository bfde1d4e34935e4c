// A thread found by posts.ts, rebuilt in page order: each post with a header "author · time" and its
// body without the user panel, signature and action bar.
import { classAttr } from '../core/dom';
import { collapse } from '../core/text';
import { descendants, textOf } from './dom';
import { DATE_TEXT, POST_ACTION, POST_AUTHOR, POST_CHROME_TOKENS, SIGNATURE_RULE } from './lexicon';
import { findPosts, type Post } from './posts';

/** The name shown for the post's author, when the page gives one (the innermost named element). */
function authorOf(post: Element): Element | null {
  const found = Array.from(post.querySelectorAll(POST_AUTHOR));
  for (const el of found) {
    const t = textOf(el);
    if (t.length < 2 || t.length > 60 || DATE_TEXT.test(t) || !/\p{L}/u.test(t)) continue;
    const inner = found.find((x) => x !== el && el.contains(x) && textOf(x).length >= 2);
    return inner && !DATE_TEXT.test(textOf(inner)) ? inner : el;
  }
  return null;
}

/** Class pieces, hashed CSS-in-JS names included ("ssrcss-1xm4bqn-SkipLink" → skip, link, skiplink). */
function chromeOf(el: Element): boolean {
  const raw = `${classAttr(el)} ${el.getAttribute('id') ?? ''}`;
  if (!raw.trim()) return false;
  for (const c of raw.split(/\s+/)) {
    if (POST_CHROME_TOKENS.has(c.toLowerCase())) return true;
    for (const piece of c.split(/[-_]+/)) {
      if (POST_CHROME_TOKENS.has(piece.toLowerCase())) return true;
      for (const hump of piece.split(/(?<=[a-z])(?=[A-Z])/))
        if (POST_CHROME_TOKENS.has(hump.toLowerCase())) return true;
    }
  }
  return false;
}

/** A signature: a separator line ("____", "-- ") and what follows it in its block. */
function dropSignature(body: Element): void {
  const walker: Node[] = [];
  for (let n: Node | null = body.firstChild; n;) {
    walker.push(n);
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && n !== body && !n.nextSibling) n = n.parentNode;
      n = n && n !== body ? n.nextSibling : null;
    }
  }
  const sep = walker.find((n) => n.nodeType === 3 && SIGNATURE_RULE.test(n.nodeValue ?? ''));
  if (!sep) return;
  for (let n: Node | null = sep; n;) {
    const next: Node | null = n.nextSibling;
    n.parentNode?.removeChild(n);
    n = next;
  }
}

/** One post rebuilt: a header "author · time" and the post's own text. */
function rebuild(doc: Document, p: Post): Element {
  const author = authorOf(p.el);
  const authorText = author ? textOf(author) : '';
  const timeText = p.time ? textOf(p.time) : '';
  const copy = p.el.cloneNode(true) as Element;
  // The same elements in the copy, found by position among the original's descendants.
  const all = descendants(p.el);
  const copies = descendants(copy);
  const twin = (el: Element | null): Element | null => (el ? (copies[all.indexOf(el)] ?? null) : null);
  const drop = [twin(author), twin(p.time)];
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    // The post's chrome by class, and its action links by what they say ("Reply", "Signaler").
    if (chromeOf(el) || (!el.firstElementChild && POST_ACTION.test(textOf(el)))) drop.push(copies[i]!);
  }
  for (const el of drop) el?.remove();
  dropSignature(copy);
  const section = doc.createElement('section');
  if (authorText || timeText) {
    const head = doc.createElement('p');
    if (authorText) {
      const b = doc.createElement('strong');
      b.textContent = authorText;
      head.appendChild(b);
    }
    if (authorText && timeText) head.appendChild(doc.createTextNode(' · '));
    if (timeText) {
      const t = doc.createElement('time');
      const dt = p.time?.getAttribute('datetime');
      if (dt) t.setAttribute('datetime', dt);
      t.textContent = timeText;
      head.appendChild(t);
    }
    section.appendChild(head);
  }
  while (copy.firstChild) section.appendChild(copy.firstChild);
  return section;
}

export interface Thread {
  /** The posts, in the page as it was when they were found (rebuildThread copies them). */
  posts: Post[];
  /** Per post: a line of its own text and its text length, to recognise it in Readability's result. */
  probes: Array<{ probe: string; length: number }>;
}

/**
 * The page's posts in page order, or null when the page is not made of posts. Only their probes are
 * read here: rebuilding them is for the few pages whose Readability result is made of them.
 */
export function findThread(doc: Document, heading: Element | null): Thread | null {
  const posts = findPosts(doc.body, heading);
  if (!posts) return null;
  return {
    posts,
    probes: posts.map((p) => ({ probe: longestLine(p.el), length: collapse(p.el.textContent).length })),
  };
}

/** The posts rebuilt as one body (a detached copy), from a page not yet cleaned. */
export function rebuildThread(doc: Document, t: Thread): Element {
  const root = doc.createElement('div');
  for (const p of t.posts) root.appendChild(rebuild(doc, p));
  return root;
}

/** Share of Readability's text that comes from the posts. */
export function threadShare(t: Thread, rootText: string): number {
  const flat = collapse(rootText);
  let inPosts = 0;
  for (const { probe, length } of t.probes) if (probe.length >= 30 && flat.includes(probe)) inPosts += length;
  return flat.length ? Math.min(1, inPosts / flat.length) : 0;
}

/** A line of the post's own text long enough to be recognised elsewhere. */
function longestLine(el: Element): string {
  let best = '';
  for (const n of Array.from(el.querySelectorAll('p, div, span, td, blockquote, li')).concat(el)) {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3) continue;
      const t = collapse(c.nodeValue);
      if (t.length > best.length) best = t;
    }
  }
  return best.slice(0, 60);
}
