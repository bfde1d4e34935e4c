// Classifieds detection: Document (or a subtree) → labelled blocks. Pure DOM code, no extension APIs,
// no layout (no innerText / getComputedStyle): it runs on every page load and again on late-injected
// subtrees, under happy-dom, linkedom and real browsers.
//
// Pipeline: known-site rules (rules.ts) → scan (scan.ts: signals, repeated items) → candidates
// (candidates.ts: heading, root, category, features, vetoes) → model (model.ts: fitted weights) →
// resolution (one block per root, roots never nest) → selectors. One generator does it all: the sync
// API runs it to the end, the sliced API gives the page its main thread back between slices.
import { hrefHost } from '../core/url';
import { buildCandidate, type Candidate } from './candidates';
import { isDocument, spacedText } from './dom';
import { accepts, PARAMS, type ModelParams } from './model';
import { resolve } from './resolve';
import { ruleBlocks, rulesForHost, SITE_RULES, type FoundBlock, type SiteRule } from './rules';
import { collectSignals, findLists, type Signals } from './scan';
import { SelectorIndex, uniqueSelector } from './selector';
import type { ClassifiedBlock } from './types';

export interface DetectOptions {
  /** Page hostname for site rules; defaults to the document's location, canonical or og:url. */
  host?: string;
  /** Apply known-site rules (default true). */
  rules?: boolean;
  /** Run the generic shape detection (default true). */
  shape?: boolean;
  /** Site rules to use (default SITE_RULES); tests inject their own. */
  siteRules?: readonly SiteRule[];
  /** Model weights (default: the fitted params.json); the bench passes weights refitted without a family. */
  params?: ModelParams;
}

/** A detection with its live element, for callers that hold the DOM (content script, extractor). */
export interface DetectedBlock extends ClassifiedBlock {
  element: Element;
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
  // Look in <head> only: a document-wide querySelector is a full scan in DOM shims. An empty response
  // has no root element, and linkedom's `head` getter throws then: ask the document itself.
  // By tag, not querySelector: DOM shims compile the selector on every call (a tenth of a small page's
  // scan). The same answers: `rel` is matched ignoring case in HTML, `property` exactly.
  const head = (doc.documentElement && doc.head) || doc;
  const canonical = firstWith(head, 'link', 'rel', (v) => v.toLowerCase() === 'canonical')?.getAttribute(
    'href',
  );
  const og = firstWith(head, 'meta', 'property', (v) => v === 'og:url')?.getAttribute('content');
  for (const u of [canonical, og]) {
    const h = u ? hrefHost(u) : null;
    if (h) return h;
  }
  return null;
}

/** The first `tag` element below `root` whose attribute `attr` passes `test`. */
function firstWith(
  root: Document | Element,
  tag: string,
  attr: string,
  test: (value: string) => boolean,
): Element | null {
  const els = root.getElementsByTagName(tag);
  for (let i = 0; i < els.length; i++) {
    const v = els[i]!.getAttribute(attr);
    if (v !== null && test(v)) return els[i]!;
  }
  return null;
}

/** Candidates found by shape in `scope` (all of them, accepted or not): the fitting script reads these. */
export function* shapeCandidates(scope: Element, host: string | null): Generator<void, Candidate[]> {
  const s: Signals = { agg: new Map(), kids: new Map(), linkCat: new Map() };
  yield* collectSignals(scope, host, s);
  const raws = yield* findLists(s);
  const out: Candidate[] = [];
  for (let i = 0; i < raws.length; i++) {
    if (i % 4 === 3) yield;
    out.push(buildCandidate(raws[i]!, s));
  }
  return out;
}

function scopeOf(root: Document | Element): Element | null {
  // documentElement first: a DOM shim given no bytes (linkedom) has none and throws on `body`.
  if (isDocument(root)) return root.documentElement ? (root.body ?? root.documentElement) : null;
  return root;
}

/** The pipeline; `host` is the page's (the sliced run's caller always knows it). */
function* detectSteps(
  root: Document | Element,
  opts: DetectOptions,
  host: string | null,
): Generator<void, DetectedBlock[]> {
  const scope = scopeOf(root);
  if (!scope) return [];
  const siteRules = opts.siteRules ?? SITE_RULES;
  const found: FoundBlock[] = opts.rules !== false && host ? ruleBlocks(scope, host, siteRules) : [];
  const ruleSelectors =
    opts.rules !== false && host
      ? rulesForHost(host, siteRules).flatMap((r) => r.blocks.map((b) => b.selector))
      : [];

  if (opts.shape !== false) {
    const params = opts.params ?? PARAMS;
    const candidates = yield* shapeCandidates(scope, host);
    yield;
    const ruleEls = found.map((f) => f.el);
    for (const c of resolve(
      candidates.filter((c) => accepts(c, params)),
      params,
    )) {
      // A site rule knows the block better: drop shape blocks overlapping a rule block.
      if (ruleEls.some((r) => r === c.root || r.contains(c.root) || c.root.contains(r))) continue;
      // Subtree re-scan inside a rule block (its items arrived late): the rule block covers it.
      if (!isDocument(root) && ruleSelectors.some((sel) => insideMatch(c.root, sel))) continue;
      found.push({ el: c.root, category: c.category, items: c.items.length, source: 'shape' });
    }
  }

  // Roots never nest: keep the inner blocks when a rule block contains another block.
  const kept = found.filter((f) => !found.some((g) => g !== f && g.el !== f.el && f.el.contains(g.el)));
  kept.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  return kept.map((f) => ({
    category: f.category,
    selector: '',
    items: f.items,
    text: spacedText(f.el, 200),
    source: f.source,
    element: f.el,
  }));
}

/**
 * Fills in `selector`. Whole-document scan: one indexing pass answers every uniqueness question.
 * Subtree scan: uniqueSelector asks the document (cheaper than indexing the whole page again).
 */
function withSelectors(blocks: DetectedBlock[], root: Document | Element): DetectedBlock[] {
  const index =
    blocks.length && isDocument(root)
      ? new SelectorIndex(
          root,
          blocks.map((b) => b.element),
        )
      : undefined;
  for (const b of blocks) b.selector = uniqueSelector(b.element, index);
  return blocks;
}

function insideMatch(el: Element, selector: string): boolean {
  try {
    return el.closest(selector) !== null;
  } catch {
    return false;
  }
}

/** DOM shims (happy-dom) search recursively and overflow on 10 000-deep pages; browsers do not. */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && e.name === 'RangeError');
}

/**
 * Detect classifieds blocks in a document or a subtree (re-run on late-injected nodes). Returns blocks
 * in document order; roots never nest (a group of sub-categories comes out as one block per sub-category).
 */
export function detectBlocks(root: Document | Element, opts: DetectOptions = {}): DetectedBlock[] {
  try {
    const doc = isDocument(root) ? root : root.ownerDocument;
    const it = detectSteps(root, opts, opts.host ?? documentHost(doc));
    for (;;) {
      const r = it.next();
      if (r.done) return withSelectors(r.value, root);
    }
  } catch (e) {
    // Hiding nothing is the safe answer on a page too deep for the DOM shim; any other error is a bug.
    if (isStackOverflow(e)) return [];
    throw e;
  }
}

export interface SliceOptions {
  /** Longest run before giving the page its main thread back (ms). */
  sliceMs?: number;
  /** How to give it back (the content script passes scheduler.yield or a zero timeout). */
  yieldToPage: () => Promise<void>;
  now?: () => number;
}

/**
 * `detectBlocks`, in slices of at most about `sliceMs` with the page's tasks running in between. For a
 * caller that holds the elements (the content script marks them): `selector` is left empty.
 */
export async function detectBlocksSliced(
  root: Document | Element,
  opts: DetectOptions & { host: string },
  slice: SliceOptions,
): Promise<DetectedBlock[]> {
  const now = slice.now ?? (() => performance.now());
  const budget = slice.sliceMs ?? 5;
  const it = detectSteps(root, opts, opts.host);
  // Never inside the caller's task (a DOMContentLoaded handler, a mutation callback): the page's own
  // work there would add up with the first slice.
  await slice.yieldToPage();
  let deadline = now() + budget;
  for (;;) {
    let r: IteratorResult<void, DetectedBlock[]>;
    try {
      r = it.next();
    } catch (e) {
      if (isStackOverflow(e)) return [];
      throw e;
    }
    if (r.done) return r.value.filter((b) => b.element.isConnected);
    if (now() >= deadline) {
      await slice.yieldToPage();
      deadline = now() + budget;
    }
  }
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
