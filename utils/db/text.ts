// Pure text helpers of the library: search tokens and the commune fallback. No Dexie, no DOM, so the
// benchmark and the importers can use them in Node.
import { fold } from '../core/text';
import { communeFromDateline, communeFromUrl } from '../extract/metadata';
import type { Commune } from '../extract/types';

// The commonest French function words: they match nearly every article, so indexing them would
// only make the index bigger and every query slower.
const STOPWORDS = new Set(
  (
    'au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes ' +
    'moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre ' +
    'vous est sont ete etre avoir ont a y ni si plus tres aussi comme donc or car sans sous entre vers chez'
  ).split(' '),
);

/** Cap of distinct tokens per article: bounds the index size for very long articles. */
export const MAX_WORDS = 600;

/** Folded tokens of a text, in order of first appearance, without stopwords or 1-letter tokens. */
export function tokens(text: string, max = Infinity): string[] {
  const out = new Set<string>();
  for (const m of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || w.length > 40 || STOPWORDS.has(w)) continue;
    out.add(w);
    if (out.size >= max) break;
  }
  return [...out];
}

/** The words index of an article: title words first, so a capped long text never loses its title. */
export function articleWords(title: string, text: string, excerpt = ''): string[] {
  return tokens(`${title}\n${excerpt}\n${text}`, MAX_WORDS);
}

/** Search terms typed by the user: each is matched as a word prefix ("eco" finds "École"). */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  return tokens(q, 8);
}

/**
 * Fallback when the saved article carries no commune (older saves, imports): the extraction engine's
 * own rules, applied to the stored URLs and text — `…/cherbourg-en-cotentin_50129/…` (actu.fr, INSEE
 * code), `…/la-baule-44500/…` (postcode folder), or a dateline "Saint-Lô (50000)".
 */
export function communeFallback(urls: Array<string | null | undefined>, text = ''): Commune | null {
  for (const url of urls) {
    const c = communeFromUrl(url ?? null);
    if (c) return c;
  }
  return text ? communeFromDateline(text) : null;
}

/**
 * v7: each search word is stored with its article's saved date — `word`, DATE_MARK, the date in
 * fixed-width base 36 — so one word's index entries come newest first, and a page of a search reads
 * the newest few (utils/db/term-window.ts) instead of every article the word is in. Terms typed by the
 * reader are letters and digits only: a prefix match never reaches the mark.
 */
export const DATE_MARK = '\u0001';

/** A date (ms) as 9 base-36 digits: string order is date order (to the year 5188). */
export function dateKey(ms: number): string {
  return Math.max(0, Number.isFinite(ms) ? Math.floor(ms) : 0)
    .toString(36)
    .padStart(9, '0');
}

/** The word of an index entry, without its date. */
export function plainWord(w: string): string {
  const i = w.indexOf(DATE_MARK);
  return i < 0 ? w : w.slice(0, i);
}

/**
 * An article's words marked with a date, its saved date (whatever date they carried before) or, in
 * `pwords`, its publication date. A row of an old version may have none (v3 rows before their upgrade).
 */
export function datedWords(words: string[] | undefined, date: number): string[] {
  const mark = DATE_MARK + dateKey(date);
  return (words ?? []).map((w) => plainWord(w) + mark);
}
