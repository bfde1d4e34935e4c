// Lines of the extracted body that are not the article: photo credits and gallery chrome, bare
// bylines and dates, contact lines, repeated captions, link-only paragraphs, related-story lists.

import { bareHost, hostMatches } from '../core/url';
import { descendants, elementsOf, IMAGE_FILE, tagName, textOf } from './dom';
import { holdsArticleBesides } from './teaser-lists';
import {
  AFFILIATE_NOTICE,
  AGENCY_CREDIT,
  BYLINE_DATE,
  BYLINE_LINE,
  CALL_TO_ACTION,
  CAPTION_CREDIT,
  CONTACT_LINE,
  CREDIT_ONLY,
  CREDIT_TAIL,
  DISCLOSURE_START,
  DATE_LINE,
  DATE_ONLY,
  READING_TIME,
  SERVER_ERROR,
  SKIP_LINK,
} from './lexicon';

const INNER_BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'table',
  'figure',
  'blockquote',
  'section',
  'h2',
  'h3',
  'h4',
]);

/** The blocks that can be a credit, byline, date or contact line. */
const LINE_TAGS = new Set('p div span figcaption li h4 h5 h6 small cite'.split(' '));
const LISTS = new Set(['ul', 'ol']);
/** The blocks a disclosure is set in. */
const NOTICE_TAGS = new Set('p div em small aside'.split(' '));

function isLeafBlock(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (INNER_BLOCKS.has(tagName(c))) return false;
  return true;
}

function sameSite(href: string, host: string | null): boolean {
  if (!host) return true;
  try {
    const h = bareHost(new URL(href, 'https://' + host + '/').hostname);
    const base = bareHost(host);
    return hostMatches(h, base) || hostMatches(base, h);
  } catch {
    return false;
  }
}

export function dropNoiseLines(root: Element, pageHost: string | null = null): void {
  // Credit suffixes inside captions: "Protesters wore masks (Image: GETTY)".
  for (const cap of Array.from(
    root.querySelectorAll('figcaption, .caption, [class*="caption"], [class*="legende"]'),
  )) {
    for (const n of descendants(cap).concat(cap)) {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 && c.nodeValue && CREDIT_TAIL.test(c.nodeValue))
          c.nodeValue = c.nodeValue.replace(CREDIT_TAIL, '');
      }
    }
  }
  for (const el of elementsOf(root, LINE_TAGS)) {
    // Raw length includes source indentation, so the cheap pre-filter is generous. The child test
    // first: a container's text can be the whole article.
    if (!isLeafBlock(el) || (el.textContent ?? '').length > 2000 || !root.contains(el)) continue;
    const t = textOf(el);
    if (!t || t.length > 140) continue;
    if (
      CREDIT_ONLY.test(t) ||
      CONTACT_LINE.test(t) ||
      DATE_LINE.test(t) ||
      BYLINE_LINE.test(t) ||
      DATE_ONLY.test(t) ||
      READING_TIME.test(t) ||
      SKIP_LINK.test(t) ||
      SERVER_ERROR.test(t) ||
      BYLINE_DATE.test(t) ||
      (t.length < 80 && AGENCY_CREDIT.test(t))
    )
      el.remove();
    else if (CAPTION_CREDIT.test(t) && el.closest('figure, figcaption')) el.remove();
  }
  // The site's affiliate disclosure, above or below the story: short, opening on the page or the
  // site's earnings. A sentence that mentions affiliate links in passing is the article's.
  for (const el of elementsOf(root, NOTICE_TAGS)) {
    if (!root.contains(el) || !isLeafBlock(el) || (el.textContent ?? '').length > 900) continue;
    const t = textOf(el);
    if (t.length <= 450 && DISCLOSURE_START.test(t) && AFFILIATE_NOTICE.test(t)) el.remove();
  }
  // Galleries repeat the same caption (thumbnail strip + slide): keep the first copy only.
  const seen = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('figcaption, figure p, [class*="caption"]'))) {
    if (!isLeafBlock(el)) continue;
    const t = textOf(el);
    if (t.length < 40) continue;
    if (seen.has(t)) el.remove();
    else seen.add(t);
  }
  // Paragraphs made only of links (≥2) are navigation: "Story A [VIDEO] | Story B [INSIGHT]".
  // One all-capitals link as a paragraph is a promo for another story ("TAYLOR SWIFT CLEARED…").
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    const links = p.getElementsByTagName('a');
    if (links.length === 0) continue;
    const t = textOf(p);
    let linked = 0;
    for (const a of Array.from(links)) linked += textOf(a).length;
    if (t.length === 0 || linked / t.length <= 0.85) continue;
    const shouting = t.length >= 20 && t === t.toUpperCase() && /\p{Lu}{3}/u.test(t);
    // "Learn more." under each section: a button to another page, not a sentence of the article.
    if (links.length >= 2 || shouting || (t.length < 40 && CALL_TO_ACTION.test(t))) p.remove();
  }
  // Lists where every item is one headline-like link: a related-stories list.
  const cardLists: Element[] = [];
  for (const list of elementsOf(root, LISTS)) {
    const items = Array.from(list.children).filter((c) => tagName(c) === 'li');
    if (items.length === 0) continue;
    let count = 0;
    let cards = false;
    // Links to the site's own articles; a list of shop or source links is content.
    // An item can be a row of cards, and a card's picture and title two links to one story.
    const allLinks = items.every((li) => {
      const stories = new Map<string, string>();
      const links = li.getElementsByTagName('a');
      for (const a of Array.from(links)) {
        const href = a.getAttribute('href') ?? '';
        stories.set(href, `${stories.get(href) ?? ''} ${textOf(a)}`);
      }
      if (links.length > 1) cards = true;
      let linked = 0;
      for (const [href, t] of stories) {
        // A link to the picture itself is a photo story's item, not a story.
        if (!sameSite(href, pageHost) || IMAGE_FILE.test(href)) return false;
        linked += t.trim().length;
      }
      const t = textOf(li);
      const headlines = [...stories.values()].every((x) => x.trim().split(' ').length >= 4);
      count += stories.size;
      return stories.size > 0 && t.length > 0 && linked / t.length > 0.9 && headlines;
    });
    if (!allLinks || count < 2) continue;
    // Cards (a picture and a name per item) are also what a shop's grid is made of: only around an
    // article, never as the page (judged below, over all of them).
    if (cards) {
      cardLists.push(list);
      continue;
    }
    dropList(list);
  }
  let listed = 0;
  for (const list of cardLists) listed += textOf(list).length;
  if (cardLists.length && holdsArticleBesides(textOf(root).length, listed)) cardLists.forEach(dropList);
}

/** A related-stories list and its title ("Related:", "MORE NEWS", a heading). */
function dropList(list: Element): void {
  const prev = list.previousElementSibling;
  const pt = prev ? textOf(prev) : '';
  if (
    prev &&
    pt.length > 0 &&
    pt.length < 50 &&
    (/:$/.test(pt) || pt === pt.toUpperCase() || /^h[2-6]$/.test(tagName(prev)))
  )
    prev.remove();
  list.remove();
}
