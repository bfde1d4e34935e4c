// Pages made of posts: forum threads, Q&A, readers' letters, live blogs. Readability keeps the one
// block it scores best, so a thread comes out as its first post and a live blog as one entry. Here
// the posts are found by shape — at least three siblings of one kind, each carrying a time (a
// <time>, a date attribute, a printed date or hour) and text of its own that is not a teaser link —
// and rebuilt in page order, each with a header "author · time" and its body without the user
// panel, signature and action bar. Found on the working copy before any cleaning (the cleaning
// would take "comment"/"reply" containers for boilerplate); used only when Readability's result is
// made of those posts, so an article keeps its comments out.

import { countWords, collapse } from '../core/text';
import { linkDensity, tagName, textOf } from './dom';
import {
  DATE_TEXT,
  JOIN_LABEL,
  POST_ACTION,
  POST_AUTHOR,
  POST_CHROME_TOKENS,
  SIGNATURE_RULE,
} from './lexicon';

const MAX_MARKS = 3000;
/** Printed dates are looked for in the first elements only: a page of posts shows them early. */
const MAX_SCANNED = 30000;

/** A machine-readable time: <time>, a datetime / timestamp attribute, schema.org dates. */
function isTimeElement(el: Element): boolean {
  if (el.localName === 'time' || el.hasAttribute('datetime') || el.hasAttribute('data-timestamp'))
    return true;
  const prop = el.getAttribute('itemprop');
  return prop === 'datePublished' || prop === 'dateCreated';
}

/** Elements of `body` that say when something was posted: time elements and short dated leaves. */
function timeMarks(body: Element): Element[] {
  const marks: Element[] = [];
  const all = body.querySelectorAll('*');
  for (let i = 0; i < all.length && marks.length < MAX_MARKS; i++) {
    const el = all[i]!;
    if (isTimeElement(el)) {
      marks.push(el);
      continue;
    }
    if (i >= MAX_SCANNED || el.firstElementChild?.firstElementChild) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 120) continue;
    const t = collapse(raw);
    if (t.length >= 4 && t.length <= 80 && DATE_TEXT.test(t)) marks.push(el);
  }
  return marks;
}

export interface Post {
  el: Element;
  time: Element | null;
}

/**
 * The largest group of same-tag siblings that each hold a time mark and text of their own, when it
 * looks like posts (not a teaser list, not a sidebar of dated links).
 */
export function findPosts(body: Element, heading: Element | null = null): Post[] | null {
  const marks = timeMarks(body);
  if (marks.length < 3) return null;
  // parent -> tag -> child (the ancestor of a mark at that level) -> its first mark
  const groups = new Map<Node, Map<string, Map<Element, Element>>>();
  for (const m of marks) {
    let a: Element | null = m;
    for (let depth = 0; a && a !== body && depth < 10; depth++, a = a.parentElement) {
      const parent = a.parentNode;
      if (!parent) break;
      let byTag = groups.get(parent);
      if (!byTag) groups.set(parent, (byTag = new Map<string, Map<Element, Element>>()));
      const tag = tagName(a);
      let members = byTag.get(tag);
      if (!members) byTag.set(tag, (members = new Map<Element, Element>()));
      if (!members.has(a)) members.set(a, m);
    }
  }
  // The largest groups only: measuring text is what costs on big pages.
  const candidates: Element[][] = [];
  for (const byTag of groups.values())
    for (const members of byTag.values()) if (members.size >= 3) candidates.push([...members.keys()]);
  candidates.sort((a, b) => b.length - a.length);
  let best: Element[] | null = null;
  let bestText = 0;
  for (const els of candidates.slice(0, 8)) {
    // An article among its siblings (related cards, comments) holds the page's headline; posts do
    // not (the thread's or live blog's title sits above them).
    if (heading && els.some((el) => el.contains(heading))) continue;
    const text = ownText(els);
    if (text > bestText && looksLikePosts(els)) {
      best = els;
      bestText = text;
    }
  }
  if (!best) return null;
  const markSet = new Set(marks);
  return [...leadPosts(body, best), ...best].map((el) => ({ el, time: firstMark(el, markSet) }));
}

/**
 * The post's own time: its first dated element that shows a date (not an empty <time>), a <time>
 * before a printed date, never the author's join date ("Inscrit 3 janvier 2025").
 */
function firstMark(post: Element, marks: Set<Element>): Element | null {
  const all = Array.from(post.querySelectorAll('*'));
  let first: Element | undefined;
  let best = -Infinity;
  for (const el of all) {
    if (!marks.has(el) || textOf(el).length < 4) continue;
    const label = `${textOf(el)} ${el.parentElement ? textOf(el.parentElement).slice(0, 80) : ''}`;
    const score = (isTimeElement(el) ? 2 : 0) - (JOIN_LABEL.test(label) ? 5 : 0);
    if (score > best) {
      best = score;
      first = el;
    }
  }
  // "posée le <span>14 janv.</span>": the inner dated element is the date, the rest a label; but in
  // "14.04.2025, <span>18:32</span>" the rest is part of the date.
  const inner =
    first && all.find((el) => el !== first && first.contains(el) && marks.has(el) && textOf(el).length >= 4);
  if (inner && !/\d/.test(textOf(first!).replace(textOf(inner), ''))) return inner;
  return first ?? null;
}

function signature(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  return cls && !/\d/.test(cls) ? `${tagName(el)}.${cls}` : '';
}

/**
 * Posts before the list built like them (a question above its answers): elements outside the list
 * with a descendant of the same kind, at the same depth, as one that every post has.
 */
function leadPosts(body: Element, posts: Element[]): Element[] {
  const skeleton = (post: Element): Map<string, number> => {
    const m = new Map<string, number>();
    const walk = (el: Element, d: number): void => {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const sig = signature(c);
        if (sig && !m.has(sig)) m.set(sig, d);
        if (d < 6) walk(c, d + 1);
      }
    };
    walk(post, 1);
    return m;
  };
  const common = skeleton(posts[0]!);
  for (const p of posts.slice(1)) {
    const sk = skeleton(p);
    for (const [sig, d] of common) if (sk.get(sig) !== d) common.delete(sig);
  }
  const first = posts[0]!;
  const leads: Element[] = [];
  // Built like the posts: most of their common parts, not one shared wrapper class.
  const alike = (el: Element): boolean => {
    let n = 0;
    for (const sig of common.keys())
      if (el.getElementsByClassName(sig.slice(sig.indexOf('.') + 1)).length) n++;
    return n >= 2 && n >= common.size * 0.6;
  };
  for (const [sig, depth] of common) {
    const cls = sig.slice(sig.indexOf('.') + 1);
    for (const x of Array.from(body.getElementsByClassName(cls))) {
      if (signature(x) !== sig || posts.some((p) => p.contains(x))) continue;
      let lead: Element | null = x;
      for (let i = 0; i < depth && lead; i++) lead = lead.parentElement;
      if (!lead || lead === body || !(lead.compareDocumentPosition(first) & 4)) continue;
      if (posts.some((p) => lead!.contains(p)) || leads.includes(lead) || !alike(lead)) continue;
      leads.push(lead);
    }
    if (leads.length) break;
  }
  return leads;
}

function ownText(els: Element[]): number {
  let n = 0;
  for (const el of els) n += (el.textContent ?? '').length;
  return n;
}

/**
 * Posts have text of their own, none of them most of the group's (that is an article among page
 * blocks that carry dates: header, sidebar, comments); teaser cards are a headline link and a line.
 */
function looksLikePosts(posts: Element[]): boolean {
  let withText = 0;
  let teasers = 0;
  let total = 0;
  let longest = 0;
  for (const el of posts) {
    const text = textOf(el);
    total += text.length;
    longest = Math.max(longest, text.length);
    if (countWords(text) >= 10 && linkDensity(el) < 0.5) withText++;
    // A headline linking to another page and weighing in the card (a post's subject line links to
    // the post itself, "#p38211", and is a small part of its text).
    const h = el.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4');
    const a = h && (tagName(h) === 'a' ? h : h.closest('a'));
    const at = h ? textOf(h) : '';
    if (
      a &&
      !(a.getAttribute('href') ?? '').includes('#') &&
      countWords(at) >= 4 &&
      at.length >= text.length * 0.2
    )
      teasers++;
  }
  if (longest > total * (posts.length > 3 ? 0.6 : 0.7)) return false;
  return withText >= Math.max(3, posts.length * 0.6) && teasers <= posts.length / 3;
}

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
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
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
  const all = Array.from(p.el.querySelectorAll('*'));
  const copies = Array.from(copy.querySelectorAll('*'));
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
  /** The posts rebuilt as one body (a detached copy: later steps do not touch it). */
  root: Element;
  /** Per post: a line of its own text and its text length, to recognise it in Readability's result. */
  probes: Array<{ probe: string; length: number }>;
}

/** The page's posts rebuilt in page order, or null when the page is not made of posts. */
export function findThread(doc: Document, heading: Element | null): Thread | null {
  const posts = findPosts(doc.body, heading);
  if (!posts) return null;
  const root = doc.createElement('div');
  for (const p of posts) root.appendChild(rebuild(doc, p));
  return {
    root,
    probes: posts.map((p) => ({ probe: longestLine(p.el), length: collapse(p.el.textContent).length })),
  };
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
