// @vitest-environment jsdom
// The library's data layer on fake-indexeddb: commune fallback, search, filters, pagination, flags,
// delete/undo, images, export → import round trip, and imports of other tools' files.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cleanUnsanitized,
  deleteArticles,
  facets,
  getArticle,
  restoreArticles,
  saveArticle,
  setFlags,
  setProgress,
} from '../../../utils/db/articles';
import { exportBackup, exportBackupJson } from '../../../utils/db/backup/format';
import { toStandaloneHtml } from '../../../utils/db/backup/html';
import { importFile } from '../../../utils/db/backup/import';
import { toMarkdown } from '../../../utils/db/backup/markdown';
import { LibraryError } from '../../../utils/db/errors';
import { getImages, imageSources, storeImages } from '../../../utils/db/images';
import { withFacets } from '../../../utils/db/facets';
import { LisibleDB } from '../../../utils/db/schema';
import { addTag } from '../../../utils/db/tags';
import { queryLibrary } from '../../../utils/db/search';
import { fold } from '../../../utils/core/text';
import { communeFallback, queryTerms } from '../../../utils/db/text';
import type { Article } from '../../../utils/extract/types';
import { makeArticle } from './article';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';

// jsdom (needed by DOMPurify) brings a Blob that fake-indexeddb's structured clone cannot copy; browsers
// and Node share one real Blob, so use Node's here.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

let n = 0;
function art(overrides: Partial<Article> = {}): Article {
  n++;
  const url = `https://www.ouest-france.fr/normandie/article-${n}.html`;
  return makeArticle({
    url,
    title: `Article ${n}`,
    contentHtml: '<p>Texte.</p>',
    textContent: 'Texte.',
    wordCount: 1,
    ...overrides,
  });
}

async function save(a: Article): Promise<number> {
  const r = await saveArticle(a, database);
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`lib-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('commune fallback', () => {
  it('reads actu.fr INSEE codes, postcodes in paths and datelines', () => {
    expect(
      communeFallback(['https://actu.fr/normandie/cherbourg-en-cotentin_50129/un-article_123.html']),
    ).toEqual({
      name: 'Cherbourg-en-Cotentin',
      postcode: null,
      inseeCode: '50129',
    });
    expect(
      communeFallback(['https://www.ouest-france.fr/pays-de-la-loire/la-baule-44500/article.html']),
    ).toEqual({
      name: 'La Baule',
      postcode: '44500',
    });
    expect(communeFallback([null], 'Saint-Lô (50000) – La mairie a voté.')).toEqual({
      name: 'Saint-Lô',
      postcode: '50000',
    });
    expect(communeFallback(['https://a.fr/sport/article-12345.html'], 'Rien ici.')).toBeNull();
    expect(communeFallback(['https://a.fr/x/paris-99999/']), 'not a postcode').toBeNull();
  });
  it('is filled at save when the extraction found none, and kept when it found one', async () => {
    const id = await save(
      art({
        url: 'https://actu.fr/normandie/saint-lo_50502/x.html',
        canonicalUrl: 'https://actu.fr/normandie/saint-lo_50502/x.html',
      }),
    );
    // The official name, with its accent (the URL has none).
    expect((await getArticle(id, database))?.commune).toEqual({
      name: 'Saint-Lô',
      postcode: '50000',
      inseeCode: '50502',
    });
    const id2 = await save(art({ commune: { name: 'Caen', postcode: '14000' } }));
    expect((await getArticle(id2, database))?.communeInsee).toBe('14118');
  });
});

describe('search', () => {
  it('folds accents and case', () => {
    expect(fold('École ÉLÉMENTAIRE Œuvre')).toBe('ecole elementaire oeuvre');
    expect(queryTerms("l'École de la mer")).toEqual(['ecole', 'mer']);
  });
  it('finds "ecole" in "École", prefixes as you type, intersects terms', async () => {
    await save(art({ title: "L'École Jules-Ferry rouvre", textContent: 'Les élèves reviennent à Caen.' }));
    await save(art({ title: 'Marché de Noël', textContent: "Les écoliers chantent devant l'église." }));
    await save(art({ title: 'Football', textContent: 'Le stade Michel-dOrnano.' }));
    const titles = async (text: string) =>
      (await queryLibrary({ text }, {}, database)).items.map((a) => a.title).sort();
    expect(await titles('ecole')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('ÉCOLE')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('eco')).toEqual(["L'École Jules-Ferry rouvre", 'Marché de Noël']);
    expect(await titles('eleves caen')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('eglise caen')).toEqual([]);
    expect(await titles('noel')).toEqual(['Marché de Noël']);
  });
  it('walks newest first when a word is in more articles than the candidate cap', async () => {
    for (let i = 0; i < 250; i++)
      await database.articles.add(
        withFacets({ ...(await rowFor(art({ title: `Conseil municipal ${i}` }))), savedAt: i }),
      );
    const page1 = await queryLibrary({ text: 'conseil' }, { limit: 20 }, database);
    expect(page1.items.map((r) => r.savedAt)).toEqual([...Array(20).keys()].map((i) => 249 - i));
    const page2 = await queryLibrary({ text: 'conseil' }, { limit: 20, after: page1.next! }, database);
    expect(page2.items[0]!.savedAt).toBe(229);
    // With a site filter the walk uses that site's facets range: same order, same pages.
    const bySite = await queryLibrary(
      { text: 'conseil', site: 'ouest-france.fr' },
      { limit: 20, after: page1.next! },
      database,
    );
    expect(bySite.items.map((r) => r.savedAt)).toEqual(page2.items.map((r) => r.savedAt));
    expect(
      (await queryLibrary({ site: 'ouest-france.fr', from: 100, to: 109 }, { limit: 50 }, database)).items,
    ).toHaveLength(10);
  });
});

async function rowFor(a: Article) {
  const id = await save(a);
  const row = (await database.articles.get(id))!;
  await database.articles.delete(id);
  const { id: _id, ...rest } = row;
  return rest;
}

describe('filters and pagination', () => {
  it('filters by site, commune, tag, read, favourites, archived and date; pages by keyset', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await save(art({ commune: i % 2 ? { name: 'Caen', postcode: '14000' } : null })));
      await new Promise((r) => setTimeout(r, 2));
    }
    await save(art({ url: 'https://actu.fr/x/y.html', canonicalUrl: 'https://actu.fr/x/y.html' }));
    await setFlags([ids[0]!, ids[1]!], { read: 1 }, database);
    await setFlags([ids[2]!], { favourite: 1 }, database);
    await setFlags([ids[3]!], { archived: 1 }, database);
    await addTag([ids[4]!, ids[5]!], '  Mairie ', database);
    const count = async (q: Parameters<typeof queryLibrary>[0]) =>
      (await queryLibrary(q, { limit: 100 }, database)).items.length;
    expect(await count({})).toBe(7); // the archived one is hidden
    expect(await count({ archived: true })).toBe(1);
    expect(await count({ site: 'actu.fr' })).toBe(1);
    expect(await count({ communes: ['14118'] })).toBe(2); // 1, 5 (3 archived)
    expect(await count({ tag: 'mairie' })).toBe(2);
    expect(await count({ read: 1 })).toBe(2);
    expect(await count({ read: 0 })).toBe(5);
    expect(await count({ favourite: true })).toBe(1);
    const row6 = (await database.articles.get(ids[6]!))!;
    expect(await count({ from: row6.savedAt })).toBe(2);
    const seen: number[] = [];
    let page = await queryLibrary({}, { limit: 3 }, database);
    for (;;) {
      seen.push(...page.items.map((r) => r.id!));
      if (!page.next) break;
      page = await queryLibrary({}, { limit: 3, after: page.next }, database);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(await facets(database)).toEqual({
      sites: ['actu.fr', 'ouest-france.fr'],
      communes: [{ code: '14118', name: 'Caen', dept: '14' }],
      tags: ['mairie'],
    });
  });
  it('a new save of the same URL keeps tags, flags and progress', async () => {
    const a = art();
    const id = await save(a);
    await addTag([id], 'x', database);
    await setFlags([id], { favourite: 1 }, database);
    await setProgress(id, 0.4, database);
    await save({ ...a, url: a.url + '?utm_source=x#top', title: 'Nouveau titre' });
    expect(await getArticle(id, database)).toMatchObject({
      title: 'Nouveau titre',
      tags: ['x'],
      favourite: 1,
      progress: 0.4,
    });
    await setProgress(id, 1, database);
    expect((await getArticle(id, database))?.read).toBe(1);
  });
});

describe('saves from the background (context menu, shortcut)', () => {
  it('are marked unsanitized, then cleaned in place by the library page', async () => {
    const r = await saveArticle(
      art({ contentHtml: '<p onclick="x()">Bonjour</p><script>alert(1)</script>' }),
      database,
      { unsanitized: true },
    );
    if (!r.ok) throw new Error(r.message);
    expect((await database.articles.get(r.id))?.unsanitized).toBe(1);
    expect(await cleanUnsanitized((h) => sanitizeArticleHtml(h), database)).toBe(1);
    const a = (await getArticle(r.id, database))!;
    expect(a.contentHtml).toBe('<p>Bonjour</p>');
    expect(a).not.toHaveProperty('unsanitized');
    expect(await cleanUnsanitized((h) => sanitizeArticleHtml(h), database)).toBe(0);
  });
});

describe('delete and undo, images', () => {
  it('restores exactly what was deleted, images included', async () => {
    const html = sanitizeArticleHtml(
      '<p>x</p><img src="https://img.fr/a.jpg?w=1&amp;h=2"><img src="https://img.fr/big.jpg">',
    );
    const id = await save(art({ contentHtml: html }));
    expect(imageSources(html)).toEqual(['https://img.fr/a.jpg?w=1&h=2', 'https://img.fr/big.jpg']);
    const fetcher = async (url: string) =>
      new Response(url.includes('big') ? new Uint8Array(3000) : new Uint8Array(10), {
        headers: { 'content-type': 'image/jpeg' },
      });
    await storeImages(id, html, {
      prefs: { storeImages: true, maxImageBytes: 1000, maxArticleImageBytes: 5000 },
      fetcher,
      database,
    });
    expect((await database.articles.get(id))?.imageBytes).toBe(10);
    expect([...(await getImages(id, database)).keys()]).toEqual(['https://img.fr/a.jpg?w=1&h=2']);
    const before = await getArticle(id, database);
    const trash = await deleteArticles([id], database);
    expect(await getArticle(id, database)).toBeUndefined();
    expect((await getImages(id, database)).size).toBe(0);
    await restoreArticles(trash, database);
    expect(await getArticle(id, database)).toEqual(before);
    expect((await getImages(id, database)).size).toBe(1);
  });
  it('the reading view swaps stored images in, and only those', () => {
    const html = sanitizeArticleHtml('<img src="https://img.fr/a.jpg"><img src="https://img.fr/b.jpg">');
    const out = sanitizeArticleHtml(
      html,
      undefined,
      new Map([['https://img.fr/a.jpg', 'blob:chrome-extension://x/1']]),
    );
    expect(out).toContain('src="blob:chrome-extension://x/1"');
    expect(out).toContain('src="https://img.fr/b.jpg"');
    expect(sanitizeArticleHtml('<img src="blob:https://evil/1">')).not.toContain('blob:');
  });
});

describe('export and import', () => {
  async function fill() {
    const html = sanitizeArticleHtml(
      '<h2>Titre</h2><p>Un <strong>texte</strong> <a href="https://x.fr">lien</a>.</p><img src="https://img.fr/a.jpg" alt="Photo">',
    );
    const id = await save(
      art({
        title: 'Fête à Caen & "ailleurs"',
        contentHtml: html,
        textContent: 'Titre Un texte lien.',
        commune: { name: 'Caen', postcode: '14000', inseeCode: '14118' },
        siteRule: 'ouest-france',
      }),
    );
    await storeImages(id, html, {
      prefs: { storeImages: true, maxImageBytes: 1e6, maxArticleImageBytes: 1e6 },
      fetcher: async () =>
        new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } }),
      database,
    });
    await addTag([id], 'fête', database);
    await setProgress(id, 0.3, database);
    await save(art({ title: 'Deux' }));
    return id;
  }
  it('round trip: export → import into an empty library → identical library', async () => {
    await fill();
    const json = await exportBackupJson({}, database);
    const fresh = new LisibleDB(`fresh-${Math.random()}`);
    try {
      const res = await importFile(json, { sanitize: (h) => sanitizeArticleHtml(h) }, fresh);
      expect(res).toEqual({ format: 'lisible', added: 2, updated: 0, unchanged: 0 });
      const a = await exportBackup({}, database);
      const b = await exportBackup({}, fresh);
      expect({ ...b, exportedAt: '' }).toEqual({ ...a, exportedAt: '' });
      expect(await fresh.articles.toArray()).toEqual(await database.articles.toArray());
      // Importing again merges: nothing added, nothing duplicated.
      expect(await importFile(json, { sanitize: (h) => h }, fresh)).toMatchObject({ added: 0, unchanged: 2 });
      expect(await fresh.articles.count()).toBe(2);
    } finally {
      await fresh.delete();
    }
  });
  it('Markdown and standalone HTML escape metadata and keep the body', async () => {
    const id = await fill();
    const a = (await getArticle(id, database))!;
    const md = toMarkdown(a);
    expect(md).toMatch(/^# Fête à Caen & "ailleurs"/);
    expect(md).toContain('## Titre');
    expect(md).toContain('**texte**');
    expect(md).toContain('[lien](https://x.fr/)');
    expect(md).toContain('![Photo](https://img.fr/a.jpg)');
    const backup = await exportBackup({ ids: [id] }, database);
    const html = await toStandaloneHtml([a], {
      images: new Map([[id, backup.articles[0]!.images!]]),
      sanitize: (h, local) => sanitizeArticleHtml(h, undefined, { local, remote: 0 }),
    });
    expect(html).toContain('<title>Fête à Caen &amp; &quot;ailleurs&quot;</title>');
    expect(html).toContain('src="data:image/png;base64,AQID"');
    expect(html).toContain('<strong>texte</strong>');
  });
  it('imports a Pocket CSV, a Pocket HTML and a wallabag JSON export', async () => {
    const csv =
      'title,url,time_added,cursor,tags,status\n"Le port, de nuit",https://www.ouest-france.fr/a.html,1700000000,,voile|mer,archive\nSans titre,https://actu.fr/b.html,1700000100,,,unread\n';
    expect(await importFile(csv, { sanitize: (h) => h }, database)).toMatchObject({
      format: 'pocket-csv',
      added: 2,
    });
    const port = (await queryLibrary({ text: 'port', archived: true }, {}, database)).items[0];
    expect(port).toMatchObject({
      title: 'Le port, de nuit',
      tags: ['voile', 'mer'],
      read: 1,
      savedAt: 1700000000000,
    });
    const html = `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>
<li><a href="https://www.letelegramme.fr/x.html" time_added="1700000200" tags="bretagne">Brest &amp; la mer</a></li></ul>
<h1>Read Archive</h1><ul><li><a href="https://actu.fr/b.html?utm_source=pocket" time_added="1700000100" tags="">Sans titre</a></li></ul></body></html>`;
    expect(await importFile(html, { sanitize: (h) => h }, database)).toMatchObject({
      format: 'pocket-html',
      added: 1,
      updated: 1,
    });
    expect((await queryLibrary({ text: 'brest' }, {}, database)).items[0]).toMatchObject({
      title: 'Brest & la mer',
      tags: ['bretagne'],
    });
    const wallabag = JSON.stringify([
      {
        id: 1,
        title: 'Écluses de Saint-Malo',
        url: 'https://www.ouest-france.fr/saint-malo-35400/ecluses.html',
        content: '<p>Les écluses <script>alert(1)</script>ferment.</p>',
        is_archived: 0,
        is_starred: 1,
        tags: [{ label: 'Port' }],
        created_at: '2024-05-01T10:00:00+02:00',
        reading_time: 2,
        domain_name: 'www.ouest-france.fr',
        published_by: ['Jean'],
      },
    ]);
    expect(await importFile(wallabag, { sanitize: (h) => sanitizeArticleHtml(h) }, database)).toMatchObject({
      format: 'wallabag',
      added: 1,
    });
    const w = (await queryLibrary({ text: 'ecluses' }, {}, database)).items[0]!;
    expect(w).toMatchObject({ favourite: 1, tags: ['port'], communeInsee: '35288', byline: 'Jean' });
    const full = (await getArticle(w.id!, database))!;
    expect(full.contentHtml).not.toContain('script');
    expect(full.textContent).toBe('Les écluses ferment.');
  });
  it('a malformed or foreign file gets a clear error and writes nothing', async () => {
    await save(art());
    const before = await exportBackup({}, database);
    const bad = [
      '{"format":"lisible-library","version":1,"articles":[{"url":"javascript:alert(1)"}]}',
      '{"format":"lisible-library","version":99,"articles":[]}',
      '{"hello":"world"}',
      '{ not json',
      'just some text',
      JSON.stringify({
        ...before,
        articles: [
          ...before.articles.map((a) => ({
            ...a,
            id: 99,
            key: 'https://other.fr/x',
            url: 'https://other.fr/x',
            canonicalUrl: 'https://other.fr/x',
          })),
          { ...before.articles[0], title: '' },
        ],
      }),
    ];
    for (const text of bad) {
      await expect(importFile(text, { sanitize: (h) => h }, database)).rejects.toBeInstanceOf(LibraryError);
    }
    expect({ ...(await exportBackup({}, database)), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });
});
