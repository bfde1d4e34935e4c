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

import { linkDensity, tagName, textOf } from './dom';
import { BOILER_TOKENS, FURNITURE_ROLES, KEEP_CLASS, LEAD_RE } from './lexicon';

/** Elements never part of a reading view. */
const ALWAYS_DROP_TAGS = new Set(
  'script style link template button select input textarea dialog object embed canvas map'.split(' '),
);

function tokensOf(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  const s = (cls + ' ' + id).toLowerCase();
  if (!s.trim()) return [];
  return s.split(/[\s]+/).flatMap((c) => [c, ...c.split(/[-_]+/)]);
}

function lexiconHit(el: Element): boolean {
  const toks = tokensOf(el);
  if (toks.length === 0) {
    const aria = (el.getAttribute('aria-label') ?? '').toLowerCase();
    return !!aria && LEAD_RE.test(aria);
  }
  let hit = false;
  for (const t of toks) if (BOILER_TOKENS.has(t)) hit = true;
  if (!hit) return false;
  const raw = (el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '');
  return !KEEP_CLASS.test(raw);
}

export interface CleanContext {
  /** Total length of paragraph text in the document before cleaning. */
  pTextTotal: number;
  /** The main heading, which must survive. */
  heading: Element | null;
  /** The longest paragraphs of the page: whatever holds several of them is the article. */
  keyParas: Element[];
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

/** The context for one document: its headline and its five longest paragraphs. */
export function cleanContext(doc: Document, heading: Element | null): CleanContext {
  const paras = doc.body ? Array.from(doc.body.getElementsByTagName('p')) : [];
  const sized = paras.map((p) => [p, (p.textContent ?? '').trim().length] as const).filter(([, n]) => n > 80);
  sized.sort((a, b) => b[1] - a[1]);
  let total = 0;
  for (const [, n] of sized) total += n;
  return { pTextTotal: total, heading, keyParas: sized.slice(0, 5).map(([p]) => p) };
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
function isTeaserCard(el: Element): boolean {
  if ((el.textContent ?? '').length > 1500) return false;
  const heading = el.querySelector('h2 a, h3 a, h4 a, a h2, a h3, a h4');
  if (!heading) return false;
  return paragraphText(el) < 400 && textOf(el).length < 700;
}

function shouldDrop(el: Element, ctx: CleanContext): boolean {
  const tag = tagName(el);
  if (ALWAYS_DROP_TAGS.has(tag)) return true;
  if (
    (tag === 'article' || tag === 'li') &&
    !(ctx.heading && el.contains(ctx.heading)) &&
    keyParasIn(el, ctx) === 0 &&
    isTeaserCard(el)
  )
    return true;
  if (isHidden(el)) return !(ctx.heading && el.contains(ctx.heading));
  const role = el.getAttribute('role');
  const furniture =
    tag === 'nav' ||
    tag === 'aside' ||
    tag === 'footer' ||
    tag === 'form' ||
    (role !== null && FURNITURE_ROLES.has(role));
  if (!furniture && !lexiconHit(el)) return false;
  return !protectedNode(el, ctx);
}

/** One pruned walk, outermost first: a removed subtree is never visited. */
function walkClean(parent: Element, ctx: CleanContext): void {
  let child = parent.firstElementChild;
  while (child) {
    const next = child.nextElementSibling;
    if (shouldDrop(child, ctx)) child.remove();
    else walkClean(child, ctx);
    child = next;
  }
}

/** The class/role/hidden walk: removes boilerplate containers (the marker pass is markers.ts). */
export function boilerplateClean(doc: Document, ctx: CleanContext): void {
  if (doc.body) walkClean(doc.body, ctx);
}
