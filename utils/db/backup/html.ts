// A standalone HTML page of one or more saved articles. The file is untrusted output, opened later from
// disk by any browser: metadata is escaped, the body is the stored HTML sanitized again, and images are
// inlined only as data: URLs of an allow-listed raster type (the type written by us, never the stored
// blob's). Images not inlined lose their src (the file loads nothing). The CSP forbids scripts, forms,
// frames, plugins, a <base> and any load but data: images; the page's own stylesheet is allowed by hash.
import { escapeHtml } from '../../core/entities';
import { exportImageType } from '../images';
import type { SavedArticle } from '../schema';
import type { BackupImage } from './format';

const STYLE =
  'body{font:1.1rem/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}' +
  'img{max-width:100%;height:auto}.meta{font:.85rem system-ui,sans-serif;color:#555}.excerpt{font-weight:600}' +
  'article+article{border-top:2px solid #ccc;margin-top:3rem;padding-top:1rem}';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let bin = '';
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The export's Content-Security-Policy (in a <meta>, the first element of <head>). */
export async function exportCsp(): Promise<string> {
  return (
    "default-src 'none'; img-src data:; " +
    `style-src 'sha256-${await sha256(STYLE)}'; ` +
    "form-action 'none'; frame-src 'none'; child-src 'none'; object-src 'none'; base-uri 'none'"
  );
}

/** data: URLs of the images that may be inlined (remote src → data: URL). */
export function inlineImages(images: BackupImage[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const img of images ?? []) {
    const type = exportImageType(img.type);
    if (type && /^[A-Za-z0-9+/]*={0,2}$/.test(img.data)) out.set(img.url, `data:${type};base64,${img.data}`);
  }
  return out;
}

export type ExportSanitize = (html: string, local: ReadonlyMap<string, string>) => string;

/**
 * The page. `sanitize` is utils/safety/sanitize.ts with an image policy: `local` images swapped for their
 * data: URL, every other image held (no src).
 */
export async function toStandaloneHtml(
  articles: SavedArticle[],
  {
    images,
    sanitize,
    lang = 'fr',
  }: { images?: Map<number, BackupImage[]>; sanitize: ExportSanitize; lang?: string },
): Promise<string> {
  const parts = articles.map((a) => {
    const body = sanitize(a.contentHtml, inlineImages(images?.get(a.id!)));
    const meta = [a.siteName ?? a.site, a.byline, a.publishedTime?.slice(0, 10)]
      .filter(Boolean)
      .map((s) => escapeHtml(s!));
    const url = /^https?:\/\//i.test(a.url) ? escapeHtml(a.url) : '';
    return [
      '<article>',
      `<header><h1>${escapeHtml(a.title)}</h1>`,
      `<p class="meta">${meta.join(' · ')}</p>`,
      a.excerpt ? `<p class="excerpt">${escapeHtml(a.excerpt)}</p>` : '',
      url ? `<p><a href="${url}" rel="noopener noreferrer">${url}</a></p>` : '',
      '</header>',
      body,
      '</article>',
    ].join('\n');
  });
  const title = articles.length === 1 ? escapeHtml(articles[0]!.title) : 'Lisible';
  const safeLang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'fr';
  return `<!doctype html>
<html lang="${safeLang}"><head><meta http-equiv="Content-Security-Policy" content="${escapeHtml(await exportCsp())}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${STYLE}</style>
</head><body>
${parts.join('\n')}
</body></html>
`;
}
