// The shared scorer (../shared/bench/score.mjs: token-shingle F1 of the scrapinghub benchmark),
// loaded once, and the per-page F1 the WCXB section compares extractors on.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}
export interface PageScore {
  precision: number | null;
  recall: number | null;
}
type Truth = Record<string, { articleBody: string }>;
export type Evaluate = (
  truth: Truth,
  pred: Truth,
  o?: { nBootstrap?: number },
) => { result: Scores & { f1_std: number }; perPage: Record<string, PageScore> };

const ROOT = resolve(import.meta.dirname, '../..');

export async function loadScorer(): Promise<Evaluate> {
  const href = pathToFileURL(join(ROOT, '../shared/bench/score.mjs')).href;
  // A constant path under the shared folder, not page content.
  // eslint-disable-next-line no-unsanitized/method
  return ((await import(href)) as { evaluate: Evaluate }).evaluate;
}

/** Page F1 as the scorer defines P and R (an empty answer has no precision: F1 0). */
export function pageF1(s: PageScore | undefined): number {
  const p = s?.precision ?? 0;
  const r = s?.recall ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
