// Loaders for the two shared corpora (read-only, outside the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readHtmlFile } from './decode';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const AEB_DIR = join(SHARED, 'corpus/article-extraction-benchmark');
export const FR_NEWS_DIR = join(SHARED, 'corpus/fr-news');

export interface AebPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export interface FrNewsCase {
  id: string;
  url: string;
  html: string;
  truth: { title: string; must_contain: string[]; must_not_contain: string[] };
}

export function loadAeb(): AebPage[] {
  const gt = JSON.parse(readFileSync(join(AEB_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(gt).map(([id, v]) => ({
    id,
    url: v.url,
    truth: v.articleBody,
    html: gunzipSync(readFileSync(join(AEB_DIR, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

export function loadFrNews(dir = FR_NEWS_DIR): FrNewsCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'truth.json')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const meta = JSON.parse(readFileSync(join(dir, id, 'meta.json'), 'utf8')) as { url?: string };
      return {
        id,
        url: meta.url ?? '',
        html: readHtmlFile(join(dir, id, 'source.html')).html,
        truth: JSON.parse(readFileSync(join(dir, id, 'truth.json'), 'utf8')) as FrNewsCase['truth'],
      };
    });
}

export const WCXB_DIR = join(SHARED, 'corpus/wcxb-dev');

export interface WcxbPage {
  id: string;
  url: string;
  type: string;
  title: string;
  truth: string;
  /** Sentences that must be extracted / boilerplate that must not be. */
  with: string[];
  without: string[];
  html: () => string;
}

/** The WCXB dev split (see its README); pages are read lazily, 1 358 of them. */
export function loadWcxb(dir = WCXB_DIR): WcxbPage[] {
  if (!existsSync(dir)) return [];
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; type: string; title: string; articleBody: string; with?: string[]; without?: string[] }
  >;
  return Object.entries(gt).map(([id, v]) => ({
    id,
    url: v.url,
    type: v.type,
    title: v.title,
    truth: v.articleBody,
    with: v.with ?? [],
    without: v.without ?? [],
    html: () => gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

/** Stable half of a page id (FNV-1a): 'A' is the half tuned on, 'B' the half kept for checking. */
export function halfOf(id: string): 'A' | 'B' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h & 1 ? 'B' : 'A';
}
