// Saving from an extension page (popup, reading mode): sanitize here, then ask the background's save
// service (utils/db/save-service.ts), which writes the library and keeps the images.
import { saveFailureText } from './errors';
import type { Article } from '../extract/types';
import { t } from '../ui/i18n';
import { sendToBackground } from '../messaging/messages';
import { sanitizeArticleHtml } from '../safety/sanitize';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; updated: boolean }
  | { kind: 'failed'; message: string };

export async function saveFromPage(extracted: Article): Promise<SaveState> {
  try {
    const article = { ...extracted, contentHtml: sanitizeArticleHtml(extracted.contentHtml) };
    const res = await sendToBackground('page→background:saveArticle', { article });
    return res.ok
      ? { kind: 'saved', updated: res.updated }
      : { kind: 'failed', message: saveFailureText(res) };
  } catch (e) {
    // The background could not be reached (extension reloading): nothing was written.
    return { kind: 'failed', message: t('saveFailed', e instanceof Error ? e.message : String(e)) };
  }
}
