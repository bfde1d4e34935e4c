// @vitest-environment jsdom
// EPUB export checked by the W3C's validator (epubcheck, the Debian package .ci/setup installs): real
// fixture pages run through the extraction engine, sanitized, with a stored image, one article and a
// selection. 0 errors and 0 warnings; the body is XHTML made by XMLSerializer (<br/>, namespaces).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toEpub } from '../../../utils/db/backup/epub';
import { toRow, type SavedArticle } from '../../../utils/db/schema';
import { extractArticle } from '../../../utils/extract/index';
import { sanitizeArticleHtml, sanitizeToFragment } from '../../../utils/safety/sanitize';
import { decodeHtml } from '../../tools/decode';

const EPUBCHECK = '/usr/share/java/epubcheck.jar';
// A 1×1 PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function saved(folder: string, id: number): SavedArticle {
  const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/pages', folder, 'source.html'));
  const { html } = decodeHtml(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? `https://example.fr/${folder}`;
  const res = extractArticle(doc, url);
  if (!res.ok) throw new Error(`${folder}: ${res.reason}`);
  const a = { ...res.article, contentHtml: sanitizeArticleHtml(res.article.contentHtml) };
  const row = toRow({ ...a, key: a.url, site: new URL(a.url).hostname, savedAt: 1, updatedAt: 1, read: 0 });
  return { ...row, id, contentHtml: a.contentHtml, textContent: a.textContent };
}

function epubcheck(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lisible-epub-'));
  const file = join(dir, 'out.epub');
  writeFileSync(file, bytes);
  try {
    return execFileSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The validator is a JVM started per check: it took ~30 s on two cores shared with other builds.
const EPUBCHECK_TIMEOUT = 120_000;

function build(list: SavedArticle[]): Uint8Array {
  const first = list[0]!;
  const src = /<img[^>]+src="([^"]+)"/.exec(first.contentHtml)?.[1];
  const images = new Map(src ? [[first.id!, [{ url: src, type: 'image/png', data: PNG }]]] : []);
  return toEpub(list, {
    images,
    sanitize: (h, local) => sanitizeToFragment(h, window, { local, remote: 0 }),
    doc: document,
    lang: 'fr',
    now: new Date('2026-01-02T03:04:05Z'),
    uuid: '0b6f1d8e-2f4e-4b7a-9a51-3f0c2d5e6a7b',
  });
}

describe('EPUB export', () => {
  it(
    'one article: valid EPUB 3 (epubcheck: no errors or warnings), metadata, image, XHTML',
    () => {
      const a = saved('tendance-ouest--seed', 1);
      const bytes = build([a]);
      const out = epubcheck(bytes);
      expect(out, out).toMatch(/No errors or warnings detected/);
      const files = unzipSync(bytes);
      expect(Object.keys(files)[0]).toBe('mimetype');
      const opf = strFromU8(files['OEBPS/content.opf']!);
      const unescape = (s: string) =>
        s.replace(
          /&(amp|lt|gt|quot|apos);/g,
          (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
        );
      expect(unescape(/<dc:title>([^<]*)<\/dc:title>/.exec(opf)![1]!)).toBe(a.title);
      expect(opf).toContain(`<dc:identifier id="uid">${a.url}</dc:identifier>`);
      expect(opf).toMatch(/<dc:language>fr/);
      const xhtml = strFromU8(files['OEBPS/a1.xhtml']!);
      expect(xhtml).toContain('xmlns="http://www.w3.org/1999/xhtml"');
      expect(xhtml).not.toMatch(/<script|onerror|loading=/);
      if (/<img/.test(a.contentHtml))
        expect(Object.keys(files).some((f) => f.startsWith('OEBPS/images/'))).toBe(true);
    },
    EPUBCHECK_TIMEOUT,
  );
  it(
    'a selection of articles: one chapter each, listed in the navigation document',
    () => {
      const list = [
        'tendance-ouest--seed',
        'ouest-france--gaza-temoignage',
        'ebra--vosges-matin-incendie',
      ].map((f, i) => saved(f, i + 1));
      const bytes = build(list);
      const out = epubcheck(bytes);
      expect(out, out).toMatch(/No errors or warnings detected/);
      const nav = strFromU8(unzipSync(bytes)['OEBPS/nav.xhtml']!);
      expect(nav.match(/<li>/g)).toHaveLength(3);
      expect(strFromU8(unzipSync(bytes)['OEBPS/content.opf']!)).toContain('urn:uuid:0b6f1d8e');
    },
    EPUBCHECK_TIMEOUT,
  );
});
