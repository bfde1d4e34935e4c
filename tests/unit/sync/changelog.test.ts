// The change log (utils/sync/changelog.ts): every write path of the library records a pending change
// with the right clocks, without the caller's help; quiet writes do not; the v4 upgrade keeps a v3
// library whole and starts recording.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  cleanUnsanitized,
  deleteArticles,
  restoreArticles,
  saveArticle,
  setFlags,
  setProgress,
} from '../../../utils/db/articles';
import { addTag, removeTag } from '../../../utils/db/tags';
import { importFile } from '../../../utils/db/backup/import';
import { storeImages } from '../../../utils/db/images';
import { setClassifiedsPrefs } from '../../../utils/db/preferences';
import { quietly } from '../../../utils/db/quiet';
import { LisibleDB } from '../../../utils/db/schema';
import { PART_IMAGES, PART_META, PART_TEXT, articleItemId } from '../../../utils/sync/changelog';
import type { ArticleState } from '../../../utils/sync/merge';
import { article, imageBlob } from './helpers';

const fresh = () => new LisibleDB(`log-${Math.random()}`);
const stateOf = async (db: LisibleDB, key: string) =>
  (await db.syncItems.get(articleItemId(key)))?.s as ArticleState;
const pendingOf = async (db: LisibleDB, key: string) => db.syncChanges.get(articleItemId(key));

describe('every write path records its change', () => {
  it('save, re-save, tags, flags, progress, images, delete, undo, import, preferences', async () => {
    const db = fresh();
    const a = article(1);
    const res = await saveArticle(a, db);
    if (!res.ok) throw new Error(res.message);
    const key = (await db.articles.get(res.id))!.key;
    let s = await stateOf(db, key);
    expect(s.text).toBeTruthy();
    expect(s.sv?.[1]).toBeGreaterThan(0);
    expect((await pendingOf(db, key))!.parts & PART_TEXT).toBeTruthy();
    const t1 = s.text!;

    await addTag([res.id], 'Caen', db);
    await setFlags([res.id], { favourite: 1, archived: 1 }, db);
    await setProgress(res.id, 0.5, db);
    s = await stateOf(db, key);
    expect(s.tags?.caen?.[1]).toBe(1);
    expect(s.fav?.[1]).toBe(1);
    expect(s.arch?.[1]).toBe(1);
    expect(s.prog?.[1]).toBe(0.5);
    expect(s.text).toBe(t1); // the text did not change
    await removeTag([res.id], 'caen', db);
    expect((await stateOf(db, key)).tags?.caen?.[1]).toBe(0);

    // Re-save: newer text, user fields untouched.
    await saveArticle({ ...a, title: 'Titre corrigé' }, db);
    s = await stateOf(db, key);
    expect(s.text! > t1).toBe(true);
    expect(s.fav?.[1]).toBe(1);

    await storeImages(res.id, a.contentHtml, {
      database: db,
      fetcher: async () => new Response(imageBlob(2), { headers: { 'content-type': 'image/png' } }),
    });
    expect((await stateOf(db, key)).img).toBeTruthy();
    expect((await pendingOf(db, key))!.parts & PART_IMAGES).toBeTruthy();

    // Clocks only grow, in the order of the changes.
    const clocks = [s.text!, (await stateOf(db, key)).img![0]];
    expect([...clocks].sort()).toEqual(clocks);

    const trash = await deleteArticles([res.id], db);
    s = await stateOf(db, key);
    expect(s.del! > s.text!).toBe(true);
    await restoreArticles(trash, db);
    s = await stateOf(db, key);
    expect(s.text! > s.del!).toBe(true); // undo brings it back to life…
    expect(s.fav![0] > s.del!).toBe(true); // …with its flags as changes of the new life

    await setClassifiedsPrefs({ categories: { emploi: 'hide' }, sites: {} }, db);
    expect(await db.syncChanges.get('r:prefs:classifieds')).toBeTruthy();
    expect(
      ((await db.syncItems.get('r:prefs:classifieds'))!.s as { v: [string, unknown] }).v[1],
    ).toMatchObject({
      key: 'classifieds',
    });

    // An import goes through the same tables: recorded too.
    const csv =
      'url,title,time_added,tags,status\nhttps://www.ouest-france.fr/importe,Importé,1700000000,a|b,unread\n';
    await importFile(csv, { sanitize: (h) => h }, db);
    const imported = await db.articles.where('key').equals('https://ouest-france.fr/importe').first();
    const si = await stateOf(db, imported!.key);
    expect(Object.keys(si.tags ?? {}).sort()).toEqual(['a', 'b']);
    expect((await pendingOf(db, imported!.key))!.parts & PART_META).toBeTruthy();
  });

  it('quiet writes (the sync applying, the library cleaning a body) are not changes', async () => {
    const db = fresh();
    const res = await saveArticle(article(2), db, { unsanitized: true });
    if (!res.ok) throw new Error(res.message);
    await db.syncChanges.clear();
    const before = await db.syncItems.toArray();
    await cleanUnsanitized((h) => h.replace(/<img[^>]*>/, ''), db);
    await quietly(db, ['articles'], () => db.articles.update(res.id, { favourite: 1 }));
    expect(await db.syncChanges.count()).toBe(0);
    expect(await db.syncItems.toArray()).toEqual(before);
    // A normal write right after is recorded again.
    await setFlags([res.id], { read: 1 }, db);
    expect(await db.syncChanges.count()).toBe(1);
  });
});

describe('schema upgrades under the change log', () => {
  it('a v3 library opens as v6 (sync’s v4, communes and filter index v5, site rules v6) whole, the upgrades recording nothing, and the log then records', async () => {
    const name = `v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      articles:
        '++id, &key, savedAt, [savedAt+id], site, [site+savedAt+id], communeName, [communeName+savedAt+id], *tags, *words, favourite, archived, unsanitized',
      bodies: 'id',
      images: '[articleId+url], articleId',
      prefs: 'key',
    });
    const row = {
      key: 'https://ouest-france.fr/a',
      url: 'https://www.ouest-france.fr/a',
      canonicalUrl: 'https://www.ouest-france.fr/a',
      title: 'Avant',
      site: 'ouest-france.fr',
      savedAt: 1,
      updatedAt: 1,
      read: 1 as const,
      progress: 0.3,
      favourite: 1 as const,
      archived: 0 as const,
      tags: ['caen'],
      words: ['avant'],
      imageBytes: 0,
    };
    await v3.table('articles').add(row);
    await v3.table('bodies').put({ id: 1, contentHtml: '<p>corps</p>', textContent: 'corps' });
    await v3.table('prefs').put({ key: 'classifieds', value: { categories: {}, sites: {} } });
    v3.close();

    const db = new LisibleDB(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.articles.get(1)).toMatchObject({ title: 'Avant', tags: ['caen'], favourite: 1 });
    expect(await db.bodies.get(1)).toMatchObject({ contentHtml: '<p>corps</p>' });
    expect(await db.prefs.count()).toBe(1);
    // Nothing recorded by the upgrade itself: a library's first sync reads it whole.
    expect(await db.syncChanges.count()).toBe(0);
    expect(await db.syncItems.count()).toBe(0);
    await addTag([1], 'mairie', db);
    const s = await stateOf(db, row.key);
    expect(s.tags?.mairie?.[1]).toBe(1);
    expect(await db.syncChanges.count()).toBe(1);
  });
});
