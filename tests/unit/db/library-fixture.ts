// What the library tests share: a fresh fake-indexeddb library for each test, and numbered regional
// articles saved into it (tests/unit/db/library*.test.ts).
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach } from 'vitest';
import { saveArticle } from '../../../utils/db/articles';
import { LisibleDB } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';
import { makeArticle } from './article';

// jsdom (needed by DOMPurify) brings a Blob that fake-indexeddb's structured clone cannot copy; browsers
// and Node share one real Blob, so use Node's here.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

let n = 0;
/** A new one-paragraph Ouest-France article, numbered so that each has its own URL. */
export function art(overrides: Partial<Article> = {}): Article {
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

/** Registers the hooks; `lib.database` is the test's own library, `lib.save` saves into it. */
export function useLibrary() {
  const lib = {
    database: null as unknown as LisibleDB,
    async save(a: Article): Promise<number> {
      const r = await saveArticle(a, lib.database);
      if (!r.ok) throw new Error(r.message);
      return r.id;
    },
  };
  beforeEach(() => {
    lib.database = new LisibleDB(`lib-${Math.random()}`);
  });
  afterEach(async () => {
    await lib.database.delete();
  });
  return lib;
}
