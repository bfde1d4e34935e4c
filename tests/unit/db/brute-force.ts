// What a library query must give, written independently of the plan (filter everything, sort), and
// every page of a query one after the other, for the tests of the search windows.
import { expect } from 'vitest';
import type { ArticleRow, LisibleDB } from '../../../utils/db/schema';
import { queryLibrary, type LibraryQuery } from '../../../utils/db/search';
import { plainWord } from '../../../utils/db/text';

export type Row = ArticleRow & { id: number };

/** Ids matching the text, site, read state and date range of `q`, newest first by `dateOf`. */
export function expectedIds(all: Row[], q: LibraryQuery, dateOf: (r: Row) => number): number[] {
  const terms = (q.text ?? '').split(' ').filter(Boolean);
  return all
    .filter(
      (r) =>
        terms.every((t) => r.words.some((w) => plainWord(w).startsWith(t))) &&
        (q.site === undefined || r.site === q.site) &&
        (q.read === undefined || r.read === q.read) &&
        (q.from === undefined || dateOf(r) >= q.from) &&
        (q.to === undefined || dateOf(r) <= q.to),
    )
    .sort((a, b) => dateOf(b) - dateOf(a) || b.id - a.id)
    .map((r) => r.id);
}

/** The ids of every page of `q`, `limit` at a time; each page but the last is full. */
export async function allPages(database: LisibleDB, q: LibraryQuery, limit: number): Promise<number[]> {
  const got: number[] = [];
  let after: [number, number] | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const p = await queryLibrary(q, { limit, after }, database);
    got.push(...p.items.map((r) => r.id!));
    expect(p.items.length === limit || !p.next, JSON.stringify(q)).toBe(true);
    if (!p.next) break;
    after = p.next;
  }
  return got;
}
