// v7: every write of an article row marks its search words with the row's saved date (utils/db/text.ts
// datedWords), whoever writes it — a save, an import, a sync merge, a new highlight's note, a change of
// saved date — so the words index is in saved-date order for every row (utils/db/term-window.ts reads it
// so). v8: and writes them again marked with its publication date (`pwords`), for the list ordered by
// publication date. A DBCore middleware rather than a step of each writer: a writer that forgets cannot
// exist. (v9: the same words as one string, `wordText`, are written by the middleware of word-text.ts,
// below this one: it awaits, which Dexie's own middlewares between them would not survive.)
import type { DBCore, Middleware } from 'dexie';
import type { ArticleRow } from './schema';
import { datedWords } from './text';
import { publishedAt } from './facets';

/** The row with its words marked by its saved date, and (v8) by its publication date in `pwords`. */
export function withDatedWords<T extends ArticleRow>(row: T): T {
  return {
    ...row,
    words: datedWords(row.words, row.savedAt),
    pwords: datedWords(row.words, publishedAt(row)),
  };
}

function dated(value: unknown): unknown {
  const row = value as Partial<ArticleRow> | undefined;
  if (!row || !Array.isArray(row.words) || typeof row.savedAt !== 'number') return value;
  return withDatedWords(row as ArticleRow);
}

export const datedWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lisible-dated-words',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'articles') return table;
      return {
        ...table,
        mutate: (req) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: req.values.map(dated) })
            : table.mutate(req),
      };
    },
  }),
};
