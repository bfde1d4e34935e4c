// One range of the facets index (utils/db/facets.ts) read newest first: primary keys a chunk at a time
// (cheap: no row is read), rows only for the ids a page takes. A key filter (the articles of a search
// term, as a set of ids) drops keys before any row is read.
import type { ArticleRow, LisibleDB } from './schema';
import { dateOf, type DateKind } from './facets';

export type Row = ArticleRow & { id: number };

/** Largest chunk of keys one read takes (a sparse key filter grows the chunk up to this). */
const MAX_CHUNK = 4096;
/** First chunk of a key-filtered walk: keys cost little next to rows. */
const KEYED_CHUNK = 64;
/** Largest chunk a checked walk takes: each key kept by the filter costs a light row (v9). */
const CHECKED_CHUNK = 512;

/** v9: an asynchronous filter of ids (utils/db/word-text.ts: the term in each article's words). */
export type Check = (ids: number[]) => Promise<number[]>;

/**
 * Keys come in index order: newest date first and, between equal dates, highest id first. A chunk ends
 * at some key; the rest of that key's date (a run of equal dates: publication dates given to the minute,
 * an import) is read next as the ids below it, then the walk goes on below that date. So no key is
 * repeated or skipped, and a page cursor [date, id] resumes the same way. Plain awaits of Dexie promises
 * only (no generator, no Promise.all): the read transaction must see every step.
 */
export class Walk {
  /** Keys per read. */
  chunk: number;
  /** No key left to read in the range (ids may still wait). */
  private done = false;
  /** Kept ids read and not taken yet, in order, with the rows loaded so far. */
  private ids: number[] = [];
  private rows = new Map<number, Row>();
  private upper: number;
  /** The upper date is excluded: its keys were all read. */
  private open = false;
  /** Inside a run of equal dates: the keys at this date with an id below this one are left. */
  private tie: [number, number] | null = null;
  /** The last key read when the range goes on below it, and its date once a row told it. */
  private tail: number | null = null;
  private tailDate: number | null = null;
  /** Ids the caller wants now, and what the key filter kept so far: how many keys to read next. */
  private need = 1;
  private seen = 0;
  private kept = 0;
  /** Keys read so far (how the plan judges the range's density, utils/db/search.ts). */
  get keysRead(): number {
    return this.seen;
  }

  constructor(
    private readonly database: LisibleDB,
    private readonly prefix: string,
    private readonly lo: number,
    hi: number,
    chunk: number,
    private readonly kind: DateKind,
    private keep?: (id: number) => boolean,
    /** The previous page's cursor [date, id]: the walk starts after it. */
    resume?: [number, number],
    /** Ids the key filter kept are checked by this too, a chunk at a time; `chunk` is its first. */
    private readonly check?: Check,
  ) {
    this.upper = hi;
    if (resume && resume[0] === hi) this.tie = resume;
    this.chunk = Math.max(1, chunk);
    if (keep && !check) this.chunk = Math.max(this.chunk, KEYED_CHUNK);
  }

  /** From now on, drop the keys `keep` refuses (ids already read are kept: the caller checks rows). */
  filter(keep: ((id: number) => boolean) | undefined): void {
    this.keep = keep;
    if (keep && !this.check) this.chunk = Math.max(this.chunk, KEYED_CHUNK);
  }

  /** Kept ids read and not taken yet. */
  get waiting(): number {
    return this.ids.length;
  }

  /** Whether a kept id is left (reads keys, never rows). */
  async any(): Promise<boolean> {
    while (this.ids.length === 0 && !this.done) await this.read();
    return this.ids.length > 0;
  }

  /**
   * The next row if it is loaded, null when the walk is over, undefined when load() must run first.
   * Synchronous on purpose: an `await` that does no IndexedDB request uses up Dexie's budget of zone
   * echoes, and after ~100 of them the transaction is lost (PrematureCommitError).
   */
  head(): Row | null | undefined {
    const id = this.ids[0];
    if (id === undefined) return this.done ? null : undefined;
    return this.rows.get(id);
  }

  /** Reads keys and rows until head() is not undefined: the next row and up to `batch - 1` after it. */
  async load(batch: number): Promise<void> {
    this.need = batch;
    while (this.ids.length < batch && !this.done) await this.read();
    for (;;) {
      const id = this.ids[0];
      if (id === undefined || this.rows.has(id)) return;
      const load = this.ids.slice(0, Math.max(1, batch)).filter((k) => !this.rows.has(k));
      const got = await this.database.articles.bulkGet(load);
      load.forEach((k, i) => got[i] && this.rows.set(k, got[i] as Row));
      // A row gone since its key was read cannot happen inside one transaction; never loop on it.
      if (!this.rows.has(id)) this.ids.shift();
    }
  }

  /** The rows loaded and not taken, in order (how a sample is judged). */
  loaded(): Row[] {
    return this.ids.map((id) => this.rows.get(id)).filter((r): r is Row => !!r);
  }

  /** Consumes the head row (after head() returned it). */
  take(): void {
    const id = this.ids.shift()!;
    if (id === this.tail) this.tailDate = dateOf(this.rows.get(id)!, this.kind);
    this.rows.delete(id);
  }

  private range(from: number, to: number, includeTo: boolean) {
    return this.database.articles
      .where('facets')
      .between([this.prefix, from], [this.prefix, to], true, includeTo)
      .reverse();
  }

  private async read(): Promise<void> {
    if (this.tail !== null) {
      // The next chunk starts at the last key's date: known from its row, or read now (one row).
      const loaded = this.rows.get(this.tail);
      let date = this.tailDate ?? (loaded ? dateOf(loaded, this.kind) : null);
      if (date === null) {
        const row = await this.database.articles.get(this.tail);
        if (!row) return void (this.done = true); // cannot happen inside one transaction
        date = dateOf(row, this.kind);
      }
      this.tie = [date, this.tail];
      this.tail = this.tailDate = null;
    }
    if (this.tie) {
      const [date, below] = this.tie;
      const run = (await this.range(date, date, true).primaryKeys()) as number[];
      const left = date < this.lo ? [] : run.filter((k) => k < below);
      const keys = left.slice(0, this.chunk);
      if (keys.length === left.length) {
        this.tie = null;
        this.upper = date;
        this.open = true;
      } else this.tie = [date, keys[keys.length - 1]!];
      await this.push(keys);
      return;
    }
    const keys = (await this.range(this.lo, this.upper, !this.open)
      .limit(this.chunk)
      .primaryKeys()) as number[];
    this.done = keys.length < this.chunk;
    if (!this.done) this.tail = keys[keys.length - 1]!;
    await this.push(keys);
  }

  private async push(keys: number[]): Promise<void> {
    let kept = this.keep ? keys.filter(this.keep) : keys;
    if (this.check && kept.length) kept = await this.check(kept);
    this.ids.push(...kept);
    this.seen += keys.length;
    this.kept += kept.length;
    // (A checked walk that read no key, as at the end of a run of equal dates, learnt nothing of the
    // filter's rate: its chunk stays.)
    if ((!this.keep && !this.check) || (this.check && keys.length === 0)) return;
    // Keys cost little next to rows: read as many as the filter's rate so far says the need takes
    // (checked keys cost a light row each: grow more slowly while none passed).
    const left = Math.max(1, this.need - this.ids.length);
    const guess = this.kept
      ? Math.ceil((1.5 * left * this.seen) / this.kept)
      : this.chunk * (this.check ? 4 : 8);
    this.chunk = this.check
      ? Math.min(CHECKED_CHUNK, Math.max(8, guess))
      : Math.min(MAX_CHUNK, Math.max(KEYED_CHUNK, guess));
  }
}
