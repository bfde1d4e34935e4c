import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleKey, deleteArticle, getArticle, listArticles, saveArticle } from '../../../utils/db/articles';
import { LisibleDB } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';

function sample(overrides: Partial<Article> = {}): Article {
  return {
    url: 'https://www.tendanceouest.com/actualite-1.html?utm_source=fb#top',
    canonicalUrl: 'https://www.tendanceouest.com/actualite-1.html',
    title: 'Des data centers en Normandie',
    excerpt: 'La Région veut accueillir des data centers.',
    byline: 'Rédaction',
    siteName: 'Tendance Ouest',
    publishedTime: '2025-01-08T05:30:00.000Z',
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: '<p>La Normandie veut surfer sur la vague.</p>',
    textContent: 'La Normandie veut surfer sur la vague.',
    wordCount: 7,
    readingTimeMinutes: 1,
    teaser: false,
    commune: { name: 'Caen', postcode: '14000' },
    ...overrides,
  };
}

let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`test-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('articleKey', () => {
  it('drops tracking parameters, fragments, www and trailing slashes', () => {
    expect(articleKey('https://www.ouest-france.fr/a/b/?utm_source=x&xtor=RSS-1&id=3#c')).toBe(
      'https://ouest-france.fr/a/b?id=3',
    );
    expect(articleKey('https://actu.fr/x.html?fbclid=1')).toBe('https://actu.fr/x.html');
  });
  it('keeps parameters that identify content, in a stable order', () => {
    expect(articleKey('https://a.fr/p?b=2&a=1')).toBe(articleKey('https://a.fr/p?a=1&b=2'));
    expect(articleKey('https://a.fr/p?id=1')).not.toBe(articleKey('https://a.fr/p?id=2'));
  });
  it('returns garbage input unchanged instead of throwing', () => {
    expect(articleKey('not a url')).toBe('not a url');
  });
});

describe('library round trip (fake-indexeddb)', () => {
  it('saves, lists, reads back every field, and deletes', async () => {
    const res = await saveArticle(sample(), database);
    expect(res).toMatchObject({ ok: true, updated: false });
    if (!res.ok) throw new Error('unreachable');
    const list = await listArticles(10, database);
    expect(list).toHaveLength(1);
    const row = await getArticle(res.id, database);
    expect(row).toMatchObject({
      ...sample(),
      key: 'https://tendanceouest.com/actualite-1.html',
      site: 'tendanceouest.com',
      read: 0,
    });
    await deleteArticle(res.id, database);
    expect(await listArticles(10, database)).toHaveLength(0);
  });

  it('saving the same article again (other tracking params) updates instead of duplicating', async () => {
    const first = await saveArticle(sample(), database);
    const second = await saveArticle(
      sample({ url: 'https://tendanceouest.com/actualite-1.html?xtor=RSS', title: 'Titre mis à jour' }),
      database,
    );
    expect(second).toMatchObject({ ok: true, updated: true });
    expect(first.ok && second.ok && first.id === second.id).toBe(true);
    const list = await listArticles(10, database);
    expect(list.map((a) => a.title)).toEqual(['Titre mis à jour']);
  });

  it('two saves of the same URL at once end with one row', async () => {
    const results = await Promise.all([saveArticle(sample(), database), saveArticle(sample(), database)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await database.articles.count()).toBe(1);
  });

  it('lists newest first', async () => {
    await saveArticle(sample(), database);
    await new Promise((r) => setTimeout(r, 5));
    await saveArticle(
      sample({ url: 'https://a.fr/2', canonicalUrl: 'https://a.fr/2', title: 'Deux' }),
      database,
    );
    expect((await listArticles(10, database)).map((a) => a.title)).toEqual([
      'Deux',
      'Des data centers en Normandie',
    ]);
  });
});
