// Saving an article from an extension page (popup, reading mode): sanitize here (the service worker
// has no DOM), let the background write it, then keep copies of its images for offline reading.
import { storeImages } from './images';
import type { Article } from '../extract/types';
import { t } from '../ui/i18n';
import { sendToBackground } from '../messaging/messages';
import { sanitizeArticleHtml } from '../safety/sanitize';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; updated: boolean }
  | { kind: 'failed'; message: string };

// Each database failure gets its own plain message (see utils/db/errors.ts).
const KNOWN = {
  quota: 'saveFailedQuota',
  unavailable: 'errUnavailable',
  blocked: 'errBlocked',
  versionchange: 'errVersionchange',
} as const;

export async function saveFromPage(extracted: Article): Promise<SaveState> {
  try {
    const article = { ...extracted, contentHtml: sanitizeArticleHtml(extracted.contentHtml) };
    const res = await sendToBackground('page→background:saveArticle', { article });
    if (!res.ok) {
      const key = KNOWN[res.error as keyof typeof KNOWN];
      return { kind: 'failed', message: key ? t(key) : t('saveFailed', res.message) };
    }
    // The page's images are in the HTTP cache: copies within the library's size caps. A failure
    // leaves the images remote; the text is saved either way.
    await storeImages(res.id, article.contentHtml).catch(() => 0);
    // With its images now stored, the save may sync (the background ignores this when sync is off).
    void sendToBackground('page→background:syncSoon', {}).catch(() => undefined);
    return { kind: 'saved', updated: res.updated };
  } catch (e) {
    return { kind: 'failed', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
  }
}
