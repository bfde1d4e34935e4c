// @vitest-environment jsdom
// Issue 10, item 9: images of saved articles are fetched once, at save, within caps (count and size), only
// those inside the extracted article, only of image types; the library then shows the stored copies and
// fetches an image not stored only when the reader asks.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../../utils/db/articles';
import { getImages, MAX_IMAGES, storeImages, storableImageType } from '../../../utils/db/images';
import { LisibleDB, type LibraryPrefs } from '../../../utils/db/schema';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';
import { makeArticle } from './article';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const prefs: LibraryPrefs = { storeImages: true, maxImageBytes: 1000, maxArticleImageBytes: 1_000_000 };
let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`img-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});

async function saved(html: string): Promise<number> {
  const url = 'https://www.ouest-france.fr/a.html';
  const a = makeArticle({
    url,
    title: 'A',
    siteName: null,
    contentHtml: html,
    textContent: 'A',
    wordCount: 1,
  });
  const r = await saveArticle(a, database);
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

/** A fake network that counts requests per URL. */
function network(body: (url: string) => BodyInit, type = 'image/jpeg', headers: Record<string, string> = {}) {
  const calls: string[] = [];
  const fetcher = async (url: string) => {
    calls.push(url);
    return new Response(body(url), { headers: { 'content-type': type, ...headers } });
  };
  return { calls, fetcher };
}

describe('images at save', () => {
  it('a page with 1,500 images: at most MAX_IMAGES requests, each once, none again on a second save', async () => {
    const html = sanitizeArticleHtml(
      Array.from({ length: 1500 }, (_, i) => `<img src="https://cdn.example/${i}.jpg">`).join(''),
    );
    const id = await saved(html);
    const { calls, fetcher } = network(() => new Uint8Array(10));
    await storeImages(id, html, { prefs, fetcher, database });
    expect(MAX_IMAGES).toBe(60);
    expect(calls).toHaveLength(60);
    expect(new Set(calls).size).toBe(60);
    expect((await getImages(id, database)).size).toBe(60);
    await storeImages(id, html, { prefs, fetcher, database });
    expect(calls).toHaveLength(60);
  });

  it('keeps only image types it knows, with a clean type, and never reads more than the cap', async () => {
    expect(storableImageType('IMAGE/PNG; charset=x')).toBe('image/png');
    expect(storableImageType('image/png"><meta http-equiv="refresh">')).toBeNull();
    expect(storableImageType('text/html')).toBeNull();
    const html = sanitizeArticleHtml('<img src="https://a.fr/1.png"><img src="https://a.fr/2.png">');
    const id = await saved(html);
    const hostile = network(() => new Uint8Array(10), 'image/png"><form action=//evil>');
    await storeImages(id, html, { prefs, fetcher: hostile.fetcher, database });
    expect((await getImages(id, database)).size).toBe(0);
    // No content-length and an endless body: the read stops past the cap.
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(c) {
          pulled += 512;
          c.enqueue(new Uint8Array(512));
        },
      });
    await storeImages(id, html, { prefs, fetcher: network(endless, 'image/png').fetcher, database });
    expect((await getImages(id, database)).size).toBe(0);
    expect(pulled).toBeLessThan(10_000);
  });

  it('fetches what the reader asks for later, once, and keeps it within the caps', async () => {
    const html = sanitizeArticleHtml(
      Array.from({ length: 70 }, (_, i) => `<img src="https://cdn.example/${i}.jpg">`).join(''),
    );
    const id = await saved(html);
    const { calls, fetcher } = network(() => new Uint8Array(10));
    await storeImages(id, html, { prefs, fetcher, database });
    const rest = Array.from({ length: 10 }, (_, i) => `https://cdn.example/${60 + i}.jpg`);
    const got = await storeImages(id, html, { prefs, fetcher, database, only: rest });
    expect([...got.keys()]).toEqual(rest);
    expect(calls).toHaveLength(70);
    expect((await getImages(id, database)).size).toBe(70);
    // Images off: asked-for images are fetched for this view only, never stored.
    const off = await storeImages(id, html, {
      prefs: { ...prefs, storeImages: false },
      fetcher,
      database,
      only: ['https://cdn.example/x.jpg'],
    });
    expect(off.size).toBe(1);
    expect((await getImages(id, database)).has('https://cdn.example/x.jpg')).toBe(false);
  });
});
