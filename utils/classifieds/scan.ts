// The scan: one pass over text nodes and one over links mark what each element's subtree shows
// (signals.ts), then repeated children carrying signals become candidate lists, and a classifieds
// heading over one strong child a candidate featured ad. Generators: `yield` marks the points where a
// sliced run may give the page its main thread back (see detect.ts).
import { collapse } from '../core/text';
import { hostMatches, hrefHost } from '../core/url';
import { hasOwnText, SKIP_TEXT_PARENTS, textLengthUpTo } from './dom';
import { asHeading } from './headings';
import { hostCategory, isLabelLink, pathCategory } from './lexicon';
import { classAttr } from '../core/dom';
import { itemScore, SIG, textSignals } from './signals';
import type { Category } from './types';

/** What the scan learnt about the subtree: signals per element, their carriers, link categories. */
export interface Signals {
  /** OR of the signals of every text node and link below each element. */
  agg: Map<Element, number>;
  /** For each element, its children that carry signals. */
  kids: Map<Element, Set<Element>>;
  /** Category of each link to a classifieds host or path. */
  linkCat: Map<Element, Category>;
}

/** A group of items found by shape, before its root and heading are known. */
export interface RawList {
  list: Element;
  items: Element[];
}

/** Text nodes longer than this are never read (a whole article in one node, a data blob). */
const MAX_NODE_TEXT = 4000;
/** How many nodes between two yield points of a sliced scan (a yield point costs ~0.1 µs; the driver
 * gives the page its thread back only once its time slice is spent). */
export const STEP = 32;
const NON_SPACE = /\S/;

function mark(s: Signals, el: Element, mask: number, stop: Element | null): void {
  let child: Element | null = null;
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    const prev = s.agg.get(cur);
    let known = child === null;
    if (child) {
      let set = s.kids.get(cur);
      if (!set) s.kids.set(cur, (set = new Set()));
      known = set.has(child);
      set.add(child);
    }
    // Each signal bubbles up once: stop where nothing new reaches an ancestor.
    if (prev !== undefined && (prev | mask) === prev && known) break;
    s.agg.set(cur, (prev ?? 0) | mask);
    child = cur;
  }
}

/** Label links seen so far (true) and other links (false). */
type LabelCache = Map<Element, boolean>;

/** The link `el` sits in (up to three levels up), when that link is a label ("Annonces immo"). */
function inLabelLink(el: Element, cache: LabelCache): boolean {
  let a: Element | null = el;
  for (let d = 0; a && d < 3 && a.tagName !== 'A'; d++) a = a.parentElement;
  if (!a || a.tagName !== 'A') return false;
  let label = cache.get(a);
  if (label === undefined) {
    label = textLengthUpTo(a, 40) <= 40 && isLabelLink(collapse(a.textContent));
    cache.set(a, label);
  }
  return label;
}

/** What a link's target says: a classifieds category and how it was known, or nothing (null). */
type LinkTarget = { cat: Category; sig: number } | null;

/**
 * Judges a link's href: a classifieds host other than the page's own, else a classifieds path of the
 * site. Many links share a host and many an href (a teaser's image and title): each is judged once.
 */
function linkTarget(
  href: string,
  pageHost: string | null,
  hosts: Map<string, Category | null>,
  hrefs: Map<string, LinkTarget>,
): LinkTarget {
  let t = hrefs.get(href);
  if (t !== undefined) return t;
  const host = hrefHost(href);
  let cat: Category | null = null;
  if (host) {
    cat = hosts.get(host) ?? null;
    if (!hosts.has(host)) {
      cat = pageHost !== null && hostMatches(host, pageHost) ? null : hostCategory(host);
      hosts.set(host, cat);
    }
  }
  if (cat) t = { cat, sig: SIG.HOST };
  else {
    const path = pathCategory(href);
    t = path ? { cat: path, sig: SIG.PATH } : null;
  }
  hrefs.set(href, t);
  return t;
}

/** Marks text and link signals below `scope`. */
export function* collectSignals(scope: Element, pageHost: string | null, s: Signals): Generator<void> {
  const stop = scope.parentElement;
  const labels: LabelCache = new Map();
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* SHOW_TEXT */);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++n % STEP === 0) yield;
    const data = node.nodeValue;
    if (!data || data.length < 2 || data.length > MAX_NODE_TEXT || !NON_SPACE.test(data)) continue;
    // The signals first: nearly every text node has none, and asking the DOM for the parent and its
    // tag name costs more than the prefilter that says so (a script's text, whose signals are dropped
    // here, is rare in a body).
    const mask = textSignals(data);
    if (!mask) continue;
    const parent = node.parentElement;
    if (!parent || SKIP_TEXT_PARENTS.has(parent.tagName)) continue;
    // The words of a menu entry ("Avis de décès", "Annonces légales") are not facts of an ad.
    if (!inLabelLink(parent, labels)) mark(s, parent, mask, stop);
  }
  // Links to classifieds hosts (other than the page's own) or sections.
  const hosts = new Map<string, Category | null>();
  const hrefs = new Map<string, LinkTarget>();
  const links = scope.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const a = links[i]!;
    // getAttribute, not getAttributeNode: a browser makes an Attr object for the latter.
    const href = a.getAttribute('href');
    if (!href || href.charCodeAt(0) === 35 /* # */) continue;
    const t = linkTarget(href, pageHost, hosts, hrefs);
    if (!t) continue;
    // "Annonces immo", "Avis de décès", "Passez votre annonce": a place of the site, not an ad.
    if (inLabelLink(a, labels)) continue;
    s.linkCat.set(a, t.cat);
    mark(s, a, t.sig, stop);
  }
}

/** Classes that say a state or a position, not what the element is ("odd", "is-active", "row-2"). */
const STATE_CLASS =
  /^(?:odd|even|first|last|active|selected|current|clearfix|hidden|visible|is-[\w-]+|has-[\w-]+|[\w-]*-(?:active|duplicate|clone[d]?|visible|prev|next|\d+))$/;

/** Item signature: tag + first meaningful class, so cards of one list match and a heading does not. */
function signature(el: Element): string {
  // Table rows are items of one table whatever their zebra classes.
  if (el.tagName === 'TR') return 'TR';
  const cls = classAttr(el);
  let first = '';
  for (const c of cls.split(/\s+/)) {
    if (c && !STATE_CLASS.test(c)) {
      first = c;
      break;
    }
  }
  return el.tagName + '.' + first;
}

/** The terms of a definition list when at least two of them, with their descriptions, show a fact. */
function dlRecords(dl: Element, s: Signals): Element[] | null {
  const terms: Element[] = [];
  let some = 0;
  for (let c = dl.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName !== 'DT') continue;
    terms.push(c);
    let m = s.agg.get(c) ?? 0;
    for (let d = c.nextElementSibling; d && d.tagName !== 'DT'; d = d.nextElementSibling)
      m |= s.agg.get(d) ?? 0;
    if (itemScore(m) >= 1) some++;
  }
  return terms.length >= 2 && some >= 2 ? terms : null;
}

/**
 * Parents whose repeated children (same signature, two or more) carry signals; and sections opened by
 * a classifieds heading over a single strong child (a featured ad, "Annonce à la une").
 */
export function* findLists(s: Signals): Generator<void, RawList[]> {
  const out: RawList[] = [];
  let n = 0;
  for (const [parent, set] of s.kids) {
    if (++n % STEP === 0) yield;
    if (set.size === 1) {
      const only = set.values().next().value!;
      if (itemScore(s.agg.get(only) ?? 0) >= 2 && only !== parent.firstElementChild) {
        const first = parent.firstElementChild;
        const h = first ? asHeading(first) : null;
        if (h && h.category !== undefined) out.push({ list: parent, items: [only] });
      }
      continue;
    }
    // A definition list of records (<dt>name</dt><dd>age, commune</dd><dd>service</dd>): one item per
    // term, its facts in the descriptions after it (read as a flat tail by the candidate).
    if (parent.tagName === 'DL') {
      const terms = dlRecords(parent, s);
      if (terms) {
        out.push({ list: parent, items: terms });
        continue;
      }
    }
    const bySig = new Map<string, number>();
    const sigs = new Map<Element, string>();
    let best = '';
    let bestN = 0;
    for (const c of set) {
      const sig = signature(c);
      sigs.set(c, sig);
      const k = (bySig.get(sig) ?? 0) + 1;
      bySig.set(sig, k);
      if (k > bestN) {
        bestN = k;
        best = sig;
      }
    }
    if (bestN < 2) continue;
    const items: Element[] = [];
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling)
      if ((sigs.get(c) ?? signature(c)) === best) items.push(c);
    // At least two items with some evidence of their own (any signal in flat markup, where the facts
    // sit between the items); the model judges the rest.
    const gate = hasOwnText(parent) ? 0.5 : 1;
    let some = 0;
    for (const it of items) if (itemScore(s.agg.get(it) ?? 0) >= gate && ++some >= 2) break;
    if (some >= 2) out.push({ list: parent, items });
  }
  return out;
}
