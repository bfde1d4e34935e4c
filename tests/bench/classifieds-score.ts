// Block-level scoring of the classifieds detector on the labelled fixtures: a hit needs the right
// category and the exact root. Shared by the bench (tests/bench/classifieds-bench.ts) and the fitting
// script (tests/tools/fit-classifieds.ts).
import { detectBlocks, type DetectOptions } from '../../utils/classifieds';
import { CATEGORIES, type Category } from '../../utils/classifieds/types';
import { injectHtml, type ClassifiedsFixture } from '../fixtures/classifieds/load';
import { parseLikeBrowser } from '../tools/parse-html';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type ByCategory = Record<Category, Counts>;

export interface PageScore {
  fixture: ClassifiedsFixture;
  counts: ByCategory;
  /** "FP immobilier div.x" / "FN emploi #y" lines. */
  misses: string[];
  /** Flags inside the page's header, navigation or footer (structural check, whatever the labels). */
  chromeFlags: number;
}

/**
 * The page as a browser builds it (parse5 into linkedom): linkedom's own parser splits a text at every
 * entity ("Tél.&nbsp;06&nbsp;45…" became five text nodes, "800&nbsp;€" two), so phone numbers and
 * prices written with &nbsp; were never read whole, as the content script reads them in a tab.
 */
export function parse(html: string): Document {
  return parseLikeBrowser(html);
}

export function emptyCounts(): ByCategory {
  return Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as ByCategory;
}

export function addCounts(into: ByCategory, from: ByCategory): void {
  for (const c of CATEGORIES) {
    into[c].tp += from[c].tp;
    into[c].fp += from[c].fp;
    into[c].fn += from[c].fn;
  }
}

export function total(counts: ByCategory): Counts {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const c of CATEGORIES) {
    t.tp += counts[c].tp;
    t.fp += counts[c].fp;
    t.fn += counts[c].fn;
  }
  return t;
}

export const precision = (k: Counts) => (k.tp + k.fp ? k.tp / (k.tp + k.fp) : NaN);
export const recall = (k: Counts) => (k.tp + k.fn ? k.tp / (k.tp + k.fn) : NaN);

const CHROME_ROLES = /^(?:navigation|banner|contentinfo|menu|menubar)$/;
/** Page chrome by markup only (header/nav/footer elements or roles, outside an article). */
export function inPageChrome(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.tagName === 'ARTICLE') return false;
    if (/^(?:HEADER|NAV|FOOTER)$/.test(cur.tagName)) return true;
    if (CHROME_ROLES.test(cur.getAttribute('role') ?? '')) return true;
  }
  return false;
}

function scoreDoc(doc: Document, labels: ClassifiedsFixture['labels'], opts: DetectOptions, page: PageScore) {
  const wanted = labels.map((l) => ({
    category: l.category,
    el: doc.querySelector(l.selector),
    used: false,
  }));
  for (const b of detectBlocks(doc, opts)) {
    if (inPageChrome(b.element)) page.chromeFlags++;
    const hit = wanted.find((w) => !w.used && w.el === b.element && w.category === b.category);
    if (hit) {
      hit.used = true;
      page.counts[b.category].tp++;
    } else {
      page.counts[b.category].fp++;
      const near = wanted.find((w) => !w.used && w.el === b.element);
      page.misses.push(`FP ${b.category} ${b.selector}${near ? ` (labelled ${near.category})` : ''}`);
    }
  }
  for (const w of wanted) {
    if (w.used) continue;
    page.counts[w.category].fn++;
    page.misses.push(`FN ${w.category}`);
  }
}

/** Scores one fixture (and its late-injected widget, when it has one). */
export function scorePage(fx: ClassifiedsFixture, opts: DetectOptions = {}): PageScore {
  const page: PageScore = { fixture: fx, counts: emptyCounts(), misses: [], chromeFlags: 0 };
  const doc = parse(fx.html);
  scoreDoc(doc, fx.labels, opts, page);
  if (fx.inject) {
    const slot = doc.getElementById('late-slot');
    if (slot) {
      injectHtml(slot, fx.inject.html, parse);
      scoreDoc(doc, fx.inject.labels, opts, page);
    }
  }
  return page;
}

/** Fixtures grouped by site family, in a stable order. */
export function byFamily(fixtures: ClassifiedsFixture[]): Map<string, ClassifiedsFixture[]> {
  const out = new Map<string, ClassifiedsFixture[]>();
  for (const fx of [...fixtures].sort((a, b) => a.meta.family.localeCompare(b.meta.family))) {
    const list = out.get(fx.meta.family) ?? [];
    list.push(fx);
    out.set(fx.meta.family, list);
  }
  return out;
}
