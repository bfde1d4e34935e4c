import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDatabases } from './fresh-db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getClassifiedsPrefs, prefsProblem, setClassifiedsPrefs } from '../../../utils/db/preferences';
import { LisibleDB } from '../../../utils/db/schema';
import { CLASSIFIEDS_MIRROR_KEY, readMirroredPrefs } from '../../../utils/settings/classifieds-mirror';
import {
  removeSite,
  setCategory,
  setSiteShowAll,
  toggleCategory,
  toggleSiteCategory,
} from '../../../utils/settings/classifieds-edit';
import { resolveVisibility } from '../../../utils/classifieds/css';

const { db: fresh, name: freshName } = freshDatabases('prefs');

describe('classifieds preferences in Dexie', () => {
  it('defaults to empty preferences, stores them and mirrors them to storage.local', async () => {
    const db = fresh();
    expect(await getClassifiedsPrefs(db)).toEqual({ categories: {}, sites: {} });
    const prefs = {
      categories: { immobilier: 'show' as const },
      sites: { 'ouest-france.fr': { showAll: true } },
    };
    await setClassifiedsPrefs(prefs, db);
    expect(await getClassifiedsPrefs(db)).toEqual(prefs);
    expect(await readMirroredPrefs()).toEqual(prefs);
    expect((await fakeBrowser.storage.local.get(CLASSIFIEDS_MIRROR_KEY))[CLASSIFIEDS_MIRROR_KEY]).toEqual(
      prefs,
    );
  });

  it('upgrades a version-1 database (articles only) to version 2 without losing articles', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: '++id, &key, savedAt, site' });
    await v1.table('articles').add({ key: 'https://a.fr/x', savedAt: 1, site: 'a.fr', title: 'Ancien' });
    v1.close();
    const db = new LisibleDB(name);
    await db.open();
    expect(db.verno).toBe(9); // the latest schema version (v9: the words as one string)
    expect((await db.articles.toArray()).map((a) => a.title)).toEqual(['Ancien']);
    expect(await getClassifiedsPrefs(db)).toEqual({ categories: {}, sites: {} });
    db.close();
  });
});

describe('prefsProblem (validation of messages and imports)', () => {
  it('accepts valid preferences', () => {
    expect(
      prefsProblem({
        categories: { emploi: 'collapse' },
        sites: { 'actu.fr': { categories: { immobilier: 'show' } } },
      }),
    ).toBeNull();
  });
  it.each([
    ['null', null],
    ['unknown category', { categories: { casino: 'hide' }, sites: {} }],
    ['bad visibility', { categories: { emploi: 'explode' }, sites: {} }],
    ['bad host', { categories: {}, sites: { 'evil host{}': {} } }],
    ['showAll not boolean', { categories: {}, sites: { 'a.fr': { showAll: 'yes' } } }],
  ])('rejects %s', (_n, v) => expect(prefsProblem(v)).toEqual(expect.any(String)));
});

describe('preference edits', () => {
  const host = 'www.tendanceouest.com';
  it('the popup switch hides with the category default (collapse for obituaries) and shows', () => {
    let p = toggleCategory({ categories: {}, sites: {} }, 'avis-de-deces', false);
    expect(resolveVisibility(p, host, 'avis-de-deces')).toBe('show');
    p = toggleCategory(p, 'avis-de-deces', true);
    expect(resolveVisibility(p, host, 'avis-de-deces')).toBe('collapse');
    expect(resolveVisibility(toggleCategory(p, 'immobilier', true), host, 'immobilier')).toBe('hide');
  });
  it('a global choice replaces a per-site override of the same category on that site', () => {
    const p = { categories: {}, sites: { [host]: { categories: { emploi: 'show' as const } } } };
    const next = setCategory(p, 'emploi', 'hide', host);
    expect(resolveVisibility(next, host, 'emploi')).toBe('hide');
    expect(next.sites[host]).toBeUndefined();
    expect(p.sites[host]!.categories!.emploi).toBe('show'); // input untouched
  });
  it('"Afficher sur ce site" shows everything on that site only, and can be undone or removed', () => {
    const p = setSiteShowAll({ categories: {}, sites: {} }, host, true);
    expect(resolveVisibility(p, host, 'immobilier')).toBe('show');
    expect(resolveVisibility(p, 'actu.fr', 'immobilier')).toBe('hide');
    expect(setSiteShowAll(p, host, false).sites).toEqual({});
    expect(removeSite(p, host).sites).toEqual({});
  });
});

describe('per-site category switch (popup, "pour ce site")', () => {
  it('sets the category for this site only, leaving other sites and the global choice alone', () => {
    const prefs = { categories: { emploi: 'hide' as const }, sites: {} };
    const next = toggleSiteCategory(prefs, 'www.actu.fr', 'emploi', false);
    expect(next.sites['www.actu.fr']).toEqual({ categories: { emploi: 'show' } });
    expect(resolveVisibility(next, 'www.actu.fr', 'emploi')).toBe('show');
    expect(resolveVisibility(next, 'www.ouest-france.fr', 'emploi')).toBe('hide');
    expect(prefs.sites).toEqual({});
    // Hiding death notices on one site collapses them (their default way of hiding); `autre` is hidden.
    expect(
      toggleSiteCategory(next, 'www.actu.fr', 'avis-de-deces', true).sites['www.actu.fr']?.categories,
    ).toEqual({
      emploi: 'show',
      'avis-de-deces': 'collapse',
    });
    expect(resolveVisibility(toggleSiteCategory(prefs, 'a.fr', 'autre', true), 'a.fr', 'autre')).toBe('hide');
  });
});
