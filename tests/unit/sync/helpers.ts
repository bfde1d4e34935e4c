// Shared by the sync tests: devices (a LisibleDB each, as two browser profiles would have), articles,
// and a comparable snapshot of a library.
import { createHash } from 'node:crypto';
import { saveArticle } from '../../../utils/db/articles';
import { LisibleDB } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';
import { connect, syncNow, type SyncHooks } from '../../../utils/sync/engine';

export const PASSPHRASE = 'correct horse battery staple';
/** The minimum the header accepts: keeps tests fast; the product uses 600 000. */
export const TEST_ITERATIONS = 100_000;

export function article(n: number | string, extra: Partial<Article> = {}): Article {
  const url = `https://www.ouest-france.fr/normandie/caen-14000/article-${n}`;
  return {
    url,
    canonicalUrl: url,
    title: `Le conseil municipal de Caen vote le budget ${n}`,
    excerpt: `Chapô ${n}`,
    byline: 'Rédaction',
    siteName: 'Ouest-France',
    publishedTime: '2026-11-20T08:00:00Z',
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: `<p>Les élus ont adopté la délibération numéro ${n} après un long débat sur la voirie.</p><img src="https://img.example/${n}.png">`,
    textContent: `Les élus ont adopté la délibération numéro ${n} après un long débat sur la voirie.`,
    wordCount: 14,
    readingTimeMinutes: 1,
    teaser: false,
    commune: null,
    ...extra,
  };
}

export interface Device {
  db: LisibleDB;
  sync: (hooks?: SyncHooks) => ReturnType<typeof syncNow>;
  save: (a: Article) => Promise<number>;
}

export function device(
  name: string,
  url: () => string,
  auth: { user: string; pass: string },
): Device & {
  connect: (passphrase?: string, options?: Parameters<typeof connect>[3]) => ReturnType<typeof connect>;
} {
  const db = new LisibleDB(`${name}-${Math.random()}`);
  return {
    db,
    sync: (hooks = {}) => syncNow(db, { timeoutMs: 5000, ...hooks }),
    connect: (passphrase = PASSPHRASE, options = {}) =>
      connect(db, { url: url(), user: auth.user, password: auth.pass }, passphrase, {
        iterations: TEST_ITERATIONS,
        timeoutMs: 5000,
        settleMs: 300,
        ...options,
      }),
    async save(a) {
      const res = await saveArticle(a, db);
      if (!res.ok) throw new Error(res.message);
      return res.id;
    },
  };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);

/** The library as a reader sees it, without local ids: comparable between two devices. */
export async function snapshot(db: LisibleDB): Promise<unknown[]> {
  const rows = await db.articles.toArray();
  const out = [];
  for (const r of rows.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const body = await db.bodies.get(r.id!);
    const images = await db.images.where('articleId').equals(r.id!).toArray();
    out.push({
      key: r.key,
      title: r.title,
      tags: [...r.tags].sort(),
      read: r.read,
      favourite: r.favourite,
      archived: r.archived,
      progress: r.progress,
      savedAt: r.savedAt,
      updatedAt: r.updatedAt,
      html: body?.contentHtml,
      images: await Promise.all(
        images
          .sort((a, b) => (a.url < b.url ? -1 : 1))
          .map(async (i) => `${i.url} ${i.blob.type} ${sha(new Uint8Array(await i.blob.arrayBuffer()))}`),
      ),
    });
  }
  const prefs = (await db.prefs.toArray()).sort((a, b) => (a.key < b.key ? -1 : 1));
  return [...out, ...prefs];
}

/** A small PNG-like blob (bytes only matter: the library stores what the server gave). */
export function imageBlob(seed: number): Blob {
  const bytes = new Uint8Array(600);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return new Blob([bytes], { type: 'image/png' });
}
