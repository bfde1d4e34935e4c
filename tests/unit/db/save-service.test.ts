// @vitest-environment jsdom
// Issue 13, item 1: one save path. Whatever the caller (popup, reading mode, context menu, shortcut),
// the background's storeArticle validates, writes, keeps the images, and a failure reads the same.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveFailureText } from '../../../utils/db/errors';
import { getImages, setLibraryPrefs } from '../../../utils/db/images';
import { storeArticle } from '../../../utils/db/save-service';
import { LisibleDB } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';
import { makeArticle } from './article';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

let database: LisibleDB;
beforeEach(async () => {
  database = new LisibleDB(`save-${Math.random()}`);
  await setLibraryPrefs(
    { storeImages: true, maxImageBytes: 1000, maxArticleImageBytes: 1_000_000 },
    database,
  );
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.delete();
});

function article(html: string, url = 'https://www.ouest-france.fr/normandie/saint-lo/a.html'): Article {
  return makeArticle({
    url,
    title: 'Le marché de Saint-Lô rouvre',
    contentHtml: html,
    textContent: 'Le marché rouvre samedi.',
  });
}

function network() {
  const calls: string[] = [];
  const fetcher = async (url: string) => {
    calls.push(url);
    return new Response(new Uint8Array(20), { headers: { 'content-type': 'image/jpeg' } });
  };
  return { calls, fetcher };
}

describe('storeArticle, the one save service', () => {
  it('a page save (sanitized) is stored clean, its images fetched once by the service', async () => {
    const html = sanitizeArticleHtml('<p>Le marché rouvre.</p><img src="https://cdn.example/m.jpg">');
    const { calls, fetcher } = network();
    const res = await storeArticle(article(html), { sanitized: true, database, fetcher });
    expect(res).toMatchObject({ ok: true, updated: false });
    if (!res.ok) return;
    expect(calls).toEqual(['https://cdn.example/m.jpg']);
    expect([...(await getImages(res.id, database)).keys()]).toEqual(['https://cdn.example/m.jpg']);
    expect((await database.articles.get(res.id))?.unsanitized).toBeUndefined();
    // The same page saved again is an update of the same row; the stored image is not fetched again.
    const again = await storeArticle(article(html), { sanitized: true, database, fetcher });
    expect(again).toMatchObject({ ok: true, id: res.id, updated: true });
    expect(calls).toHaveLength(1);
  });

  it('a tab save (context menu, shortcut: no DOM in the worker) is marked unsanitized for every render', async () => {
    const { fetcher } = network();
    const res = await storeArticle(article('<p onclick="x()">Texte</p>'), {
      sanitized: false,
      database,
      fetcher,
    });
    if (!res.ok) throw new Error(res.message);
    expect((await database.articles.get(res.id))?.unsanitized).toBe(1);
  });

  it('refuses a malformed article before writing anything, with its reason', async () => {
    const res = await storeArticle({ url: 'javascript:alert(1)', title: 1 }, { sanitized: true, database });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toBe('invalid');
    expect(saveFailureText(res)).toMatch(/^L’enregistrement a échoué\u202f: ./);
    expect(await database.articles.count()).toBe(0);
  });

  it('a full disk: nothing half-written, and the quota advice rather than a raw error', async () => {
    vi.spyOn(database.bodies, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const res = await storeArticle(article('<p>x</p>'), { sanitized: true, database });
    expect(res).toMatchObject({ ok: false, error: 'quota' });
    if (res.ok) return;
    expect(saveFailureText(res)).toMatch(/stockage plein/i);
    expect(await database.articles.count()).toBe(0);
  });

  it('an image that cannot be fetched leaves the text saved', async () => {
    const fetcher = async () => {
      throw new TypeError('Failed to fetch');
    };
    const html = sanitizeArticleHtml('<p>x</p><img src="https://cdn.example/gone.jpg">');
    const res = await storeArticle(article(html), { sanitized: true, database, fetcher });
    expect(res.ok).toBe(true);
    expect(await database.bodies.count()).toBe(1);
  });
});
