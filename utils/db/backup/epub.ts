// EPUB 3 export of one article or a selection, with its stored images: zipped by fflate (kept, 8 kB),
// each article's sanitized body serialized as XHTML by XMLSerializer over a DOM (never by string
// concatenation of markup), metadata (title, author, date, publisher = site, language, identifier =
// the URL or a uuid) and a navigation document. Checked by the W3C's epubcheck in the tests.
// Loaded only when someone exports (dynamic import in the library page).
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SavedArticle } from '../schema';
import { fromBase64 } from '../../core/bytes';
import type { BackupImage } from './format';

const XHTML = 'http://www.w3.org/1999/xhtml';
const OPS = 'http://www.idpf.org/2007/ops';
// EPUB 3.2 core image types (others would need a fallback): anything else is left out.
const CORE_IMAGES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };
// Attributes of our sanitized HTML that EPUB reading systems do not need or that older validators reject.
const DROP_ATTRS = ['loading', 'referrerpolicy', 'target', 'rel', 'data-lisible-held'];

export interface EpubOptions {
  /** Stored images per article id (as the JSON backup carries them). */
  images: Map<number, BackupImage[]>;
  /** Sanitized body as nodes of `doc` (utils/safety/sanitize.ts sanitizeToFragment), stored images swapped in. */
  sanitize: (html: string, local: Map<string, string>) => DocumentFragment;
  /** A DOM to build the XHTML in (the page's own `document`; jsdom in tests). */
  doc: Document;
  lang: string;
  now?: Date;
  uuid?: string;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** One article as an XHTML document, serialized by XMLSerializer. */
function chapter(a: SavedArticle, body: DocumentFragment, doc: Document, lang: string): string {
  const x = doc.implementation.createDocument(XHTML, 'html', null);
  const html = x.documentElement;
  html.setAttribute('lang', a.lang ?? lang);
  html.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', a.lang ?? lang);
  const el = (name: string, text?: string) => {
    const e = x.createElementNS(XHTML, name);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const head = html.appendChild(el('head'));
  head.appendChild(el('title', a.title || a.url));
  const link = head.appendChild(el('link'));
  link.setAttribute('rel', 'stylesheet');
  link.setAttribute('href', 'style.css');
  const main = html.appendChild(el('body')).appendChild(el('article'));
  main.appendChild(el('h1', a.title));
  const meta = [a.siteName ?? a.site, a.byline, a.publishedTime?.slice(0, 10), a.commune?.name].filter(
    Boolean,
  );
  if (meta.length) main.appendChild(el('p', meta.join(' · '))).setAttribute('class', 'meta');
  const source = main.appendChild(el('p')).appendChild(el('a', a.url));
  source.setAttribute('href', a.url);
  if (a.excerpt) main.appendChild(el('p', a.excerpt)).setAttribute('class', 'excerpt');
  const section = main.appendChild(el('section'));
  section.appendChild(x.importNode(body, true));
  for (const n of section.querySelectorAll('*')) for (const attr of DROP_ATTRS) n.removeAttribute(attr);
  // Images with no stored copy of a core type would be remote resources: their alt text stays.
  for (const img of section.querySelectorAll('img'))
    if (!/^images\//.test(img.getAttribute('src') ?? ''))
      img.replaceWith(x.createTextNode(img.getAttribute('alt') ?? ''));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${new XMLSerializer().serializeToString(x)}`;
}

const STYLE = 'body{font-family:serif;line-height:1.5}.meta,.excerpt{font-style:italic}img{max-width:100%}';

/** The EPUB file (bytes) of `articles`, in that order. */
export function toEpub(articles: SavedArticle[], o: EpubOptions): Uint8Array {
  const files: Zippable = {};
  const manifest: string[] = [];
  const spine: string[] = [];
  const toc: string[] = [];
  articles.forEach((a, n) => {
    const local = new Map<string, string>();
    (o.images.get(a.id!) ?? []).forEach((img, k) => {
      const ext = CORE_IMAGES[img.type];
      if (!ext || local.has(img.url)) return;
      const name = `images/a${n + 1}-${k + 1}.${ext}`;
      local.set(img.url, name);
      files[`OEBPS/${name}`] = fromBase64(img.data);
      manifest.push(`<item id="a${n + 1}i${k + 1}" href="${name}" media-type="${img.type}"/>`);
    });
    files[`OEBPS/a${n + 1}.xhtml`] = strToU8(chapter(a, o.sanitize(a.contentHtml, local), o.doc, o.lang));
    manifest.push(`<item id="a${n + 1}" href="a${n + 1}.xhtml" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="a${n + 1}"/>`);
    toc.push(`<li><a href="a${n + 1}.xhtml">${esc(a.title || a.url)}</a></li>`);
  });
  const one = articles.length === 1 ? articles[0]! : null;
  const title = one ? one.title : `Lisible (${articles.length})`;
  const id = one ? one.url : `urn:uuid:${o.uuid ?? crypto.randomUUID()}`;
  const lang = one?.lang ?? o.lang;
  const modified = (o.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const dc = [
    `<dc:identifier id="uid">${esc(id)}</dc:identifier>`,
    `<dc:title>${esc(title)}</dc:title>`,
    `<dc:language>${esc(lang)}</dc:language>`,
    ...(one?.byline ? [`<dc:creator>${esc(one.byline)}</dc:creator>`] : []),
    ...(one ? [`<dc:publisher>${esc(one.siteName ?? one.site)}</dc:publisher>`] : []),
    ...(one?.publishedTime && !Number.isNaN(Date.parse(one.publishedTime))
      ? [`<dc:date>${new Date(one.publishedTime).toISOString().replace(/\.\d{3}Z$/, 'Z')}</dc:date>`]
      : []),
    `<meta property="dcterms:modified">${modified}</meta>`,
  ];
  files['OEBPS/content.opf'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${esc(lang)}"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="css" href="style.css" media-type="text/css"/>${manifest.join('')}</manifest><spine>${spine.join('')}</spine></package>`,
  );
  files['OEBPS/nav.xhtml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="${XHTML}" xmlns:epub="${OPS}" lang="${esc(lang)}" xml:lang="${esc(lang)}"><head><title>${esc(title)}</title></head><body><nav epub:type="toc" id="toc"><h1>${esc(title)}</h1><ol>${toc.join('')}</ol></nav></body></html>`,
  );
  files['OEBPS/style.css'] = strToU8(STYLE);
  files['META-INF/container.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  );
  // The mimetype entry must come first and be stored uncompressed.
  return zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], ...files });
}
