// utils/classifieds: classifieds detection and hiding (pure). One module per job; this file only says
// what the rest of Lisible may use. See README.md in this folder.
export * from './types';
export {
  detectBlocks,
  detectBlocksSliced,
  detectClassifieds,
  detectInSubtrees,
  documentHost,
  stripClassifieds,
  type DetectedBlock,
  type DetectOptions,
  type SliceOptions,
} from './detect';
export { uniqueSelector, cssEscape, SelectorIndex } from './selector';
export { SITE_RULES, knownSelectors, rulesForHost } from './rules';
export type { SiteRule, SiteBlockRule } from './rules';
export { hostMatches } from '../core/url';
export * from './css';
