// Library queries: full-text search and filters, newest first, one page at a time.
//
// Two indexes serve every query (schema v4):
//  - `*facets` (utils/db/facets.ts): one range per combination of base filter (whole library, a site,
//    a commune, a tag) × read/favourite/archived flags, ordered by the saved or the publication date.
//    A query walks that range newest first and reads one page of rows: exact, whatever the size.
//  - `*words` (folded word tokens, utils/db/text.ts): each typed term is a prefix range. A term
//    matching at most CANDIDATE_CAP articles is a complete candidate set: its rows are fetched, checked
//    against every other criterion, sorted and paged. A common term is checked on the rows of the walk.
// Several base filters (a site and a tag) walk the smallest range and check the others on its rows;
// several communes ("Ma commune") merge their ranges newest first.
import { db, type ArticleRow, type LisibleDB } from './schema';
import { dateOf, flagPattern, type DateKind } from './facets';
import { queryTerms } from './text';

export interface LibraryQuery {
  text?: string;
  site?: string;
  /** INSEE codes: one commune, or the reader's communes ("Ma commune"). */
  communes?: string[];
  tag?: string;
  /** Which date orders the list and the from/to range: saved (default) or publication date. */
  dateField?: 'saved' | 'published';
  /** Date range, milliseconds, inclusive. */
  from?: number;
  to?: number;
  read?: 0 | 1;
  favourite?: boolean;
  /** true: only archived articles; otherwise archived articles are hidden. */
  archived?: boolean;
}

/** Position after the last row of a page: [date, id] of that row (date of the query's dateField). */
export type Cursor = [number, number];

export interface LibraryPage {
  items: ArticleRow[];
  /** null when there is nothing after this page. */
  next: Cursor | null;
}

export const CANDIDATE_CAP = 200;

type Row = ArticleRow & { id: number };

function matcher(
  q: LibraryQuery,
  terms: string[],
  kind: DateKind,
  after?: Cursor,
): (r: ArticleRow) => boolean {
  return (r) => {
    const d = dateOf(r, kind);
    return (
      (q.site === undefined || r.site === q.site) &&
      (q.communes === undefined || (!!r.communeInsee && q.communes.includes(r.communeInsee))) &&
      (q.tag === undefined || r.tags.includes(q.tag)) &&
      (q.from === undefined || d >= q.from) &&
      (q.to === undefined || d <= q.to) &&
      (q.read === undefined || r.read === q.read) &&
      (!q.favourite || r.favourite === 1) &&
      (q.archived ? r.archived === 1 : r.archived !== 1) &&
      (!after || d < after[0] || (d === after[0] && r.id! < after[1])) &&
      terms.every((t) => r.words.some((w) => w.startsWith(t)))
    );
  };
}

const newestFirst = (kind: DateKind) => (a: Row, b: Row) => dateOf(b, kind) - dateOf(a, kind) || b.id - a.id;

/**
 * The rows of one facets range, newest first, read in chunks of keys then rows. Rows sharing a date
 * are ordered by id; a chunk ending inside such a run resumes after the ids already given.
 */
async function* walk(
  database: LisibleDB,
  prefix: string,
  lo: number,
  hi: number,
  chunk: number,
  kind: DateKind,
): AsyncGenerator<Row> {
  const table = database.articles;
  let upper = hi;
  let given = new Set<number>();
  for (;;) {
    const want = chunk + given.size;
    const keys = (await table
      .where('facets')
      .between([prefix, lo], [prefix, upper], true, true)
      .reverse()
      .limit(want)
      .primaryKeys()) as number[];
    const fresh = keys.filter((k) => !given.has(k));
    if (fresh.length === 0) return;
    const rows = (await table.bulkGet(fresh)).filter((r): r is Row => !!r);
    for (const r of rows) yield r;
    const last = dateOf(rows[rows.length - 1]!, kind);
    if (last !== upper) given = new Set();
    for (const r of rows) if (dateOf(r, kind) === last) given.add(r.id);
    upper = last;
    if (keys.length < want) return;
  }
}

/** Merges newest-first streams into one (several communes). */
async function* merge(streams: AsyncGenerator<Row>[], kind: DateKind): AsyncGenerator<Row> {
  const order = newestFirst(kind);
  const heads = await Promise.all(streams.map((s) => s.next()));
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (!h.done && (best < 0 || order(h.value, heads[best]!.value as Row) < 0)) best = i;
    });
    if (best < 0) return;
    const row = heads[best]!.value as Row;
    yield row;
    heads[best] = await streams[best]!.next();
  }
}

/** Articles in a base range (capped count): how the walk picks its smallest range. */
async function sizeOf(database: LisibleDB, prefixes: string[]): Promise<number> {
  let n = 0;
  for (const p of prefixes)
    n += (
      await database.articles.where('facets').between([p, -Infinity], [p, Infinity]).limit(1000).primaryKeys()
    ).length;
  return n;
}

export async function queryLibrary(
  q: LibraryQuery,
  { limit = 50, after }: { limit?: number; after?: Cursor } = {},
  database: LisibleDB = db(),
): Promise<LibraryPage> {
  const terms = queryTerms(q.text);
  const kind: DateKind = q.dateField === 'published' ? 'p' : 's';
  const matches = matcher(q, terms, kind, after);
  const table = database.articles;
  const page = (items: Row[], more: boolean): LibraryPage => {
    const last = items[items.length - 1];
    return { items, next: more && last ? [dateOf(last, kind), last.id] : null };
  };

  return database.transaction('r', table, async () => {
    // A rare term: its (complete, small) candidate set is cheaper than any walk.
    let best: number[] | null = null;
    for (const t of terms) {
      const keys = (await table
        .where('words')
        .startsWith(t)
        .limit(CANDIDATE_CAP + 1)
        .primaryKeys()) as number[];
      // Index entries, not articles: a prefix matches several words of one article.
      const set = [...new Set(keys)];
      if (keys.length <= CANDIDATE_CAP && (!best || set.length < best.length)) best = set;
      if (best?.length === 0) return { items: [], next: null };
    }
    if (best) {
      const rows = (await table.bulkGet(best)).filter((r): r is Row => !!r && matches(r));
      rows.sort(newestFirst(kind));
      return page(rows.slice(0, limit), rows.length > limit);
    }
    // Otherwise walk the smallest base range with the query's flags, newest first from the cursor.
    const flags = flagPattern(q);
    const options: string[][] = [];
    if (q.communes) options.push(q.communes.map((c) => `${kind}|c:${c}|${flags}`));
    if (q.tag !== undefined) options.push([`${kind}|t:${q.tag}|${flags}`]);
    if (q.site !== undefined) options.push([`${kind}|s:${q.site}|${flags}`]);
    if (options.length === 0) options.push([`${kind}|all|${flags}`]);
    let prefixes = options[0]!;
    if (options.length > 1) {
      const sizes = await Promise.all(options.map((o) => sizeOf(database, o)));
      prefixes = options[sizes.indexOf(Math.min(...sizes))]!;
    }
    if (prefixes.length === 0) return { items: [], next: null };
    const hi = Math.min(q.to ?? Infinity, after ? after[0] : Infinity);
    const lo = q.from ?? -Infinity;
    const streams = prefixes.map((p) => walk(database, p, lo, hi, limit + 1, kind));
    const items: Row[] = [];
    for await (const r of streams.length === 1 ? streams[0]! : merge(streams, kind)) {
      if (!matches(r)) continue;
      items.push(r);
      if (items.length > limit) break;
    }
    const more = items.length > limit;
    return page(items.slice(0, limit), more);
  });
}
