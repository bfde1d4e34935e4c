// Pages made of posts: forum threads, Q&A, readers' letters, live blogs. Readability keeps the one
// block it scores best, so a thread comes out as its first post and a live blog as one entry. Here
// the posts are found by shape — at least three siblings of one kind, each carrying a time (a
// <time>, a date attribute, a printed date or hour) and text of its own that is not a teaser link —
// and rebuilt in page order, each with a header "author · time" and its body without the user
// panel, signature and action bar. Found on the working copy before any cleaning (the cleaning
// would take "comment"/"reply" containers for boilerplate); used only when Readability's result is
// made of those posts, so an article keeps its comments out.
// Rebuilding a found thread is thread.ts.
import { classAttr } from '../core/dom';
import { countWords, collapse } from '../core/text';
import { descendants, firstText, headlineLink, isHeadlineText, linkDensity, tagName, textOf } from './dom';
import { DATE_TEXT, JOIN_LABEL } from './lexicon';

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
  const all = descendants(body);
  for (let i = 0; i < all.length && marks.length < MAX_MARKS; i++) {
    const el = all[i]!;
    if (isTimeElement(el)) {
      marks.push(el);
      continue;
    }
    if (i >= MAX_SCANNED || el.firstElementChild?.firstElementChild) continue;
    const raw = shortText(el, 120);
    // Every form of DATE_TEXT has a digit: the cheap test first.
    if (raw === null || !/\d/.test(raw)) continue;
    const t = collapse(raw);
    if (t.length >= 4 && t.length <= 80 && DATE_TEXT.test(t)) marks.push(el);
  }
  return marks;
}

/**
 * The text of `el` (its textContent), or null when it is longer than `max`. Read no further than
 * that: the leaves tested here include wrappers whose first child is a leaf and whose next one holds
 * the whole page, and reading its textContent to throw it away was most of this search's cost.
 */
function shortText(el: Element, max: number): string | null {
  let s = '';
  for (let n: Node | null = el.firstChild; n;) {
    // Text, and CDATA below a child (textContent's own rule: a direct CDATA child was never read).
    const t = n.nodeType;
    if (t === 3 || (t === 4 && n.parentNode !== el)) {
      s += n.nodeValue ?? '';
      if (s.length > max) return null;
    }
    if (t === 1 && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    n = n && n !== el ? n.nextSibling : null;
  }
  return s;
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
  // Above the list, an element holding the headline and more text than all the posts together is
  // the article among items of its template (WordPress post_class() on both), not a thread's first
  // post (which may hold the thread's title, as vBulletin's "Discussion starter" does).
  const leads = leadPosts(body, best).filter(
    (el) => !(heading && el.contains(heading) && textOf(el).length > bestText),
  );
  return [...leads, ...best].map((el) => ({ el, time: firstMark(el, markSet) }));
}

/**
 * The post's own time: its first dated element that shows a date (not an empty <time>), a <time>
 * before a printed date, never the author's join date ("Inscrit 3 janvier 2025").
 */
function firstMark(post: Element, marks: Set<Element>): Element | null {
  const all = descendants(post);
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
  const cls = classAttr(el).trim().split(/\s+/)[0] ?? '';
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
  // Posts never hold one another: a wrapper found alike because it holds a lead (article ⊂ main ⊂
  // section, each with the lead's parts) is not a post of its own.
  return leads.filter((l) => !leads.some((o) => o !== l && l.contains(o)));
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
    const h = headlineLink(el);
    const a = h && (tagName(h) === 'a' ? h : h.closest('a'));
    const at = h ? textOf(h) : '';
    if (
      (a &&
        !(a.getAttribute('href') ?? '').includes('#') &&
        countWords(at) >= 4 &&
        at.length >= text.length * 0.2) ||
      opensWithStoryLink(el) ||
      storyLinks(el) >= 3
    )
      teasers++;
  }
  if (longest > total * (posts.length > 3 ? 0.6 : 0.7)) return false;
  return withText >= Math.max(3, posts.length * 0.6) && teasers <= posts.length / 3;
}

/**
 * A card that opens with a headline linking to another page ("Latest articles": title, date,
 * section, excerpt), whatever tag holds the title. A post opens with its author or its own subject
 * (a link to itself, "#p38211"); a live-blog entry with its time.
 */
function opensWithStoryLink(el: Element): boolean {
  const a = firstText(el, (c) => SCRIPTS.has(tagName(c)))?.parentElement?.closest('a');
  if (!a || !el.contains(a)) return false;
  const href = a.getAttribute('href') ?? '';
  return !!href && !href.includes('#') && isHeadlineText(textOf(a));
}

/** Elements whose text is not shown. */
const SCRIPTS = new Set(['script', 'style', 'template']);

/**
 * Headline links to other pages: a block holding three is a list of teasers (a
 * "Recommended" or "More in Tech" section of cards, each with its date), not one post.
 */
function storyLinks(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.includes('#')) continue;
    // A headline is a line of its own; a link inside a sentence (a story's sources) is not one.
    if (isHeadlineText(textOf(a)) && !inSentence(a) && ++n >= 3) break;
  }
  return n;
}

/** Text with letters right before or after the link, in its parent: the link is part of a sentence. */
function inSentence(a: Element): boolean {
  for (const n of [a.previousSibling, a.nextSibling])
    if (n && n.nodeType === 3 && /\p{L}/u.test(n.nodeValue ?? '')) return true;
  return false;
}
