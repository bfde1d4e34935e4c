// No-jank bench (issue 12): does Lisible cause long tasks (≥ 50 ms) while a page loads?
//
//   npm run bench:jank [-- --before <chrome-mv3 dir>] [--empty <extension dir>] [--real] [--limit N]
//
// Loads the real pages of ../shared/corpus/fr-news and the indep-* classifieds fixtures in Debian's
// Chromium (playwright-core), interleaved page by page: without Lisible, with this build (the local build,
// .output/local/chrome-mv3, where 127.0.0.1 counts as a known site so the content script runs from
// document_start) and, with --before, with an older build. Each page is served from 127.0.0.1; every
// other host fails at once (no network). A PerformanceObserver installed before the page's scripts
// records long tasks; the navigation timing gives DOMContentLoaded. Two passes: idle, then with the other
// core kept busy by a spinning process. Compare as ratios within one run: the machine is shared.
//
// With Lisible, the load is also traced (Chrome's devtools.timeline events): the time its own scripts
// run (the content script's evaluation at document_start, each slice of the scan) and the long tasks
// it makes, i.e. tasks of 50 ms or more that would be shorter than 50 ms without its script time.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXT_DIR, CHROMIUM } from '../e2e/chromium.mjs';

const ROOT = join(import.meta.dirname, '../..');
const FR_NEWS = join(ROOT, '../shared/corpus/fr-news');
const FIXTURES = join(ROOT, 'tests/fixtures/classifieds');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const LIMIT = Number(arg('--limit') ?? Infinity);
/** Only the fr-news pages (the real ones). */
const REAL_ONLY = process.argv.includes('--real');
const BEFORE = arg('--before');

function pages() {
  const out = [];
  if (existsSync(FR_NEWS))
    for (const d of readdirSync(FR_NEWS).sort()) {
      const f = join(FR_NEWS, d, 'source.html');
      if (existsSync(f)) out.push({ name: `fr-news/${d}`, file: f });
    }
  if (!REAL_ONLY)
    for (const d of readdirSync(FIXTURES).sort())
      if (d.startsWith('indep-')) out.push({ name: `fixture/${d}`, file: join(FIXTURES, d, 'source.html') });
  return out.slice(0, LIMIT);
}

async function serve(list) {
  const byPath = new Map(list.map((p, i) => [`/p/${i}.html`, p.file]));
  const server = createServer((req, res) => {
    const file = byPath.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// Installed before any page script: long tasks of the whole frame (the content script's included).
const OBSERVE = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
};

async function launch(extDir) {
  const dir = mkdtempSync(join(tmpdir(), 'lisible-jank-'));
  const ext = extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : [];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No network: every host but 127.0.0.1 fails to resolve at once.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...ext,
    ],
  });
  await context.addInitScript(OBSERVE);
  if (extDir) {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  }
  return context;
}

const EXTENSION_SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction']);

/**
 * From a trace: Lisible's script runs on the page's main thread. The content script's evaluation at
 * document_start (EvaluateScript: creating the extension's isolated world and running the script's top
 * level, inside the parser's task) is apart from everything it runs later (FunctionCall: the scan's
 * slices, listeners, rescans). A long task "from Lisible" is a task of 50 ms or more that would be
 * shorter than 50 ms without Lisible's script time in it.
 */
function attribute(events) {
  const main = events.find((e) => e.name === 'ParseHTML')?.tid;
  const ours = events.filter(
    (e) =>
      e.tid === main &&
      e.ph === 'X' &&
      EXTENSION_SCRIPT.has(e.name) &&
      JSON.stringify(e.args?.data ?? {}).includes('chrome-extension://'),
  );
  const evaluation = ours.filter((e) => e.name === 'EvaluateScript');
  const later = ours.filter((e) => e.name !== 'EvaluateScript');
  const tasks = events.filter(
    (e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask' && e.dur >= 50_000,
  );
  // Made by the evaluation alone, by the later runs alone (the scan's slices…), or only by both together.
  const made = { all: 0, evaluation: 0, later: 0 };
  const within = (t, xs) =>
    xs.filter((o) => o.ts >= t.ts && o.ts + o.dur <= t.ts + t.dur).reduce((n, o) => n + o.dur, 0);
  for (const t of tasks) {
    const [e, l] = [within(t, evaluation), within(t, later)];
    if (e + l === 0 || t.dur - e - l >= 50_000) continue;
    made.all++;
    if (e > 0 && t.dur - e < 50_000) made.evaluation++;
    else if (l > 0 && t.dur - l < 50_000) made.later++;
  }
  const longest = (xs) => xs.reduce((m, o) => Math.max(m, o.dur), 0) / 1000;
  return {
    evaluationMs: longest(evaluation),
    laterMs: later.reduce((n, o) => n + o.dur, 0) / 1000,
    longestLater: longest(later),
    longTasksFromUs: made.all,
    fromEvaluation: made.evaluation,
    fromLater: made.later,
  };
}

async function measure(context, url, trace) {
  const page = await context.newPage();
  const cdp = trace ? await context.newCDPSession(page) : null;
  const events = [];
  const complete = cdp ? new Promise((r) => cdp.once('Tracing.tracingComplete', r)) : null;
  try {
    if (cdp) {
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
        transferMode: 'ReportEvents',
      });
    }
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // The sliced scan runs after DOMContentLoaded, rescans 800 ms after late nodes: let them finish.
    await page.waitForTimeout(1500);
    const res = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        longTasks: window.__longTasks ?? [],
        dcl: nav ? nav.domContentLoadedEventEnd : NaN,
        fcp: fcp ? fcp.startTime : NaN,
      };
    });
    if (cdp) {
      await cdp.send('Tracing.end');
      await complete;
      Object.assign(res, attribute(events));
    }
    return res;
  } finally {
    await page.close();
  }
}

const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const p95 = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN;
};

async function pass(label, variants, list, origin) {
  const results = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (const [i, p] of list.entries()) {
    // Interleaved, the order rotating from page to page.
    const order = variants.map((_, k) => variants[(i + k) % variants.length]);
    for (const v of order)
      results[v.name].push({
        page: p.name,
        ...(await measure(v.context, `${origin}/p/${i}.html`, v.name !== 'none')),
      });
  }
  const none = results.none;
  const rows = [];
  for (const v of variants) {
    const r = results[v.name];
    const tasks = r.flatMap((x) => x.longTasks);
    const extra = r.map((x, k) => x.longTasks.length - none[k].longTasks.length);
    const dclDelta = r.map((x, k) => x.dcl - none[k].dcl);
    const fcpDelta = r.map((x, k) => x.fcp - none[k].fcp);
    rows.push({
      variant: v.name,
      pages: r.length,
      pagesWithLongTask: r.filter((x) => x.longTasks.length).length,
      longTasks: tasks.length,
      maxLongTask: tasks.length ? Math.max(...tasks) : 0,
      pagesWithMoreLongTasksThanNone: extra.filter((x) => x > 0).length,
      dclDeltaMedian: median(dclDelta),
      dclDeltaP95: p95(dclDelta),
      fcpDeltaMedian: median(fcpDelta),
      evaluationMedian: median(r.map((x) => x.evaluationMs ?? NaN)),
      evaluationMax: Math.max(0, ...r.map((x) => x.evaluationMs ?? 0)),
      laterMedian: median(r.map((x) => x.laterMs ?? NaN)),
      longestLater: Math.max(0, ...r.map((x) => x.longestLater ?? 0)),
      longTasksFromUs: r.reduce((n, x) => n + (x.longTasksFromUs ?? 0), 0),
      fromEvaluation: r.reduce((n, x) => n + (x.fromEvaluation ?? 0), 0),
      fromLater: r.reduce((n, x) => n + (x.fromLater ?? 0), 0),
    });
  }
  console.log(`\n${label} (load average ${loadavg()[0].toFixed(1)})`);
  console.log(
    'variant   pages  w/ long task  long tasks  max ms  more than none  DCL Δ med  DCL Δ p95  FCP Δ med | eval med  eval max  after: med  longest  long tasks from it (eval / later)',
  );
  const f = (x, w) => (Number.isFinite(x) ? x.toFixed(1) : '-').padStart(w);
  for (const r of rows)
    console.log(
      `${r.variant.padEnd(9)} ${String(r.pages).padStart(5)}  ${String(r.pagesWithLongTask).padStart(12)}  ${String(r.longTasks).padStart(10)}  ${String(r.maxLongTask).padStart(6)}  ${String(r.pagesWithMoreLongTasksThanNone).padStart(14)}  ${f(r.dclDeltaMedian, 9)}  ${f(r.dclDeltaP95, 9)}  ${f(r.fcpDeltaMedian, 9)} | ${f(r.evaluationMedian, 8)}  ${f(r.evaluationMax, 8)}  ${f(r.laterMedian, 10)}  ${f(r.longestLater, 7)}  ${(r.variant === 'none' ? '-' : `${r.longTasksFromUs} (${r.fromEvaluation} / ${r.fromLater})`).padStart(18)}`,
    );
  for (const v of variants.filter((x) => x.name !== 'none'))
    for (const [k, x] of results[v.name].entries())
      if (x.longTasks.length > none[k].longTasks.length)
        console.log(
          `  ${v.name}: ${x.page}: long tasks ${x.longTasks.join(', ')} ms (none: ${none[k].longTasks.join(', ') || '-'})`,
        );
  return { label, rows, results };
}

const list = pages();
if (!existsSync(CHROME_EXT_DIR)) {
  console.error(`No build at ${CHROME_EXT_DIR}: run "npm run build:local" first.`);
  process.exit(2);
}
const { server, origin } = await serve(list);
const variants = [
  { name: 'none', context: await launch(null) },
  { name: 'lisible', context: await launch(CHROME_EXT_DIR) },
];
if (BEFORE) variants.push({ name: 'before', context: await launch(BEFORE) });
// An extension whose content script does nothing: the cost of having one at document_start at all.
const EMPTY = arg('--empty');
if (EMPTY) variants.push({ name: 'empty-ext', context: await launch(EMPTY) });
// Warm-up: first navigations pay for process start-up.
for (const v of variants) await measure(v.context, `${origin}/p/0.html`, false);
console.log(
  `Jank bench: ${list.length} pages (${list.filter((p) => p.name.startsWith('fr-news')).length} fr-news, the rest indep-* fixtures), variants ${variants.map((v) => v.name).join(', ')}`,
);
const out = [await pass('Idle', variants, list, origin)];
const spinner = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
try {
  out.push(await pass('Other core busy (a spinning process)', variants, list, origin));
} finally {
  spinner.kill();
}
for (const v of variants) await v.context.close();
server.close();
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(join(ROOT, '.bench/jank.json'), JSON.stringify(out, null, 1));
