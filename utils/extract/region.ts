// Readability keeps the best-scored block and the siblings that score like it. Articles cut into
// many sibling sections (AsciiDoc and docs generators, "best of" guides with one section per item,
// page builders) come out as one section of several. Here the prose of the cleaned page is
// measured before Readability runs — blocks of sentences that are not links — and the smallest
// element holding most of it is kept aside; when Readability's body holds less than half of that
// prose, the region is the body instead. Only its strings are read after Readability: the region
// itself, and what its elements say (a discussion? near Readability's part?), are taken from a replay
// of the run (pipeline.ts, replayUntil) on the few pages where it is used.

import { collapse } from '../core/text';
import { headlineLink, isPageFurniture, linkDensity, tagName } from './dom';
import { cutShort, FOOTER_NOTICE, READ_MORE } from './lexicon';
import { findPosts } from './posts';

const PROSE_TAGS = new Set(['p', 'li', 'pre', 'blockquote', 'td', 'dd']);
/** A cell, item or quote holding these is a container; its blocks are the prose. */
const INNER_BLOCKS = new Set(
  // A layout cell holding a <fieldset> (an old blog's post box) is a container too, not one block.
  'p div ul ol dl table h1 h2 h3 h4 h5 h6 section article main aside header footer nav fieldset form figure details blockquote pre'.split(
    ' ',
  ),
);

function hasInnerBlock(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (INNER_BLOCKS.has(tagName(c))) return true;
  return false;
}
/**
 * Beyond this much prose (characters) the region is not looked for: Readability keeps such a page
 * nearly whole, and measuring and copying megabytes of text costs seconds.
 */
const MAX_PROSE = 300_000;
/** Share of the page's prose the region must hold. */
const REGION_SHARE = 0.8;
/** Share of the page's prose Readability's part and the region must hold together to be joined. */
const JOINED_SHARE = 0.9;

export interface ProseRegion {
  /** The region, in the page as it was found (Readability rearranges the page afterwards). */
  root: Element;
  /**
   * The region's nearest ancestor that adds a little prose before it (an intro above a list of
   * sections): where Readability kept only that intro, the intro and the sections together.
   */
  wider: { root: Element; text: string } | null;
  /** Its text, collapsed. */
  text: string;
  /** Index in `blocks` of the region's first block. */
  first: number;
  /** Each prose block: the start of its text, and its length. */
  blocks: Array<{ probe: string; length: number }>;
  /**
   * The blocks' elements and the body they were found in: read only on a replayed run (`joinable`),
   * before Readability rearranges that copy of the page.
   */
  parts: Element[];
  body: Element;
  total: number;
}

function directText(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
  return n;
}

type Box = 'big' | 'headline' | 'read-more' | 'plain';

/** What one ancestor is, memoised: paragraphs share their ancestors, whose text can be megabytes. */
function boxOf(a: Element, memo: Map<Element, Box>): Box {
  let b = memo.get(a);
  if (b) return b;
  b = 'plain';
  if ((a.textContent ?? '').length > 1200) b = 'big';
  else {
    for (const link of Array.from(a.getElementsByTagName('a')))
      if (READ_MORE.test(collapse(link.textContent))) {
        b = 'read-more';
        break;
      }
    if (b === 'plain' && headlineLink(a)) b = 'headline';
  }
  memo.set(a, b);
  return b;
}

/**
 * An entry's own description, not a teaser's excerpt: several sentences, not cut short. A guide's
 * entries (restaurants, products, hikes) have a linked name like a teaser's headline; excerpts are
 * a line or two, or end with an ellipsis or mid-sentence (cut at a number of characters).
 */
const ENTRY_TEXT = 300;

/**
 * A teaser's excerpt: within a few levels, a small box with a headline link or a "Read more" link
 * (recent posts, related articles). Its sentences are not the page's prose.
 */
function inTeaser(el: Element, text: string, memo: Map<Element, Box>): boolean {
  const entry = text.length >= ENTRY_TEXT && !cutShort(text);
  let a: Element | null = el.parentElement;
  for (let i = 0; i < 3 && a; i++, a = a.parentElement) {
    const b = boxOf(a, memo);
    if (b === 'big') return false;
    if (b === 'read-more' || (b === 'headline' && !entry)) return true;
  }
  return false;
}

/**
 * The page's footer, navigation and dialogs, outside the article (an article's own footer sits in
 * its <article>): a footer's slider of testimonials is long sentences, but not the page's prose.
 */
function isFurniture(el: Element, tag: string, heading: Element | null): boolean {
  return isPageFurniture(el, tag) && !(heading && el.contains(heading));
}

/** Prose blocks: paragraphs, items, quotes, cells, and divs of bare text, of 60+ characters, not links. */
function proseBlocks(body: Element, heading: Element | null): Array<[Element, string]> | null {
  const out: Array<[Element, string]> = [];
  const memo = new Map<Element, Box>();
  let total = 0;
  const visit = (el: Element, inProse: boolean, inArticle: boolean): void => {
    if (total > MAX_PROSE) return;
    const tag = tagName(el);
    if (!inArticle && isFurniture(el, tag, heading)) return;
    const article = inArticle || tag === 'article' || tag === 'main';
    const prose = PROSE_TAGS.has(tag) && (tag === 'p' || tag === 'pre' || !hasInnerBlock(el));
    if ((prose && !inProse) || (tag === 'div' && directText(el) >= 80)) {
      const text = collapse(el.textContent);
      const len = text.length;
      if (len >= 60 && linkDensity(el) <= 0.3 && !inTeaser(el, text, memo)) {
        out.push([el, text]);
        total += len;
      }
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c, inProse || prose, article);
  };
  visit(body, false, false);
  return total > MAX_PROSE ? null : out;
}

/** The smallest element holding most of the cleaned page's prose, with its blocks' probes. */
export function findProseRegion(body: Element, heading: Element | null): ProseRegion | null {
  const blocks = proseBlocks(body, heading);
  if (!blocks) return null;
  let total = 0;
  for (const [, t] of blocks) total += t.length;
  if (total < 500) return null;
  const sums = new Map<Element, number>();
  for (const [el, t] of blocks)
    for (let a = el.parentElement; a && a !== body.parentElement; a = a.parentElement)
      sums.set(a, (sums.get(a) ?? 0) + t.length);
  let best: Element | null = null;
  let bestDepth = -1;
  for (const [el, sum] of sums) {
    if (sum < REGION_SHARE * total) continue;
    let d = 0;
    for (let a: Element | null = el; a; a = a.parentElement) d++;
    if (d > bestDepth) {
      bestDepth = d;
      best = el;
    }
  }
  if (!best || best === body) return null;
  const bestText = collapse(best.textContent);
  // A page footer of legal notices can be most of the prose of a page whose article is lists.
  if (heading && !best.contains(heading) && total < 2500 && FOOTER_NOTICE.test(bestText)) return null;
  // The region must be mostly prose: a page-wide wrapper of menus and lists is not an article.
  if (total < bestText.length * 0.5) return null;
  const region = best;
  return {
    root: best,
    wider: widerRegion(best, body, sums),
    text: bestText,
    first: Math.max(
      0,
      blocks.findIndex(([el]) => region.contains(el)),
    ),
    blocks: blocks.map(([, t]) => ({ probe: t.slice(0, 50), length: t.length })),
    parts: blocks.map(([el]) => el),
    body,
    total,
  };
}

/**
 * Whether a block and the region meet below the body: parts of one article share a wrapper (a
 * recipe's header and its steps in <main>); a consent panel or a modal, children of the body, meet
 * the article only there.
 */
function nearRegion(best: Element, body: Element): (el: Element) => boolean {
  const chain = new Set<Element>();
  for (let a: Element | null = best; a && a !== body; a = a.parentElement) chain.add(a);
  return (el) => {
    for (let a: Element | null = el; a && a !== body; a = a.parentElement) if (chain.has(a)) return true;
    return false;
  };
}

/**
 * Comments, replies, reviews: the region or an ancestor is named so, or it is a list of dated posts.
 * Such a region never joins a short article above it (a blog post's comment thread).
 */
const DISCUSSION =
  /comment|commentaire|repl(?:y|ies)|respon[sd]|discussion|disqus|reaction|review|avis|forum|thread/i;

function isDiscussion(best: Element, body: Element): boolean {
  for (let a: Element | null = best; a && a !== body; a = a.parentElement)
    if (DISCUSSION.test(`${a.getAttribute('class') ?? ''} ${a.id}`)) return true;
  return findPosts(best) !== null;
}

/**
 * The highest ancestor of the region (below the body) whose prose is at most a third more than the
 * region's and comes from before it: the article's intro and its sections (three headings or more),
 * not a sidebar or comments after them.
 */
function widerRegion(best: Element, body: Element, sums: Map<Element, number>): ProseRegion['wider'] {
  // Sections have headings; a comment list (the region of a short post's page) has none.
  let headings = 0;
  for (const h of ['h2', 'h3', 'h4']) headings += best.getElementsByTagName(h).length;
  if (headings < 3) return null;
  const own = sums.get(best) ?? 0;
  let wider: Element | null = null;
  for (let a = best.parentElement; a && a !== body; a = a.parentElement) {
    const sum = sums.get(a) ?? 0;
    if (sum > own * 1.33) break;
    if (sum > own && !trailingProse(a, best)) wider = a;
  }
  if (!wider) return null;
  return { root: wider, text: collapse(wider.textContent) };
}

/** Whether prose of `a` comes after `best` (a sidebar or comments after the sections). */
function trailingProse(a: Element, best: Element): boolean {
  for (let n: Element | null = best; n && n !== a; n = n.parentElement)
    for (let s = n.nextElementSibling; s; s = s.nextElementSibling)
      if (collapse(s.textContent).length >= 60) return true;
  return false;
}

/** Share of the page's prose that Readability's body holds. */
function proseCoverage(region: ProseRegion, rootText: string): number {
  let kept = 0;
  for (const b of region.blocks) if (rootText.includes(b.probe)) kept += b.length;
  return kept / region.total;
}

/**
 * Readability's body holds less than half of the page's prose, the region is clearly more text (a
 * body of lists and tables next to a little prose elsewhere is left alone), and the region holds
 * what Readability kept: it widens the article, it does not swap it for another block (a short
 * blog post above a long comment thread). Says which of the region, its wider ancestor, or
 * Readability's body followed by the region is the body; reads only the strings kept aside (the
 * elements have been through Readability since).
 */
export function widens(region: ProseRegion, rootText: string): 'region' | 'wider' | 'joined' | null {
  if (proseCoverage(region, rootText) >= 0.5) return null;
  const regionText = region.text;
  if (regionText.length <= rootText.length * 1.3) return null;
  let kept = 0;
  let inside = 0;
  let insideWider = 0;
  const widerText = region.wider?.text ?? '';
  for (const b of region.blocks) {
    if (!rootText.includes(b.probe)) continue;
    kept += b.length;
    if (regionText.includes(b.probe)) inside += b.length;
    if (widerText.includes(b.probe)) insideWider += b.length;
  }
  if (kept === 0 || inside >= kept * 0.5) return 'region';
  // Readability kept the intro above the sections: the intro with them.
  if (region.wider && insideWider >= kept * 0.8) return 'wider';
  return joined(region, rootText, kept) ? 'joined' : null;
}

/**
 * Readability kept a short part of the article and the rest is the region, after it and apart from
 * it (a recipe's introduction in the page header, its ingredients and steps in the page body): both,
 * in page order, when together they hold nearly all the page's prose. The strings say so here; the
 * elements confirm it on the replayed run (`joinable`).
 */
function joined(region: ProseRegion, rootText: string, kept: number): boolean {
  let lastKept = -1;
  let inRegion = 0;
  region.blocks.forEach((b, i) => {
    if (rootText.includes(b.probe)) lastKept = i;
    else if (i >= region.first && region.text.includes(b.probe)) inRegion += b.length;
  });
  if (lastKept < 0 || lastKept >= region.first) return false;
  return kept + inRegion >= JOINED_SHARE * region.total;
}

/**
 * A joined body, on the region of a replayed run: never a discussion under a short post, and every
 * block Readability kept meets the region below the body. Read on the few pages `widens` says
 * 'joined' for, not on every page that has a region.
 */
export function joinable(region: ProseRegion, rootText: string): boolean {
  if (isDiscussion(region.root, region.body)) return false;
  const near = nearRegion(region.root, region.body);
  return region.blocks.every((b, i) => !rootText.includes(b.probe) || near(region.parts[i]!));
}
