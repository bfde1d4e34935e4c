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
