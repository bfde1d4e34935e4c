// Runs the extraction engine (under happy-dom, like the extension's test environment) on every
// fixture page in tests/fixtures/pages/<site>--<case>/ and checks it against expected.json.
// A folder without expected.json gets one written from the current output FOR REVIEW, and the
// test fails so that nothing passes silently; commit reviewed files only.
//
// expected.json: { url, title, byline?, siteName?, publishedTime?, modifiedTime?, lang?, teaser?,
//   commune?, siteRule?, minWords?, mustContain: string[], mustNotContain: string[] }
// Text checks use the fr-news normalisation on textContent.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './extract/quiet-happydom';
import { extractArticle } from '../../utils/extract/index';
import { SITE_RULES, ruleMatchesHost } from '../../utils/extract/sites/index';
import { normalizeTruth } from '../tools/normalize';
import { decodeHtml } from '../tools/decode';
import { metadataFields } from '../tools/expected-fields';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

interface Expected {
  url: string;
  title: string;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  modifiedTime?: string | null;
  lang?: string | null;
  teaser?: boolean;
  commune?: { name: string; postcode: string | null } | null;
  siteRule?: string | null;
  minWords?: number;
  mustContain: string[];
  mustNotContain: string[];
}

const folders = existsSync(PAGES)
  ? readdirSync(PAGES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(PAGES, d.name, 'source.html')))
      .map((d) => d.name)
      .sort()
  : [];

function load(folder: string): Document {
  const bytes = readFileSync(join(PAGES, folder, 'source.html'));
  const { html } = decodeHtml(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return new DOMParser().parseFromString(html, 'text/html');
}

function canonical(doc: Document): string | undefined {
  return doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
}

describe('fixture pages', () => {
  it('every site rule has at least one fixture folder and test URLs on its hosts', () => {
    for (const rule of SITE_RULES) {
      expect(
        folders.some((f) => f.startsWith(rule.id + '--')),
        `fixture for rule ${rule.id}`,
      ).toBe(true);
      expect(rule.testUrls.length).toBeGreaterThan(0);
      for (const u of rule.testUrls)
        expect(ruleMatchesHost(rule, new URL(u).hostname), `${rule.id}: ${u}`).toBe(true);
    }
  });

  it.each(folders)('%s', (folder) => {
    const doc = load(folder);
    const expPath = join(PAGES, folder, 'expected.json');
    const prior: Partial<Expected> = existsSync(expPath)
      ? (JSON.parse(readFileSync(expPath, 'utf8')) as Expected)
      : {};
    const url = prior.url ?? canonical(doc);
    const res = extractArticle(doc, url);
    expect(res.ok, `extraction failed: ${JSON.stringify(res)}`).toBe(true);
    if (!res.ok) return;
    const a = res.article;
    if (!existsSync(expPath)) {
      const lines = a.textContent.split('\n').filter((l) => l.length > 60);
      const draft: Expected = {
        url: url ?? a.url,
        title: a.title,
        ...metadataFields(a, 0.9),
        mustContain: [lines[0], lines[lines.length - 1]]
          .filter((x): x is string => !!x)
          .map((l) => l.slice(0, 120)),
        mustNotContain: [],
      };
      writeFileSync(expPath, JSON.stringify(draft, null, 2) + '\n');
      expect.fail(
        `${folder}: wrote expected.json from the current output — review it, add mustNotContain, re-run`,
      );
    }
    const exp = prior as Expected;
    expect(a.title).toBe(exp.title);
    for (const k of [
      'byline',
      'siteName',
      'publishedTime',
      'modifiedTime',
      'lang',
      'teaser',
      'commune',
      'siteRule',
    ] as const) {
      if (k in exp) expect(k === 'siteRule' ? (a.siteRule ?? null) : a[k], k).toEqual(exp[k]);
    }
    if (exp.minWords) expect(a.wordCount).toBeGreaterThanOrEqual(exp.minWords);
    const text = normalizeTruth(a.textContent);
    for (const s of exp.mustContain) expect(text, 'must contain').toContain(normalizeTruth(s));
    for (const s of exp.mustNotContain) expect(text, 'must not contain').not.toContain(normalizeTruth(s));
  });
});
