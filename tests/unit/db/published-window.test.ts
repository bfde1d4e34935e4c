// Schema v8: a search ordered by publication date reads the term's newest entries a window at a time,
// as the saved order does (utils/db/term-window.ts), from `pwords`: the words marked with the
// publication date by every write (utils/db/dated-words.ts). Checked against a brute-force answer page
// after page on a library built for it: articles published weeks before they were saved (the two
// orders far apart), runs of equal publication dates, undated articles (their saved date), dates after
// the save and before 1970 (all at the key 0); and a first page that reads far fewer keys than the term
// has entries.
import { describe, expect, it } from 'vitest';
import { facetsOf, publishedAt } from '../../../utils/db/facets';
import { LisibleDB, type ArticleRow } from '../../../utils/db/schema';
import { queryLibrary, type LibraryQuery } from '../../../utils/db/search';
import { DATE_MARK, dateKey, plainWord } from '../../../utils/db/text';
import { makeRow } from './article';
import { allPages, expectedIds, type Row } from './brute-force';
import { tempName } from './old-schemas';
import { counted, reads } from '../../bench/library-data';

const expected = (all: Row[], q: LibraryQuery) => expectedIds(all, q, publishedAt);

const DAY = 86_400_000;

/** `n` articles saved two at a time every minute, most published up to 20 days before their save. */
function library(n: number): ArticleRow[] {
  let seed = 5;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const savedAt = 1e12 + Math.floor(i / 2) * 60_000;
    const r = rand();
    // To the hour (ties); 3 % two days after the save (a wrong clock), 1 % in 1900.
    const published =
      r > 0.97
        ? savedAt + 2 * DAY
        : r > 0.96
          ? Date.UTC(1900, 0, 1 + (i % 3))
          : Math.floor((savedAt - r * 20 * DAY) / 3_600_000) * 3_600_000;
    const words = ['texte', ...(rand() < 0.5 ? ['velo'] : []), ...(rand() < 0.2 ? ['vent'] : [])];
    const row = makeRow({
      url: `https://x.fr/${i}`,
      key: `k${i}`,
      site: i % 3 ? 'a.fr' : 'b.fr',
      publishedTime: r < 0.1 ? null : new Date(published).toISOString(),
      savedAt,
      read: (i % 2) as 0 | 1,
      words,
    });
    return { ...row, facets: facetsOf(row) };
  });
}

async function open(rows: ArticleRow[]): Promise<[LisibleDB, Row[]]> {
  const database = new LisibleDB(tempName('published'));
  counted(database);
  await database.articles.bulkAdd(rows);
  return [database, (await database.articles.toArray()) as Row[]];
}

const mid = 1e12 - 10 * DAY;
const RANGES: LibraryQuery[] = [{}, { site: 'b.fr' }, { read: 1 }, { from: mid }, { to: mid }, { to: 0 }];
const QUERIES: LibraryQuery[] = [];
for (const text of ['velo', 'vent', 've', 'vent velo', 'texte', 'absent'])
  for (const extra of [...RANGES, { from: Date.UTC(1900, 0, 2), to: mid }])
    QUERIES.push({ text, dateField: 'published', ...extra });

describe('search ordered by publication date (v8)', () => {
  it('every write marks the words with the row’s publication date as well', async () => {
    const [database, all] = await open(library(20));
    for (const r of all) {
      expect(r.pwords!.map(plainWord)).toEqual(r.words.map(plainWord));
      for (const w of r.pwords!) expect(w.endsWith(DATE_MARK + dateKey(publishedAt(r))), w).toBe(true);
    }
    // A new save with another publication date re-dates them; an undated one takes the saved date.
    const r = all[3]!;
    await database.articles.update(r.id, { publishedTime: '2020-05-01T10:00:00Z' });
    expect((await database.articles.get(r.id))!.pwords).toEqual(
      r.words.map((w) => plainWord(w) + DATE_MARK + dateKey(Date.parse('2020-05-01T10:00:00Z'))),
    );
    await database.articles.update(r.id, { publishedTime: null });
    expect((await database.articles.get(r.id))!.pwords!.every((w) => w.endsWith(dateKey(r.savedAt)))).toBe(
      true,
    );
    database.close();
  });

  it('gives the brute-force answer, page after page', async () => {
    const [database, all] = await open(library(300));
    for (const q of QUERIES)
      for (const limit of [3, 20])
        expect(await allPages(database, q, limit), `${JSON.stringify(q)} by ${limit}`).toEqual(
          expected(all, q),
        );
    database.close();
  });

  it('reads a window of the term for a first page, not all of its entries', async () => {
    const [database, all] = await open(library(2000));
    const q: LibraryQuery = { text: 'velo', dateField: 'published' };
    const entries = all.filter((r) => r.words.some((w) => w.startsWith('velo'))).length;
    const before = reads.keys;
    const page = await queryLibrary(q, { limit: 10 }, database);
    expect(page.items.map((r) => r.id)).toEqual(expected(all, q).slice(0, 10));
    // A few dozen keys (the term's newest window, the walk of the publication order), of ~1 000.
    expect(reads.keys - before).toBeLessThan(entries / 10);
    database.close();
  });
});
