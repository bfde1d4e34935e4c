// Classifieds detection bench: block-level precision/recall per category on the labelled
// fixtures, and scan time per page compared with Readability's extraction on the same DOM.
// Called at the end of `npm run bench`; runnable alone: node --import tsx tests/bench/classifieds-bench.ts
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { pathToFileURL } from 'node:url';
import { detectBlocks } from '../../utils/classifieds';
import { CATEGORIES, type Category } from '../../utils/classifieds/types';
import { injectHtml, listFixtures, loadFixture, type Label } from '../fixtures/classifieds/load';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function score(
  doc: Document,
  labels: Label[],
  counts: Record<Category, Counts>,
  misses: string[],
  name: string,
): void {
  const detected = detectBlocks(doc);
  const wanted = labels.map((l) => ({
    category: l.category,
    el: doc.querySelector(l.selector),
    used: false,
  }));
  for (const b of detected) {
    const hit = wanted.find((w) => !w.used && w.el === b.element && w.category === b.category);
    if (hit) {
      hit.used = true;
      counts[b.category].tp++;
    } else {
      counts[b.category].fp++;
      misses.push(`FP ${name}: ${b.category} ${b.selector}`);
    }
  }
  for (const w of wanted) {
    if (!w.used) {
      counts[w.category].fn++;
      misses.push(`FN ${name}: ${w.category}`);
    }
  }
}

function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export async function runClassifiedsBench(): Promise<void> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Category,
    Counts
  >;
  const misses: string[] = [];
  const scanMs: number[] = [];
  const readabilityMs: number[] = [];
  const ratios: number[] = [];
  const real: Array<{ name: string; scan: number; read: number }> = [];
  const names = listFixtures();

  for (const name of names) {
    const fx = loadFixture(name);
    const doc = parse(fx.html);
    score(doc, fx.labels, counts, misses, name);
    if (fx.inject) {
      const slot = doc.getElementById('late-slot');
      if (slot) {
        injectHtml(slot, fx.inject.html, parse);
        score(doc, fx.inject.labels, counts, misses, `${name} (after injection)`);
      }
    }

    // Timing on a fresh parse; only the scan / the parse() call is timed, not HTML parsing.
    const timed = parse(fx.html);
    detectBlocks(timed); // warm-up (JIT, regex compilation)
    const scan = time(() => detectBlocks(timed), 15);
    const read = time(() => {
      const clone = timed.cloneNode(true) as Document;
      new Readability(clone).parse();
    }, 5);
    scanMs.push(scan);
    readabilityMs.push(read);
    ratios.push(scan / read);
    // Synthetic pages are tiny: real pages (fr-news copies, seed reconstruction) are reported apart.
    if (!/^(?:synth|neg|rule)-/.test(name)) real.push({ name, scan, read });
  }

  const rows: string[] = [];
  let all: Counts = { tp: 0, fp: 0, fn: 0 };
  const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : (100 * x).toFixed(1).padStart(5) + '%');
  for (const c of CATEGORIES) {
    const k = counts[c];
    all = { tp: all.tp + k.tp, fp: all.fp + k.fp, fn: all.fn + k.fn };
    const p = k.tp + k.fp ? k.tp / (k.tp + k.fp) : NaN;
    const r = k.tp + k.fn ? k.tp / (k.tp + k.fn) : NaN;
    rows.push(`  ${c.padEnd(17)} P ${pct(p)}  R ${pct(r)}   (tp ${k.tp}, fp ${k.fp}, fn ${k.fn})`);
  }
  const p = all.tp + all.fp ? all.tp / (all.tp + all.fp) : NaN;
  const r = all.tp + all.fn ? all.tp / (all.tp + all.fn) : NaN;
  rows.push(`  ${'all'.padEnd(17)} P ${pct(p)}  R ${pct(r)}   (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`);

  const ratio = median(scanMs) / median(readabilityMs);
  console.log(`\nClassifieds detection — ${names.length} labelled fixtures (block level: category + root)`);
  console.log(rows.join('\n'));
  for (const m of misses) console.log('  ' + m);
  console.log(
    `Scan time per page: median ${median(scanMs).toFixed(2)} ms, p95 ${percentile(scanMs, 95).toFixed(2)} ms; ` +
      `Readability parse(): median ${median(readabilityMs).toFixed(2)} ms`,
  );
  console.log(
    `Scan / Readability: ratio of medians ${ratio.toFixed(3)} (target ≤ 0.1); ` +
      `per-page ratio median ${median(ratios).toFixed(3)}, p95 ${percentile(ratios, 95).toFixed(3)}`,
  );
  const worst = real.reduce<(typeof real)[number] | null>(
    (w, r) => (!w || r.scan / r.read > w.scan / w.read ? r : w),
    null,
  );
  const realScan = real.map((r) => r.scan);
  const realRead = real.map((r) => r.read);
  console.log(
    `Real pages only (${real.length}): scan median ${median(realScan).toFixed(2)} ms, p95 ` +
      `${percentile(realScan, 95).toFixed(2)} ms; Readability median ${median(realRead).toFixed(2)} ms; ` +
      `ratio of medians ${(median(realScan) / median(realRead)).toFixed(3)}, ` +
      `worst page ${worst ? `${worst.name} ${(worst.scan / worst.read).toFixed(3)}` : 'n/a'}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runClassifiedsBench();
}
