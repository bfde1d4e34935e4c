// The extractors the bench compares, and the one text rendering every row is scored on.
//
// Pages are parsed the way a browser does (parse5's tree construction into linkedom, see
// tests/tools/parse-html.ts); `--parser htmlparser2` gives linkedom's own parser, for before/after
// figures. Every row is scored on the SAME text rendering of its output HTML: the HTML is parsed
// with linkedom and rendered by blockText() (a newline at each block boundary). Extraction time is
// measured on an already-parsed DOM, parsing excluded — except article-extractor, whose API only
// takes an HTML string (its time includes its own parse; marked with *).

import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extractFromHtml } from '@extractus/article-extractor';
import { extractArticle } from '../../utils/extract/index';
import { blockText } from '../../utils/extract/dom';
import { parseLikeBrowser } from '../tools/parse-html';

export interface Output {
  html: string;
  title: string;
  ms: number;
  /** Lisible's refusal ("not-article: too little text"), when it refused. */
  refused?: string;
}
export interface Extractor {
  name: string;
  note?: string;
  run(html: string, url: string): Promise<Output>;
}

export type ParserName = 'parse5' | 'htmlparser2';
let parser: ParserName = 'parse5';
export function useParser(p: ParserName): void {
  parser = p;
}
export function parserLabel(): string {
  return parser === 'parse5' ? 'parse5 tree into linkedom (as a browser)' : "linkedom's htmlparser2";
}

export function parse(html: string): Document {
  return parser === 'parse5' ? parseLikeBrowser(html) : (parseHTML(html).document as unknown as Document);
}

export function htmlToText(html: string): string {
  if (!html) return '';
  return blockText(
    (parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document).body,
  );
}

/** Third-party extractors log parse errors of page JSON-LD to the console; keep the table readable. */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const saved = {
    log: console.log,
    warn: console.warn,
    error: console.error,
    info: console.info,
    debug: console.debug,
  };
  const noop = (): void => undefined;
  Object.assign(console, { log: noop, warn: noop, error: noop, info: noop, debug: noop });
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}

export const LISIBLE = 'lisible';
export const READABILITY = 'readability-0.6';

export const EXTRACTORS: Extractor[] = [
  {
    name: LISIBLE,
    async run(html, url) {
      const doc = parse(html);
      const t0 = performance.now();
      const r = extractArticle(doc, url);
      const ms = performance.now() - t0;
      return r.ok
        ? { html: r.article.contentHtml, title: r.article.title, ms }
        : { html: '', title: '', ms, refused: `${r.reason}${r.detail ? `: ${r.detail}` : ''}` };
    },
  },
  {
    name: READABILITY,
    async run(html) {
      const doc = parse(html);
      const t0 = performance.now();
      // Readability mutates its input, so real callers (an extension on a live page) pass a clone,
      // as its README says; Lisible clones internally too. Timed the same way for both.
      const r = new Readability(doc.cloneNode(true) as Document).parse();
      const ms = performance.now() - t0;
      return { html: r?.content ?? '', title: r?.title ?? '', ms };
    },
  },
  {
    name: 'defuddle-0.19.4',
    async run(html, url) {
      const doc = parse(html);
      const t0 = performance.now();
      const r = await quietly(() => Defuddle(doc, url));
      const ms = performance.now() - t0;
      return { html: r.content ?? '', title: r.title ?? '', ms };
    },
  },
  {
    name: 'article-extractor-9',
    note: '* time includes its own HTML parse',
    async run(html, url) {
      const t0 = performance.now();
      let r: Awaited<ReturnType<typeof extractFromHtml>> = null;
      try {
        r = await quietly(() => extractFromHtml(html, url));
      } catch {
        r = null;
      }
      const ms = performance.now() - t0;
      return { html: r?.content ?? '', title: r?.title ?? '', ms };
    },
  },
];

/** Runs one extractor; a throw is an empty answer (and no time). */
export async function runSafely(e: Extractor, html: string, url: string): Promise<Output> {
  try {
    return await e.run(html, url);
  } catch (err) {
    return { html: '', title: '', ms: NaN, refused: `threw: ${(err as Error).message}` };
  }
}
