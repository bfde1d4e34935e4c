// Data safety of the library: migrations from version 1 up, another tab on another version, quota,
// no IndexedDB, two tabs saving the same URL at once. Each ends with a clear error kind and no loss.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getArticle, saveArticle } from '../../../utils/db/articles';
import { errorKind, onDatabaseTrouble, watchDatabase } from '../../../utils/db/errors';
import { LisibleDB } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import type { Article } from '../../../utils/extract/types';
import { makeArticle } from './article';

const names: string[] = [];
const fresh = () => {
  const name = `safety-${Math.random()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const article = (url?: string): Article => makeArticle({ ...(url ? { url } : {}), excerpt: 'Rentrée.' });

describe('migrations', () => {
  it('v1 → v4: bodies move to their table, words/commune/flags are computed, nothing is lost', async () => {
    const name = fresh();
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: '++id, &key, savedAt, site' });
    const a = article();
    for (let i = 0; i < 250; i++)
      await v1.table('articles').add({
        ...a,
        url: `${a.url}?p=${i}`,
        key: `k${i}`,
        site: 'ouest-france.fr',
        savedAt: i,
        updatedAt: i,
        read: i % 2,
      });
    v1.close();
    const db = new LisibleDB(name);
    await db.open();
    expect(db.verno).toBe(9); // the latest schema version (v9: the words as one string)
    expect(await db.articles.count()).toBe(250);
    expect(await db.bodies.count()).toBe(250);
    const row = (await db.articles.get(1))!;
    expect(row).not.toHaveProperty('contentHtml');
    expect(row).toMatchObject({
      tags: [],
      favourite: 0,
      archived: 0,
      progress: 0,
      read: 0,
      communeInsee: '14118',
      commune: { name: 'Caen', postcode: '14000', inseeCode: '14118' },
    });
    expect(await getArticle(8, db)).toMatchObject({
      contentHtml: a.contentHtml,
      textContent: a.textContent,
      read: 1,
    });
    expect((await queryLibrary({ text: 'ecole' }, { limit: 300 }, db)).items).toHaveLength(250);
    db.close();
  });
  it('v2 (with prefs) → v3 keeps the preferences', async () => {
    const name = fresh();
    const v2 = new Dexie(name);
    v2.version(1).stores({ articles: '++id, &key, savedAt, site' });
    v2.version(2).stores({ prefs: 'key' });
    await v2.table('prefs').put({ key: 'classifieds', value: { categories: { emploi: 'hide' }, sites: {} } });
    v2.close();
    const db = new LisibleDB(name);
    expect((await db.prefs.get('classifieds'))?.value).toEqual({ categories: { emploi: 'hide' }, sites: {} });
    db.close();
  });
});

describe('another tab on another version', () => {
  it('an old tab blocking our upgrade is reported as "blocked"; the upgrade completes once it closes', async () => {
    const name = fresh();
    const old = new Dexie(name);
    old.version(2).stores({ articles: '++id, &key, savedAt, site', prefs: 'key' });
    await old.open();
    // The old tab ignores versionchange (an old Lisible page that does not close its connection).
    old.on('versionchange', () => false);
    const seen: string[] = [];
    const off = onDatabaseTrouble((k) => seen.push(k));
    const db = new LisibleDB(name);
    watchDatabase(db);
    const opening = db.open();
    await vi.waitFor(() => expect(seen).toContain('blocked'));
    old.close();
    await opening;
    expect(db.verno).toBe(9); // the latest schema version (v9: the words as one string)
    off();
    db.close();
  });
  it('a newer version opened elsewhere closes ours and is reported as "versionchange"', async () => {
    const name = fresh();
    const db = new LisibleDB(name);
    watchDatabase(db);
    await db.open();
    const seen: string[] = [];
    const off = onDatabaseTrouble((k) => seen.push(k));
    const newer = new Dexie(name);
    newer.version(db.verno + 1).stores({ articles: '++id, &key, savedAt, site' });
    await newer.open(); // not blocked: ours closed itself
    expect(seen).toEqual(['versionchange']);
    const res = await saveArticle(article(), db);
    expect(res).toMatchObject({ ok: false, error: 'versionchange' });
    off();
    newer.close();
  });
});

describe('storage failures', () => {
  it('quota exceeded: a clear error and nothing half-written', async () => {
    const db = new LisibleDB(fresh());
    vi.spyOn(db.bodies, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const res = await saveArticle(article(), db);
    expect(res).toMatchObject({ ok: false, error: 'quota' });
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(0);
    db.close();
  });
  it('no IndexedDB (Firefox private windows before 115): "unavailable", for saves and for the list', async () => {
    const db = new LisibleDB(fresh(), {
      indexedDB: undefined as unknown as IDBFactory,
      IDBKeyRange: undefined as unknown as typeof IDBKeyRange,
    });
    const res = await saveArticle(article(), db);
    expect(res).toMatchObject({ ok: false, error: 'unavailable' });
    const err = await queryLibrary({}, {}, db).catch((e: unknown) => e);
    expect(errorKind(err)).toBe('unavailable');
  });
  it('two tabs (two connections) saving the same URL at once end with one article', async () => {
    const name = fresh();
    const tab1 = new LisibleDB(name);
    const tab2 = new LisibleDB(name);
    await Promise.all([tab1.open(), tab2.open()]);
    const [r1, r2] = await Promise.all([
      saveArticle(article(), tab1),
      saveArticle({ ...article(), url: article().url + '?utm_source=x' }, tab2),
    ]);
    expect(r1.ok && r2.ok).toBe(true);
    expect(r1.ok && r2.ok && r1.id === r2.id).toBe(true);
    expect(await tab1.articles.count()).toBe(1);
    expect(await tab1.bodies.count()).toBe(1);
    tab1.close();
    tab2.close();
  });
});

describe('what the library page says', () => {
  it('gives each failure its own plain message', async () => {
    const { troubleText } = await import('../../../utils/db/errors');
    const { LibraryError } = await import('../../../utils/db/errors');
    expect(troubleText(new DOMException('full', 'QuotaExceededError'))).toMatch(/stockage est plein/);
    expect(troubleText(new Dexie.MissingAPIError('no indexedDB'))).toMatch(/pas disponible ici/);
    expect(troubleText(new LibraryError('blocked', ''))).toMatch(/fermez-le/);
    expect(troubleText(new Dexie.DatabaseClosedError('closed'))).toMatch(/rechargez/);
    expect(troubleText(new Error('boom'))).toMatch(/boom/);
  });
});
