// WCXB dev split (../shared/corpus/wcxb-dev, 1 358 pages of 2025, one domain each, typed):
// Lisible beside Readability 0.6, per page type, on the same text rendering. Besides F1/P/R it
// prints the share of must-keep sentences kept ("with") and of must-not sentences leaked ("w/o"),
// and the two counts issue 11 is about: pages where Lisible's F1 is more than 0.1 below
// Readability's, and pages Lisible refuses. The corpus is split in two halves by a hash of the id
// (A: tuned on, B: held out) so a change that only fits the pages looked at shows as a gap.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { halfOf, loadWcxb, type WcxbPage } from '../tools/corpora';
import { normalizeTruth } from '../tools/normalize';
import {
  EXTRACTORS,
  htmlToText,
  LISIBLE,
  parserLabel,
  quantile,
  READABILITY,
  runSafely,
  type Extractor,
} from './extractors';
import { loadScorer, pageF1, type Evaluate, type PageScore } from './score';

const OUT = resolve(import.meta.dirname, '../../.bench');
const TYPES = ['article', 'service', 'forum', 'listing', 'product', 'collection', 'documentation'];
/** Page types a reader is right to refuse (a shop grid, a list of links). */
const REFUSABLE = new Set(['listing', 'collection', 'product']);

interface PageRun {
  text: string;
  refused: string | null;
  ms: number;
}
interface Row {
  f1: number;
  p: number;
  r: number;
  withKept: number;
  leaks: number;
}

export interface WcxbOptions {
  limit?: number;
  half?: 'A' | 'B' | null;
  types?: Set<string> | null;
}

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '  -  ');

function sentenceRates(pages: WcxbPage[], runs: Record<string, PageRun>): { kept: number; leaks: number } {
  let want = 0;
  let kept = 0;
  let bad = 0;
  let leaked = 0;
  for (const p of pages) {
    const t = normalizeTruth(runs[p.id]?.text ?? '');
    for (const s of p.with) {
      want++;
      if (t.includes(normalizeTruth(s))) kept++;
    }
    for (const s of p.without) {
      bad++;
      if (t.includes(normalizeTruth(s))) leaked++;
    }
  }
  return { kept: want ? kept / want : NaN, leaks: bad ? leaked / bad : NaN };
}

function rowOf(evaluate: Evaluate, pages: WcxbPage[], runs: Record<string, PageRun>): Row {
  const truth = Object.fromEntries(pages.map((p) => [p.id, { articleBody: p.truth }]));
  const pred = Object.fromEntries(pages.map((p) => [p.id, { articleBody: runs[p.id]?.text ?? '' }]));
  const r = evaluate(truth, pred, { nBootstrap: 0 }).result;
  const s = sentenceRates(pages, runs);
  return { f1: r.f1, p: r.precision, r: r.recall, withKept: s.kept, leaks: s.leaks };
}

function perPageF1(evaluate: Evaluate, pages: WcxbPage[], runs: Record<string, PageRun>) {
  const truth = Object.fromEntries(pages.map((p) => [p.id, { articleBody: p.truth }]));
  const pred = Object.fromEntries(pages.map((p) => [p.id, { articleBody: runs[p.id]?.text ?? '' }]));
  const per: Record<string, PageScore> = evaluate(truth, pred, { nBootstrap: 0 }).perPage;
  return Object.fromEntries(pages.map((p) => [p.id, pageF1(per[p.id])]));
}

export async function runWcxbBench(opt: WcxbOptions = {}): Promise<void> {
  const evaluate = await loadScorer();
  let pages = loadWcxb();
  if (pages.length === 0) {
    console.log('(WCXB dev split not found at ../shared/corpus/wcxb-dev; skipped)');
    return;
  }
  if (opt.half) pages = pages.filter((p) => halfOf(p.id) === opt.half);
  if (opt.types) pages = pages.filter((p) => opt.types!.has(p.type));
  if (opt.limit) pages = pages.slice(0, opt.limit);
  const exs: Extractor[] = EXTRACTORS.filter((e) => e.name === LISIBLE || e.name === READABILITY);
  const runs: Record<string, Record<string, PageRun>> = { [LISIBLE]: {}, [READABILITY]: {} };
  for (const p of pages) {
    const html = p.html();
    // Interleaved page by page so machine noise hits both alike.
    for (const e of exs) {
      const out = await runSafely(e, html, p.url);
      const text = htmlToText(out.html);
      const refused = out.refused ?? (text.trim() ? null : 'empty');
      runs[e.name]![p.id] = { text, refused, ms: out.ms };
    }
  }
  const lis = runs[LISIBLE]!;
  const rd = runs[READABILITY]!;
  const f1L = perPageF1(evaluate, pages, lis);
  const f1R = perPageF1(evaluate, pages, rd);
  const worse = (p: WcxbPage): boolean => f1L[p.id]! < f1R[p.id]! - 0.1;

  console.log(
    `\nWCXB dev: ${pages.length} pages${opt.half ? ` (half ${opt.half})` : ''} · parse = ${parserLabel()} · text = blockText of each output`,
  );
  console.log(
    `${'type'.padEnd(13)} ${'pages'.padStart(5)} | ${'lisible F1'.padStart(10)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'with'.padStart(6)} ${'w/o'.padStart(6)} ${'refus'.padStart(5)} | ${'readab F1'.padStart(9)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'with'.padStart(6)} ${'w/o'.padStart(6)} ${'empty'.padStart(5)} | ${'worse'.padStart(5)} ${'F1 on kept L/R'.padStart(14)}`,
  );
  const line = (label: string, ps: WcxbPage[]): string => {
    const a = rowOf(evaluate, ps, lis);
    const b = rowOf(evaluate, ps, rd);
    const kept = ps.filter((p) => !lis[p.id]!.refused);
    const refused = ps.length - kept.length;
    const ka = kept.length ? rowOf(evaluate, kept, lis).f1 : NaN;
    const kb = kept.length ? rowOf(evaluate, kept, rd).f1 : NaN;
    const empty = ps.filter((p) => rd[p.id]!.refused).length;
    return `${label.padEnd(13)} ${String(ps.length).padStart(5)} | ${f(a.f1).padStart(10)} ${f(a.p).slice(1)} ${f(a.r).slice(1)} ${pct(a.withKept).padStart(6)} ${pct(a.leaks).padStart(6)} ${String(refused).padStart(5)} | ${f(b.f1).padStart(9)} ${f(b.p).slice(1)} ${f(b.r).slice(1)} ${pct(b.withKept).padStart(6)} ${pct(b.leaks).padStart(6)} ${String(empty).padStart(5)} | ${String(ps.filter(worse).length).padStart(5)} ${`${f(ka)}/${f(kb)}`.padStart(14)}`;
  };
  for (const t of TYPES) {
    const ps = pages.filter((p) => p.type === t);
    if (ps.length) console.log(line(t, ps));
  }
  console.log(line('all', pages));
  console.log(
    'with = must-keep sentences kept, w/o = must-not sentences leaked; refus = pages Lisible refuses, empty = pages Readability returns nothing for; worse = pages where Lisible F1 < Readability F1 − 0.1; F1 on kept = both scored on the pages Lisible did not refuse.',
  );

  const articles = pages.filter((p) => p.type === 'article');
  const refusedArticles = articles.filter((p) => lis[p.id]!.refused);
  const refusedGood = refusedArticles.filter((p) => f1R[p.id]! >= 0.8);
  const refusable = pages.filter((p) => REFUSABLE.has(p.type) && lis[p.id]!.refused);
  console.log(
    `article pages refused: ${refusedArticles.length} (where Readability reaches F1 ≥ 0.8: ${refusedGood.length}) · listing/collection/product pages refused: ${refusable.length} · pages worse than Readability by > 0.1 F1: ${pages.filter(worse).length}`,
  );

  const show = (p: WcxbPage): string =>
    `${p.id} ${p.type.padEnd(13)} L ${f(f1L[p.id]!)} R ${f(f1R[p.id]!)} ${(lis[p.id]!.refused ?? '').padEnd(24).slice(0, 24)} ${p.url.slice(0, 90)}`;
  const worst = [...pages].sort((x, y) => f1L[x.id]! - f1R[x.id]! - (f1L[y.id]! - f1R[y.id]!));
  console.log('worst 10, Lisible F1 − Readability F1:\n  ' + worst.slice(0, 10).map(show).join('\n  '));
  const refusedWorst = [...refusedArticles].sort((x, y) => f1R[y.id]! - f1R[x.id]!);
  console.log(
    'worst 10 refused article pages (by Readability F1):\n  ' +
      (refusedWorst.length ? refusedWorst.slice(0, 10).map(show).join('\n  ') : '(none)'),
  );

  // Held-out check: the same figures on each half.
  console.log('halves (A tuned on, B held out):');
  for (const h of ['A', 'B'] as const) {
    const hp = pages.filter((p) => halfOf(p.id) === h);
    if (!hp.length) continue;
    const ha = hp.filter((p) => p.type === 'article');
    const la = rowOf(evaluate, ha, lis);
    const ra = rowOf(evaluate, ha, rd);
    const ll = rowOf(evaluate, hp, lis);
    const rl = rowOf(evaluate, hp, rd);
    console.log(
      `  ${h}: ${String(hp.length).padStart(4)} pages · article F1 L ${f(la.f1)} R ${f(ra.f1)} · all R L ${f(ll.r)} R ${f(rl.r)} · all F1 L ${f(ll.f1)} R ${f(rl.f1)} · worse ${hp.filter(worse).length} · articles refused ${ha.filter((p) => lis[p.id]!.refused).length}`,
    );
  }

  const ms = (name: string): number[] =>
    Object.values(runs[name]!)
      .map((r) => r.ms)
      .filter(Number.isFinite);
  const ratios = pages
    .filter((p) => rd[p.id]!.ms > 0 && Number.isFinite(lis[p.id]!.ms))
    .map((p) => lis[p.id]!.ms / rd[p.id]!.ms);
  console.log(
    `time: lisible median ${quantile(ms(LISIBLE), 0.5).toFixed(1)} ms, readability ${quantile(ms(READABILITY), 0.5).toFixed(1)} ms; per-page ratio median ${quantile(ratios, 0.5).toFixed(2)}, p95 ${quantile(ratios, 0.95).toFixed(2)}`,
  );

  mkdirSync(OUT, { recursive: true });
  const dump = Object.fromEntries(
    pages.map((p) => [
      p.id,
      { type: p.type, url: p.url, f1L: f1L[p.id], f1R: f1R[p.id], refused: lis[p.id]!.refused },
    ]),
  );
  writeFileSync(join(OUT, 'wcxb-perpage.json'), JSON.stringify(dump, null, 1));
  for (const e of exs)
    writeFileSync(
      join(OUT, `wcxb-${e.name}.json`),
      JSON.stringify(
        Object.fromEntries(pages.map((p) => [p.id, { articleBody: runs[e.name]![p.id]!.text }])),
      ),
    );
}
