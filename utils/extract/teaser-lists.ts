// Other articles' teasers inside the body: a news ticker above the story, « À la une » cards or a
// « Dans la même rubrique » list after it, in the same column, so Readability (or the widened prose
// region) takes them in with the article. Each item is a headline link to the site's own pages and
// an excerpt cut short: « … », "...", or mid-sentence (cut at a number of characters). A guide's
// entries, a press review's quotes and a reading list are whole sentences or lead to other sites:
// they stay. A list that is most of the body is left to the gates (a category page is refused whole).

import { collapse, countWords } from '../core/text';
import { sameSite } from '../core/url';
import { descendants, hasText, tagName, textOf } from './dom';
import { CUT_SHORT, cutShort, READ_MORE } from './lexicon';

/** Items a teaser list needs, and the share of them that must be teasers. */
const MIN_ITEMS = 3;
const SHARE = 0.75;
/** A box of more items is a body of paragraphs or a page's grid, not a list beside an article. */
const MAX_ITEMS = 100;
/**
 * What the body must hold besides the lists for them to be around an article: as much text as the
 * gates ask of a list's intro before they call it an article (400 characters), and a quarter of the
 * body. Otherwise the lists are the page (a category page): the gates judge it whole.
 */
const REST = 400;
const REST_SHARE = 0.25;
/** An excerpt stopped mid-sentence is at least a line of prose. */
const MID_SENTENCE = 80;
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** The items of a list-like container: li, dd (a dl's dt are dates), or ≥3 children of one tag. */
function itemsOf(el: Element): Element[] | null {
  const tag = tagName(el);
  const kids: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagName(c);
    if (t === 'dt' || HEADINGS.has(t)) continue;
    // An empty box (a spacer, a clearfix) is no item; its first text node says so cheaply.
    if (hasText(c)) kids.push(c);
  }
  if (kids.length < MIN_ITEMS) return null;
  if (tag === 'ul' || tag === 'ol') return kids.filter((c) => tagName(c) === 'li');
  const first = tagName(kids[0]!);
  return kids.every((c) => tagName(c) === first) ? kids : null;
}

/**
 * A teaser: one headline link (4+ words) to the site, any other text-bearing link going to the same
 * place or reading "Read more", and after the headline an excerpt of a line or two cut short.
 */
function isTeaser(item: Element, pageUrl: string): boolean {
  let head: Element | null = null;
  let readMore = false;
  for (const a of Array.from(item.getElementsByTagName('a'))) {
    const t = textOf(a);
    if (!t) continue;
    if (READ_MORE.test(t)) {
      readMore = true;
      continue;
    }
    const href = a.getAttribute('href') ?? '';
    if (!head && t.length >= 20 && countWords(t) >= 4) {
      if (!ownPage(href, pageUrl)) return false;
      head = a;
    } else if (!head || a.getAttribute('href') !== head.getAttribute('href')) return false;
  }
  if (!head) return false;
  const text = textOf(item);
  const at = text.indexOf(textOf(head));
  // The headline opens the item (after a date or a rubric at most).
  if (at < 0 || at > 40) return false;
  const excerpt = text.slice(at + textOf(head).length).trim();
  if (excerpt.length < 30 || excerpt.length > 500) return false;
  // The excerpt's own line (a product tile's text ends with « Pros: … » after a whole sentence).
  // Stopped mid-sentence: a line of prose cut at a number of characters, not a short tail of figures
  // ("- 3 806 vues, 188 réactions" after a post's title in a list of the author's posts).
  const line = longestLine(item);
  return readMore || CUT_SHORT.test(line) || (line.length >= MID_SENTENCE && cutShort(line));
}

/** A link to this site's pages (relative links are). */
function ownPage(href: string, pageUrl: string): boolean {
  try {
    return sameSite(pageUrl, new URL(href, pageUrl).href);
  } catch {
    return false;
  }
}

/** The item's longest text outside its links (collapsed). */
function longestLine(item: Element): string {
  let best = '';
  const visit = (el: Element): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = collapse(c.nodeValue);
        if (t.length > best.length) best = t;
      } else if (c.nodeType === 1 && tagName(c as Element) !== 'a') visit(c as Element);
    }
  };
  visit(item);
  return best;
}

/** Whether a body of `total` characters holds an article besides `listed` characters of lists. */
export function holdsArticleBesides(total: number, listed: number): boolean {
  const rest = total - listed;
  return rest >= REST && rest >= total * REST_SHARE;
}

export function dropTeaserLists(root: Element, pageUrl: string | null): void {
  if (!pageUrl) return;
  try {
    new URL(pageUrl);
  } catch {
    return;
  }
  const lists: Element[] = [];
  let listed = 0;
  for (const el of descendants(root)) {
    const items = itemsOf(el);
    if (!items || items.length < MIN_ITEMS || items.length > MAX_ITEMS) continue;
    let teasers = 0;
    let others = 0;
    for (const item of items) {
      if (isTeaser(item, pageUrl)) teasers++;
      else if (++others > items.length * (1 - SHARE)) break;
    }
    if (teasers < MIN_ITEMS || teasers < items.length * SHARE) continue;
    if (lists.some((l) => l.contains(el))) continue;
    lists.push(el);
    listed += textOf(el).length;
  }
  if (lists.length === 0 || !holdsArticleBesides(textOf(root).length, listed)) return;
  for (const list of lists) {
    // The box that holds only the list, and its title before it ("À lire aussi", "Breaking News",
    // tabs « À la une · Les plus lus »).
    let el = list;
    while (el.parentElement && el.parentElement !== root && textOf(el.parentElement) === textOf(el))
      el = el.parentElement;
    const prev = el.previousElementSibling;
    if (prev && isTitle(prev)) prev.remove();
    el.remove();
  }
}

/** A short line without a link or a sentence: a heading, or a box of headings or bold text. */
function isTitle(el: Element): boolean {
  const t = textOf(el);
  return t.length > 0 && t.length < 50 && el.getElementsByTagName('a').length === 0 && !/[.!?]$/.test(t);
}
