// The gates: after extraction, is what came out an article a reader wants, or the biggest block of
// a home page, a list of teasers, a shop grid, a login or contact form? A refusal is "Pas
// d'article" in the popup, so each gate asks for positive evidence of a non-article and lets a
// short article through: what counts is prose (sentences in blocks that are not links), not words.
// A refused first run is retried with the cleaning off (index.ts); the page is refused only when
// that run, close to Readability alone, is refused too.

import { countWords } from '../core/text';
import { bareHost, hrefHost, sameSite } from '../core/url';
import { descendants, isHeadlineText, linkDensity, tagName, TEXT_BLOCK_TAGS, textOf } from './dom';
import { CUT_SHORT, READ_MORE, SEARCH_PAGE, UTILITY_PATH, UTILITY_TITLE } from './lexicon';

export interface GateInput {
  root: Element;
  text: string;
  /** countWords(text). */
  words: number;
  /** og:type / JSON-LD say article. */
  hint: boolean;
  /** JSON-LD says listing (CollectionPage, ItemList, SearchResultsPage...). */
  listingHint: boolean;
  url: string | null;
  title: string;
}

const LEAF_BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'blockquote', 'pre', 'td', 'th', 'figcaption', 'div']);
const SENTENCE_END = /[.!?…»"”)。！？」]\s*$|[.!?…]\s+\S|[。！？]/;
/** Chinese, Japanese, Korean script: written without spaces, so a "word" is a whole clause. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** CJK characters in a text, counted without an array of them (a page can be megabytes of them). */
function cjkCount(t: string): number {
  CJK.lastIndex = 0;
  let n = 0;
  while (CJK.exec(t)) n++;
  return n;
}

/** Words of a text, a CJK character counting as half a word (about what a word is there). */
function proseLength(t: string, words = countWords(t)): number {
  const cjk = cjkCount(t);
  return cjk ? words + Math.round(cjk / 2) : words;
}

/**
 * Words in prose, counted up to `enough`: leaf blocks of at least 8 words, mostly not links,
 * written as sentences. One walk; a block is a leaf when no block element is under it.
 */
export function proseWords(root: Element, enough = Infinity): number {
  let n = 0;
  // Text set straight in the container with <br> (old CMSs, forum posts) is prose too.
  for (let c = root.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 3) n += proseLength(c.nodeValue ?? '');
  const visit = (el: Element): boolean => {
    let hasBlock = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (visit(c)) hasBlock = true;
      if (n >= enough) return true;
    }
    const tag = tagName(el);
    if (!hasBlock && LEAF_BLOCKS.has(tag)) {
      const t = textOf(el);
      const w = proseLength(t);
      if (w >= 8 && (w >= 20 || SENTENCE_END.test(t)) && linkDensity(el) <= 0.3) n += w;
    }
    // A block holding a block (dom.ts TEXT_BLOCK_TAGS) is not a leaf.
    return hasBlock || TEXT_BLOCK_TAGS.has(tag);
  };
  visit(root);
  return n;
}

interface Teasers {
  /** Links that are a whole headline (a block of their own, several words). */
  items: number;
  /** Characters before the first one (an intro says "article"). */
  intro: number;
  /** Characters from the first one to the end, per item. */
  perItem: number;
  /** Excerpts cut short (« […] », "…") and "Read more" links: what a teaser has and an entry has not. */
  cut: number;
}

/**
 * A reference list cites other sites: a reading list, a bibliography, « Liens utiles », a press
 * review. At least 40 % of its links lead off the site, to five hosts or more. A home page, a section
 * or a tag page links to the site's own pages; an aggregator's items carry links back to the site
 * (the comments, the poster, "hide"), so its outward share stays lower.
 */
export function citesOtherSites(root: Element, pageUrl: string | null): boolean {
  if (!pageUrl) return false;
  let links = 0;
  let outward = 0;
  const hosts = new Set<string>();
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    links++;
    const host = otherSite(href, pageUrl);
    if (host === null) continue;
    outward++;
    hosts.add(host);
  }
  return links > 0 && outward >= links * 0.4 && hosts.size >= 5;
}

/** The bare host of a link to another site; null for a link to this site (a relative link is one). */
function otherSite(href: string, pageUrl: string): string | null {
  const host = hrefHost(href);
  return host && !sameSite(pageUrl, `https://${host}/`) ? bareHost(host) : null;
}

/** Paragraphs ending cut short (« … », « […] »): all of them, and those of 80 characters or more. */
interface CutParagraphs {
  all: number;
  long: number;
  longLength: number;
}

/** One pass over the paragraphs: what both the teaser count and the excerpt gate read. */
function cutParagraphs(root: Element): CutParagraphs {
  const c: CutParagraphs = { all: 0, long: 0, longLength: 0 };
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    const t = textOf(p);
    if (!CUT_SHORT.test(t)) continue;
    c.all++;
    if (t.length < 80) continue;
    c.long++;
    c.longLength += t.length;
  }
  return c;
}

/** Headline links heading a block of their own; with `ownSite`, only those to the site's own pages. */
function teasers(root: Element, text: string, ownSite: string | null, cutParas: CutParagraphs): Teasers {
  const heads: Element[] = [];
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const at = textOf(a);
    if (!isHeadlineText(at)) continue;
    if (ownSite && otherSite(a.getAttribute('href') ?? '', ownSite) !== null) continue;
    // The block the link heads: its nearest block ancestor holds little more than the link.
    let block: Element | null = a.parentElement;
    while (block && block !== root && !LEAF_BLOCKS.has(tagName(block)) && !/^h[1-6]$/.test(tagName(block)))
      block = block.parentElement;
    if (!block || block === root || (block.textContent ?? '').length > at.length * 2 + 200) continue;
    if (textOf(block).length <= at.length + 12) heads.push(block);
  }
  if (heads.length === 0) return { items: 0, intro: text.length, perItem: text.length, cut: 0 };
  let cut = cutParas.all;
  for (const a of Array.from(root.getElementsByTagName('a'))) if (READ_MORE.test(textOf(a))) cut++;
  let before = '';
  for (const el of descendants(root)) {
    if (el === heads[0]) break;
    if (!el.firstElementChild) before += ' ' + textOf(el);
  }
  const intro = before.trim().length;
  return { items: heads.length, intro, perItem: (text.length - intro) / heads.length, cut };
}

function pathOf(url: string | null): string {
  try {
    return url ? new URL(url).pathname + new URL(url).search : '';
  } catch {
    return '';
  }
}

/** Why this is not an article, or null when it is one. */
export function notArticleReason(g: GateInput): string | null {
  const { root, text, hint } = g;
  // g.words is countWords(text): counting the words of the whole text again costs on big pages.
  const words = proseLength(text, g.words);
  const path = pathOf(g.url);
  // Login, account, contact and not-found pages say what they are in their title or path.
  if (!hint && words < 600 && (UTILITY_TITLE.test(g.title) || UTILITY_PATH.test(path))) return 'utility page';
  if (!hint && SEARCH_PAGE.test(path)) return 'search results';
  const minProse = hint ? 25 : 40;
  // Little text, or a short page without a sentence in it (a form, an hours table, a price grid).
  // A longer page of lists and tables (documentation, a glossary, a shop) is judged by the gates below.
  if (words < minProse || (words < 100 && proseWords(root, minProse) < minProse)) return 'too little text';
  const ld = linkDensity(root, text.length);
  // A list of links to other sites is what a reading list or a bibliography is made of.
  const refs = ld > 0.25 && citesOtherSites(root, g.url);
  if (ld > 0.5 && !refs && proseWords(root, words * 0.5) < words * 0.5) return 'mostly links';
  // Its items are citations, not teasers: only links to the site's own pages count as teasers there.
  const cut = cutParagraphs(root);
  const t = teasers(root, text, refs ? g.url : null, cut);
  // A list of teasers: headline links each followed by a line or two, nothing before them.
  // Longer items are teasers still when most end cut short or with a "Read more" (a blog's
  // category page: excerpts of 55 words); a guide's entries are whole.
  const short = t.perItem < 350 || (t.cut >= t.items * 0.5 && t.perItem < 700);
  const list = t.items >= (hint ? 8 : 4) && short && t.intro < (hint ? 100 : 400);
  if (list || (g.listingHint && !hint && t.items >= 3 && t.perItem < 500)) return 'list of teasers';
  // Their headlines gone with the cleaning (a theme's "entry-header"), the excerpts remain, each
  // cut short: « […] », "…". An article may end a quotation so; not most of its text.
  if (cut.long >= (hint ? 5 : 4) && cut.longLength >= text.length * 0.6) return 'list of teasers';
  if (!hint && (path === '/' || path === '') && g.url && (ld > 0.25 || t.items >= 3)) return 'home page';
  return null;
}
