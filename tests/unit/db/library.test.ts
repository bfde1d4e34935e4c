// @vitest-environment jsdom
// The library's data layer on fake-indexeddb: commune fallback, search, filters, pagination, flags,
// delete/undo and images (export and import: library-export.test.ts).
import { describe, expect, it } from 'vitest';
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
import { getImages, imageSources, storeImages } from '../../../utils/db/images';
import { withFacets } from '../../../utils/db/facets';
import { addTag } from '../../../utils/db/tags';
import { queryLibrary } from '../../../utils/db/search';
import { fold } from '../../../utils/core/text';
import { communeFallback, queryTerms } from '../../../utils/db/text';
import type { Article } from '../../../utils/extract/types';
import { art, useLibrary } from './library-fixture';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';

const lib = useLibrary();
const save = lib.save;

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
    expect((await getArticle(id, lib.database))?.commune).toEqual({
      name: 'Saint-Lô',
      postcode: '50000',
      inseeCode: '50502',
    });
    const id2 = await save(art({ commune: { name: 'Caen', postcode: '14000' } }));
    expect((await getArticle(id2, lib.database))?.communeInsee).toBe('14118');
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
      (await queryLibrary({ text }, {}, lib.database)).items.map((a) => a.title).sort();
    expect(await titles('ecole')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('ÉCOLE')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('eco')).toEqual(["L'École Jules-Ferry rouvre", 'Marché de Noël']);
    expect(await titles('eleves caen')).toEqual(["L'École Jules-Ferry rouvre"]);
    expect(await titles('eglise caen')).toEqual([]);
    expect(await titles('noel')).toEqual(['Marché de Noël']);
  });
  it('walks newest first when a word is in more articles than the candidate cap', async () => {
    for (let i = 0; i < 250; i++)
      await lib.database.articles.add(
        withFacets({ ...(await rowFor(art({ title: `Conseil municipal ${i}` }))), savedAt: i }),
      );
    const page1 = await queryLibrary({ text: 'conseil' }, { limit: 20 }, lib.database);
    expect(page1.items.map((r) => r.savedAt)).toEqual([...Array(20).keys()].map((i) => 249 - i));
    const page2 = await queryLibrary({ text: 'conseil' }, { limit: 20, after: page1.next! }, lib.database);
    expect(page2.items[0]!.savedAt).toBe(229);
    // With a site filter the walk uses that site's facets range: same order, same pages.
    const bySite = await queryLibrary(
      { text: 'conseil', site: 'ouest-france.fr' },
      { limit: 20, after: page1.next! },
      lib.database,
    );
    expect(bySite.items.map((r) => r.savedAt)).toEqual(page2.items.map((r) => r.savedAt));
    expect(
      (await queryLibrary({ site: 'ouest-france.fr', from: 100, to: 109 }, { limit: 50 }, lib.database))
        .items,
    ).toHaveLength(10);
  });
});

async function rowFor(a: Article) {
  const id = await save(a);
  const row = (await lib.database.articles.get(id))!;
  await lib.database.articles.delete(id);
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
    await setFlags([ids[0]!, ids[1]!], { read: 1 }, lib.database);
    await setFlags([ids[2]!], { favourite: 1 }, lib.database);
    await setFlags([ids[3]!], { archived: 1 }, lib.database);
    await addTag([ids[4]!, ids[5]!], '  Mairie ', lib.database);
    const count = async (q: Parameters<typeof queryLibrary>[0]) =>
      (await queryLibrary(q, { limit: 100 }, lib.database)).items.length;
    expect(await count({})).toBe(7); // the archived one is hidden
    expect(await count({ archived: true })).toBe(1);
    expect(await count({ site: 'actu.fr' })).toBe(1);
    expect(await count({ communes: ['14118'] })).toBe(2); // 1, 5 (3 archived)
    expect(await count({ tag: 'mairie' })).toBe(2);
    expect(await count({ read: 1 })).toBe(2);
    expect(await count({ read: 0 })).toBe(5);
    expect(await count({ favourite: true })).toBe(1);
    const row6 = (await lib.database.articles.get(ids[6]!))!;
    expect(await count({ from: row6.savedAt })).toBe(2);
    const seen: number[] = [];
    let page = await queryLibrary({}, { limit: 3 }, lib.database);
    for (;;) {
      seen.push(...page.items.map((r) => r.id!));
      if (!page.next) break;
      page = await queryLibrary({}, { limit: 3, after: page.next }, lib.database);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(await facets(lib.database)).toEqual({
      sites: ['actu.fr', 'ouest-france.fr'],
      communes: [{ code: '14118', name: 'Caen', dept: '14' }],
      tags: ['mairie'],
    });
  });
  it('a new save of the same URL keeps tags, flags and progress', async () => {
    const a = art();
    const id = await save(a);
    await addTag([id], 'x', lib.database);
    await setFlags([id], { favourite: 1 }, lib.database);
    await setProgress(id, 0.4, lib.database);
    await save({ ...a, url: a.url + '?utm_source=x#top', title: 'Nouveau titre' });
    expect(await getArticle(id, lib.database)).toMatchObject({
      title: 'Nouveau titre',
      tags: ['x'],
      favourite: 1,
      progress: 0.4,
    });
    await setProgress(id, 1, lib.database);
    expect((await getArticle(id, lib.database))?.read).toBe(1);
  });
});

describe('saves from the background (context menu, shortcut)', () => {
  it('are marked unsanitized, then cleaned in place by the library page', async () => {
    const r = await saveArticle(
      art({ contentHtml: '<p onclick="x()">Bonjour</p><script>alert(1)</script>' }),
      lib.database,
      { unsanitized: true },
    );
    if (!r.ok) throw new Error(r.message);
    expect((await lib.database.articles.get(r.id))?.unsanitized).toBe(1);
    expect(await cleanUnsanitized((h) => sanitizeArticleHtml(h), lib.database)).toBe(1);
    const a = (await getArticle(r.id, lib.database))!;
    expect(a.contentHtml).toBe('<p>Bonjour</p>');
    expect(a).not.toHaveProperty('unsanitized');
    expect(await cleanUnsanitized((h) => sanitizeArticleHtml(h), lib.database)).toBe(0);
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
      database: lib.database,
    });
    expect((await lib.database.articles.get(id))?.imageBytes).toBe(10);
    expect([...(await getImages(id, lib.database)).keys()]).toEqual(['https://img.fr/a.jpg?w=1&h=2']);
    const before = await getArticle(id, lib.database);
    const trash = await deleteArticles([id], lib.database);
    expect(await getArticle(id, lib.database)).toBeUndefined();
    expect((await getImages(id, lib.database)).size).toBe(0);
    await restoreArticles(trash, lib.database);
    expect(await getArticle(id, lib.database)).toEqual(before);
    expect((await getImages(id, lib.database)).size).toBe(1);
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
