// The reader's site rules: Dexie v4 (upgrade from a real v3 database), validation, the mirror content
// scripts read, deletion, and the JSON backup (round trip, merge without duplicates, malformed rules
// refused before anything is written).
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDatabases } from './fresh-db';
import { exportBackup, exportBackupJson } from '../../../utils/db/backup/format';
import { importFile } from '../../../utils/db/backup/import';
import { LisibleDB } from '../../../utils/db/schema';
import { addUserRule, deleteUserRules, listUserRules } from '../../../utils/db/user-rules';
import { readMirroredRules } from '../../../utils/settings/classifieds-mirror';
import {
  mirrorOf,
  normalizeMirror,
  rulesFor,
  userRuleProblem,
  type UserRule,
} from '../../../utils/settings/user-rules';

const { db: fresh, name: freshName } = freshDatabases('rules');

const rule = (over: Partial<UserRule> = {}): UserRule => ({
  host: 'ouest-france.fr',
  kind: 'hide',
  selector: 'section.encart-partenaire',
  category: 'immobilier',
  label: 'Coup de cœur',
  createdAt: 1_700_000_000_000,
  ...over,
});
const sanitize = { sanitize: (h: string) => h };

describe('schema v6 (through v4 sync and v5 communes)', () => {
  it('upgrades a version-3 library: articles, bodies and preferences kept, an empty rules table added', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores({ articles: '++id, &key, savedAt, site' });
    v3.version(2).stores({ prefs: 'key' });
    v3.version(3).stores({
      articles:
        '++id, &key, savedAt, [savedAt+id], site, [site+savedAt+id], communeName, [communeName+savedAt+id], *tags, *words, favourite, archived, unsanitized',
      bodies: 'id',
      images: '[articleId+url], articleId',
    });
    await v3.open();
    await v3
      .table('articles')
      .add({ key: 'https://a.fr/x', savedAt: 1, site: 'a.fr', title: 'Gardé', tags: [] });
    await v3.table('bodies').add({ id: 1, contentHtml: '<p>corps</p>', textContent: 'corps' });
    await v3.table('prefs').put({ key: 'classifieds', value: { categories: { emploi: 'show' }, sites: {} } });
    v3.close();
    const db = new LisibleDB(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect((await db.articles.toArray()).map((a) => a.title)).toEqual(['Gardé']);
    expect((await db.bodies.get(1))?.textContent).toBe('corps');
    expect((await db.prefs.get('classifieds'))?.value).toEqual({ categories: { emploi: 'show' }, sites: {} });
    expect(await db.userRules.count()).toBe(0);
    await db.userRules.add(rule());
    expect(await db.userRules.where('host').equals('ouest-france.fr').count()).toBe(1);
    db.close();
  });
});

describe('user rules', () => {
  it('stores a valid rule and mirrors it for content scripts', async () => {
    const db = fresh();
    const res = await addUserRule(rule(), db);
    expect(res.ok).toBe(true);
    expect(await listUserRules(db)).toMatchObject([{ host: 'ouest-france.fr', kind: 'hide' }]);
    const mirror = await readMirroredRules();
    expect(mirror['ouest-france.fr']?.hide).toEqual([
      { id: (res as { id: number }).id, selector: 'section.encart-partenaire', category: 'immobilier' },
    ]);
    // A subdomain of the site is the site; another site is not.
    expect(rulesFor(mirror, 'www.ouest-france.fr').hide).toHaveLength(1);
    expect(rulesFor(mirror, 'notouest-france.fr').hide).toHaveLength(0);
  });

  it('a block is hidden or an exception: a new choice on the same selector replaces the old one', async () => {
    const db = fresh();
    await addUserRule(rule(), db);
    await addUserRule(rule({ kind: 'exception', createdAt: 2 }), db);
    expect((await listUserRules(db)).map((r) => r.kind)).toEqual(['exception']);
    await addUserRule(rule({ kind: 'content', selector: '#article', category: undefined }), db);
    expect((await listUserRules(db)).map((r) => r.kind).sort()).toEqual(['content', 'exception']);
    const m = rulesFor(await readMirroredRules(), 'ouest-france.fr');
    expect(m).toEqual({ hide: [], exceptions: ['section.encart-partenaire'], content: ['#article'] });
  });

  it('refuses what could break out of a stylesheet, bad hosts, and hidden blocks without a category', async () => {
    const db = fresh();
    for (const bad of [
      rule({ selector: 'a} body{display:none' }),
      rule({ selector: 'x /* y' }),
      // Would close the :is( … ) it is put in and hide the whole page.
      rule({ selector: 'x), html:not(y' }),
      rule({ selector: 'a[title="x' }),
      rule({ selector: 'a\\29 b' }),
      rule({ selector: '   ' }),
      rule({ host: 'évil host' }),
      rule({ category: undefined }),
      rule({ category: 'pizza' as never }),
      rule({ kind: 'nope' as never }),
    ]) {
      const res = await addUserRule(bad, db);
      expect(res.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(await listUserRules(db)).toEqual([]);
    expect(userRuleProblem(null)).toBe('not an object');
    expect(
      userRuleProblem(rule({ selector: '#sidebar > section:nth-of-type(2) a[href*="(x)"]' })),
    ).toBeNull();
  });

  it('deletes one rule or all of them, and the mirror follows', async () => {
    const db = fresh();
    const a = await addUserRule(rule(), db);
    await addUserRule(rule({ selector: '#pub', createdAt: 5 }), db);
    await deleteUserRules([(a as { id: number }).id], db);
    expect((await listUserRules(db)).map((r) => r.selector)).toEqual(['#pub']);
    await deleteUserRules('all', db);
    expect(await listUserRules(db)).toEqual([]);
    expect(await readMirroredRules()).toEqual({});
  });

  it('repairs a hand-edited mirror instead of failing', () => {
    expect(normalizeMirror('junk')).toEqual({});
    expect(
      normalizeMirror({
        'a.fr': {
          hide: [
            { selector: '#x', category: 'pizza' },
            { selector: '#y', category: 'emploi', id: 1 },
          ],
        },
      }),
    ).toEqual({
      'a.fr': { hide: [{ selector: '#y', category: 'emploi', id: 1 }], exceptions: [], content: [] },
    });
    expect(mirrorOf([rule({ id: 3 })])['ouest-france.fr']?.hide).toHaveLength(1);
  });
});

describe('rules in the JSON backup', () => {
  it('a full backup carries them; importing it into a fresh library restores them, twice is once', async () => {
    const db = fresh();
    await addUserRule(rule(), db);
    await addUserRule(
      rule({ kind: 'exception', selector: '#immo', category: 'immobilier', createdAt: 9 }),
      db,
    );
    const json = await exportBackupJson({}, db);
    const backup = JSON.parse(json) as { userRules: UserRule[] };
    expect(backup.userRules.map((r) => [r.kind, r.selector]).sort()).toEqual([
      ['exception', '#immo'],
      ['hide', 'section.encart-partenaire'],
    ]);
    expect(backup.userRules.every((r) => !('id' in r))).toBe(true);
    // A backup of a selection of articles is not a backup of the settings.
    expect((await exportBackup({ ids: [] }, db)).userRules).toBeUndefined();

    const other = fresh();
    await importFile(json, sanitize, other);
    await importFile(json, sanitize, other);
    expect((await listUserRules(other)).map((r) => [r.host, r.kind, r.selector]).sort()).toEqual([
      ['ouest-france.fr', 'exception', '#immo'],
      ['ouest-france.fr', 'hide', 'section.encart-partenaire'],
    ]);
    expect(rulesFor(await readMirroredRules(), 'ouest-france.fr').exceptions).toEqual(['#immo']);
  });

  it('a malformed rule makes the import fail before anything is written', async () => {
    const db = fresh();
    const json = JSON.stringify({
      format: 'lisible-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: [],
      prefs: [{ key: 'classifieds', value: { categories: { emploi: 'show' }, sites: {} } }],
      userRules: [rule({ selector: 'a{}' })],
    });
    await expect(importFile(json, sanitize, db)).rejects.toThrow(/Site rule 1: bad selector/);
    expect(await db.prefs.count()).toBe(0);
    expect(await db.userRules.count()).toBe(0);
  });
});
