// Classifieds detection: Document (or a subtree) → labelled blocks. Pure DOM code, no
// extension APIs, no layout (no innerText / getComputedStyle): it runs on every page load
// and again on late-injected subtrees, under happy-dom, linkedom and real browsers.
import { COLLAPSE_LABEL_ATTR } from './css';
import { rulesForHost, type SiteRule, SITE_RULES } from './rules';
import { classAttr, SelectorIndex, uniqueSelector } from './selector';
import {
  headingCategory,
  hostCategory,
  hrefHost,
  itemScore,
  pathCategory,
  SIG,
  textCategory,
  textSignals,
} from './signals';
import { CATEGORIES, type Category, type ClassifiedBlock } from './types';

export * from './types';
export { uniqueSelector, cssEscape, SelectorIndex } from './selector';
export { SITE_RULES, knownSelectors, rulesForHost } from './rules';
export { hostMatches } from '../core/url';
export type { SiteRule, SiteBlockRule } from './rules';

export const CATEGORY_LABELS: Record<'fr' | 'en', Record<Category, string>> = {
  fr: {
    immobilier: 'Immobilier',
    automobile: 'Automobile',
    emploi: 'Emploi',
    'bonnes-affaires': 'Bonnes affaires',
    'avis-de-deces': 'Avis de décès',
    'annonces-legales': 'Annonces légales',
    autre: 'Autres annonces',
  },
  en: {
    immobilier: 'Real estate',
    automobile: 'Cars',
    emploi: 'Jobs',
    'bonnes-affaires': 'Second-hand goods',
    'avis-de-deces': 'Death notices',
    'annonces-legales': 'Legal notices',
    autre: 'Other classifieds',
  },
};

export interface DetectOptions {
  /** Page hostname for site rules; defaults to the document's location, canonical or og:url. */
  host?: string;
  /** Apply known-site rules (default true). */
  rules?: boolean;
  /** Run the generic shape detection (default true). */
  shape?: boolean;
  /** Site rules to use (default SITE_RULES); tests inject their own. */
  siteRules?: readonly SiteRule[];
}

/** A detection with its live element, for callers that hold the DOM (content script, extractor). */
export interface DetectedBlock extends ClassifiedBlock {
  element: Element;
}

const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'LEGEND', 'DT']);
const HEADING_CLASS = /(?:^|[\s_-])(?:title|titre|heading|head|header|entete|label|intitule)(?:$|[\s_-])/i;
const SHOW_TEXT = 4;
const MAX_FIELD_TEXT = 300;
/** Average item text above this is prose or a teaser list, not ads. */
const MAX_ITEM_TEXT = 500;
const NON_SPACE = /\S/;

function isDocument(n: Document | Element): n is Document {
  return n.nodeType === 9;
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2009\u2007]+/g, ' ').trim();
}

/** Hostname of the page: live location when it is a web page, else canonical / og:url (fixtures). */
export function documentHost(doc: Document): string | null {
  try {
    const loc = doc.location;
    if (loc && /^https?:$/.test(loc.protocol) && loc.hostname && loc.hostname !== 'localhost') {
      return loc.hostname;
    }
  } catch {
    // linkedom documents have no location.
  }
  // Look in <head> only: a document-wide querySelector is a full scan in DOM shims.
  const head = doc.head ?? doc;
  const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = head.querySelector('meta[property="og:url"]')?.getAttribute('content');
  for (const u of [canonical, og]) {
    const h = u ? hrefHost(u) : null;
    if (h) return h;
  }
  return null;
}

/** Item signature: tag + first class, so cards of one list match and a heading does not. */
function signature(el: Element): string {
  const cls = classAttr(el);
  const first = cls ? (cls.trim().split(/\s+/)[0] ?? '') : '';
  return el.tagName + '.' + first;
}

function textOf(el: Element): string {
  return el.textContent ?? '';
}

/**
 * Visible-ish text length of `el`, counting non-space characters plus one per whitespace run,
 * stopping once it exceeds `limit`: a heading check must not read a whole article body.
 */
function textLengthUpTo(el: Element, limit: number): number {
  // Manual walk, not a TreeWalker: linkedom's TreeWalker collects the whole subtree up front,
  // which defeats the early exit.
  let len = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      len += collapse(node.nodeValue ?? '').length;
      if (len > limit) return len;
    }
    const skip = node.nodeType === 1 && SKIP_TEXT_PARENTS.has((node as Element).tagName);
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return len;
}

/** Spaced, collapsed text of `el` when it is at most `limit` characters long, else null (cheaply). */
function shortText(el: Element, limit: number): string | null {
  if (textLengthUpTo(el, limit) > limit) return null;
  return spacedText(el, limit + 40);
}

function hasLink(el: Element): boolean {
  if (el.tagName === 'A') return el.hasAttribute('href');
  // getElementsByTagName, not querySelector: selector matching is slow in DOM shims.
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) if (links[i]!.hasAttribute('href')) return true;
  return false;
}

const NAV_TAGS = new Set(['NAV', 'HEADER']);
const NAV_ROLES = new Set(['navigation', 'menu', 'menubar', 'menuitem']);

/** Inside the site's navigation (nav, header, ARIA menus)? A plain ancestor walk, no selector engine. */
function inNavigation(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (NAV_TAGS.has(cur.tagName)) return true;
    const role = cur.getAttributeNode('role')?.value;
    if (role && NAV_ROLES.has(role)) return true;
  }
  return false;
}

interface HeadingInfo {
  el: Element;
  category: Category | null | undefined;
}

/** A short element that reads like the title of the block. */
function asHeading(el: Element): HeadingInfo | null {
  const text = shortText(el, 80);
  if (!text) return null;
  const category = headingCategory(text);
  if (category !== undefined) return { el, category };
  if (HEADING_TAGS.has(el.tagName) || HEADING_CLASS.test(classAttr(el))) {
    return { el, category: undefined };
  }
  // A wrapper around a single heading element (<div class="x"><h3>…</h3></div>).
  const only = el.firstElementChild;
  if (only && only === el.lastElementChild && HEADING_TAGS.has(only.tagName))
    return { el, category: undefined };
  return null;
}

function isEmpty(el: Element): boolean {
  return el.firstElementChild === null && !NON_SPACE.test(textOf(el));
}

/** Nearest non-empty previous sibling, if it is a heading. */
function previousHeading(el: Element): HeadingInfo | null {
  let sib = el.previousElementSibling;
  let guard = 0;
  while (sib && guard++ < 4) {
    // Our own collapse label ("Avis de décès masqués — afficher") is not the block's heading.
    if (SKIP_TEXT_PARENTS.has(sib.tagName) || sib.hasAttribute(COLLAPSE_LABEL_ATTR) || isEmpty(sib)) {
      sib = sib.previousElementSibling;
      continue;
    }
    return asHeading(sib);
  }
  return null;
}

/** Text length of `parent` outside of `keep` elements, stopping as soon as it exceeds `limit`. */
function extraTextExceeds(parent: Element, keep: Element[], limit: number): boolean {
  let extra = 0;
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const el = c as Element;
      if (keep.includes(el) || SKIP_TEXT_PARENTS.has(el.tagName)) continue;
      extra += textLengthUpTo(el, limit - extra);
    } else if (c.nodeType === 3) {
      extra += collapse(c.nodeValue ?? '').length;
    }
    if (extra > limit) return true;
  }
  return false;
}

interface Candidate {
  list: Element;
  items: Element[];
  root: Element;
  heading: HeadingInfo | null;
  category: Category;
}

/** Lists/grids/tables whose repeated children carry classified signals. */
function shapeScan(scope: Element, pageHost: string | null): Candidate[] {
  const doc = scope.ownerDocument;
  const agg = new Map<Element, number>();
  const kids = new Map<Element, Set<Element>>();
  const linkCat = new Map<Element, Category>();
  const stop = scope.parentElement;

  const mark = (el: Element, mask: number): void => {
    let child: Element | null = null;
    let cur: Element | null = el;
    while (cur && cur !== stop) {
      const prev = agg.get(cur);
      let known = child === null;
      if (child) {
        let set = kids.get(cur);
        if (!set) kids.set(cur, (set = new Set()));
        known = set.has(child);
        set.add(child);
      }
      if (prev !== undefined && (prev | mask) === prev && known) break;
      agg.set(cur, (prev ?? 0) | mask);
      child = cur;
      cur = cur.parentElement;
    }
  };

  // One pass over text nodes; the regexes see each text node once.
  const walker = doc.createTreeWalker(scope, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue;
    // Ad fields are short; long text nodes are prose (article paragraphs), never an item field.
    if (!data || data.length < 2 || data.length > MAX_FIELD_TEXT || !NON_SPACE.test(data)) continue;
    const parent = n.parentElement;
    if (!parent || SKIP_TEXT_PARENTS.has(parent.tagName)) continue;
    const mask = textSignals(data);
    if (mask) mark(parent, mask);
  }
  // Links to classifieds hosts (other than the page's own host).
  // Many links share a host: classify each host once.
  const hostCats = new Map<string, Category | null>();
  const links = scope.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    const href = a.getAttributeNode('href')?.value;
    if (!href || href.charCodeAt(0) === 35 /* # */) continue;
    const host = hrefHost(href);
    let cat: Category | null = null;
    if (host && !(pageHost !== null && (host === pageHost || host.endsWith('.' + pageHost)))) {
      const known = hostCats.get(host);
      cat = known !== undefined ? known : hostCategory(host);
      if (known === undefined) hostCats.set(host, cat);
    }
    if (cat) {
      linkCat.set(a, cat);
      mark(a, SIG.HOST);
      continue;
    }
    const pcat = pathCategory(href);
    if (pcat) {
      linkCat.set(a, pcat);
      mark(a, SIG.PATH);
    }
  }

  const lists: Array<{ list: Element; items: Element[] }> = [];
  for (const [parent, set] of kids) {
    if (set.size < 2) continue;
    const bySig = new Map<string, number>();
    let best = '';
    let bestN = 0;
    for (const c of set) {
      const s = signature(c);
      const n = (bySig.get(s) ?? 0) + 1;
      bySig.set(s, n);
      if (n > bestN) {
        bestN = n;
        best = s;
      }
    }
    if (bestN < 2) continue;
    const items: Element[] = [];
    for (const c of Array.from(parent.children)) if (signature(c) === best) items.push(c);
    if (evaluateList(parent, items, agg)) lists.push({ list: parent, items });
  }

  // Keep the finest lists: a list whose several items contain accepted lists is a group of
  // sub-categories (split it); a list found inside one single item is a fragment of that item.
  const accepted = new Set(lists.map((l) => l.list));
  const drop = new Set<Element>();
  for (const l of lists) {
    let itemsWithInner = 0;
    const inner: Element[] = [];
    for (const it of l.items) {
      let found = false;
      for (const other of accepted) {
        if (other !== l.list && it.contains(other)) {
          found = true;
          inner.push(other);
        }
      }
      if (found) itemsWithInner++;
    }
    if (itemsWithInner >= 2) drop.add(l.list);
    else if (itemsWithInner === 1) for (const e of inner) drop.add(e);
  }

  const out: Candidate[] = [];
  for (const l of lists) {
    if (drop.has(l.list)) continue;
    out.push(buildCandidate(l.list, l.items, agg, linkCat));
  }
  return out;
}

/** True when the list's parent also holds two or more prose paragraphs. */
function amongProse(list: Element): boolean {
  const parent = list.parentElement;
  if (!parent) return false;
  let prose = 0;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (c !== list && c.tagName === 'P' && textLengthUpTo(c, 120) > 120 && ++prose >= 2) return true;
  }
  return false;
}

function evaluateList(list: Element, items: Element[], agg: Map<Element, number>): boolean {
  const n = items.length;
  if (n < 2) return false;
  // Cheap checks first: this runs for every repeated structure that carries any signal.
  let strong = 0;
  let fair = 0;
  for (const it of items) {
    const sc = itemScore(agg.get(it) ?? 0);
    if (sc >= 2) strong++;
    if (sc >= 1.5) fair++;
  }
  if (fair / n < 0.6) return false;
  // Items with a single structured fact (just a price) count only under a classifieds heading:
  // a list of subscription offers also shows prices.
  if (strong / n < 0.6 && findHeading(list, items)?.heading.category === undefined) return false;
  // Entries of the site's own menus are navigation, not ads (documented choice: hiding them
  // would break the site's navigation and they show no ad content).
  if (inNavigation(list)) return false;
  // Ads are links to the ad page; prose paragraphs and spec tables are not. Flat markup
  // (title link and facts as separate siblings) still has one link per item in the list.
  let linked = 0;
  for (const it of items) if (hasLink(it)) linked++;
  if (linked / n < 0.5 && list.getElementsByTagName('a').length < n) return false;
  let totalLen = 0;
  for (const it of items) totalLen += textLengthUpTo(it, MAX_ITEM_TEXT);
  const avgLen = totalLen / n;
  if (avgLen < 8 || avgLen > MAX_ITEM_TEXT) return false;
  const heading = findHeading(list, items)?.heading;
  // A list set among the article's paragraphs is part of the article (a list of prices in a
  // housing-market story), unless a classifieds heading says otherwise.
  if (amongProse(list) && heading?.category === undefined) return false;
  if (n >= 3) return true;
  // A two-item list needs a heading that announces classifieds. The heading never stands in
  // for item evidence: "Immobilier" or "Auto-moto" are also names of editorial sections.
  return heading !== undefined && heading.category !== undefined;
}

/** A heading given by aria-label / aria-labelledby, when it announces classifieds. */
function ariaHeading(el: Element): HeadingInfo | null {
  let label = el.getAttributeNode('aria-label')?.value ?? '';
  const by = el.getAttributeNode('aria-labelledby')?.value;
  if (!label && by) {
    const ref = el.ownerDocument.getElementById(by.split(/\s+/)[0] ?? '');
    if (ref) label = shortText(ref, 80) ?? '';
  }
  const category = label ? headingCategory(collapse(label)) : undefined;
  return category === undefined ? null : { el, category };
}

/** Heading inside the list (before its first item) or just before it (climbing thin wrappers). */
function findHeading(
  list: Element,
  items: Element[],
): { heading: HeadingInfo; container: Element; inside: boolean } | null {
  const first = items[0];
  for (const c of Array.from(list.children)) {
    if (c === first) break;
    if (items.includes(c) || isEmpty(c)) continue;
    const h = asHeading(c);
    if (h) return { heading: h, container: list, inside: true };
  }
  let cur: Element = list;
  for (let depth = 0; depth < 3; depth++) {
    const h = previousHeading(cur);
    if (h) return { heading: h, container: cur, inside: false };
    // Tab panels name themselves (the tab title sits in a separate tab list).
    const named = ariaHeading(cur);
    if (named) return { heading: named, container: cur, inside: true };
    const parent = cur.parentElement;
    if (!parent || parent.tagName === 'BODY') break;
    // Climb only through wrappers that add (almost) nothing around the list.
    if (extraTextExceeds(parent, [cur], 40)) break;
    cur = parent;
  }
  return null;
}

function buildCandidate(
  list: Element,
  items: Element[],
  agg: Map<Element, number>,
  linkCat: Map<Element, Category>,
): Candidate {
  const found = findHeading(list, items);
  let root: Element = list.tagName === 'TBODY' && list.parentElement ? list.parentElement : list;
  if (found && !found.inside) {
    const parent = found.container.parentElement;
    // Smallest element holding heading and items, unless that parent also holds unrelated content.
    if (
      parent &&
      parent.tagName !== 'BODY' &&
      !extraTextExceeds(parent, [found.container, found.heading.el], 200)
    ) {
      root = parent;
    } else {
      root = found.container;
    }
  }
  const heading = found?.heading ?? null;
  let category: Category | null = heading?.category ?? null;
  if (!category) category = voteCategory(items, agg, linkCat);
  return { list, items, root, heading, category };
}

function voteCategory(
  items: Element[],
  agg: Map<Element, number>,
  linkCat: Map<Element, Category>,
): Category {
  const votes = new Map<Category, number>();
  for (const it of items) {
    let cat: Category | null = null;
    const mask = agg.get(it) ?? 0;
    // Text facts first (a leboncoin link can carry a car); the link host breaks ties.
    cat = textCategory(spacedText(it, MAX_ITEM_TEXT), mask);
    if (!cat || cat === 'bonnes-affaires') {
      const links = it.tagName === 'A' ? [it] : Array.from(it.getElementsByTagName('a'));
      for (const a of links) {
        const lc = linkCat.get(a);
        // A generic marketplace host ('autre') says "classified", not which kind.
        if (lc && (lc !== 'autre' || !cat)) {
          cat = lc;
          break;
        }
      }
    }
    if (cat) votes.set(cat, (votes.get(cat) ?? 0) + 1);
  }
  let best: Category = 'autre';
  let bestN = 0;
  for (const c of CATEGORIES) {
    const v = votes.get(c) ?? 0;
    if (v > bestN) {
      best = c;
      bestN = v;
    }
  }
  return bestN * 2 > items.length ? best : 'autre';
}

function insideMatch(el: Element, selector: string): boolean {
  try {
    return el.closest(selector) !== null;
  } catch {
    return false;
  }
}

function countItems(root: Element, itemSelector: string | undefined): number {
  if (itemSelector) {
    try {
      const n = root.querySelectorAll(itemSelector).length;
      if (n > 0) return n;
    } catch {
      // Bad selector in a rule: fall back to counting links.
    }
  }
  return root.getElementsByTagName('a').length;
}

// Formatting tags glue text ("120 600<sup>€</sup>"); every other element is a field boundary.
const INLINE_TAGS = new Set([
  'B',
  'STRONG',
  'EM',
  'I',
  'U',
  'S',
  'SMALL',
  'SUP',
  'SUB',
  'ABBR',
  'MARK',
  'FONT',
  'WBR',
]);

/**
 * Text of `el` with a space at every element boundary except inline ones (so "Locations" and
 * "Voir plus" in two elements do not fuse), whitespace collapsed; reading stops after about
 * `limit` characters.
 */
function spacedText(el: Element, limit: number): string {
  let out = '';
  let raw = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && raw <= limit * 4; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        out += v;
        raw += v.length;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (SKIP_TEXT_PARENTS.has(tag)) continue;
        const block = !INLINE_TAGS.has(tag);
        if (block) out += ' ';
        walk(c);
        if (block) out += ' ';
      }
    }
  };
  walk(el);
  return collapse(out).slice(0, limit);
}

/** First 200 characters of the block's text (contract of ClassifiedBlock.text). */
function blockText(el: Element): string {
  return spacedText(el, 200);
}

/**
 * Detect classifieds blocks in a document or a subtree (re-run on late-injected nodes).
 * Returns blocks in document order; roots never nest (a group of sub-categories comes out
 * as one block per sub-category).
 */
export function detectBlocks(root: Document | Element, opts: DetectOptions = {}): DetectedBlock[] {
  try {
    return detect(root, opts);
  } catch (e) {
    // DOM shims (happy-dom) search recursively and overflow on 10 000-deep pages; browsers do not.
    // Hiding nothing is the safe answer there; any other error is a bug and surfaces.
    if (e instanceof RangeError || (e instanceof Error && e.name === 'RangeError')) return [];
    throw e;
  }
}

function detect(root: Document | Element, opts: DetectOptions): DetectedBlock[] {
  const doc = isDocument(root) ? root : root.ownerDocument;
  // documentElement first: a DOM shim given no bytes (linkedom) has none and throws on `body`.
  if (isDocument(root) && !root.documentElement) return [];
  const scope = isDocument(root) ? (root.body ?? root.documentElement) : root;
  if (!scope) return [];
  const host = opts.host ?? documentHost(doc);
  const found: Array<{ el: Element; category: Category; items: number; source: string }> = [];

  const ruleSelectors: string[] = [];
  if (opts.rules !== false && host) {
    for (const rule of rulesForHost(host, opts.siteRules ?? SITE_RULES)) {
      for (const b of rule.blocks) {
        ruleSelectors.push(b.selector);
        let matches: Element[];
        try {
          matches = Array.from(scope.querySelectorAll(b.selector));
          if (scope.matches(b.selector)) matches.unshift(scope);
        } catch {
          continue;
        }
        for (const el of matches) {
          found.push({ el, category: b.category, items: countItems(el, b.items), source: rule.id });
        }
      }
    }
  }

  if (opts.shape !== false) {
    const ruleEls = found.map((f) => f.el);
    for (const c of shapeScan(scope, host)) {
      // A site rule knows the block better: drop shape blocks overlapping a rule block.
      if (ruleEls.some((r) => r === c.root || r.contains(c.root) || c.root.contains(r))) continue;
      // Subtree re-scan inside a rule block (its items arrived late): the rule block covers it.
      if (!isDocument(root) && ruleSelectors.some((sel) => insideMatch(c.root, sel))) continue;
      if (found.some((f) => f.el === c.root)) continue;
      found.push({ el: c.root, category: c.category, items: c.items.length, source: 'shape' });
    }
  }

  // Roots never nest: keep the inner blocks when one root contains another.
  const kept = found.filter((f) => !found.some((g) => g !== f && g.el !== f.el && f.el.contains(g.el)));
  kept.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  // Whole-document scan: one indexing pass answers every uniqueness question. Subtree scan:
  // let uniqueSelector ask the document (cheaper than indexing the whole page again).
  const index =
    kept.length && isDocument(root)
      ? new SelectorIndex(
          doc,
          kept.map((f) => f.el),
        )
      : undefined;
  return kept.map((f) => ({
    category: f.category,
    selector: uniqueSelector(f.el, index),
    items: f.items,
    text: blockText(f.el),
    source: f.source,
    element: f.el,
  }));
}

/**
 * Re-scan after DOM changes (late widgets). Pass the elements that received nodes
 * (`MutationRecord.target`), not only the added nodes: a widget filled item by item is only
 * recognisable from its container. Blocks already in `known` (by element) are not returned
 * again; nested results are merged so roots never nest.
 */
export function detectInSubtrees(
  roots: readonly Element[],
  known: ReadonlySet<Element> = new Set(),
  opts: DetectOptions = {},
): DetectedBlock[] {
  // Drop roots contained in another root: scanning the outer one covers them.
  const outer = roots.filter((r) => r.isConnected && !roots.some((o) => o !== r && o.contains(r)));
  const out: DetectedBlock[] = [];
  for (const r of outer) {
    for (const b of detectBlocks(r, opts)) {
      if (known.has(b.element) || out.some((o) => o.element === b.element)) continue;
      out.push(b);
    }
  }
  return out.filter((b) => !out.some((o) => o !== b && b.element.contains(o.element)));
}

/**
 * Remove the classifieds blocks from a document the caller owns (a clone handed to the
 * reading-view extractor): the reading view never contains classifieds. Returns what it removed.
 */
export function stripClassifieds(doc: Document, opts: DetectOptions = {}): ClassifiedBlock[] {
  const blocks = detectBlocks(doc, opts);
  for (const b of blocks) b.element.remove();
  return blocks.map(({ element: _element, ...b }) => b);
}

/** Detect classifieds blocks (serialisable form, without element references). */
export function detectClassifieds(root: Document | Element, opts: DetectOptions = {}): ClassifiedBlock[] {
  return detectBlocks(root, opts).map(({ element: _element, ...b }) => b);
}
export * from './css';
