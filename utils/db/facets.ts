// The library's filter index: every article row carries `facets`, a list of [prefix, date] pairs
// indexed as one multi-entry index (`*facets`). A prefix names one filter combination —
//   <date kind>|<base>|<read><favourite><archived>
//   date kind: s (saved date) or p (publication date, the saved date when the page gave none)
//   base:      all, s:<site>, c:<INSEE code>, t:<tag>, and the pairs a reader combines:
//              sc:<site>|<INSEE code>, st:<site>|<tag>, ct:<INSEE code>|<tag>, and (v7) all three
//              sct:<site>|<INSEE code>|<tag>
//   flags:     read 0/1 or * (any), favourite 1 or * (any), archived 0/1
// — so the articles of a site, a commune, a tag or any two of them, read or not, favourite or not,
// archived or not, are ONE index range, newest first, between two dates: a page of any such filter
// reads one page of keys whatever the library's size. (Without the pairs, « Ouest-France + Caen » walks
// Caen's range and drops the other sites' rows one by one: the cost grows with the library.) A row has
// (4 + 4 × its tags) bases × 2-4 flag patterns × 2 date kinds entries: a few dozen small keys.
import type { ArticleRow } from './schema';

export type DateKind = 's' | 'p';

/** The publication date of a row in ms, its saved date when the page gave none (or an unreadable one). */
export function publishedAt(r: Pick<ArticleRow, 'publishedTime' | 'savedAt'>): number {
  const t = r.publishedTime ? Date.parse(r.publishedTime) : NaN;
  return Number.isFinite(t) ? t : r.savedAt;
}

export const dateOf = (r: ArticleRow, kind: DateKind): number => (kind === 'p' ? publishedAt(r) : r.savedAt);

/** Base filters: the whole library, a site, a commune, a tag, and each pair of those. */
export function bases(r: Pick<ArticleRow, 'site' | 'communeInsee' | 'tags'>): string[] {
  const c = r.communeInsee;
  const out = ['all', `s:${r.site}`];
  if (c) out.push(`c:${c}`, `sc:${r.site}|${c}`);
  for (const t of r.tags) {
    out.push(`t:${t}`, `st:${r.site}|${t}`);
    // v7: and all three, which otherwise intersect two pair ranges that grow with the library.
    if (c) out.push(`ct:${c}|${t}`, `sct:${r.site}|${c}|${t}`);
  }
  return out;
}

/** Flag patterns a row matches: read any or its own value × favourite any or (if favourite) 1 × archived. */
function patterns(r: Pick<ArticleRow, 'read' | 'favourite' | 'archived'>): string[] {
  const a = r.archived ? '1' : '0';
  const out: string[] = [];
  for (const read of ['*', r.read ? '1' : '0'])
    for (const fav of r.favourite ? ['*', '1'] : ['*']) out.push(`${read}${fav}${a}`);
  return out;
}

/** The `facets` of a row, computed from its fields (every write of a row recomputes them). */
export function facetsOf(r: ArticleRow): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const pats = patterns(r);
  for (const kind of ['s', 'p'] as const) {
    const date = dateOf(r, kind);
    for (const b of bases(r)) for (const p of pats) out.push([`${kind}|${b}|${p}`, date]);
  }
  return out;
}

/** The row with its facets recomputed (after a change of flags, tags, commune or dates). */
export function withFacets<T extends ArticleRow>(r: T): T {
  r.facets = facetsOf(r);
  return r;
}

/** The flags part of a prefix for a query: read 0/1/any, favourites only or not, archived or not. */
export function flagPattern(q: { read?: 0 | 1; favourite?: boolean; archived?: boolean }): string {
  return `${q.read === undefined ? '*' : String(q.read)}${q.favourite ? '1' : '*'}${q.archived ? '1' : '0'}`;
}

/**
 * The range that serves a query's base filters, as a list of prefixes whose ranges are merged (several
 * communes): the whole library, one base filter, a pair, or (v7) all three. An empty list of communes
 * ("Ma commune" with none set) gives no prefix: nothing matches.
 */
export function rangeFor(
  q: { site?: string; communes?: string[]; tag?: string },
  kind: DateKind,
  flags: string,
): string[] {
  const p = (base: string) => `${kind}|${base}|${flags}`;
  const { site, communes, tag } = q;
  const s = site !== undefined;
  const t = tag !== undefined;
  if (s && communes && t) return communes.map((c) => p(`sct:${site}|${c}|${tag}`));
  if (s && communes) return communes.map((c) => p(`sc:${site}|${c}`));
  if (s && t) return [p(`st:${site}|${tag}`)];
  if (communes && t) return communes.map((c) => p(`ct:${c}|${tag}`));
  if (communes) return communes.map((c) => p(`c:${c}`));
  if (t) return [p(`t:${tag}`)];
  if (s) return [p(`s:${site}`)];
  return [p('all')];
}
