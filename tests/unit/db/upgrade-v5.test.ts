// v3 → v5 (through v4, sync's tables) on a real version-3 database (made with Dexie and v3's own schema, rows as v3 wrote them):
// communes become the official ones (accents, INSEE code) from the URL, the stored hint or the body's
// dateline, the filter index is built, and the highlights table exists.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { countArticles, facets } from '../../../utils/db/articles';
import { LisibleDB } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { libraryFields, makeArticle } from './article';

const V3 = {
  articles:
    '++id, &key, savedAt, [savedAt+id], site, [site+savedAt+id], communeName, [communeName+savedAt+id], *tags, *words, favourite, archived, unsanitized',
  bodies: 'id',
  images: '[articleId+url], articleId',
  prefs: 'key',
};

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function v3Row(i: number, url: string, commune: unknown, extra: Record<string, unknown> = {}) {
  // A v3 row: the article's fields without its body (in `bodies` since v2), without v5's facets.
  const {
    contentHtml: _body,
    textContent: _text,
    ...meta
  } = makeArticle({
    url,
    title: `Article ${i}`,
    siteName: null,
    wordCount: 3,
  });
  return {
    ...meta,
    commune,
    ...(commune ? { communeName: (commune as { name: string }).name } : {}),
    ...libraryFields(url, 1_700_000_000_000 + i),
    key: url,
    words: ['article'],
    ...extra,
  };
}

describe('v3 → v5', () => {
  it('resolves communes to the official list, builds the filter index, keeps everything', async () => {
    const name = `v4-${Math.random()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(1).stores({ articles: '++id, &key, savedAt, site' });
    v3.version(2).stores({ prefs: 'key' });
    v3.version(3).stores(V3);
    await v3.open();
    const rows = [
      // v3 rebuilt it from the slug: no accent.
      v3Row(1, 'https://actu.fr/normandie/saint-lo_50502/a.html', {
        name: 'Saint-Lo',
        postcode: null,
        inseeCode: '50502',
      }),
      v3Row(2, 'https://www.ouest-france.fr/normandie/saint-lo-50000/b', {
        name: 'Saint-Lo',
        postcode: '50000',
      }),
      // Only the body's dateline names it.
      v3Row(3, 'https://www.lamanchelibre.fr/c.html', null, { archived: 1 }),
      // Homonyms and nothing to choose: no commune rather than the wrong one.
      v3Row(4, 'https://www.example.fr/saint-denis/d.html', { name: 'Saint-Denis', postcode: null }),
    ];
    for (const r of rows) await v3.table('articles').add(r);
    const texts = ['Le marché.', 'La mairie.', 'SAINT-LÔ. Le conseil a voté.', 'La gare.'];
    for (const [i, t] of texts.entries())
      await v3.table('bodies').put({ id: i + 1, contentHtml: `<p>${t}</p>`, textContent: t });
    v3.close();

    const db = new LisibleDB(name);
    await db.open();
    expect(db.verno).toBe(9);
    const all = await db.articles.toArray();
    expect(all.map((r) => r.commune?.name ?? null)).toEqual(['Saint-Lô', 'Saint-Lô', 'Saint-Lô', null]);
    expect(all.map((r) => r.communeInsee ?? null)).toEqual(['50502', '50502', '50502', null]);
    for (const r of all) {
      expect(r).not.toHaveProperty('communeName');
      expect(r.facets.length).toBeGreaterThan(0);
    }
    // The commune filter lists the town once, with its accent, and finds all three (one archived).
    expect((await facets(db)).communes).toEqual([{ code: '50502', name: 'Saint-Lô', dept: '50' }]);
    expect((await queryLibrary({ communes: ['50502'] }, {}, db)).items).toHaveLength(2);
    expect((await queryLibrary({ communes: ['50502'], archived: true }, {}, db)).items).toHaveLength(1);
    expect(await countArticles({}, db)).toBe(3);
    expect(await countArticles({ archived: true }, db)).toBe(1);
    expect(await db.bodies.count()).toBe(4);
    expect(await db.highlights.count()).toBe(0);
    db.close();
  });
});
