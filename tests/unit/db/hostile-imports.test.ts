// @vitest-environment jsdom
// Issue 10, items 3, 4, 5 and 8: article identity is computed, never trusted, and every imported field is
// checked. A cross-site canonical URL or a backup record carrying a victim's key, id or a far-future date
// never changes an existing article; malformed preferences, odd ids and absurd numbers are refused whole.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleKey, getArticle, saveArticle } from '../../../utils/db/articles';
import { exportBackup } from '../../../utils/db/backup/format';
import { importFile } from '../../../utils/db/backup/import';
import { LibraryError } from '../../../utils/db/errors';
import { getLibraryPrefs } from '../../../utils/db/images';
import { getClassifiedsPrefs } from '../../../utils/db/preferences';
import { LisibleDB } from '../../../utils/db/schema';
import { identityUrl, sameSite } from '../../../utils/core/url';
import type { Article } from '../../../utils/extract/types';
import { libraryFields, makeArticle } from './article';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const sanitize = (h: string) => h;
function art(url: string, over: Partial<Article> = {}): Article {
  return makeArticle({
    url,
    title: `Titre ${url}`,
    siteName: null,
    contentHtml: `<p>Texte de ${url}</p>`,
    textContent: `Texte de ${url}`,
    wordCount: 3,
    ...over,
  });
}

let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`imp-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});
const save = async (a: Article) => {
  const r = await saveArticle(a, database);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const snapshot = async () => ({ ...(await exportBackup({}, database)), exportedAt: '' });

describe('canonical URL (item 3)', () => {
  it('counts only on the same host or a parent/subdomain of it', () => {
    expect(sameSite('https://m.ouest-france.fr/a', 'https://www.ouest-france.fr/a')).toBe(true);
    expect(sameSite('https://www.ouest-france.fr/a', 'https://ouest-france.fr/a')).toBe(true);
    expect(sameSite('https://evil.fr/a', 'https://www.ouest-france.fr/a')).toBe(false);
    expect(sameSite('https://ouest-france.fr.evil.fr/a', 'https://ouest-france.fr/a')).toBe(false);
    // Shared blog hosts the public suffix list does not know: neighbours are other sites.
    expect(sameSite('https://a.over-blog.com/x', 'https://b.over-blog.com/x')).toBe(false);
    expect(sameSite('https://a.github.io/x', 'https://b.github.io/x')).toBe(false);
    expect(sameSite('https://a.fr/x', 'https://fr/x')).toBe(false);
    expect(sameSite('http://127.0.0.1:8080/x', 'http://127.0.0.1:9000/y')).toBe(true);
    expect(sameSite('http://10.0.0.1/x', 'http://0.1/y')).toBe(false);
    expect(identityUrl({ url: 'https://b.fr/x', canonicalUrl: 'https://a.fr/y' })).toBe('https://b.fr/x');
  });

  it('a page on host B naming a saved article of host A as canonical does not touch it', async () => {
    const victim = await save(art('https://www.ouest-france.fr/victime.html'));
    const before = await getArticle(victim.id, database);
    const r = await save(
      art('https://evil.example/copie.html', {
        canonicalUrl: 'https://www.ouest-france.fr/victime.html',
        title: 'Faux',
      }),
    );
    expect(r.updated).toBe(false);
    expect(await getArticle(victim.id, database)).toEqual(before);
    const copy = (await getArticle(r.id, database))!;
    expect(copy).toMatchObject({ key: 'https://evil.example/copie.html', site: 'evil.example' });
    expect(copy.canonicalUrl).toBe(copy.url);
    // The same site's mobile page still updates its desktop article.
    const again = await save(
      art('https://m.ouest-france.fr/victime.html', {
        canonicalUrl: 'https://www.ouest-france.fr/victime.html',
      }),
    );
    expect(again).toMatchObject({ id: victim.id, updated: true });
  });
});

async function backupWith(records: unknown[], prefs: unknown[] = []): Promise<string> {
  return JSON.stringify({ format: 'lisible-library', version: 1, exportedAt: '', articles: records, prefs });
}
const record = (a: Article, over: Record<string, unknown> = {}) => ({
  ...a,
  ...libraryFields(a.url),
  key: articleKey(a.url),
  site: 'x',
  ...over,
});

describe('imports never take over an article (item 4)', () => {
  it("a record with a victim's key and id, another URL and a far-future date is a new article", async () => {
    const victim = await save(art('https://www.ouest-france.fr/victime.html'));
    const before = await getArticle(victim.id, database);
    const text = await backupWith([
      record(art('https://evil.example/x.html', { title: 'Pris' }), {
        id: victim.id,
        key: before!.key,
        updatedAt: 7_000_000_000_000,
      }),
    ]);
    expect(await importFile(text, { sanitize }, database)).toMatchObject({ added: 1, updated: 0 });
    expect(await getArticle(victim.id, database)).toEqual(before);
  });

  it('property: no import changes the URL, canonical URL, key or site of an existing article', async () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const hosts = [
      'www.ouest-france.fr',
      'm.ouest-france.fr',
      'ouest-france.fr',
      'evil.example',
      'a.over-blog.com',
      'b.over-blog.com',
    ];
    const url = () =>
      `https://${hosts[rand(hosts.length)]}/p${rand(4)}${['', '?utm_source=x', '#top', '/'][rand(4)]}`;
    for (let round = 0; round < 12; round++) {
      const db = new LisibleDB(`prop-${round}-${Math.random()}`);
      try {
        for (let i = 0; i < 5; i++) {
          const u = url();
          await saveArticle(art(u, { canonicalUrl: rand(2) ? u : url() }), db);
        }
        const before = await db.articles.toArray();
        const victims = before.map((r) => r);
        const records = Array.from({ length: 8 }, () => {
          const v = victims[rand(victims.length)]!;
          const u = url();
          return record(art(u, { canonicalUrl: rand(3) ? url() : v.url, title: `T${rand(100)}` }), {
            id: rand(2) ? v.id : undefined,
            key: rand(2) ? v.key : 'https://whatever/',
            site: v.site,
            updatedAt: [1_700_000_000_000, 7_000_000_000_000][rand(2)],
          });
        });
        await importFile(await backupWith(records), { sanitize }, db).catch((e: unknown) => {
          if (!(e instanceof LibraryError)) throw e;
        });
        const after = new Map((await db.articles.toArray()).map((r) => [r.id, r]));
        for (const r of before) {
          const now = after.get(r.id)!;
          expect({ url: now.url, canonicalUrl: now.canonicalUrl, key: now.key, site: now.site }).toEqual({
            url: r.url,
            canonicalUrl: r.canonicalUrl,
            key: r.key,
            site: r.site,
          });
        }
      } finally {
        await db.delete();
      }
    }
  });
});

describe('every imported field is checked (items 5 and 8)', () => {
  it.each([
    ['classifieds preferences that are not an object', [{ key: 'classifieds', value: 'oops' }]],
    ['an unknown category', [{ key: 'classifieds', value: { categories: { casino: 'hide' }, sites: {} } }]],
    [
      'a __proto__ site',
      [{ key: 'classifieds', value: JSON.parse('{"categories":{},"sites":{"__proto__":{}}}') }],
    ],
    ['a constructor site', [{ key: 'classifieds', value: { categories: {}, sites: { constructor: {} } } }]],
    [
      'a negative image cap',
      [{ key: 'library', value: { storeImages: true, maxImageBytes: -1, maxArticleImageBytes: 1e6 } }],
    ],
    [
      'an absurd image cap',
      [{ key: 'library', value: { storeImages: true, maxImageBytes: 1e6, maxArticleImageBytes: 1e15 } }],
    ],
    [
      'a non-boolean switch',
      [{ key: 'library', value: { storeImages: 'yes', maxImageBytes: 1e6, maxArticleImageBytes: 1e7 } }],
    ],
  ])('refuses a backup with %s, and writes nothing', async (_name, prefs) => {
    await save(art('https://www.ouest-france.fr/a.html'));
    const before = await snapshot();
    const text = await backupWith([record(art('https://actu.fr/b.html'))], prefs);
    await expect(importFile(text, { sanitize }, database)).rejects.toThrow(/preferences|settings/i);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['-7', -7],
    ['0', 0],
    ['1.5', 1.5],
    ['"abc"', 'abc'],
    ['{}', {}],
  ])('refuses an article id of %s with a clear message', async (_name, id) => {
    const text = await backupWith([record(art('https://actu.fr/b.html'), { id })]);
    await expect(importFile(text, { sanitize }, database)).rejects.toThrow(
      'Article 1: id must be a positive whole number.',
    );
    expect(await database.articles.count()).toBe(0);
  });

  it.each([
    ['savedAt', { savedAt: -1 }],
    ['progress', { progress: 7 }],
    ['read', { read: 2 }],
    ['tags', { tags: 'a,b' }],
    ['wordCount', { wordCount: 1e300 }],
  ])('refuses an out-of-range %s', async (_name, over) => {
    const text = await backupWith([record(art('https://actu.fr/b.html'), over)]);
    await expect(importFile(text, { sanitize }, database)).rejects.toBeInstanceOf(LibraryError);
  });

  it('valid preferences import; garbage already stored still gives settings the page can render', async () => {
    const prefs = [
      {
        key: 'classifieds',
        value: { categories: { emploi: 'show' }, sites: { 'actu.fr': { showAll: true } } },
      },
      {
        key: 'library',
        value: { storeImages: false, maxImageBytes: 1_000_000, maxArticleImageBytes: 5_000_000 },
      },
    ];
    await importFile(await backupWith([], prefs), { sanitize }, database);
    expect(await getClassifiedsPrefs(database)).toEqual(prefs[0]!.value);
    expect(await getLibraryPrefs(database)).toEqual(prefs[1]!.value);
    // What an older version let through: normalized on read, so the settings tab renders and resets.
    await database.prefs.bulkPut([
      {
        key: 'classifieds',
        value: { categories: { emploi: 'boom' }, sites: { 'a.fr': 'x', constructor: {} } } as never,
      },
      { key: 'library', value: { storeImages: 1, maxImageBytes: -5, maxArticleImageBytes: 'big' } as never },
    ]);
    expect(await getClassifiedsPrefs(database)).toEqual({ categories: {}, sites: {} });
    expect(await getLibraryPrefs(database)).toEqual({
      storeImages: true,
      maxImageBytes: 2 * 1024 * 1024,
      maxArticleImageBytes: 10 * 1024 * 1024,
    });
  });

  it('caps Pocket titles and tags', async () => {
    const long = 'x'.repeat(50_000);
    const csv = `title,url,time_added,tags,status\n${long},https://actu.fr/a.html,1700000000,${'t|'.repeat(500)},unread\n`;
    await importFile(csv, { sanitize }, database);
    const [row] = await database.articles.toArray();
    expect(row!.title.length).toBe(1000);
    expect(row!.tags).toEqual(['t']);
  });
});

describe('large imports (item 8)', () => {
  it('report progress and give the event loop turns while they run', async () => {
    const records = Array.from({ length: 1500 }, (_, i) =>
      record(
        art(`https://actu.fr/a${i}.html`, {
          contentHtml: `<p>${'mot '.repeat(800)}</p>`,
          textContent: 'mot '.repeat(800),
        }),
      ),
    );
    const text = await backupWith(records);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    try {
      const res = await importFile(text, { sanitize, onProgress: (f) => seen.push(f) }, database);
      expect(res.added).toBe(1500);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });
});
