// A search term's articles newest first, a window of saved dates at a time (schema v7: each entry of
// the words index is a word, DATE_MARK and its article's saved date, utils/db/text.ts). A term found in
// 12 % of a 10 000-article library used to read all of its ~1 200 entries before the first page; a
// window reads the newest few per word of the term, as ids with their dates, and the query walks only
// those dates. When the page is not full, the next window (4× larger) goes on below. Ordered by
// publication date (v8), the same is read from `pwords`, the words marked with that date.
import type { LisibleDB } from './schema';
import { dateOf, type DateKind } from './facets';
import { DATE_MARK, dateKey, plainWord } from './text';

/** A prefix matching more distinct words than this is not windowed (one read per word per window). */
export const MAX_TERM_WORDS = 8;

/** The distinct words starting with `term` (a skip scan: one read per word), or null past `max`. */
async function distinctWords(database: LisibleDB, term: string, max: number): Promise<string[] | null> {
  const words: string[] = [];
  let from = term;
  for (;;) {
    const [key] = (await database.articles
      .where('words')
      .between(from, term + '\uffff', true, false)
      .limit(1)
      .keys()) as string[];
    if (key === undefined) return words;
    const w = plainWord(key);
    if (words.length === max) return null;
    words.push(w);
    // Every entry of w is w + DATE_MARK + date: the next word sorts after w + the next character.
    from = w + String.fromCharCode(DATE_MARK.charCodeAt(0) + 1);
  }
}

export class TermWindow {
  /** Ids of the term's articles dated in [from, the previous window's from). */
  ids = new Set<number>();
  /** The window reached the oldest entry (or the query's lower date): nothing is left below. */
  complete = false;
  /** Lowest date (ms, inclusive) the window covers. */
  from = -Infinity;
  /** Upper bound of the next read, as a date key (inclusive), or null: no upper bound. */
  private upper: string | null;

  private constructor(
    private readonly database: LisibleDB,
    private readonly words: string[],
    private readonly kind: DateKind,
    private readonly lo: number,
    hi: number,
    private size: number,
  ) {
    this.upper = Number.isFinite(hi) ? dateKey(hi) : null;
  }

  /**
   * The newest window of `term` between two dates of `kind` (saved or publication), or null for a
   * prefix of too many words.
   */
  static async open(
    database: LisibleDB,
    term: string,
    kind: DateKind,
    lo: number,
    hi: number,
    size: number,
  ): Promise<TermWindow | null> {
    const words = await distinctWords(database, term, MAX_TERM_WORDS);
    if (!words) return null;
    const w = new TermWindow(database, words, kind, lo, hi, size);
    await w.read();
    return w;
  }

  /** The next window, larger, from the date `upTo` (below this one: nothing in between matters). */
  async next(upTo: number): Promise<void> {
    this.size *= 4;
    this.upper = dateKey(Math.min(upTo, this.from - 1));
    await this.read();
  }

  private async read(): Promise<void> {
    const table = this.database.articles;
    const index = this.kind === 'p' ? 'pwords' : 'words';
    const lists: number[][] = [];
    // Each word's newest entries (primary keys only: an index's own keys come one cursor step at a
    // time, far slower). A full read stops at some date: the window covers dates from the highest such
    // date `cut` up (the other words' reads went further down).
    let cut = -Infinity;
    let cutWords: string[] = [];
    for (const w of this.words) {
      const ids = (await table
        .where(index)
        .between(w + DATE_MARK + dateKey(this.lo), w + DATE_MARK + (this.upper ?? '\uffff'), true, true)
        .reverse()
        .limit(this.size)
        .primaryKeys()) as number[];
      lists.push(ids);
      if (ids.length < this.size) continue;
      // The last entry's date is its article's date (one row), as its key holds it: dates before 1970
      // (a page's wrong publication date) all have the key 0.
      const last = await table.get(ids[ids.length - 1]!);
      const d = last ? Math.max(0, Math.floor(dateOf(last, this.kind))) : -Infinity;
      if (d > cut) [cut, cutWords] = [d, [w]];
      else if (d === cut) cutWords.push(w);
    }
    const ids = new Set(lists.flat());
    // The read may have stopped inside a run of entries at `cut`: the rest of that run (one key each).
    for (const w of cutWords)
      for (const id of (await table
        .where(index)
        .equals(w + DATE_MARK + dateKey(cut))
        .primaryKeys()) as number[])
        ids.add(id);
    this.ids = ids;
    // A run at the key 0 holds every date up to it: nothing is left below.
    this.complete = cut <= 0;
    // Keys hold the date's floor: a window down to the key of `cut` holds every date from cut.
    this.from = this.complete ? this.lo : cut;
    if (!this.complete) this.upper = dateKey(cut - 1);
  }
}
