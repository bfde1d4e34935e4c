// Exports of the library page: Markdown, standalone HTML, EPUB (each library loads only when used) and
// the JSON backup. Exports are untrusted output for other viewers: see README "Export".
import { download, slug, stamp } from './download';
import { exportBackup, exportBackupJson, type BackupImage } from '../../utils/db/backup/format';
import { listHighlights } from '../../utils/db/highlights';
import type { SavedArticle } from '../../utils/db/schema';
import { t, uiLang } from '../../utils/ui/i18n';
import { sanitizeArticleHtml, sanitizeToFragment } from '../../utils/safety/sanitize';

const fileName = (list: SavedArticle[], ext: string) =>
  list.length === 1 ? `${slug(list[0]!.title)}.${ext}` : `lisible-${stamp()}.${ext}`;

/** Stored images of the articles, as the backup carries them. */
async function storedImages(list: SavedArticle[]): Promise<Map<number, BackupImage[]>> {
  const backup = await exportBackup({ ids: list.map((a) => a.id!) });
  return new Map(backup.articles.map((a) => [a.id!, a.images ?? []]));
}

export async function exportMarkdown(list: SavedArticle[]): Promise<void> {
  // turndown is loaded only when someone exports (it would weigh on every opening of the library).
  const { toMarkdown } = await import('../../utils/db/backup/markdown');
  // The highlights' heading in the reader's language, like the rest of what they see.
  const heading = t('highlightsTitle');
  const parts = await Promise.all(list.map(async (a) => toMarkdown(a, await listHighlights(a.id!), heading)));
  download(fileName(list, 'md'), parts.join('\n\n---\n\n'), 'text/markdown');
}

export async function exportHtml(list: SavedArticle[]): Promise<void> {
  const images = await storedImages(list);
  const { toStandaloneHtml } = await import('../../utils/db/backup/html');
  const html = await toStandaloneHtml(list, {
    images,
    // Inlined images swapped in, every other image held: the file loads nothing.
    sanitize: (h, local) => sanitizeArticleHtml(h, undefined, { local, remote: 0 }),
    lang: uiLang().slice(0, 2),
  });
  download(fileName(list, 'html'), html, 'text/html');
}

export async function exportEpub(list: SavedArticle[]): Promise<void> {
  const images = await storedImages(list);
  const { toEpub } = await import('../../utils/db/backup/epub');
  const bytes = toEpub(list, {
    images,
    // Stored images become files of the book; no other image is kept (an EPUB loads nothing remote).
    sanitize: (h, local) => sanitizeToFragment(h, window, { local, remote: 0 }),
    doc: document,
    lang: uiLang().slice(0, 2),
  });
  download(fileName(list, 'epub'), new Blob([bytes as BlobPart], { type: 'application/epub+zip' }));
}

export async function exportJson(withImages: boolean): Promise<void> {
  download(`lisible-${stamp()}.json`, await exportBackupJson({ images: withImages }), 'application/json');
}
