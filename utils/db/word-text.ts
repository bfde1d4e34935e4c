// v9: each article's search words again, as ONE string in a table of its own (`wordText`, keyed by the
// article's id): « mairie conseil motrs … » with a space before and after each word. A search term is
// a word prefix, so an article has it when its string holds a space and the term. A sparse filter
// (a tag, commune + tag…) with a term found in a tenth of the library walks the filter's own range and
// checks each article here (utils/db/search.ts): one light row per article, where the article row
// itself (15 KB in the bench: its dated word lists and facets) costs some 40-50 index keys to read, and
// the term's dated entries put the first match hundreds of entries deep. One string, not a list: it is
// read (copied out of the store) as one block. Written by a DBCore middleware under the dated words'
// one (utils/db/dated-words.ts), in the write's own transaction: no writer can leave it behind. Not in
// the backup: it is rebuilt from the words of every written row.
import type { DBCore, DBCoreTable, Middleware, Transaction } from 'dexie';
import type { ArticleRow, LisibleDB } from './schema';
import type { Check } from './walk';
import { plainWord } from './text';

export const WORD_TEXT = 'wordText';

/** The `wordText` row of an article. */
export interface WordTextRow {
  id: number;
  /** ' word1 word2 … ': the folded words of the row (utils/db/text.ts), undated, each between spaces. */
  text: string;
}

/** The string of an article's words (dated or not), each between spaces. */
export function wordText(words: readonly string[] | undefined): string {
  return words && words.length ? ` ${words.map(plainWord).join(' ')} ` : ' ';
}

/** Whether the string has a word starting with every one of `terms` (folded search terms). */
export function hasTerms(text: string | undefined, terms: readonly string[]): boolean {
  return text !== undefined && terms.every((t) => text.includes(' ' + t));
}

/**
 * A `wordText` row against an index key, in time (the bench's 10 000 library, fake-indexeddb, inside one
 * transaction: a key ~5-6 µs, a light row ~23 µs, an article row ~270 µs, a request ~180 µs, loaded).
 */
export const LIGHT_ROW_KEYS = 4;

/** The ids whose words hold every term (v9: their `wordText` rows, one request per chunk). */
export function termCheck(database: LisibleDB, terms: string[]): Check {
  return async (ids) => {
    const rows = await database.wordText.bulkGet(ids);
    // A row without its string (none can be: the middleware writes both) is left to the row check.
    return ids.filter((_, i) => !rows[i] || hasTerms(rows[i]!.text, terms));
  };
}

/** The `wordText` rows of written article rows (their ids from the write: an add gives them). */
export function wordTextRows(rows: Array<Partial<ArticleRow> | undefined>, ids: unknown[]): WordTextRow[] {
  const out: WordTextRow[] = [];
  rows.forEach((r, i) => {
    const id = ids[i];
    if (r && typeof id === 'number') out.push({ id, text: wordText(r.words) });
  });
  return out;
}

/** v8 → v9: the `wordText` row of every article, in batches (the article rows are only read). */
export async function fillWordText(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRow, number>('articles');
  const text = tx.table<WordTextRow, number>(WORD_TEXT);
  let last = 0;
  for (;;) {
    const batch = await articles.where(':id').above(last).limit(200).toArray();
    if (batch.length === 0) return;
    last = batch[batch.length - 1]!.id!;
    await text.bulkPut(
      wordTextRows(
        batch,
        batch.map((r) => r.id),
      ),
    );
  }
}

function articles(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      const res = await table.mutate(req);
      const idb = req.trans as unknown as IDBTransaction;
      // An upgrade from before v9 rewrites rows before the table exists: v9's own upgrade fills it.
      if (idb.mode === 'versionchange' && !idb.objectStoreNames.contains(WORD_TEXT)) return res;
      const text = down.table(WORD_TEXT);
      const trans = req.trans;
      if (req.type === 'add' || req.type === 'put') {
        const ok = req.values.map((v, i) => (res.failures[i] ? undefined : (v as ArticleRow)));
        const values = wordTextRows(ok, res.results ?? []);
        if (values.length) await text.mutate({ type: 'put', trans, values });
      } else if (req.type === 'delete') await text.mutate({ type: 'delete', trans, keys: req.keys });
      else await text.mutate({ type: 'deleteRange', trans, range: req.range });
      return res;
    },
  };
}

/** Writes and deletes the `wordText` row of every article written or deleted, in the same transaction. */
export const wordTextMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lisible-word-text',
  // Below Dexie's own middlewares (hooks, cache, observability: they read Dexie's promise zone, which an
  // await here loses), above the change log (-2); the dated words' middleware, above, dated the rows.
  level: -1,
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('articles') && !stores.includes(WORD_TEXT)
          ? [...stores, WORD_TEXT]
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      return name === 'articles' ? articles(down, table) : table;
    },
  }),
};
