// Schema v7: search words carry their article's saved date, and a search reads a term's newest entries a
// window at a time (utils/db/term-window.ts). Checked against a brute-force answer on a library built
// to hit the window's edges: runs of equal saved dates (one longer than a window: an import), prefixes
// of one, several and too many words, other filters, date bounds, paging through every window; and the
// words index re-dated by every kind of write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetsOf } from '../../../utils/db/facets';
import { LisibleDB, type ArticleRow } from '../../../utils/db/schema';
import { type LibraryQuery } from '../../../utils/db/search';
import { DATE_MARK, dateKey, plainWord } from '../../../utils/db/text';
import { makeArticle } from './article';
import { allPages, expectedIds, type Row } from './brute-force';

const VOCAB = ['velo', 'velodrome', 'vent', 'zz0', 'zz1', 'zz2', 'zz3', 'zz4', 'zz5', 'zz6', 'zz7', 'zz8'];
let seed = 11;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function row(i: number): ArticleRow {
  // Saved dates: 40 articles at one instant (longer than a window), then runs of 1 to 3 equal dates.
  const savedAt = i < 40 ? 1e12 : 1e12 + Math.floor(i / (1 + (i % 3))) * 1000;
  const words = ['texte', ...VOCAB.filter((_, k) => rand() < ([0.3, 0.05, 0.5][k] ?? 0.1))];
  const { contentHtml: _h, textContent: _t, ...meta } = makeArticle({ url: `https://x.fr/${i}` });
  const r: ArticleRow = {
    ...meta,
    key: `k${i}`,
    site: i % 3 ? 'a.fr' : 'b.fr',
    savedAt,
    updatedAt: savedAt,
    read: (i % 2) as 0 | 1,
    progress: 0,
    favourite: 0,
    archived: 0,
    tags: [],
    words,
    imageBytes: 0,
    facets: [],
  };
  r.facets = facetsOf(r);
  return r;
}

let database: LisibleDB;
let all: Row[];
beforeAll(async () => {
  database = new LisibleDB(`window-${Math.random()}`);
  await database.articles.bulkAdd(Array.from({ length: 400 }, (_, i) => row(i)));
  all = (await database.articles.toArray()) as Row[];
});
afterAll(async () => {
  await database.delete();
});

describe('search words in saved-date order (v7)', () => {
  it('every write marks the words with the row’s saved date', async () => {
    for (const r of all)
      for (const w of r.words) expect(w.endsWith(DATE_MARK + dateKey(r.savedAt)), w).toBe(true);
    // A change of saved date (as a sync merge makes) re-dates them; the words themselves stay.
    const r = all[100]!;
    await database.articles.update(r.id, { savedAt: r.savedAt + 5 });
    const got = (await database.articles.get(r.id))!;
    expect(got.words.map(plainWord)).toEqual(r.words.map(plainWord));
    expect(got.words.every((w) => w.endsWith(DATE_MARK + dateKey(r.savedAt + 5)))).toBe(true);
    await database.articles.update(r.id, { savedAt: r.savedAt });
  });

  it('gives the brute-force answer, page after page, across windows and runs of equal dates', async () => {
    const queries: LibraryQuery[] = [];
    for (const text of ['velo', 'vel', 'vent', 've', 'velod', 'zz', 'vent velo', 'texte', 'absent'])
      for (const extra of [{}, { site: 'b.fr' }, { read: 1 as const }, { to: 1e12 + 90_000 }, { from: 1e12 }])
        queries.push({ text, ...extra });
    for (const q of queries)
      for (const limit of [2, 9]) {
        expect(await allPages(database, q, limit), `${JSON.stringify(q)} by ${limit}`).toEqual(
          expectedIds(all, q, (r) => r.savedAt),
        );
      }
  });
});
