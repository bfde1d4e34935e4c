// Scan time against Readability's where the scan runs: in Chromium, on the page, DOM access native.
// The Node figure (classifieds-timing.ts) runs both on linkedom, whose costs are not a browser's: its
// TreeWalker gathers a whole subtree up front, its clone is JavaScript, and Readability's many
// getElementsByTagName and innerHTML calls are slower there in proportion.
//
//   node --import tsx tests/bench/classifieds-chromium.ts [--before <an older scanner.js>]
//        [--bundle <scanner.js to time instead of the build>] [--only <page name prefix>] [--limit N]
//        [--profile: self time by function, and with callees ("+ name") for the scanner's; give an
//        unminified --bundle to read names]
//   (also printed by the classifieds bench, after the Node figure)
//
// How: Debian's Chromium (playwright-core, the flags of tests/e2e/chromium.mjs, no extension loaded),
// each page served from 127.0.0.1 (every other host fails at once), cross-origin isolated so that
// performance.now() has 5 µs steps instead of 100. After the load, an isolated world is made in the
// page (as the content script's), and the extension's own built scanner.js (the bundle the background
// injects) and Readability are evaluated in it. Timed: the scanner's detectBlocksSliced with no slice
// limit and an immediate yield (the code the extension runs, unsliced), and `new
// Readability(clone).parse()`, the clone made before the timer starts, as the Node bench does. Both warm
// up twice on the page (each page is a new context, so each starts cold), then ROUNDS rounds, the order
// rotating, a minor GC before each timed run (--expose-gc). Wall time: a page has no CPU clock; the
// median over rounds absorbs most preemption on the shared machine. The figure is the median of the
// per-page ratios (median scan / median parse), with the quartiles (ratioLine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentHost } from '../../utils/classifieds/detect';
import { ON_DEMAND } from '../../utils/messaging/on-demand';
import { listFixtures, loadFixture } from '../fixtures/classifieds/load';
import { readHtmlFile } from '../tools/decode';
import { parse } from './classifieds-score';
import { median, ratioLine, ROUNDS_PER_PAGE, runOrder, type PageTiming } from './classifieds-timing';
import {
  evaluate,
  forEachSample,
  isolatedWorld,
  launchForTimings,
  servePages,
  type CallFrame,
} from './page-chromium';

const ROOT = join(import.meta.dirname, '../..');
const FR_NEWS = join(ROOT, '../shared/corpus/fr-news');
const READABILITY = join(ROOT, 'node_modules/@mozilla/readability/Readability.js');

/** The built scanner bundle: the store build, else the local one (the same code). */
export function builtScanner(): string | null {
  for (const d of ['.output/chrome-mv3', '.output/local/chrome-mv3']) {
    const f = join(ROOT, d, 'scanner.js');
    if (existsSync(f)) return f;
  }
  return null;
}

export interface BrowserPage {
  name: string;
  html: string;
}

/** The 26 real fr-news pages, then every classifieds fixture. */
export function browserPages(): BrowserPage[] {
  const out: BrowserPage[] = [];
  if (existsSync(FR_NEWS))
    for (const d of readdirSync(FR_NEWS).sort()) {
      const f = join(FR_NEWS, d, 'source.html');
      if (existsSync(f)) out.push({ name: `fr-news/${d}`, html: readHtmlFile(f).html });
    }
  for (const n of listFixtures()) out.push({ name: `fixture/${n}`, html: loadFixture(n).html });
  return out;
}

// Evaluated in the isolated world once the bundles are: each scanner's API is moved off the global it
// sets (so that the next bundle sets its own), and one function times one run.
const HARNESS = `//# sourceURL=harness.js
(() => {
  const gc = typeof globalThis.gc === 'function' ? () => globalThis.gc({ type: 'minor' }) : () => {};
  globalThis.__benchRun = async (which, host) => {
    if (which < 0) {
      const clone = document.cloneNode(true);
      gc();
      const t0 = performance.now();
      new Readability(clone).parse();
      return { ms: performance.now() - t0 };
    }
    const api = globalThis.__benchScanners[which];
    gc();
    const t0 = performance.now();
    const blocks = await api.detectBlocksSliced(document, { host }, {
      yieldToPage: () => Promise.resolve(),
      sliceMs: Infinity,
    });
    const ms = performance.now() - t0;
    return { ms, out: blocks.map((b) => b.category + ':' + b.items + ':' + b.text).join('|') };
  };
  return typeof globalThis.gc === 'function';
})()`;

export interface BrowserTimings {
  /** Per scanner bundle, in the order given. */
  scans: PageTiming[][];
  /** Pages where two bundles returned different blocks (a speed-up must change none). */
  differ: string[];
  gc: boolean;
}

/** Times each scanner bundle and Readability on every page, in Chromium (see the top of this file). */
export async function timeInChromium(
  bundles: readonly string[],
  pages: readonly BrowserPage[],
  /** Self time by function over the timed rounds (a dev aid: pass an unminified bundle). */
  profile?: Map<string, number>,
): Promise<BrowserTimings> {
  // Named, for a profile to tell them apart.
  const codes = bundles.map((b, i) => `${readFileSync(b, 'utf8')}\n//# sourceURL=scanner-${i}.js`);
  const readability = `${readFileSync(READABILITY, 'utf8')}\n//# sourceURL=readability.js`;
  const hosts = pages.map((p) => documentHost(parse(p.html)) ?? '127.0.0.1');
  const server = await servePages(pages.map((p) => p.html));
  const origin = server.origin;
  const browser = await launchForTimings();
  const out: BrowserTimings = { scans: bundles.map(() => []), differ: [], gc: false };
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    for (const [i, p] of pages.entries()) {
      await page.goto(`${origin}/p/${i}.html`, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
      await page.waitForTimeout(200);
      const ctx = await isolatedWorld(cdp, 'lisible-bench');
      await evaluate(cdp, ctx, 'globalThis.__benchScanners = []');
      for (const code of codes) {
        await evaluate(cdp, ctx, code);
        await evaluate(
          cdp,
          ctx,
          `globalThis.__benchScanners.push(globalThis.${ON_DEMAND.scanner}); delete globalThis.${ON_DEMAND.scanner}`,
        );
      }
      await evaluate(cdp, ctx, readability);
      out.gc = (await evaluate(cdp, ctx, HARNESS)) as boolean;
      const which = [...codes.keys(), -1];
      const run = (w: number) =>
        evaluate(cdp, ctx, `__benchRun(${w}, ${JSON.stringify(hosts[i])})`) as Promise<{
          ms: number;
          out?: string;
        }>;
      for (let k = 0; k < 2; k++) for (const w of which) await run(w);
      const times = which.map(() => [] as number[]);
      if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      const outputs = new Set<string>();
      // With two bundles, 12 rounds: each of the six orders of the three runs twice.
      const rounds = codes.length > 1 ? 12 : ROUNDS_PER_PAGE;
      for (let r = 0; r < rounds; r++)
        for (const w of runOrder(r, which.length)) {
          const res = await run(which[w]!);
          times[w]!.push(res.ms);
          if (res.out !== undefined) outputs.add(res.out);
        }
      if (profile) addProfile(profile, (await cdp.send('Profiler.stop')).profile);
      if (outputs.size > 1) out.differ.push(p.name);
      const read = times[which.length - 1]!;
      for (const b of codes.keys())
        out.scans[b]!.push({
          name: p.name,
          scan: median(times[b]!),
          read: median(read),
          rounds: times[b]!.map((x, r) => x / read[r]!),
        });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** Self time by function, and time with callees ("+ name") of every function of a bundle. */
function addProfile(into: Map<string, number>, profile: unknown): void {
  const key = (f: CallFrame) =>
    `${f.functionName || '(anonymous)'} ${f.url ? `${f.url}:${f.lineNumber}` : ''}`;
  forEachSample(profile, (stack, dt) => {
    const k = key(stack[0]!);
    into.set(k, (into.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (const f of stack) {
      const q = `+ ${key(f)}`;
      if (f.url.startsWith('scanner') && !seen.has(q)) {
        seen.add(q);
        into.set(q, (into.get(q) ?? 0) + dt);
      }
    }
  });
}

const f3 = (x: number) => x.toFixed(3);

/** The Chromium lines of the classifieds bench: fr-news pages, fixtures, real and indep-* fixtures. */
export function printBrowser(t: BrowserTimings, labels: readonly string[]): void {
  const groups: Array<[string, (n: string) => boolean]> = [
    ['fr-news pages', (n) => n.startsWith('fr-news/')],
    ['all fixtures', (n) => n.startsWith('fixture/')],
    [
      'real and indep-* fixtures',
      (n) => n.startsWith('fixture/') && !/^fixture\/(?:synth|neg|rule)-/.test(n),
    ],
  ];
  console.log(
    `Scan / Readability in Chromium (in the page, wall time, ${t.scans.length > 1 ? 12 : ROUNDS_PER_PAGE} rounds interleaved per page${t.gc ? ', minor GC before each run' : ', no GC control'}; target ≤ 0.1)`,
  );
  for (const [g, f] of groups)
    for (const [b, label] of labels.entries()) {
      const ts = t.scans[b]!.filter((x) => f(x.name));
      if (ts.length)
        console.log(`  ${g} (${ts.length})${labels.length > 1 ? ` [${label}]` : ''}: ${ratioLine(ts)}`);
    }
  if (labels.length > 1) {
    const per = t.scans[1]!.map((x, i) => x.scan / t.scans[0]![i]!.scan);
    console.log(`  ${labels[1]} / ${labels[0]} scan time, median of per-page ratios: ${f3(median(per))}`);
  }
  if (t.differ.length) console.log(`  pages where the bundles' blocks differ: ${t.differ.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const b = process.argv.indexOf('--bundle');
  const scanner = b > 0 ? process.argv[b + 1]! : builtScanner();
  if (!scanner) {
    console.error('No build (.output/chrome-mv3/scanner.js): run "npm run build" first.');
    process.exit(2);
  }
  const i = process.argv.indexOf('--before');
  const bundles = i > 0 ? [process.argv[i + 1]!, scanner] : [scanner];
  const limit = process.argv.indexOf('--limit');
  const only = process.argv.indexOf('--only');
  const pages = browserPages()
    .filter((p) => only < 0 || p.name.startsWith(process.argv[only + 1]!))
    .slice(0, limit > 0 ? Number(process.argv[limit + 1]) : undefined);
  const profile = process.argv.includes('--profile') ? new Map<string, number>() : undefined;
  printBrowser(
    await timeInChromium(bundles, pages, profile),
    i > 0 ? ['before', 'this build'] : ['this build'],
  );
  if (profile) {
    const total = [...profile].filter(([k]) => !k.startsWith('+')).reduce((a, [, b]) => a + b, 0);
    for (const [k, v] of [...profile].sort((a, b) => b[1] - a[1]).slice(0, 60))
      console.log(`${((100 * v) / total).toFixed(1).padStart(5)} % ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
}
