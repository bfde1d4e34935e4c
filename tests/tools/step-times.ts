// Dev helper: where extraction time goes, step by step, against Readability alone on the same
// pages (AEB, parsed like a browser). Prints each step's total and the share of Readability's time,
// the clone, the fallback run, and how often the fallback ran.
// Usage: node --import tsx tests/tools/step-times.ts [--wcxb] [--limit N]
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { FALLBACK_OFF, runSteps, type StepName } from '../../utils/extract/pipeline';
import { pageUrlOf, workingCopy } from '../../utils/extract/prepare';
import { extractArticle } from '../../utils/extract/index';
import { loadAeb, loadWcxb } from './corpora';
import { parseLikeBrowser } from './parse-html';

const argv = process.argv.slice(2);
const limit = Number(argv[argv.indexOf('--limit') + 1] || 0) || Infinity;
const pages = (
  argv.includes('--wcxb')
    ? loadWcxb()
        .filter((p) => p.type === 'article')
        .map((p) => ({ html: p.html(), url: p.url }))
    : loadAeb()
).slice(0, limit);

const total = new Map<string, number>();
/** Per page, each step's time over Readability's on that page (what the bench's median ratio is made of). */
const shares = new Map<string, number[]>();
let pageRd = 1;
const add = (k: string, ms: number): void => {
  total.set(k, (total.get(k) ?? 0) + ms);
  const l = shares.get(k) ?? [];
  l.push(ms / pageRd);
  shares.set(k, l);
};
const ratios: number[] = [];
let rd = 0;
let lis = 0;
let fallbacks = 0;
for (const p of pages) {
  const doc = parseLikeBrowser(p.html);
  let t = performance.now();
  new Readability(doc.cloneNode(true) as Document).parse();
  pageRd = performance.now() - t;
  rd += pageRd;
  t = performance.now();
  extractArticle(doc, p.url);
  lis += performance.now() - t;
  ratios.push((performance.now() - t) / pageRd);

  const url = pageUrlOf(doc, p.url);
  t = performance.now();
  const clone = workingCopy(doc);
  add('(working copy)', performance.now() - t);
  if (!clone) continue;
  let last = performance.now();
  const onStep = (name: StepName): void => {
    const now = performance.now();
    add(name, now - last);
    last = now;
  };
  const first = runSteps(doc, clone, url, { onStep });
  const st = first.state;
  const short =
    st && (st.words < 150 || (st.ctx.pTextTotal > 1500 && st.rawLength < st.ctx.pTextTotal * 0.35));
  if (!st || st.hinted || (first.ok ? !short : first.refusal.reason !== 'not-article')) continue;
  fallbacks++;
  t = performance.now();
  const again = workingCopy(doc)!;
  runSteps(doc, again, url, { off: FALLBACK_OFF, meta: first.state?.meta });
  add('(fallback run)', performance.now() - t);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / pages.length;
console.log(`per-page ratio median ${median(ratios).toFixed(2)}`);
console.log(
  `${pages.length} pages; readability ${rd.toFixed(0)} ms, lisible ${lis.toFixed(0)} ms (×${(lis / rd).toFixed(2)}); fallback ~${fallbacks}`,
);
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]))
  console.log(
    `${v.toFixed(0).padStart(7)} ms ${((100 * v) / rd).toFixed(1).padStart(6)}% of RD · per page: mean ${(100 * mean(shares.get(k)!)).toFixed(1).padStart(5)}%  ${k}`,
  );
