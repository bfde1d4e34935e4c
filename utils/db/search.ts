// Library queries: full-text search and filters, newest first, one page at a time.
//
// Search uses the multi-entry `*words` index of ArticleRow (folded word tokens, utils/db/text.ts):
// each typed term is a prefix range on that index (`startsWith`), several terms intersect.
// Plan, so both a rare and a very common query cost about one page:
//  - each indexed criterion (search term, site, commune, tag, favourites, archived) is read from its
//    index as primary keys only, stopping after CANDIDATE_CAP keys; the smallest complete set is the
//    candidate set: its rows are fetched, checked against every other criterion, sorted, paged;
//  - when every criterion matches more than CANDIDATE_CAP articles (a common word), walking the
//    [savedAt+id] index newest first and keeping matching rows fills a page after a few dozen rows
//    (with a site or commune filter, its [site+savedAt+id] / [communeName+savedAt+id] index instead).
import type { Collection } from 'dexie';
import { db, type ArticleRow, type LisibleDB } from './schema';
import { queryTerms } from './text';

export interface LibraryQuery {
  text?: string;
  site?: string;
  commune?: string;
  tag?: string;
  /** savedAt range, milliseconds, inclusive. */
  from?: number;
  to?: number;
  read?: 0 | 1;
  favourite?: boolean;
  /** true: only archived articles; otherwise archived articles are hidden. */
  archived?: boolean;
}

/** Position after the last row of a page: [savedAt, id] of that row. */
export type Cursor = [number, number];

export interface LibraryPage {
  items: ArticleRow[];
  /** null when there is nothing after this page. */
  next: Cursor | null;
}

export const CANDIDATE_CAP = 200;

type Row = ArticleRow & { id: number };

function matcher(q: LibraryQuery, terms: string[]): (r: ArticleRow) => boolean {
  return (r) =>
    (q.site === undefined || r.site === q.site) &&
    (q.commune === undefined || r.communeName === q.commune) &&
    (q.tag === undefined || r.tags.includes(q.tag)) &&
    (q.from === undefined || r.savedAt >= q.from) &&
    (q.to === undefined || r.savedAt <= q.to) &&
    (q.read === undefined || r.read === q.read) &&
    (!q.favourite || r.favourite === 1) &&
    (q.archived ? r.archived === 1 : r.archived !== 1) &&
    terms.every((t) => r.words.some((w) => w.startsWith(t)));
}

const newestFirst = (a: Row, b: Row) => b.savedAt - a.savedAt || b.id - a.id;
const before = (r: Row, c: Cursor) => r.savedAt < c[0] || (r.savedAt === c[0] && r.id < c[1]);

export async function queryLibrary(
  q: LibraryQuery,
  { limit = 50, after }: { limit?: number; after?: Cursor } = {},
  database: LisibleDB = db(),
): Promise<LibraryPage> {
  const terms = queryTerms(q.text);
  const matches = matcher(q, terms);
  const table = database.articles;
  const sources: Array<() => Collection<ArticleRow, number | undefined>> = terms.map(
    (t) => () => table.where('words').startsWith(t),
  );
  if (q.site !== undefined) sources.push(() => table.where('site').equals(q.site!));
  if (q.commune !== undefined) sources.push(() => table.where('communeName').equals(q.commune!));
  if (q.tag !== undefined) sources.push(() => table.where('tags').equals(q.tag!));
  if (q.favourite) sources.push(() => table.where('favourite').equals(1));
  if (q.archived) sources.push(() => table.where('archived').equals(1));

  return database.transaction('r', table, async () => {
    let best: Set<number> | null = null;
    for (const source of sources) {
      const keys = (await source()
        .limit(CANDIDATE_CAP + 1)
        .primaryKeys()) as number[];
      // Index entries, not articles: a prefix matches several words of one article. Fewer entries than
      // the cap means the set is complete.
      if (keys.length > CANDIDATE_CAP) continue;
      const set = new Set(keys);
      if (!best || set.size < best.size) best = set;
      if (best.size === 0) return { items: [], next: null };
    }
    if (best) {
      const rows = (await table.bulkGet([...best])).filter((r): r is Row => !!r && matches(r));
      rows.sort(newestFirst);
      const start = after ? rows.findIndex((r) => before(r, after)) : 0;
      const items = start < 0 ? [] : rows.slice(start, start + limit);
      const more = start >= 0 && start + limit < rows.length;
      const last = items[items.length - 1];
      return { items, next: more && last ? [last.savedAt, last.id] : null };
    }
    // Walk newest first from the cursor (or the date range's end), keeping matches, one page + 1. A site or
    // commune filter walks its own [x+savedAt+id] index, so rows of other sites are never read.
    const [index, prefix]: [string, string[]] =
      q.site !== undefined
        ? ['[site+savedAt+id]', [q.site]]
        : q.commune !== undefined
          ? ['[communeName+savedAt+id]', [q.commune]]
          : ['[savedAt+id]', []];
    // ±Infinity rather than Dexie.minKey/maxKey: savedAt and id are numbers, and array bounds are DataErrors.
    const upper = [
      ...prefix,
      ...(after && (q.to === undefined || after[0] <= q.to) ? after : [q.to ?? Infinity, Infinity]),
    ];
    const lower = [...prefix, q.from ?? -Infinity, -Infinity];
    const items = (await table
      .where(index)
      .between(lower, upper, true, false)
      .reverse()
      .filter(matches)
      .limit(limit + 1)
      .toArray()) as Row[];
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, next: more && last ? [last.savedAt, last.id] : null };
  });
}
