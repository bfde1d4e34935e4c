// The extraction pipeline as data: a list of named steps over one State (modelled on Readability's
// flags, which it turns off one by one when a pass finds too little, and Defuddle's named steps).
// `runSteps` walks the list; the fallback is the same list with the cleaning steps turned off
// (FALLBACK_OFF), and tests/tools/trace.ts walks it step by step to show where a text goes.

import type { CleanContext } from './clean';
import type { KeptHeading } from './figure';
import type { PageMetadata } from './metadata';
import type { PaywallSignals } from './paywall';
import type { Thread } from './thread';
import type { Refusal } from './prepare';
import type { ProseRegion } from './region';
import type { SiteRule } from './sites/index';
import { workingCopy } from './prepare';
import { STEPS } from './steps';

export interface ReadabilityFields {
  title: string;
  excerpt: string;
  byline: string;
  siteName: string;
}

/** Everything the steps read and write. The clone is theirs; the source page is never touched. */
export interface State {
  readonly source: Document;
  readonly pageUrl: string | null;
  doc: Document;
  meta: PageMetadata;
  /** What relative URLs resolve against (<base href>, else the page URL, else the canonical URL). */
  base: string | null;
  rule: SiteRule | null;
  /** The reader's "Choisir le texte à lire" selectors for this site (utils/settings/user-rules.ts). */
  chosen: readonly string[];
  /** True once the page was cut down to the block the reader chose. */
  hinted: boolean;
  heading: Element | null;
  /** The WordPress post the page is (body `postid-N`, or the post holding the headline), if any. */
  postId: string | null;
  ctx: CleanContext;
  paywall: PaywallSignals;
  leadFigure: Element | null;
  /** Section headings of the cleaned page (Readability drops some between the blocks it joins). */
  headings: KeptHeading[];
  /** Readability's own title/byline/… (used when the page's metadata has none). */
  found: ReadabilityFields | null;
  /** Where most of the cleaned page's prose is (a copy), to widen a body Readability cut short. */
  region: ProseRegion | null;
  /** The article body, once Readability has found it. */
  root: Element | null;
  /** Length of Readability's raw text, before tidying. */
  rawLength: number;
  text: string;
  words: number;
  /** Words of prose in the body (counted up to 3 000): what two runs are compared by. */
  prose: number;
  /** The page's posts (thread, live blog), found before the cleaning. */
  thread: Thread | null;
  /** What this run was started with (a replay starts the same way). */
  readonly options: RunOptions;
}

export type StepName = (typeof STEPS)[number]['name'];

export interface Step {
  readonly name: string;
  /** One line for readers and for the trace tool. */
  readonly does: string;
  /** Reading-view safety (stripping active content...): never turned off. */
  readonly always?: true;
  /** Returns a refusal to stop the run ("not-article: too little text"). */
  run(s: State): Refusal | void;
}

/** Turned off for the second run, when the cleaned result is refused or much shorter than the page. */
export const FALLBACK_OFF: ReadonlySet<StepName> = new Set<StepName>([
  'site-rule',
  'boilerplate',
  'markers',
  'site-content',
  'lead-figure',
]);

export interface RunOptions {
  /** Steps not to run. */
  off?: ReadonlySet<StepName>;
  /** Metadata already read from an identical clone (the fallback reuses the first run's). */
  meta?: PageMetadata;
  /** The reader's chosen blocks for this site, tried in order. */
  content?: readonly string[];
  /** Called after each step that ran (the trace tool). */
  onStep?: (name: StepName, s: State) => void;
  /** Stop after this step (a replay). */
  until?: StepName;
}

export type Run = { ok: true; state: State } | { ok: false; refusal: Refusal; state: State | null };

/** Runs every step of STEPS in order on `clone` (a working copy of `source`). */
export function runSteps(source: Document, clone: Document, pageUrl: string | null, o: RunOptions = {}): Run {
  const s = initialState(source, clone, pageUrl, o);
  s.chosen = o.content ?? [];
  for (const step of STEPS) {
    if (!step.always && o.off?.has(step.name)) continue;
    const refusal = step.run(s);
    o.onStep?.(step.name, s);
    if (refusal) return { ok: false, refusal, state: s };
    if (step.name === o.until) break;
  }
  return { ok: true, state: s };
}

/**
 * The run of `s` again, on a fresh working copy, stopped after step `until`: the page exactly as
 * that step left it (the steps are deterministic), for a later step that needs part of it as it was
 * before Readability rearranged the page. Copying that part up front on every page (the prose
 * region, the posts) cost more than replaying on the few pages that use it.
 */
export function replayUntil(s: State, until: StepName): State | null {
  const clone = workingCopy(s.source);
  if (!clone) return null;
  const o = s.options;
  const r = runSteps(s.source, clone, s.pageUrl, { off: o.off, content: o.content, meta: s.meta, until });
  return r.ok ? r.state : null;
}

function initialState(source: Document, doc: Document, pageUrl: string | null, options: RunOptions): State {
  const meta = options.meta;
  return {
    source,
    pageUrl,
    doc,
    // Filled by the metadata step (or reused); the empty values are never read before it.
    meta: meta ?? (null as unknown as PageMetadata),
    base: pageUrl,
    rule: null,
    chosen: [],
    hinted: false,
    heading: null,
    postId: null,
    ctx: { pTextTotal: 0, heading: null, keyParas: [], host: '' },
    paywall: { box: false, text: false, ld: false },
    leadFigure: null,
    headings: [],
    found: null,
    region: null,
    root: null,
    rawLength: 0,
    text: '',
    words: 0,
    prose: 0,
    thread: null,
    options,
  };
}
