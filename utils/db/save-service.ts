// The one save path. Popup, reading mode, context menu and keyboard shortcut all end here, in the
// background: validate, write text and metadata in one transaction, then keep copies of the images.
// Extension pages sanitize before sending (the service worker has no DOM for DOMPurify); what comes
// from a content script is stored marked unsanitized and sanitized at every render and when the
// library opens. Images are fetched here only: the popup may close the moment it has its answer.
import { saveArticle, type SaveResult } from './articles';
import { storeImages, type Fetcher } from './images';
import { db, type LisibleDB } from './schema';
import type { Article } from '../extract/types';
import { articleProblem } from '../safety/validate';

export interface StoreOptions {
  /** Passed through the sanitizer by an extension page before it was sent. */
  sanitized: boolean;
  database?: LisibleDB;
  fetcher?: Fetcher;
}

export async function storeArticle(article: unknown, opts: StoreOptions): Promise<SaveResult> {
  // Whatever a sender claims, the shape is checked before anything is written.
  const problem = articleProblem(article);
  if (problem) return { ok: false, error: 'invalid', message: problem };
  const database = opts.database ?? db();
  const a = article as Article;
  const saved = await saveArticle(a, database, { unsanitized: !opts.sanitized });
  if (!saved.ok) return saved;
  // The page's images are in the HTTP cache: copies within the library's size caps. A failure leaves
  // the images remote (shown on request); the text is saved either way.
  await storeImages(saved.id, a.contentHtml, { database, fetcher: opts.fetcher }).catch(() => 0);
  return saved;
}
