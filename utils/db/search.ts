// Library queries: full-text search and filters, newest first, one page at a time.
//
// Two indexes serve every query (schema v4):
//  - `*facets` (utils/db/facets.ts): one range per combination of base filter (whole library, a site,
//    a commune, a tag, or two of them) × read/favourite/archived flags, ordered by the saved or the
//    publication date. A query walks that range newest first (utils/db/walk.ts): keys first, then one
//    page of rows — exact, whatever the library's size.
//  - `*words` (folded word tokens, utils/db/text.ts): each typed term is a prefix range. A term
//    matching at most CANDIDATE_CAP entries is a complete candidate set: its rows are fetched, checked
//    against every other criterion, sorted and paged. A term matching at most KEY_FILTER_CAP entries
//    filters the walk's keys as a set of ids (no row of another article is read); a word in most
//    articles is checked on the walked rows (nearly all of them match).
// Site + commune + tag together are one range too (v7); several communes ("Ma commune") merge their
// ranges newest first.
import { db, type ArticleRow, type LisibleDB } from './schema';
import { dateOf, flagPattern, rangeFor, type DateKind } from './facets';
import { Walk, type Check, type Row } from './walk';
import { queryTerms } from './text';
import { TermWindow } from './term-window';
import { LIGHT_ROW_KEYS, termCheck } from './word-text';

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
/**
 * Up to this many entries a term's ids are read as a set that filters the walk's keys (a term in 3 % of
 * a 10 000-article library would otherwise read ~30 rows per result); past it the term is in so many
 * articles that checking the walked rows is cheaper than reading its ids.
 */
export const KEY_FILTER_CAP = 3000;

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

/** Ids of the articles with a word starting with `term`, up to `cap` index entries; `null` past it. */
async function termIds(database: LisibleDB, term: string, cap: number): Promise<Set<number> | null> {
  const keys = (await database.articles
    .where('words')
    .startsWith(term)
    .limit(cap + 1)
    .primaryKeys()) as number[];
  // Index entries, not articles: a prefix matches several words of one article.
  return keys.length > cap ? null : new Set(keys);
}

/** Rows a walk reads first when some criteria are checked on rows: enough to see how many pass. */
const SAMPLE = 8;
/** A complete term set this small is read as rows directly (cheaper than walking keys to find them). */
const DIRECT = 32;

/** Tuning of the plan (tests lower them to reach every path with a small library). */
export interface PlanCaps {
  /** A term matching at most this many index entries is a complete candidate set. */
  candidates?: number;
  /** A term matching at most this many entries filters a walk's keys as a set of ids. */
  keys?: number;
  /** A candidate set this small (or of at most two pages) is read as rows directly. */
  direct?: number;
  /** What a `wordText` row costs, in index keys: when the base range is this much sparser than the
   * term's window, the rest is walked and checked (v9). */
  lightRow?: number;
}

export async function queryLibrary(
  q: LibraryQuery,
  { limit = 50, after, caps = {} }: { limit?: number; after?: Cursor; caps?: PlanCaps } = {},
  database: LisibleDB = db(),
): Promise<LibraryPage> {
  const { candidates = CANDIDATE_CAP, direct = DIRECT } = caps;
  const terms = queryTerms(q.text);
  const kind: DateKind = q.dateField === 'published' ? 'p' : 's';
  const matches = matcher(q, terms, kind, after);
  const table = database.articles;
  const page = pager(kind);
  const plan: Plan = { q, terms, kind, caps, database };

  return database.transaction('r', table, database.wordText, async () => {
    // Each term's articles as ids: a rare term's (complete, small) set is the answer once its rows
    // are read; a larger one filters the walk's keys; a word in most articles is checked on rows.
    // Newest first, the first other term is read a window of dates at a time instead (by publication
    // date since v8: `pwords`).
    const sets: Array<Set<number>> = [];
    const common: string[] = [];
    const directCap = Math.max(direct, 2 * (limit + 1));
    const hiDate = Math.min(q.to ?? Infinity, after ? after[0] : Infinity);
    let win: TermWindow | null = null;
    for (const t of terms) {
      if (!win) {
        const w = await TermWindow.open(database, t, kind, q.from ?? -Infinity, hiDate, directCap);
        if (w?.complete && w.ids.size === 0) return { items: [], next: null };
        if (w?.complete) sets.push(w.ids);
        else win = w;
        if (w) continue;
      }
      const ids = await termIds(database, t, candidates);
      if (!ids) common.push(t);
      else if (ids.size === 0) return { items: [], next: null };
      else sets.push(ids);
    }
    sets.sort((a, b) => a.size - b.size);
    if (sets[0] && sets[0].size <= directCap) {
      const rows = (await table.bulkGet([...sets[0]])).filter((r): r is Row => !!r && matches(r));
      rows.sort(newestFirst(kind));
      return page(rows.slice(0, limit), rows.length > limit);
    }
    if (!win) return walkPlan(plan, limit, after, q.from, sets, common);
    // One window after the other until the page is full (one row more tells there is a next page).
    const items: Row[] = [];
    let cursor = after;
    for (;;) {
      const seen = { keys: 0 };
      const part = await walkPlan(
        plan,
        limit - items.length + 1,
        cursor,
        win.from,
        [...sets, win.ids],
        common,
        { seen },
      );
      items.push(...(part.items as Row[]));
      if (items.length > limit) return page(items.slice(0, limit), true);
      if (win.complete) return page(items, false);
      // Below this window: the dates under its lowest one (no id is below 0), from the newest article
      // of the base filters there (none: the page is over, however much of the term is left).
      cursor = [win.from, 0];
      // v9: a base range sparser than the term (a tag, commune + tag) is walked on below, each article
      // checked for every term in its `wordText` row, instead of reading the term's entries down to a
      // match. Over the next dates the walk reads the range's keys either way; checked, a light row
      // each; by windows, the term's entries, which a 4× larger window overshoots by ~2× on average
      // (and a window costs requests and a row of its own): so the range's keys in this window, at a
      // light row's cost, against twice the term's articles here.
      if (seen.keys * (caps.lightRow ?? LIGHT_ROW_KEYS) < 2 * win.ids.size) {
        const found = part.items.length;
        const chunk = Math.ceil((1.5 * (limit - items.length + 1) * (seen.keys + 1)) / (found + 1));
        // (At least one row: a page of none would have no cursor to say that more follows.)
        const rest = await walkPlan(plan, Math.max(1, limit - items.length), cursor, q.from, sets, [], {
          check: termCheck(database, terms),
          chunk,
        });
        items.push(...(rest.items as Row[]));
        return page(items.slice(0, limit), items.length > limit || rest.next !== null);
      }
      const below = await newestBelow(database, rangeFor(q, kind, flagPattern(q)), q.from, win.from);
      if (below === null) return page(items, false);
      await win.next(below);
    }
  });
}

/** The newest date of the ranges below `before` (one key each), null when empty. */
async function newestBelow(
  database: LisibleDB,
  prefixes: string[],
  from: number | undefined,
  before: number,
): Promise<number | null> {
  let newest: number | null = null;
  for (const p of prefixes) {
    // The key itself ([prefix, date], one cursor step): its date without reading the row (a row
    // weighs some 40 keys here, and each window below read one).
    const [key] = (await database.articles
      .where('facets')
      .between([p, from ?? -Infinity], [p, before], true, false)
      .reverse()
      .limit(1)
      .keys()) as unknown as Array<[string, number]>;
    const date = key ? key[1] : null;
    if (date !== null && (newest === null || date > newest)) newest = date;
  }
  return newest;
}

interface Plan {
  q: LibraryQuery;
  terms: string[];
  kind: DateKind;
  caps: PlanCaps;
  database: LisibleDB;
}

const pager =
  (kind: DateKind) =>
  (items: Row[], more: boolean): LibraryPage => {
    const last = items[items.length - 1];
    return { items, next: more && last ? [dateOf(last, kind), last.id] : null };
  };

/**
 * The walk of the range of the query's base filters with its flags, newest first from `after` down to
 * the date `from`, its keys filtered by the term sets in `sets` (this list is the walk's to extend).
 */
async function walkPlan(
  { q, terms, kind, caps, database }: Plan,
  limit: number,
  after: Cursor | undefined,
  from: number | undefined,
  sets: Array<Set<number>>,
  common: string[],
  /** v9: every term checked on `wordText` (`chunk`: the first keys per walk); keys read, counted in `seen`. */
  opts: { check?: Check; chunk?: number; seen?: { keys: number } } = {},
): Promise<LibraryPage> {
  const keyCap = caps.keys ?? KEY_FILTER_CAP;
  const matches = matcher(q, terms, kind, after);
  const page = pager(kind);
  const prefixes = rangeFor(q, kind, flagPattern(q));
  if (prefixes.length === 0) return { items: [], next: null };
  const hi = Math.min(q.to ?? Infinity, after ? after[0] : Infinity);
  const lo = from ?? -Infinity;
  const keep = (list: Array<Set<number>>) =>
    list.length ? (id: number) => list.every((s) => s.has(id)) : undefined;
  // Several communes: their ranges merged newest first, each read in smaller chunks.
  const n = prefixes.length;
  const chunk = Math.ceil((opts.chunk ?? limit + 1) / n) + (n > 1 ? 1 : 0);
  const walks = prefixes.map(
    (p) => new Walk(database, p, lo, hi, chunk, kind, keep(sets), after, opts.check),
  );
  // Common terms, checked on rows, may drop most rows: a small sample first, and if most fail, their
  // ids are read (keys only) and filter the keys.
  let checked = common.length > 0;
  if (checked) {
    const sample: Row[] = [];
    for (const w of walks) {
      await w.load(Math.ceil(SAMPLE / n));
      sample.push(...w.loaded());
    }
    if (sample.filter(matches).length * 2 < sample.length) {
      let all = true;
      for (const t of common) {
        const ids = await termIds(database, t, keyCap);
        if (ids) sets.push(ids);
        all &&= !!ids;
      }
      for (const w of walks) w.filter(keep(sets));
      checked = !all;
    }
  }
  // Every criterion in the keys (nothing `checked`): the rows of the page only, and a key left tells
  // whether there is more. Otherwise a matching row past the page does.
  const want = checked ? limit + 1 : limit;
  const order = newestFirst(kind);
  const items: Row[] = [];
  while (items.length < want) {
    const batch = Math.ceil((want - items.length) / n);
    let next: Walk | null = null;
    let row: Row | undefined;
    for (const w of walks) {
      let r = w.head();
      if (r === undefined) {
        await w.load(batch);
        r = w.head();
      }
      if (r && (!row || order(r, row) < 0)) [next, row] = [w, r];
    }
    if (!next || !row) break;
    next.take();
    if (matches(row)) items.push(row);
  }
  let more = items.length > limit;
  // (The walk that gave the last row usually has ids left: no await, see Walk.head.)
  if (!checked && items.length === limit)
    for (const w of walks) if (!more) more = w.waiting > 0 || (await w.any());
  if (opts.seen) for (const w of walks) opts.seen.keys += w.keysRead;
  return page(items.slice(0, limit), more);
}
