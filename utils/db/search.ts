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
 * One facets range read newest first, in chunks of keys then rows. Rows sharing a date are ordered by
 * id; a chunk ending inside such a run resumes after the ids already given. Plain awaits of Dexie
 * promises only (no generator, no Promise.all): the read transaction must see every step.
 */
class Walk {
  rows: Row[] = [];
  done = false;
  private upper: number;
  private given = new Set<number>();
  constructor(
    private readonly database: LisibleDB,
    private readonly prefix: string,
    private readonly lo: number,
    hi: number,
    private readonly chunk: number,
    private readonly kind: DateKind,
  ) {
    this.upper = hi;
  }
  async fill(): Promise<void> {
    const table = this.database.articles;
    const want = this.chunk + this.given.size;
    const keys = (await table
      .where('facets')
      .between([this.prefix, this.lo], [this.prefix, this.upper], true, true)
      .reverse()
      .limit(want)
      .primaryKeys()) as number[];
    const fresh = keys.filter((k) => !this.given.has(k));
    this.done = keys.length < want || fresh.length === 0;
    if (fresh.length === 0) return;
    const rows = (await table.bulkGet(fresh)).filter((r): r is Row => !!r);
    this.rows.push(...rows);
    const last = dateOf(rows[rows.length - 1]!, this.kind);
    if (last !== this.upper) this.given = new Set();
    for (const r of rows) if (dateOf(r, this.kind) === last) this.given.add(r.id);
    this.upper = last;
  }
}

/** Articles in a base range (capped count): how the walk picks its smallest range. */
async function sizeOf(database: LisibleDB, prefixes: string[]): Promise<number> {
  // One after the other: only Dexie promises are awaited inside the transaction.
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
      const sizes: number[] = [];
      for (const o of options) sizes.push(await sizeOf(database, o));
      prefixes = options[sizes.indexOf(Math.min(...sizes))]!;
    }
    if (prefixes.length === 0) return { items: [], next: null };
    const hi = Math.min(q.to ?? Infinity, after ? after[0] : Infinity);
    const lo = q.from ?? -Infinity;
    const walks = prefixes.map((p) => new Walk(database, p, lo, hi, limit + 1, kind));
    const order = newestFirst(kind);
    const items: Row[] = [];
    // Several communes: their ranges merged newest first.
    while (items.length <= limit) {
      for (const w of walks) if (w.rows.length === 0 && !w.done) await w.fill();
      let best: Walk | null = null;
      for (const w of walks) if (w.rows.length && (!best || order(w.rows[0]!, best.rows[0]!) < 0)) best = w;
      if (!best) break;
      const r = best.rows.shift()!;
      if (matches(r)) items.push(r);
    }
    const more = items.length > limit;
    return page(items.slice(0, limit), more);
  });
}
