// Pre-Readability cleanup: removes, from the cloned document, what a reader never wants in the
// reading view (related/teaser lists, newsletter and subscription boxes, share bars, comment
// sections, trending bars, ads), including when it sits inside the article body.
//
// Two signals, both generic:
//  * the element's own class/id/role/aria-label matches a boilerplate lexicon (English + French);
//  * a short, link-dense or marker-led block whose text starts with a boilerplate phrase
//    ("Lire aussi", "Les plus lus", "Abonnez-vous"...).
// Guard rails keep the article: nothing that holds the main heading or a large share of the
// page's paragraph text is removed by the class lexicon, and a paragraph that merely *mentions*
// such words (long, not link-dense, not led by the phrase) is kept.

import { collapse } from '../core/text';
import { isElement, linkDensity, tagName, textOf } from './dom';

/** Elements never part of a reading view. */
const ALWAYS_DROP = 'script,style,link,template,button,select,input,textarea,dialog,object,embed,canvas,map';

// Class/id tokens. Matched against "-"/"_"/space-separated pieces, so "share" hits "share-bar"
// and "article__share" but not "shared" or "sharepoint".
const BOILER_TOKENS = [
  // related / teasers / recommendations
  'related',
  'relatedposts',
  'related-articles',
  'recommended',
  'recommendations',
  'recirculation',
  'recirc',
  'outbrain',
  'taboola',
  'ligatus',
  'plista',
  'mostread',
  'most-read',
  'most-popular',
  'popular',
  'trending',
  'lire-aussi',
  'lireaussi',
  'a-lire',
  'alire',
  'sur-le-meme-sujet',
  'meme-sujet',
  'read-more',
  'readmore',
  'read-next',
  'more-stories',
  'morestories',
  'next-article',
  'plus-lus',
  'pluslus',
  'les-plus-lus',
  'en-continu',
  'en-ce-moment',
  'ticker',
  'breaking-bar',
  'live-bar',
  'teasers',
  'teaser-list',
  // social / share
  'share',
  'sharing',
  'sharebar',
  'share-bar',
  'social',
  'socials',
  'social-links',
  'sociallinks',
  'partage',
  'partager',
  'follow-us',
  'suivez-nous',
  'addthis',
  'sharethis',
  // newsletter / subscription / paywall prompts
  'newsletter',
  'newsletters',
  'nl-box',
  'subscribe',
  'subscription',
  'abonnement',
  'abonnez-vous',
  'abo',
  'signup',
  'sign-up',
  'inscription',
  'optin',
  'opt-in',
  'paywall-banner',
  'premium-banner',
  'promo',
  'promotion',
  'marketing',
  'app-promo',
  'download-app',
  'appli',
  // comments
  'comment',
  'comments',
  'commentaires',
  'commentaire',
  'reactions',
  'disqus',
  'respond',
  'reagir',
  // ads
  'ad',
  'ads',
  'advert',
  'advertisement',
  'adsbygoogle',
  'pub',
  'publicite',
  'sponsor',
  'sponsored',
  'partner',
  'partners',
  'dfp',
  'gpt',
  'banner',
  'banniere',
  'habillage',
  'native-ad',
  // misc furniture
  'breadcrumb',
  'breadcrumbs',
  'fil-ariane',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'rgpd',
  'modal',
  'popup',
  'overlay',
  'sidebar',
  'skip-link',
  'skiplink',
  'print',
  'toolbar',
  'tools',
  'author-box',
  'bio-box',
  'tags',
  'tag-list',
  'keywords',
  'mots-cles',
  'pagination',
  'pager',
  'footer',
  'header',
  'masthead',
  'menu',
  'nav',
  'navbar',
  'navigation',
  'visually-hidden',
  'sr-only',
  'screen-reader-text',
];
const TOKEN_SET = new Set(BOILER_TOKENS);
// Classes containing these words are the article itself; never remove them by lexicon.
const KEEP_RE =
  /(?:^|[-_\s])(?:article-?(?:body|content|text)|post-?(?:body|content)|entry-content|story-?body|main-?content|body-?text|content-?body|chapo|chapeau|standfirst|lead|figure|caption|legende)(?:$|[-_\s])|hentry|instapaper_body/i;

/** Phrases that lead boilerplate blocks, matched at the start of the block's text (case-insensitive). */
const LEAD_PHRASES = [
  // French
  'à lire aussi',
  'a lire aussi',
  'à lire également',
  'lire aussi',
  'lire également',
  'lire la suite',
  'à lire',
  'sur le même sujet',
  'sur le meme sujet',
  'dans la même rubrique',
  'les plus lus',
  'les plus partagés',
  'les plus commentés',
  'le plus lu',
  'les articles les plus lus',
  'articles les plus lus',
  'à voir aussi',
  'voir aussi',
  'à découvrir',
  'découvrez aussi',
  'nos articles',
  'en ce moment',
  'en continu',
  'en direct :',
  'abonnez-vous',
  'abonnez vous',
  "s'abonner",
  's’abonner',
  'inscrivez-vous',
  'inscrivez vous',
  'recevez',
  'restez informé',
  'newsletter',
  'la newsletter',
  'cet article est réservé aux abonnés',
  'article réservé aux abonnés',
  'réservé aux abonnés',
  'il vous reste',
  'publicité',
  'réagir',
  'partager',
  'partagez',
  'suivez-nous',
  'suivez nous',
  'téléchargez',
  'retrouvez-nous',
  'commentaires',
  'vos commentaires',
  'ailleurs sur le web',
  'cet article est paru dans',
  'cet article est extrait de',
  'retrouvez cet article',
  'contenus sponsorisés',
  'nos partenaires',
  'offres d’emploi',
  "offres d'emploi",
  // English
  'read more',
  'read also',
  'also read',
  'see also',
  'related:',
  'related articles',
  'related stories',
  'related posts',
  'related content',
  'recommended',
  'more from',
  'more stories',
  'most read',
  'most popular',
  'trending',
  'sign up',
  'subscribe',
  'advertisement',
  'share this',
  'share on',
  'follow us',
  'comments',
  'leave a comment',
  'you may also like',
  'you might also like',
  'what to read next',
  'up next',
  'newsletter',
  'see more',
  'see also',
  "don't miss",
  'don’t miss',
  'more:',
  'read:',
  'watch:',
  'related coverage',
  'more on this',
  'also on',
  'more in',
  'popular now',
  'top stories',
  'latest news',
  'editor’s picks',
  "editor's picks",
];
// Built once: `^(?:phrase1|phrase2|...)` with regex metacharacters escaped.
const LEAD_RE = new RegExp(
  '^[\\s«"“»>•▶►→-]*(?:' +
    LEAD_PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|') +
    ')(?![\\p{L}])',
  'iu',
);

/**
 * Phrases that also start real sentences ("Subscribe to the county's alerts by texting…", "Sign up
 * for a Hulu account…"): they only mark a block that is nothing but the phrase (a widget heading).
 */
const WEAK_RE =
  /^[\s«"“»>•▶►→-]*(?:sign up|subscribe|recommended|trending|comments|commentaires|recevez|partagez|partager|réagir|téléchargez|newsletter|la newsletter|more from|more in|also on|up next|see more|publicité|advertisement)(?![\p{L}])/iu;

/** Headings that introduce a teaser list / widget rather than a section of the article. */
const WIDGET_HEADING_RE = new RegExp(LEAD_RE.source, 'iu');

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
  for (const t of toks) if (TOKEN_SET.has(t)) hit = true;
  if (!hit) return false;
  const raw = (el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '');
  return !KEEP_RE.test(raw);
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
function paragraphText(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) n += (p.textContent ?? '').trim().length;
  return n;
}

function keyParasIn(el: Element, ctx: CleanContext): number {
  let n = 0;
  for (const p of ctx.keyParas) if (el.contains(p)) n++;
  return n;
}

/**
 * Never removed by the lexicon: the element holding the headline, or holding a large share of
 * the page's longest paragraphs (the article, whatever its class says) unless it is mostly links.
 * Containment tests against a few precomputed paragraphs keep this cheap on every lexicon hit.
 */
function protectedNode(el: Element, ctx: CleanContext): boolean {
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

const ALWAYS_DROP_TAGS = new Set(ALWAYS_DROP.split(','));
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
  'complementary',
  'menu',
  'menubar',
]);
const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const PAYWALL_RE =
  /(?:réservé aux abonnés|il vous reste \d+\s*%|la suite est réservée|pour lire la suite|subscribe to continue|for subscribers only)/i;

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

export interface CleanResult {
  /** A removed block said the article is for subscribers only ("Il vous reste 80 %..."). */
  paywallText: boolean;
}

export function boilerplateClean(doc: Document, ctx: CleanContext): CleanResult {
  const body = doc.body;
  const res: CleanResult = { paywallText: false };
  if (!body) return res;
  walkClean(body, ctx);
  dropMarkerBlocks(body, ctx, res);
  return res;
}

/**
 * Short blocks led by a boilerplate phrase: "Lire aussi : <link>", a "Les plus lus" heading with
 * its list, "Abonnez-vous à notre newsletter"... A paragraph is removed only when it is led by
 * the phrase AND is short or mostly links, so "Il faut lire aussi le rapport..." stays.
 */
function dropMarkerBlocks(body: Element, ctx: CleanContext, res: CleanResult): void {
  const candidates = Array.from(
    body.querySelectorAll('p,li,div,section,h2,h3,h4,h5,h6,strong,b,span,figure,blockquote,ul,dl'),
  );
  for (const el of candidates) {
    if (!body.contains(el)) continue;
    const tag = tagName(el);
    // Cheap pre-test on the first characters before reading the whole subtree's text.
    if (!LEAD_RE.test(leadingText(el, 48))) continue;
    const text = textOf(el);
    if (!text || text.length > 400) continue;
    if (!LEAD_RE.test(text)) continue;
    if (PAYWALL_RE.test(text)) res.paywallText = true;
    const ld = linkDensity(el, text.length);
    const phraseOnly = text.length < 40 && ld < 0.5;
    if (
      /^h[2-6]$/.test(tag) ||
      ((tag === 'strong' || tag === 'b' || tag === 'span' || tag === 'p') && phraseOnly)
    ) {
      // A widget heading: remove the widget it heads (heading + following list/teasers).
      if (WIDGET_HEADING_RE.test(text)) removeWidgetFrom(el, ctx);
      continue;
    }
    if (WEAK_RE.test(text) && !phraseOnly && ld < 0.5) continue;
    if (tag === 'div' || tag === 'section' || tag === 'ul' || tag === 'dl') {
      if (ld > 0.3 || text.length < 200) {
        if (!protectedNode(el, ctx)) el.remove();
      }
      continue;
    }
    // p, li, figure, blockquote
    if (WEAK_RE.test(text) && !phraseOnly) continue;
    if (ld > 0.25 || text.length < 160) el.remove();
  }
}

/** First `max` characters of text under `el`, without reading the whole subtree. */
function leadingText(el: Element, max: number): string {
  // Iterative, no closures (this runs for every candidate block of the page). Raw text is appended
  // in slices and collapsed only once it could be long enough (collapsing only shortens), and kept
  // raw while short: collapsing trims, which would glue words across text nodes.
  const slice = max * 4;
  let s = '';
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      for (let i = 0; i < v.length; i += slice) {
        s += v.slice(i, i + slice);
        if (s.length >= max) {
          const c = collapse(s);
          if (c.length >= max) return c;
        }
      }
    } else if (isElement(node) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return collapse(s);
}

/**
 * `heading` introduces a boilerplate widget. Removes the smallest ancestor that is the widget
 * (heading + link-dense teasers), else the heading and the link-dense siblings after it.
 */
function removeWidgetFrom(heading: Element, ctx: CleanContext): void {
  // Climb past inline wrappers (<p><strong>Lire aussi</strong> <a>…</a></p>).
  let node: Element = heading;
  for (let i = 0; i < 4; i++) {
    const parent: Element | null = node.parentElement;
    if (!parent || protectedNode(parent, ctx)) break;
    const pt = textOf(parent);
    if (pt.length > 1500) break;
    node = parent;
    // Found the box when it has more than the heading and is mostly links/short.
    if (pt.length > textOf(heading).length + 20) {
      if (linkDensity(parent, pt.length) > 0.4 || pt.length < 300) {
        parent.remove();
        return;
      }
      break;
    }
  }
  // Heading inside a larger container: drop it and the teaser siblings right after it.
  const h = node === heading ? heading : heading;
  let sib = h.nextElementSibling;
  h.remove();
  while (sib) {
    const next = sib.nextElementSibling;
    const t = textOf(sib);
    const tag = tagName(sib);
    if (/^h[1-6]$/.test(tag)) break;
    if (t.length === 0 || linkDensity(sib, t.length) > 0.5) {
      sib.remove();
      sib = next;
      continue;
    }
    break;
  }
}

export { collapse, isElement };
export { protectedNode as isProtected };
