// v7 → v8 on a real version-7 database (made with Dexie and v7's own schema, rows as v7 wrote them:
// words dated with the saved date only): every row gets its words marked with its publication date
// (`pwords`, indexed), nothing else changes, the change log records nothing (local fields), and a search
// by publication date finds the rows in order.
import { describe, expect, it } from 'vitest';
import { publishedAt } from '../../../utils/db/facets';
import { toRow } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { DATE_MARK, dateKey, datedWords, plainWord } from '../../../utils/db/text';
import { makeArticle } from './article';
import { V7, openOld, upgraded } from './old-schemas';

describe('v7 → v8', () => {
  it('marks every row’s words with its publication date, keeps everything else, records nothing', async () => {
    const [name, v7] = await openOld('v8', 7, V7);
    // 450 rows: more than one batch of the upgrade. Published i hours before the save, every 7th undated.
    const rows = Array.from({ length: 450 }, (_, i) => {
      const url = `https://www.ouest-france.fr/normandie/caen-14000/article-${i}.html`;
      const savedAt = 1e12 + i * 1000;
      const publishedTime = i % 7 ? new Date(savedAt - i * 3_600_000).toISOString() : null;
      const a = makeArticle({ url, title: `Conseil municipal ${i}`, textContent: 'Le vélo', publishedTime });
      const row = toRow({ ...a, key: url, site: 'ouest-france.fr', savedAt, updatedAt: 0, read: 0 });
      return { ...row, words: datedWords(row.words, savedAt) };
    });
    await v7.table('articles').bulkAdd(rows);
    await v7.table('bodies').add({ id: 1, contentHtml: '<p>corps</p>', textContent: 'corps' });
    const before = await v7.table('articles').toArray();
    expect(before.some((r) => 'pwords' in r)).toBe(false);
    v7.close();

    const [db, after] = await upgraded(name, 450);
    after.forEach((r, i) => {
      const old = before[i];
      const published = i % 7 ? r.savedAt - i * 3_600_000 : r.savedAt;
      expect(publishedAt(r)).toBe(published);
      expect(r.pwords!.map(plainWord)).toEqual(old.words.map(plainWord));
      expect(r.pwords!.every((w) => w.endsWith(DATE_MARK + dateKey(published)))).toBe(true);
      const { pwords: _p, ...rest } = r;
      expect(rest).toEqual(old);
    });
    expect(await db.bodies.get(1)).toMatchObject({ textContent: 'corps' });
    expect(await db.syncChanges.count()).toBe(0);
    // Newest published first: the undated rows (published "when saved") lead, newest saved first.
    const page = await queryLibrary({ text: 'velo', dateField: 'published' }, { limit: 4 }, db);
    expect(page.items.map((r) => r.title)).toEqual([
      'Conseil municipal 448',
      'Conseil municipal 441',
      'Conseil municipal 434',
      'Conseil municipal 427',
    ]);
    // Below the undated ones, article 1 (published an hour before its save), then 2, 3….
    const rest = await queryLibrary({ text: 'velo', dateField: 'published', to: 1e12 - 1 }, { limit: 3 }, db);
    expect(rest.items.map((r) => r.title)).toEqual([
      'Conseil municipal 1',
      'Conseil municipal 2',
      'Conseil municipal 3',
    ]);
    db.close();
  });
});
