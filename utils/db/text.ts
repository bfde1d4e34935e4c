// Pure text helpers of the library: search tokens and the commune fallback. No Dexie, no DOM, so the
// benchmark and the importers can use them in Node.
import type { Commune } from '../extract/types';

/** "École", "ECOLE", "école" → "ecole": NFD, combining marks dropped, lower case, œ/æ spelled out. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

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

const PARTICLES = new Set([
  'en',
  'sur',
  'de',
  'du',
  'des',
  'et',
  'les',
  'le',
  'la',
  'aux',
  'au',
  'sous',
  'l',
  'd',
]);

function nameFromSlug(slug: string): string {
  const parts = slug.toLowerCase().split('-').filter(Boolean);
  if (parts[0] && parts.length > 1 && ['le', 'la', 'les'].includes(parts[0])) {
    const lead = parts.shift()!;
    return `${lead[0]!.toUpperCase()}${lead.slice(1)} ${nameFromSlug(parts.join('-'))}`;
  }
  return parts.map((p, i) => (i > 0 && PARTICLES.has(p) ? p : p[0]!.toUpperCase() + p.slice(1))).join('-');
}

const POSTCODE = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;

/**
 * Fallback when the extraction found no commune: `…/cherbourg-en-cotentin_50129/…` (actu.fr, INSEE
 * code), `…/la-baule-44500/…` (postcode in a path segment), or a dateline "Saint-Lô (50000)".
 */
export function communeFallback(urls: Array<string | null | undefined>, text = ''): Commune | null {
  for (const url of urls) {
    if (!url) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      continue;
    }
    let m = /\/([a-z][a-z-]*[a-z])_(\d[\dab]\d{3})(?=\/|$)/i.exec(path);
    if (m) return { name: nameFromSlug(m[1]!), postcode: null, inseeCode: m[2]!.toUpperCase() };
    m = /\/([a-z][a-z-]*[a-z])-(\d{5})(?=\/|$)/i.exec(path);
    if (m && POSTCODE.test(m[2]!)) return { name: nameFromSlug(m[1]!), postcode: m[2]! };
  }
  const head = text.slice(0, 300);
  const d = /(?:^|\n)\s*([\p{Lu}][\p{L}'’-]*(?:[ -][\p{L}'’]+){0,4})\s*\((\d{5})\)/u.exec(head);
  if (d && POSTCODE.test(d[2]!)) {
    const name = d[1]!.trim();
    return {
      name: name === name.toUpperCase() ? nameFromSlug(name.replace(/ /g, '-')) : name,
      postcode: d[2]!,
    };
  }
  return null;
}
