// Scan time against Readability's on the same pages (issue 12's target: the scan ≤ 0.1× Readability's
// time), measured so that the ratio is a property of the code and not of the machine's load.
//
// Why it is measured this way (the earlier "ratio of medians" read 0.188 in one run and 0.090 in the
// next, with the scan steady at 1.2–1.7 ms and Readability at 6.5 or 19.3 ms):
// - Both are warmed up on every page first: Readability ran cold on the first pages, and each new page
//   shape recompiled some of it, inside the timed runs.
// - CPU time, not wall time: on the shared 2-core machine the process is preempted for whole scheduler
//   slices (several ms). A 1 ms scan usually fits between two preemptions, a 3–20 ms parse usually does
//   not, so wall time inflated Readability's side with the load and the ratio fell as the load rose.
// - A minor GC before every timed run: Readability's garbage otherwise triggers collections that land
//   in whichever run comes next (often the scan's).
// - Interleaved per page (scan then parse, then parse then scan, ROUNDS times): a burst of load or a
//   GC falls on both sides alike.
// - Readability's `parse()` only: it needs a clone of the document (it rewrites it), made outside the
//   timed run; in linkedom the clone is JavaScript (13 % of parse() here), in a browser it is native.
// - The ratio is computed per page (median scan / median parse), and the figure is the median of the
//   per-page ratios: a ratio of medians compares a small page's scan with a big page's parse. The spread
//   printed with it says how far to trust it: the quartiles over pages, and the range of the same median
//   computed from each round alone (how much one run's figure can move).
import { Readability } from '@mozilla/readability';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detectBlocks } from '../../utils/classifieds';
import { parse } from './classifieds-score';

const ROUNDS = 9;

type Gc = (opts?: { type: 'minor' | 'major' }) => void;
function minorGc(): Gc {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Gc;
}

const cpuMs = (fn: () => void, gc: Gc): number => {
  gc({ type: 'minor' });
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.round(p * (s.length - 1))]!;
}

export interface PageTiming {
  name: string;
  /** Median CPU ms of the scan, of Readability's parse(). */
  scan: number;
  read: number;
  /** Per round, scan / parse. */
  rounds: number[];
}

/**
 * The order of round `r` among `n` runs: every permutation in turn, so that each run follows each other
 * one as often (a scan right after another scan of the same DOM finds it in the CPU's caches: a
 * rotation alone made one copy of the same code 7 % faster than the other).
 */
export function runOrder(r: number, n: number): number[] {
  const perms: number[][] = [[]];
  for (let k = 0; k < n; k++)
    perms.splice(
      0,
      perms.length,
      ...perms.flatMap((p) =>
        Array.from({ length: p.length + 1 }, (_, i) => [...p.slice(0, i), k, ...p.slice(i)]),
      ),
    );
  perms.sort((a, b) => a.join().localeCompare(b.join()));
  return perms[r % perms.length]!;
}

/** Times the scan and Readability on each page (see the top of this file for how and why). */
export function timePages(pages: ReadonlyArray<{ name: string; html: string }>): PageTiming[] {
  return timeScans(pages, [detectBlocks])[0]!;
}

/**
 * The same for several versions of the scan (an A/B of a speed-up: tests/tools/classifieds-ab.ts), each
 * against the same parse() runs; the order of the runs rotates from round to round.
 */
export function timeScans(
  pages: ReadonlyArray<{ name: string; html: string }>,
  scans: ReadonlyArray<(doc: Document) => unknown>,
  rounds = ROUNDS,
): PageTiming[][] {
  const gc = minorGc();
  const docs = pages.map((p) => parse(p.html));
  for (let k = 0; k < 2; k++)
    for (const doc of docs) {
      for (const scan of scans) scan(doc);
      new Readability(doc.cloneNode(true) as Document).parse();
    }
  const out = scans.map(() => [] as PageTiming[]);
  docs.forEach((doc, i) => {
    const times = [...scans, null].map(() => [] as number[]);
    for (let r = 0; r < rounds; r++) {
      const clone = doc.cloneNode(true) as Document;
      for (const w of runOrder(r, scans.length + 1)) {
        const scan = scans[w];
        times[w]!.push(cpuMs(scan ? () => scan(doc) : () => new Readability(clone).parse(), gc));
      }
    }
    const read = times[scans.length]!;
    scans.forEach((_, w) =>
      out[w]!.push({
        name: pages[i]!.name,
        scan: median(times[w]!),
        read: median(read),
        rounds: times[w]!.map((x, r) => x / read[r]!),
      }),
    );
  });
  return out;
}

const f3 = (x: number) => x.toFixed(3);

/** "median 0.061 (pages p25–p75 0.041–0.090; one round alone 0.055–0.070)". */
export function ratioLine(ts: readonly PageTiming[]): string {
  const ratios = ts.map((t) => t.scan / t.read);
  const n = Math.min(...ts.map((t) => t.rounds.length));
  const perRound = Array.from({ length: n }, (_, r) => median(ts.map((t) => t.rounds[r]!)));
  return (
    `median of per-page ratios ${f3(median(ratios))} ` +
    `(pages p25–p75 ${f3(quantile(ratios, 0.25))}–${f3(quantile(ratios, 0.75))}, p95 ${f3(quantile(ratios, 0.95))}; ` +
    `one round alone ${f3(Math.min(...perRound))}–${f3(Math.max(...perRound))}); ` +
    `scan median ${median(ts.map((t) => t.scan)).toFixed(2)} ms, parse() median ${median(ts.map((t) => t.read)).toFixed(2)} ms`
  );
}

export const ROUNDS_PER_PAGE = ROUNDS;
