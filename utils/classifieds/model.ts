// Which candidates are blocks: a logistic model over the candidate's features (candidates.ts). Its
// weights are data, fitted over the labelled fixtures by tests/tools/fit-classifieds.ts into
// params.json; the bench refits them leaving one site family out to score that family honestly.
import fitted from './params.json';
import { FEATURES, type Candidate } from './candidates';

export interface ModelParams {
  /** Feature names, in the order of `weights` (checked against FEATURES). */
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** Probability from which a candidate is a block (chosen for precision, see the fitting script). */
  threshold: number;
}

export const PARAMS: ModelParams = fitted;

/** Probability that the candidate is a classifieds block, under `params`. */
export function probability(c: Pick<Candidate, 'features'>, params: ModelParams = PARAMS): number {
  let z = params.bias;
  for (let i = 0; i < c.features.length; i++) z += (params.weights[i] ?? 0) * c.features[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** The model's decision; hand-written vetoes (page chrome, article text) come first. */
export function accepts(c: Candidate, params: ModelParams = PARAMS): boolean {
  return c.veto === null && probability(c, params) >= params.threshold;
}

/** True when `params` was fitted for the features this code computes (same names, same order). */
export function paramsMatch(params: ModelParams): boolean {
  return params.features.length === FEATURES.length && params.features.every((f, i) => f === FEATURES[i]);
}
