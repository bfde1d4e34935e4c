// Extraction time against Readability's where the extension runs it: in Chromium, on the page, DOM
// access and cloning native. The main bench (bench.ts) times both on linkedom, where a clone is a
// JavaScript loop that registers every node of the page in a WeakMap (linkedom's EventTarget): a
// profile of the pages around its median ratio puts ~27 % of Lisible's time in its one clone and ~17 %
// in collections, costs a browser does not have in that proportion.
//
//   node --import tsx tests/bench/extract-chromium.ts [--limit N] [--only aeb|fr-news] [--json]
//        [--bundle <a script setting __lisibleExtractor, to time instead of the build>]
//        [--profile: time with callees of the bundle's functions over the timed rounds; give an
//        unminified --bundle to read names]
//
// How: Debian's Chromium (playwright-core, the flags of tests/e2e/chromium.mjs, no extension loaded),
// each page served from 127.0.0.1 (every other host fails at once), cross-origin isolated so that
// performance.now() has 5 µs steps. After the load, an isolated world is made in the page (as the
// extension's), and the extension's own built extractor.js (the bundle the background injects) and
// Readability are evaluated in it. Timed, as in the Node bench: extractArticle(document, url) (its clone
// inside) against `new Readability(document.cloneNode(true)).parse()` (the clone inside the timer too).
// Two warm-ups of each per page, then ROUNDS rounds alternating the order, a minor GC before each timed
// run. The figure is the median of the per-page ratios (median Lisible / median Readability).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ON_DEMAND } from '../../utils/messaging/on-demand';
import { CHROMIUM } from '../e2e/chromium.mjs';
import { loadAeb, loadFrNews } from '../tools/corpora';
import { median, quantile, runOrder } from './classifieds-timing';
import { evaluate, forEachSample, isolatedWorld, launchForTimings, servePages } from './page-chromium';

const ROOT = join(import.meta.dirname, '../..');
const READABILITY = join(ROOT, 'node_modules/@mozilla/readability/Readability.js');
const ROUNDS = 6;

const argv = process.argv.slice(2);
const limit = Number(argv[argv.indexOf('--limit') + 1] || 0) || Infinity;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;

const bundleArg = argv.includes('--bundle') ? argv[argv.indexOf('--bundle') + 1]! : null;
const profiling = argv.includes('--profile');

function builtExtractor(): string {
  for (const d of ['.output/chrome-mv3', '.output/local/chrome-mv3']) {
    const f = join(ROOT, d, 'extractor.js');
    if (existsSync(f)) return f;
  }
  throw new Error('No built extractor.js: run "npx wxt build" first.');
}

interface Page {
  set: 'aeb' | 'fr-news';
  name: string;
  url: string;
  html: string;
}
const pages: Page[] = [
  ...(only && only !== 'aeb'
    ? []
    : loadAeb().map((p) => ({ set: 'aeb' as const, name: p.id, url: p.url, html: p.html }))),
  ...(only && only !== 'fr-news'
    ? []
    : loadFrNews().map((c) => ({ set: 'fr-news' as const, name: c.id, url: c.url, html: c.html }))),
].slice(0, limit);

const HARNESS = `//# sourceURL=harness.js
(() => {
  const gc = typeof globalThis.gc === 'function' ? () => globalThis.gc({ type: 'minor' }) : () => {};
  const api = globalThis.${ON_DEMAND.extractor};
  globalThis.__benchRun = (which, url) => {
    gc();
    const t0 = performance.now();
    if (which === 0) {
      const r = api.extractArticle(document, url);
      const ms = performance.now() - t0;
      return { ms, ok: r.ok };
    }
    const r = new Readability(document.cloneNode(true)).parse();
    const ms = performance.now() - t0;
    return { ms, ok: !!r };
  };
  return typeof globalThis.gc === 'function';
})()`;

interface Timing {
  page: Page;
  lisible: number;
  readability: number;
  ok: boolean;
}

/** Per function of the bundle: time with its callees, once per sample however deep it recurses. */
const inclusive = new Map<string, number>();
const selfTime = new Map<string, number>();
function addProfile(profile: unknown): void {
  const key = (f: { functionName: string; url: string; lineNumber: number }) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  forEachSample(profile, (stack, dt) => {
    const own = key(stack[0]!);
    selfTime.set(own, (selfTime.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (const f of stack) {
      const k = key(f);
      if (/extractor|readability/.test(f.url) && !seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    }
  });
}

const extractor = `${readFileSync(bundleArg ?? builtExtractor(), 'utf8')}\n//# sourceURL=extractor.js`;
const readability = `${readFileSync(READABILITY, 'utf8')}\n//# sourceURL=readability.js`;
const server = await servePages(pages.map((p) => p.html));
const origin = server.origin;
const browser = await launchForTimings();
const timings: Timing[] = [];
const failed: string[] = [];
let gcOn = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  for (const [i, p] of pages.entries()) {
    try {
      await page.goto(`${origin}/p/${i}.html`, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
      await page.waitForTimeout(100);
      const ctx = await isolatedWorld(cdp, 'lisible-bench');
      await evaluate(cdp, ctx, extractor);
      await evaluate(cdp, ctx, readability);
      gcOn = (await evaluate(cdp, ctx, HARNESS)) as boolean;
      const run = (w: number) =>
        evaluate(cdp, ctx, `__benchRun(${w}, ${JSON.stringify(p.url)})`) as Promise<{
          ms: number;
          ok: boolean;
        }>;
      for (let k = 0; k < 2; k++) for (const w of [0, 1]) await run(w);
      const times: number[][] = [[], []];
      if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      let ok = false;
      for (let r = 0; r < ROUNDS; r++)
        for (const w of runOrder(r, 2)) {
          const res = await run(w);
          times[w]!.push(res.ms);
          if (w === 0) ok = res.ok;
        }
      if (profiling) addProfile((await cdp.send('Profiler.stop')).profile);
      timings.push({ page: p, lisible: median(times[0]!), readability: median(times[1]!), ok });
    } catch (e) {
      failed.push(`${p.set}/${p.name}: ${(e as Error).message.slice(0, 120)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const f2 = (x: number) => x.toFixed(2);
const rows = (['aeb', 'fr-news'] as const).map((set) => {
  const ts = timings.filter((t) => t.page.set === set);
  const ratios = ts.map((t) => t.lisible / t.readability);
  return {
    set,
    pages: ts.length,
    refused: ts.filter((t) => !t.ok).length,
    lisibleMedianMs: median(ts.map((t) => t.lisible)),
    readabilityMedianMs: median(ts.map((t) => t.readability)),
    ratioMedian: median(ratios),
    ratioP25: quantile(ratios, 0.25),
    ratioP75: quantile(ratios, 0.75),
    ratioP95: quantile(ratios, 0.95),
    totalRatio: ts.reduce((a, t) => a + t.lisible, 0) / ts.reduce((a, t) => a + t.readability, 0),
  };
});
if (argv.includes('--json')) console.log(JSON.stringify({ rows, failed, gc: gcOn }, null, 2));
else {
  console.log(
    `Extraction in Chromium (${CHROMIUM}), on the page, ${ROUNDS} rounds per page, minor GC before each run: ${gcOn ? 'yes' : 'no'}`,
  );
  console.log(
    '| pages | n | Lisible med ms | Readability med ms | ×RD median | p25–p75 | p95 | total ratio | Lisible refused |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    if (r.pages)
      console.log(
        `| ${r.set} | ${r.pages} | ${f2(r.lisibleMedianMs)} | ${f2(r.readabilityMedianMs)} | ${f2(r.ratioMedian)} | ${f2(r.ratioP25)}–${f2(r.ratioP75)} | ${f2(r.ratioP95)} | ${f2(r.totalRatio)} | ${r.refused} |`,
      );
  if (profiling) {
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 45)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
    console.log(['', 'self:', ...top(selfTime), '', 'with callees:', ...top(inclusive)].join('\n'));
  }
  if (failed.length) console.log(`not timed (${failed.length}): ${failed.join('; ')}`);
}
