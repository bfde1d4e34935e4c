// v8 → v9 on a real version-8 database (made with Dexie and v8's own schema, rows as v8 wrote them:
// words dated by saved date, `pwords` by publication date): every article gets its `wordText` row (its
// words, undated, as one string), the article rows do not change, the change log records nothing, and
// a term with a sparse tag — the plan that walks the tag's range and reads those strings — gives the
// brute-force answer.
import { describe, expect, it } from 'vitest';
import { publishedAt } from '../../../utils/db/facets';
import { toRow } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { datedWords, plainWord } from '../../../utils/db/text';
import { makeArticle } from './article';
import { V8, openOld, upgraded } from './old-schemas';

describe('v8 → v9', () => {
  it('writes every article’s words as one string, changes no row, records nothing', async () => {
    const [name, v8] = await openOld('v9', 8, V8);
    // 450 rows: more than one batch of the upgrade. "velo" in every third, the tag on every fifth.
    const rows = Array.from({ length: 450 }, (_, i) => {
      const url = `https://www.ouest-france.fr/normandie/caen-14000/article-${i}.html`;
      const text = i % 3 ? 'Le marché du samedi' : 'Le vélo électrique';
      const a = makeArticle({ url, title: `Conseil municipal ${i}`, textContent: text });
      const savedAt = 1e12 + i * 1000;
      const tags = i % 5 ? [] : ['à lire'];
      const row = toRow({ ...a, key: url, site: 'ouest-france.fr', savedAt, updatedAt: 0, read: 0, tags });
      const dated = { ...row, words: datedWords(row.words, savedAt) };
      return { ...dated, pwords: datedWords(row.words, publishedAt(row)) };
    });
    await v8.table('articles').bulkAdd(rows);
    const before = await v8.table('articles').toArray();
    expect(v8.tables.map((t) => t.name)).not.toContain('wordText');
    v8.close();

    const [db, after] = await upgraded(name, 450);
    expect(after).toEqual(before);
    const texts = await db.wordText.toArray();
    expect(texts.map((t) => t.id)).toEqual(after.map((r) => r.id));
    texts.forEach((t, i) => {
      expect(t.text).toBe(` ${after[i]!.words.map(plainWord).join(' ')} `);
      expect(t.text.includes(' velo ')).toBe(i % 3 === 0);
    });
    expect(await db.syncChanges.count()).toBe(0);
    // "velo" + the tag: every 15th article, newest first, through the tag's range and the strings.
    const want = after.filter((_, i) => i % 15 === 0).reverse();
    const page = await queryLibrary({ text: 'vel', tag: 'à lire' }, { limit: 4, caps: { lightRow: 0 } }, db);
    expect(page.items.map((r) => r.id)).toEqual(want.slice(0, 4).map((r) => r.id));
    const next = await queryLibrary(
      { text: 'vel', tag: 'à lire' },
      { limit: 100, after: page.next!, caps: { lightRow: 0 } },
      db,
    );
    expect(next.items.map((r) => r.id)).toEqual(want.slice(4).map((r) => r.id));
    expect(next.next).toBeNull();
    db.close();
  });
});
