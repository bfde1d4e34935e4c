// v6 → v7 on a real version-6 database (made with Dexie and v6's own schema, rows as v6 wrote them):
// every row's search words get its saved date and its facets the site + commune + tag range, nothing
// else changes, the change log records nothing (local fields), and search finds the rows newest first.
import { describe, expect, it } from 'vitest';
import { facetsOf } from '../../../utils/db/facets';
import { toRow } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { DATE_MARK, dateKey, plainWord } from '../../../utils/db/text';
import { makeArticle } from './article';
import { V6, openOld, upgraded } from './old-schemas';

describe('v6 → v7', () => {
  it('marks every row’s words with its saved date, keeps everything else, records nothing', async () => {
    const [name, v6] = await openOld('v7', 6, V6);
    // 450 rows: more than one batch of the upgrade.
    const rows = Array.from({ length: 450 }, (_, i) => {
      const url = `https://www.ouest-france.fr/normandie/caen-14000/article-${i}.html`;
      const a = makeArticle({ url, title: `Conseil municipal ${i}`, textContent: `Le vélo ${i % 7}` });
      const row = toRow({
        ...a,
        key: url,
        site: 'ouest-france.fr',
        savedAt: 1e12 + i * 1000,
        updatedAt: 0,
        read: 0,
        tags: i % 5 ? [] : ['vélo'],
      });
      // v6 had no site + commune + tag range.
      if (i % 10 === 0) row.communeInsee = '14118';
      return { ...row, facets: facetsOf(row).filter(([p]) => !p.includes('|sct:')) };
    });
    await v6.table('articles').bulkAdd(rows);
    await v6.table('bodies').add({ id: 1, contentHtml: '<p>corps</p>', textContent: 'corps' });
    await v6.table('userRules').add({ host: 'x.fr', kind: 'hide', selector: '.a', createdAt: 1 });
    const before = await v6.table('articles').toArray();
    expect(before[0].words.some((w: string) => w.includes(DATE_MARK))).toBe(false);
    v6.close();

    const [db, after] = await upgraded(name, 450);
    after.forEach((r, i) => {
      const old = before[i];
      expect(r.words.map(plainWord)).toEqual(old.words);
      expect(r.words.every((w) => w.endsWith(DATE_MARK + dateKey(r.savedAt)))).toBe(true);
      // The facets now hold the triple; nothing else changed.
      expect(r.facets).toEqual(facetsOf(r));
      expect({ ...r, words: [], facets: [], pwords: [] }).toEqual({
        ...old,
        words: [],
        facets: [],
        pwords: [],
      });
    });
    expect(await db.bodies.get(1)).toMatchObject({ textContent: 'corps' });
    expect(await db.userRules.count()).toBe(1);
    // Words are local fields: the upgrade is no change to sync.
    expect(await db.syncChanges.count()).toBe(0);
    const triple = await queryLibrary({ site: 'ouest-france.fr', communes: ['14118'], tag: 'vélo' }, {}, db);
    expect(triple.items).toHaveLength(45);
    const page = await queryLibrary({ text: 'velo' }, { limit: 3 }, db);
    expect(page.items.map((r) => r.title)).toEqual([
      'Conseil municipal 449',
      'Conseil municipal 448',
      'Conseil municipal 447',
    ]);
    db.close();
  });
});
