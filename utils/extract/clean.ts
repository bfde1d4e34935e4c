// Pre-Readability cleanup: removes, from the cloned document, what a reader never wants in the
// reading view (related/teaser lists, newsletter and subscription boxes, share bars, comment
// sections, trending bars, ads), including when it sits inside the article body.
//
// Two signals, both generic:
//  * the element's own class/id/role/aria-label matches the boilerplate lexicon (lexicon.ts);
//  * a short, link-dense or marker-led block whose text starts with a boilerplate phrase
//    ("Lire aussi", "Les plus lus", "Abonnez-vous"...): markers.ts.
// Guard rails keep the article: nothing that holds the main heading or a large share of the
// page's paragraph text is removed by the class lexicon, and a paragraph that merely *mentions*
// such words (long, not link-dense, not led by the phrase) is kept.

import { classAttr } from '../core/dom';
import { hostMatches, siteOfUrl } from '../core/url';
import { fold, words } from '../core/text';
import { headlineLink, isPageFurniture, linkDensity, tagName, textOf } from './dom';
import { BOILER_TOKENS, FURNITURE_ROLES, KEEP_CLASS, LEAD_RE } from './lexicon';
import type { PageElements } from './page-elements';

/** Elements never part of a reading view. */
const ALWAYS_DROP_TAGS = new Set(
  'script style link template button select input textarea dialog object embed canvas map'.split(' '),
);

/** A class or id word, or a piece of one between - and _, is in the boilerplate lexicon. */
function hasBoilerToken(names: string): boolean {
  // No array of every token: this runs on every element the walk visits.
  for (const c of names.toLowerCase().split(/\s+/)) {
    if (!c) continue;
    if (BOILER_TOKENS.has(c)) return true;
    if (/[-_]/.test(c) && !LAYOUT_STATE.test(c))
      for (const piece of c.split(/[-_]+/)) if (BOILER_TOKENS.has(piece)) return true;
  }
  return false;
}

/**
 * A class that says how the element is laid out around a part of the page (`sidebar-enabled--false`,
 * `has-sidebar`, `no-comments`, `with-header`) names the content beside that part, not the part. (`print-false`
 * is not one: it says the element is screen furniture.)
 */
const LAYOUT_STATE = /(?:^|[-_])(?:has|no|with|without)[-_]|[-_](?:enabled|disabled)(?:$|[-_])/;

/**
 * A kept block's elements (BEM: `page-footer-list__item` inside `page-footer-list`) carry its name;
 * the word that named the block was already judged on the block, not on each of its parts.
 */
function withoutBlockNames(raw: string, blocks: readonly string[]): string {
  if (blocks.length === 0) return raw;
  return raw
    .split(/\s+/)
    .map((c) => {
      for (const b of blocks)
        if (c.length > b.length && c.startsWith(b) && /[-_]/.test(c[b.length]!)) return c.slice(b.length);
      return c;
    })
    .join(' ');
}

/** Words of a heading or an id, lower case, accents off ("Menu Innovation: Building…" → menu, innovation, building). */
const slugWords = (s: string): string[] => words(fold(s));

/**
 * An id made from the element's own heading (a table-of-contents anchor: `menu-innovation-strategies-…`
 * on the section under "Menu Innovation Strategies") is the author's words, not the template's
 * vocabulary: a "menu" there names a restaurant menu. Three words at least, in the heading's order
 * (slugs may drop small words), so `comments` on the section headed "Comments" still reads as what it is.
 */
export function isHeadingAnchor(el: Element, id: string): boolean {
  const words = slugWords(id);
  if (words.length < 3) return false;
  const h = el.querySelector('h1, h2, h3, h4, h5, h6');
  // A linked heading is a card's title: its id is the slug of the page it points to (a teaser). A
  // permalink to the section itself ("¶", "#") is no such link.
  if (!h || h.querySelector('a[href]:not([href^="#"])') || h.closest('a[href]:not([href^="#"])'))
    return false;
  const heading = slugWords(textOf(h));
  let i = 0;
  for (const w of heading) if (w === words[i] && ++i === words.length) return true;
  return false;
}

function lexiconHit(el: Element, blocks: readonly string[] = []): boolean {
  const id = el.getAttribute('id') ?? '';
  const raw = classAttr(el) + ' ' + id;
  if (!raw.trim()) {
    const aria = (el.getAttribute('aria-label') ?? '').toLowerCase();
    return !!aria && LEAD_RE.test(aria);
  }
  if (!hasBoilerToken(withoutBlockNames(raw, blocks)) || KEEP_CLASS.test(raw)) return false;
  // Only the id hit, and the id is the element's heading over prose (a list of links under "Related
  // articles you may like" is what its words say): the class words decide alone.
  if (id && isHeadingAnchor(el, id) && linkDensity(el) < 0.5)
    return hasBoilerToken(withoutBlockNames(classAttr(el), blocks));
  return true;
}

export interface CleanContext {
  /** Total length of paragraph text in the document before cleaning. */
  pTextTotal: number;
  /** The main heading, which must survive. */
  heading: Element | null;
  /** The longest paragraphs of the page: whatever holds several of them is the article. */
  keyParas: Element[];
  /** The page's host (bare): a teaser links to the same site, a listicle item elsewhere. */
  host: string;
}

/** Sum of <p> text length under `el` (cheap proxy for "how much article is in here"). */
export function paragraphText(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) n += (p.textContent ?? '').trim().length;
  return n;
}

export function keyParasIn(el: Element, ctx: CleanContext): number {
  let n = 0;
  for (const p of ctx.keyParas) if (el.contains(p)) n++;
  return n;
}

/**
 * Never removed by the lexicon: the element holding the headline, or holding a large share of
 * the page's longest paragraphs (the article, whatever its class says) unless it is mostly links.
 * Containment tests against a few precomputed paragraphs keep this cheap on every lexicon hit.
 */
export function protectedNode(el: Element, ctx: CleanContext): boolean {
  const tag = tagName(el);
  if (tag === 'body' || tag === 'html' || tag === 'main') return true;
  if (ctx.heading && el.contains(ctx.heading)) return true;
  const k = keyParasIn(el, ctx);
  if (k === 0) return false;
  // An <article> holding any key paragraph is the article, not a teaser card.
  if (tag === 'article') return true;
  if (k >= Math.min(2, ctx.keyParas.length)) return linkDensity(el) < 0.5;
  return false;
}

/** The context for one document (`els`, its elements): its headline and its five longest paragraphs. */
export function cleanContext(
  doc: Document,
  els: PageElements,
  heading: Element | null,
  pageUrl: string | null,
): CleanContext {
  const body = doc.body;
  // The body's paragraphs, as body.getElementsByTagName('p') gives them.
  const paras = body ? els.byTag('p').filter((p) => body.contains(p)) : [];
  const sized = paras.map((p) => [p, (p.textContent ?? '').trim().length] as const).filter(([, n]) => n > 80);
  sized.sort((a, b) => b[1] - a[1]);
  let total = 0;
  for (const [, n] of sized) total += n;
  return {
    pTextTotal: total,
    heading,
    keyParas: keyParagraphs(sized, body, heading),
    host: siteOfUrl(pageUrl),
  };
}

/**
 * The five longest paragraphs outside the page's footer and furniture (a site's "about us" blurb, an
 * exit-link notice in a dialog): those are often as long as the article's own, and counted as key they
 * leave a section of the article holding one key paragraph where it holds two, unprotected.
 */
function keyParagraphs(
  sized: ReadonlyArray<readonly [Element, number]>,
  body: Element | null,
  heading: Element | null,
): Element[] {
  const out: Element[] = [];
  for (const [p] of sized) {
    if (out.length === 5) break;
    if (!inFurniture(p, body, heading)) out.push(p);
  }
  return out;
}

/**
 * A page footer by its name: a class or id word that ends in "footer" (a theme's responsive copy of the
 * footer is a div "x-bar-footer"). A "page-footer-list" is a list the layout puts low on the page.
 */
const FOOTER_NAME = /(?:^|\s|[-_])(?:footer|colophon)(?:\s|$)/i;

function inFurniture(p: Element, body: Element | null, heading: Element | null): boolean {
  for (let el = p.parentElement; el && el !== body; el = el.parentElement) {
    const tag = tagName(el);
    // An article's own footer or aside sits inside it: stop at the article.
    if (tag === 'article' || tag === 'main') return false;
    if (isPageFurniture(el, tag) || FOOTER_NAME.test(`${classAttr(el)} ${el.getAttribute('id') ?? ''}`))
      return !(heading && el.contains(heading));
  }
  return false;
}

const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Hidden from every reader: hidden attribute, inline display:none, short aria-hidden wrappers. */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  if (el.getAttribute('aria-hidden') === 'true') {
    // aria-hidden images/icons are harmless and some sites mark decorative wrappers of real
    // text aria-hidden: drop only short text-free ones.
    return (el.textContent ?? '').trim().length < 200 && !el.querySelector('img,picture,figure');
  }
  return false;
}

/** A teaser card: a small <article> (or <li>) whose heading is a link to another page. */
function isTeaserCard(el: Element, host: string): boolean {
  if ((el.textContent ?? '').length > 1500) return false;
  const heading = headlineLink(el);
  if (!heading) return false;
  // A card leads to another page of this site; a listicle item to the place it describes.
  const a = tagName(heading) === 'a' ? heading : heading.closest('a');
  const href = a?.getAttribute('href') ?? '';
  if (host && /^https?:/i.test(href) && !hostMatches(siteOfUrl(href), host)) return false;
  return paragraphText(el) < 400 && textOf(el).length < 700;
}

/**
 * What the walk does with an element: drop it, keep it, or keep it though the lexicon named it
 * boilerplate ('spared': its parts may inherit the name, keptBlockNames), or say it was replaced by
 * what it wraps ('replaced': an embedded post, already judged).
 */
type Verdict = 'drop' | 'keep' | 'spared' | 'replaced';

function judge(el: Element, ctx: CleanContext, blocks: readonly string[]): Verdict {
  const tag = tagName(el);
  if (ALWAYS_DROP_TAGS.has(tag)) return 'drop';
  if (
    (tag === 'article' || tag === 'li') &&
    !(ctx.heading && el.contains(ctx.heading)) &&
    keyParasIn(el, ctx) === 0 &&
    isTeaserCard(el, ctx.host)
  )
    return 'drop';
  if (isHidden(el)) return ctx.heading && el.contains(ctx.heading) ? sparedIf(el, blocks) : 'drop';
  if (tag === 'span' && isHoverCard(el)) return 'drop';
  const role = el.getAttribute('role');
  const furniture =
    tag === 'nav' ||
    tag === 'aside' ||
    tag === 'footer' ||
    // A search or sign-up form; a form wrapping the page (ASP.NET, forum moderation) is not furniture.
    (tag === 'form' && (el.textContent ?? '').length < 1500) ||
    (role !== null && FURNITURE_ROLES.has(role));
  if (!furniture && !lexiconHit(el, blocks)) return 'keep';
  // A highlighter's wrapper ("code-toolbar", "highlight", a copy button's box) holds code.
  if (!furniture && holdsCode(el)) return 'spared';
  // A social post the article embeds ("social-media-embed" around a tweet) is a quote of the story:
  // the post stays, in place of its wrapper (whose name and links Readability would drop it for).
  const posts = furniture ? [] : Array.from(el.querySelectorAll(EMBEDDED_POST));
  if (posts.length > 0) {
    // Only a wrapper of posts: a bigger block holding one (a page section named "social") is judged
    // as any other.
    const postText = posts.reduce((n, p) => n + textOf(p).length, 0);
    if (textOf(el).length <= postText + 200) {
      el.replaceWith(...posts);
      return 'replaced';
    }
  }
  // A heading or paragraph is text, not a container: its class ("cookies", "promo-title") names
  // what it is about as often as what it is. The marker pass judges its words instead.
  if (!furniture && /^(?:h[1-6]|p)$/.test(tag) && textOf(el).length >= 25) return 'spared';
  // A site menu holds no article paragraph, whatever their length (a mega menu's feature blurbs on
  // a page whose content is a list): only the headline protects it.
  const menu = tag === 'nav' || role === 'navigation' || role === 'menu' || role === 'menubar';
  if (menu ? !(ctx.heading && el.contains(ctx.heading)) : !protectedNode(el, ctx)) return 'drop';
  return furniture ? sparedIf(el, blocks) : 'spared';
}

/**
 * A hover card inside a sentence: after a linked name, a box (shown on hover by the site's CSS) that
 * links the same page again with more links of its own — a politician's latest headlines, a profile.
 * Its text would run into the sentence ("Rep. Ilhan OmarIlhan OmarHillicon Valley: …").
 */
function isHoverCard(el: Element): boolean {
  const trigger = el.previousElementSibling;
  if (!trigger || tagName(trigger) !== 'a') return false;
  const href = trigger.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const links = el.getElementsByTagName('a');
  if (links.length < 2) return false;
  for (const a of Array.from(links)) if (a.getAttribute('href') === href) return true;
  return false;
}

/** The blockquote each network's embed code publishes the post in (its text, before the script runs). */
const EMBEDDED_POST =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.text-post-media, blockquote.reddit-embed-bq';

/** A kept element the lexicon judged only when it was furniture or hidden (the rare case). */
function sparedIf(el: Element, blocks: readonly string[]): Verdict {
  return lexiconHit(el, blocks) ? 'spared' : 'keep';
}

/**
 * Code is text: a highlighter's spans are named for what they colour ("hljs-comment", Prism's
 * "token comment", Pygments' "c1"), not for page furniture. Readability spares code the same way.
 */
const CODE_TAGS = new Set(['pre', 'code']);

/** Mostly a code block: the text of its <pre> elements is at least half of its own. */
export function holdsCode(el: Element): boolean {
  const pres = el.getElementsByTagName('pre');
  if (pres.length === 0) return false;
  let code = 0;
  for (const pre of Array.from(pres)) code += (pre.textContent ?? '').length;
  return code >= (el.textContent ?? '').length * 0.5;
}

/** One pruned walk, outermost first: a removed subtree is never visited, nor is code. */
function walkClean(parent: Element, ctx: CleanContext, blocks: readonly string[]): void {
  let child = parent.firstElementChild;
  while (child) {
    const next = child.nextElementSibling;
    const verdict = judge(child, ctx, blocks);
    if (verdict === 'drop') child.remove();
    else if (verdict !== 'replaced' && !CODE_TAGS.has(tagName(child)))
      walkClean(child, ctx, verdict === 'spared' ? keptBlockNames(child, blocks) : blocks);
    child = next;
  }
}

const INHERITED_PROSE = 1500;

/** The class names of a spared element (the lexicon would have removed it): its parts inherit them. */
function keptBlockNames(el: Element, blocks: readonly string[]): readonly string[] {
  const cls = classAttr(el);
  // Kept for an article's worth of paragraphs; a site footer kept for its two blurbs on a page
  // without prose (a shop grid) still loses its parts.
  if (!cls || paragraphText(el) < INHERITED_PROSE) return blocks;
  const own = cls.split(/\s+/).filter((c) => c && hasBoilerToken(c));
  return own.length ? [...blocks, ...own] : blocks;
}

/** The class/role/hidden walk: removes boilerplate containers (the marker pass is markers.ts). */
export function boilerplateClean(doc: Document, ctx: CleanContext): void {
  if (!doc.body) return;
  walkClean(doc.body, ctx, []);
  dropSideColumns(ctx);
}

/**
 * Table layouts (old CMSs, town sites): the cell holding the headline and the article sits between
 * cells of boxes (opening hours, latest news, weather) that Readability joins to it as siblings.
 * A sibling cell with none of the article's long paragraphs and little paragraph text goes.
 */
function dropSideColumns(ctx: CleanContext): void {
  const anchor = ctx.heading ?? ctx.keyParas[0];
  const cell = anchor?.closest('td');
  if (!cell || keyParasIn(cell, ctx) < Math.min(2, ctx.keyParas.length)) return;
  const row = cell.parentElement;
  if (!row || tagName(row) !== 'tr') return;
  for (const td of Array.from(row.children)) {
    if (td !== cell && tagName(td) === 'td' && keyParasIn(td, ctx) === 0 && paragraphText(td) < 300)
      td.remove();
  }
}
