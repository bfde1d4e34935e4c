// A candidate block: its root (the smallest element holding its heading and its items), its category
// and the features the model (model.ts) weighs. Roots and categories are hand-written rules; which
// candidates are blocks is the model's call.
import { holdsProse, inArticleText, inPageChrome } from './chrome';
import { countTags, extraTextExceeds, hasOwnText, spacedText, textLengthUpTo } from './dom';
import { asHeading, columnLabels, findHeading, type HeadingInfo } from './headings';
import { isLabelLink } from './lexicon';
import type { RawList, Signals } from './scan';
import { itemScore, personAge, SIG, textCategory, textSignals } from './signals';
import { CATEGORIES, type Category } from './types';

/** Average item text above this is prose or a teaser list for an ad list (notices are judged apart). */
const MAX_ITEM_TEXT = 500;
/** A root may hold this much text besides its heading and items ("Voir toutes les annonces", arrows). */
const ROOT_EXTRA_TEXT = 200;

/** Names of the features, in the order of `Candidate.features` and of the fitted weights. */
export const FEATURES = [
  'strong',
  'fair',
  'weak',
  'headingCat',
  'headingAny',
  'titled',
  'single',
  'pair',
  'many',
  'price',
  'placePrice',
  'event',
  'notice',
  'teaser',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Candidate {
  list: Element;
  items: Element[];
  root: Element;
  heading: HeadingInfo | null;
  category: Category;
  features: number[];
  /** Why a hand-written guard refuses it outright (page chrome, article text, a directory), or null. */
  veto: string | null;
}

const CATEGORY_FACTS =
  SIG.JOB | SIG.HF | SIG.PROPERTY | SIG.VEHICLE | SIG.OBIT | SIG.LEGAL | SIG.TRANSACTION | SIG.CTA;
const NOTICE_FACTS = SIG.LEGAL | SIG.OBIT;

/**
 * Flat markup (`<a>Title</a><br>Figeac (46100) - 80 €<br><br><a>…`): the text between one item and the
 * next belongs to the item. Returns its signals and length.
 */
function flatTail(it: Element, items: ReadonlySet<Element>, s: Signals): { mask: number; length: number } {
  let mask = 0;
  let length = 0;
  for (let n = it.nextSibling; n && !(n.nodeType === 1 && items.has(n as Element)); n = n.nextSibling) {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      if (v.length > 1 && v.length <= 400) {
        mask |= textSignals(v);
        length += v.trim().length;
      }
    } else if (n.nodeType === 1) {
      mask |= s.agg.get(n as Element) ?? 0;
      length += textLengthUpTo(n as Element, MAX_ITEM_TEXT);
    }
    if (length > MAX_ITEM_TEXT) break;
  }
  return { mask, length };
}

interface Item {
  el: Element;
  /** Signals of the item (and of its flat tail). */
  mask: number;
  /** Text length of its flat tail. */
  tail: number;
}

function voteCategory(items: readonly Item[], s: Signals): Category {
  const votes = new Map<Category, number>();
  for (const { el: it, mask } of items) {
    // Text facts first (a leboncoin link can carry a car); the link host breaks ties.
    let cat = textCategory(mask);
    if (!cat || cat === 'bonnes-affaires') {
      const links = it.tagName === 'A' ? [it] : Array.from(it.getElementsByTagName('a'));
      for (const a of links) {
        const lc = s.linkCat.get(a);
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

const AD_FACTS = SIG.POSTCODE | SIG.PRICE_STRUCT | SIG.AD_LINE | SIG.PHONE;

function rootOf(raw: RawList, found: ReturnType<typeof findHeading>): Element {
  let root = raw.list;
  if (found && !found.inside) {
    const parent = found.container.parentElement;
    // The introduction the heading search looked past, between the heading and the items, is theirs.
    const keep = [found.container, found.heading.el];
    if (found.heading.el.parentElement === parent)
      for (let c = found.heading.el.nextElementSibling; c && c !== found.container; c = c.nextElementSibling)
        keep.push(c);
    // Smallest element holding heading and items, unless that parent also holds unrelated content.
    root =
      parent && parent.tagName !== 'BODY' && !extraTextExceeds(parent, keep, ROOT_EXTRA_TEXT)
        ? parent
        : found.container;
  } else if (found) root = found.container;
  // Table rows: the table is the block.
  return root.tagName === 'TBODY' && root.parentElement ? root.parentElement : root;
}

/** What a candidate's items show, from their signals only (no text read). */
function tally(read: readonly Item[]) {
  const t = { strong: 0, fair: 0, weak: 0, price: 0, placePrice: 0, event: 0, notice: 0 };
  for (const { mask } of read) {
    const sc = itemScore(mask);
    if (sc >= 2) t.strong++;
    if (sc >= 1.5) t.fair++;
    if (sc < 1) t.weak++;
    if (mask & (SIG.PRICE | SIG.PRICE_STRUCT)) t.price++;
    // The two facts of an ad card: where, and how much (a teaser or a shop item has one at most).
    if (mask & SIG.POSTCODE && mask & SIG.PRICE_STRUCT) t.placePrice++;
    if (mask & SIG.EVENT && !(mask & CATEGORY_FACTS)) t.event++;
    if (mask & NOTICE_FACTS || personAge(mask)) t.notice++;
  }
  return t;
}

/** Hand-written guards that need the DOM: where the root sits, what the items' text looks like. */
function domVeto(root: Element, read: readonly Item[], strong: number, noticeList: boolean): string | null {
  const n = read.length;
  if (inPageChrome(root)) return 'page chrome';
  if (inArticleText(root)) return 'article text';
  // The root holds prose paragraphs: an article, unless nearly every item is an ad or a notice in its
  // own right (a page of death notices written as paragraphs).
  if (strong / n < 0.6 && holdsProse(root)) return 'article text';
  // Paragraphs of an <article> are its text, whatever their words.
  if (read[0]!.el.tagName === 'P' && strong / n < 0.8 && root.closest('article')) return 'article text';
  let labels = 0;
  let textLen = 0;
  for (const { el, tail } of read) {
    const len = textLengthUpTo(el, MAX_ITEM_TEXT * 4) + tail;
    textLen += len;
    if (len <= 40 && isLabelLink(spacedText(el, 60))) labels++;
  }
  if (labels * 2 >= n) return 'directory of labels';
  const avgLen = textLen / n;
  if (avgLen < 8) return 'no text';
  if (avgLen > MAX_ITEM_TEXT && !noticeList) return 'prose';
  return null;
}

const INLINE_ITEMS = new Set(['A', 'B', 'STRONG', 'SPAN', 'FONT']);

/**
 * Inline items set apart by line breaks (`<a>…</a><br><font>Morez - réf. 55120</font><br><br>`): the
 * same flat markup as items followed by text, with the item's facts in an element after it.
 */
function brSeparated(list: Element, items: readonly Element[]): boolean {
  if (items.length < 2 || !INLINE_ITEMS.has(items[0]!.tagName)) return false;
  let breaks = 0;
  for (let c = list.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'BR') breaks++;
  return breaks >= items.length - 1;
}

/** Builds the candidate of a raw list: heading, root, category, features and hand-written vetoes. */
export function buildCandidate(raw: RawList, s: Signals): Candidate {
  let { items } = raw;
  // A title row of the same shape as the items (<tr><td class="titreboite">) is the heading, not an
  // item. Column labels (a row of <th>) are neither.
  const first = items[0]!;
  // A definition list's items are its terms, each with its descriptions after it (dlRecords): its
  // first term is a record too, and the descriptions are read as a flat tail.
  const records = raw.list.tagName === 'DL';
  const head = items.length > 2 && !records ? columnLabels(first) || asHeading(first) : null;
  if (head && itemScore(s.agg.get(first) ?? 0) < 1.5) items = items.slice(1);
  const n = items.length;
  const set = new Set(items);
  const flat = records || hasOwnText(raw.list) || brSeparated(raw.list, items);
  const read: Item[] = items.map((el) => {
    const mask = s.agg.get(el) ?? 0;
    if (!flat) return { el, mask, tail: 0 };
    const tail = flatTail(el, set, s);
    return { el, mask: mask | tail.mask, tail: tail.length };
  });
  const t = tally(read);
  const vetoed = (veto: string): Candidate => ({
    list: raw.list,
    items,
    root: raw.list,
    heading: null,
    category: 'autre',
    features: [],
    veto,
  });
  // Cheap guards first (signals only): most repeated structures stop here.
  // Most items must show two facts of an ad or a notice: one price or one place is any teaser's.
  if (t.fair * 2 < n) return vetoed('weak items');
  if (n === 1 && !(read[0]!.mask & AD_FACTS)) return vetoed('single item');
  const found = findHeading(raw.list, items);
  const heading = found?.heading ?? null;
  // One item is a block only as a featured ad: under a heading that says "annonce" ("Annonce à la
  // une"), showing the ad itself (a place, a price or a phone), not a promo for the paper's ads site.
  if (n === 1 && !(heading?.category !== undefined && /\bannonces?\b/i.test(heading.el.textContent ?? '')))
    return vetoed('single item');
  // Two items are a block only under a heading that announces classifieds: "Immobilier" or "Auto-moto"
  // also name editorial rubrics, but without any heading two strong items are as often two widgets.
  if (n === 2 && heading?.category === undefined) return vetoed('pair without a classifieds heading');
  const root = rootOf(raw, found);
  const veto = domVeto(root, read, t.strong, t.notice * 2 > n);
  let teaser = 0;
  if (!veto) for (const { el } of read) if (countTags(el, 'time') > 0) teaser++;
  const f: Record<Feature, number> = {
    strong: t.strong / n,
    fair: t.fair / n,
    weak: t.weak / n,
    headingCat: heading?.category ? 1 : 0,
    headingAny: heading && heading.category !== undefined ? 1 : 0,
    titled: heading ? 1 : 0,
    single: n === 1 ? 1 : 0,
    pair: n === 2 ? 1 : 0,
    many: Math.min(n, 12) / 12,
    price: t.price / n,
    placePrice: t.placePrice / n,
    event: t.event / n,
    notice: t.notice / n,
    teaser: teaser / n,
  };
  return {
    list: raw.list,
    items,
    root,
    heading,
    category: heading?.category ?? voteCategory(read, s),
    features: FEATURES.map((k) => f[k]),
    veto,
  };
}
