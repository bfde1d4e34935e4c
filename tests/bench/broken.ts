// Broken-inputs bench (issue 7): each page of tests/fixtures/broken/ parsed with linkedom, then the
// three engine entry points timed, with the outcome and a time budget per case.
// Called at the end of `npm run bench`; runnable alone: node --import tsx tests/bench/broken.ts
//
// Budgets (isProbablyArticle + detectClassifieds + extractArticle, ms, linkedom on the 2-core CI box):
// 10 MB pages 5000, 10 000-level nesting 1000, small pages 200. linkedom is several times slower than
// a browser's native DOM (tests/e2e/broken.e2e.mjs measures Chromium: ~4 s for the 10 MB article's
// 1.8 million words, ~1.5 s for 10 MB of boilerplate). A FAIL is a wrong outcome or a regression.
import { parseHTML } from 'linkedom';
import { pathToFileURL } from 'node:url';
import { detectClassifieds } from '../../utils/classifieds/index';
import { extractArticle, isProbablyArticle } from '../../utils/extract/index';
import { decodeHtml } from '../tools/decode';
import * as make from '../fixtures/broken/make';

export interface BrokenCase {
  name: string;
  /** HTML source (already decoded) and its size in bytes before decoding. */
  html: () => { html: string; bytes: number };
  /** Extra DOM building after the parse (counted in parse time). */
  build?: (doc: Document) => void;
  budgetMs: number;
  /** Expected outcome: 'ok' plus a marker the text must hold, or a not-article reason. */
  expect: { ok: true; marker: string; title?: string } | { ok: false; reason: string };
}

const utf8 = (html: string) => ({ html, bytes: Buffer.byteLength(html) });
const decoded = (bytes: Uint8Array) => ({ html: decodeHtml(bytes).html, bytes: bytes.length });

export const BROKEN_CASES: BrokenCase[] = [
  {
    name: 'empty (0 bytes)',
    html: () => utf8(make.emptyPage()),
    budgetMs: 200,
    expect: { ok: false, reason: 'empty' },
  },
  {
    name: 'blank body',
    html: () => utf8(make.blankPage()),
    budgetMs: 200,
    expect: { ok: false, reason: 'empty' },
  },
  {
    name: 'frameset',
    html: () => utf8(make.framesetPage()),
    budgetMs: 200,
    expect: { ok: false, reason: 'not-html' },
  },
  {
    name: '10 MB article',
    html: () => utf8(make.bigArticlePage()),
    budgetMs: 5000,
    expect: { ok: true, marker: make.MARKERS.bigArticle },
  },
  {
    name: '10 MB boilerplate',
    html: () => utf8(make.boilerplatePage()),
    budgetMs: 5000,
    expect: { ok: true, marker: make.MARKERS.boilerplateArticle },
  },
  {
    name: 'nesting 10k (parsed)',
    html: () => utf8(make.deepPage()),
    budgetMs: 1000,
    expect: { ok: true, marker: make.MARKERS.deep },
  },
  {
    name: 'nesting 10k (DOM)',
    html: () =>
      utf8(
        '<!doctype html><html lang="fr"><head><title>Dix mille niveaux</title></head><body></body></html>',
      ),
    build: (doc) => make.nestInDom(doc),
    budgetMs: 1000,
    expect: { ok: true, marker: make.MARKERS.deep },
  },
  {
    name: 'windows-1252 (meta)',
    html: () => decoded(make.latin1Bytes()),
    budgetMs: 200,
    expect: { ok: true, marker: make.MARKERS.latin1Text, title: make.MARKERS.latin1Title },
  },
  {
    name: 'windows-1252 (no meta)',
    html: () => decoded(make.latin1UndeclaredBytes()),
    budgetMs: 200,
    expect: { ok: true, marker: make.MARKERS.latin1Text, title: make.MARKERS.latin1Title },
  },
];

export interface BrokenRow {
  name: string;
  bytes: number;
  parseMs: number;
  readerableMs: number;
  classifiedsMs: number;
  extractMs: number;
  outcome: string;
  budgetMs: number;
  pass: boolean;
}

function timed<T>(fn: () => T): [T | Error, number] {
  const t0 = performance.now();
  try {
    const v = fn();
    return [v, performance.now() - t0];
  } catch (e) {
    return [e instanceof Error ? e : new Error(String(e)), performance.now() - t0];
  }
}

export function runBrokenCase(c: BrokenCase): BrokenRow {
  const { html, bytes } = c.html();
  const [doc, parseMs] = timed(() => {
    const d = parseHTML(html).document as unknown as Document;
    c.build?.(d);
    return d;
  });
  const row: BrokenRow = {
    name: c.name,
    bytes,
    parseMs,
    readerableMs: NaN,
    classifiedsMs: NaN,
    extractMs: NaN,
    outcome: '',
    budgetMs: c.budgetMs,
    pass: false,
  };
  if (doc instanceof Error) {
    row.outcome = `parse threw: ${doc.message}`;
    return row;
  }
  const [readerable, rMs] = timed(() => isProbablyArticle(doc));
  const [blocks, cMs] = timed(() => detectClassifieds(doc));
  const [res, eMs] = timed(() => extractArticle(doc, 'https://www.ouest-exemple.fr/actu/page.html'));
  Object.assign(row, { readerableMs: rMs, classifiedsMs: cMs, extractMs: eMs });
  const threw = [readerable, blocks, res].find((v) => v instanceof Error);
  if (threw) {
    row.outcome = `threw: ${threw.message.slice(0, 40)}`;
    return row;
  }
  const r = res as ReturnType<typeof extractArticle>;
  const exp = c.expect;
  let right: boolean;
  if (r.ok) {
    row.outcome = `ok ${r.article.wordCount} words`;
    right =
      exp.ok &&
      r.article.textContent.includes(exp.marker) &&
      (exp.title === undefined || r.article.title === exp.title);
    if (exp.ok && !right) row.outcome += ' (marker/title missing)';
  } else {
    row.outcome = r.reason + (r.detail ? ` (${r.detail.slice(0, 30)})` : '');
    right = !exp.ok && r.reason === exp.reason;
  }
  row.pass = right && rMs + cMs + eMs <= c.budgetMs;
  return row;
}

export async function runBrokenBench(): Promise<void> {
  const rows = BROKEN_CASES.map(runBrokenCase);
  const n = (x: number): string => (Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(1) : x.toFixed(0)).padStart(7);
  const size = (b: number): string =>
    (b >= 1 << 20
      ? `${(b / (1 << 20)).toFixed(1)} MB`
      : b >= 1024
        ? `${(b / 1024).toFixed(1)} kB`
        : `${b} B`
    ).padStart(9);
  console.log('broken inputs (linkedom; ms; budget = readerable + classifieds + extract):');
  console.log(
    `${'case'.padEnd(24)} ${'size'.padStart(9)} ${'parse'.padStart(7)} ${'readable'.padStart(8)} ${'classif'.padStart(7)} ${'extract'.padStart(7)}  ${'outcome'.padEnd(28)} ${'budget'.padStart(6)} result`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(24)} ${size(r.bytes)} ${n(r.parseMs)} ${n(r.readerableMs).padStart(8)} ${n(r.classifiedsMs)} ${n(r.extractMs)}  ${r.outcome.slice(0, 28).padEnd(28)} ${String(r.budgetMs).padStart(6)} ${r.pass ? 'PASS' : 'FAIL'}`,
    );
  const failed = rows.filter((r) => !r.pass).length;
  console.log(failed ? `${failed} broken-input case(s) FAIL` : `all ${rows.length} broken-input cases PASS`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBrokenBench();
