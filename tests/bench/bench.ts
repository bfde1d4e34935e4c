// One-run benchmark: Lisible vs Readability 0.6 alone vs Defuddle vs @extractus/article-extractor
// on article-extraction-benchmark (181 pages, token-shingle F1 from /work/shared/bench/score.mjs)
// and fr-news (must_contain kept / must_not_contain leaks / title equal), then the WCXB dev split
// per page type (tests/bench/wcxb.ts), classifieds detection and broken inputs.
// How pages are parsed, rendered to text and timed: tests/bench/extractors.ts.
//
// Usage: npm run bench [-- --only lisible,readability-0.6] [--diag N] [--limit N]
//          [--parser parse5|htmlparser2] [--wcxb-only] [--no-wcxb] [--half A|B] [--types article,forum]

import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAeb, loadFrNews, type AebPage, type FrNewsCase } from '../tools/corpora';
import { normalizeTruth } from '../tools/normalize';
import {
  EXTRACTORS,
  htmlToText,
  parserLabel,
  quantile,
  runSafely,
  useParser,
  type Output,
  type ParserName,
} from './extractors';
import { loadScorer } from './score';
import { runWcxbBench } from './wcxb';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.bench');

interface Args {
  only: Set<string> | null;
  diag: number;
  limit: number;
  parser: ParserName;
  wcxb: 'only' | 'no' | 'yes';
  half: 'A' | 'B' | null;
  types: Set<string> | null;
}

function args(): Args {
  const a = process.argv.slice(2);
  const get = (k: string): string | undefined => {
    const i = a.indexOf(k);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const only = get('--only');
  const types = get('--types');
  const half = get('--half');
  return {
    only: only ? new Set(only.split(',')) : null,
    diag: Number(get('--diag') ?? 0),
    limit: Number(get('--limit') ?? 0),
    parser: get('--parser') === 'htmlparser2' ? 'htmlparser2' : 'parse5',
    wcxb: a.includes('--wcxb-only') ? 'only' : a.includes('--no-wcxb') ? 'no' : 'yes',
    half: half === 'A' || half === 'B' ? half : null,
    types: types ? new Set(types.split(',')) : null,
  };
}

interface FrResult {
  kept: number;
  total: number;
  leaks: number;
  titles: number;
  failures: string[];
}

async function main(): Promise<void> {
  const opt = args();
  useParser(opt.parser);
  if (opt.wcxb === 'only') {
    await runWcxbBench({ limit: opt.limit, half: opt.half, types: opt.types });
    return;
  }
  const evaluate = await loadScorer();
  let aeb: AebPage[] = loadAeb();
  if (opt.limit) aeb = aeb.slice(0, opt.limit);
  const fr: FrNewsCase[] = loadFrNews();
  const extractors = EXTRACTORS.filter((e) => !opt.only || opt.only.has(e.name));
  mkdirSync(OUT, { recursive: true });

  // Warm-up (JIT) on a few pages, not measured.
  for (const p of aeb.slice(0, 5)) for (const e of extractors) await e.run(p.html, p.url);

  const preds: Record<string, Record<string, { articleBody: string }>> = {};
  const times: Record<string, number[]> = {};
  const timesById: Record<string, Record<string, number>> = {};
  for (const e of extractors) {
    preds[e.name] = {};
    times[e.name] = [];
    timesById[e.name] = {};
  }
  // Extractors interleaved page by page so machine noise hits them alike.
  for (const p of aeb) {
    for (const e of extractors) {
      const out = await runSafely(e, p.html, p.url);
      preds[e.name]![p.id] = { articleBody: htmlToText(out.html) };
      if (Number.isFinite(out.ms)) {
        times[e.name]!.push(out.ms);
        timesById[e.name]![p.id] = out.ms;
      }
    }
  }
  const truth = Object.fromEntries(aeb.map((p) => [p.id, { articleBody: p.truth }]));

  const frRes: Record<string, FrResult> = {};
  const frOut: Record<string, Record<string, { title: string; text: string }>> = {};
  for (const e of extractors) {
    const r: FrResult = { kept: 0, total: 0, leaks: 0, titles: 0, failures: [] };
    frOut[e.name] = {};
    for (const c of fr) {
      const out: Output = await runSafely(e, c.html, c.url);
      const text = normalizeTruth(htmlToText(out.html));
      frOut[e.name]![c.id] = { title: out.title, text };
      for (const s of c.truth.must_contain) {
        r.total++;
        if (text.includes(normalizeTruth(s))) r.kept++;
        else r.failures.push(`${c.id}: missing "${s.slice(0, 60)}"`);
      }
      for (const s of c.truth.must_not_contain) {
        if (text.includes(normalizeTruth(s))) {
          r.leaks++;
          r.failures.push(`${c.id}: leak "${s.slice(0, 60)}"`);
        }
      }
      if (normalizeTruth(out.title) === normalizeTruth(c.truth.title)) r.titles++;
      else r.failures.push(`${c.id}: title "${out.title.slice(0, 60)}"`);
    }
    frRes[e.name] = r;
  }

  const rdTimes = timesById['readability-0.6'] ?? {};
  const rows: string[] = [];
  const summary: Record<string, unknown> = {};
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
  rows.push(
    `${'extractor'.padEnd(22)} ${'F1'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)}  | ${'fr kept'.padStart(8)} ${'leaks'.padStart(5)} ${'title'.padStart(6)} | ${'med ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'×RD med'.padStart(8)} ${'×RD p95'.padStart(8)}`,
  );
  for (const e of extractors) {
    const ev = evaluate(truth, preds[e.name]!, { nBootstrap: 200 });
    const ratios = Object.entries(timesById[e.name]!)
      .filter(([id]) => rdTimes[id] !== undefined && rdTimes[id]! > 0)
      .map(([id, ms]) => ms / rdTimes[id]!);
    const med = quantile(times[e.name]!, 0.5);
    const p95 = quantile(times[e.name]!, 0.95);
    const fr1 = frRes[e.name]!;
    rows.push(
      `${(e.name + (e.note ? '*' : '')).padEnd(22)} ${f(ev.result.f1)} ${f(ev.result.precision)} ${f(ev.result.recall)}  | ${`${fr1.kept}/${fr1.total}`.padStart(8)} ${String(fr1.leaks).padStart(5)} ${`${fr1.titles}/${fr.length}`.padStart(6)} | ${med.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${quantile(ratios, 0.5).toFixed(2).padStart(8)} ${quantile(ratios, 0.95).toFixed(2).padStart(8)}`,
    );
    summary[e.name] = {
      ...ev.result,
      fr: fr1,
      medianMs: med,
      p95Ms: p95,
      ratioMedian: quantile(ratios, 0.5),
      ratioP95: quantile(ratios, 0.95),
    };
    writeFileSync(join(OUT, `aeb-${e.name}.json`), JSON.stringify(preds[e.name], null, 1));
    writeFileSync(join(OUT, `aeb-${e.name}-perpage.json`), JSON.stringify(ev.perPage, null, 1));
    writeFileSync(join(OUT, `frnews-${e.name}.json`), JSON.stringify(frOut[e.name], null, 1));
  }
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 1));
  writeFileSync(join(OUT, 'times.json'), JSON.stringify(timesById, null, 1));

  console.log(
    `\narticle-extraction-benchmark: ${aeb.length} pages · fr-news: ${fr.length} cases · parse = ${parserLabel()} · text = blockText(linkedom parse of output HTML)`,
  );
  console.log(rows.join('\n'));
  console.log('×RD = per-page time / Readability time on the same page (median and p95 of the ratio).');
  for (const e of extractors) if (e.note) console.log(`${e.name}${e.note}`);
  const lis = frRes['lisible'];
  if (lis && lis.failures.length) console.log('\nlisible fr-news failures:\n  ' + lis.failures.join('\n  '));

  if (opt.diag && preds['lisible'] && preds['readability-0.6']) {
    const a = evaluate(truth, preds['lisible'], { nBootstrap: 1 }).perPage;
    const b = evaluate(truth, preds['readability-0.6'], { nBootstrap: 1 }).perPage;
    const byP = Object.keys(a).sort((x, y) => (a[x]!.precision ?? 0) - (a[y]!.precision ?? 0));
    const byR = Object.keys(a).sort((x, y) => (a[x]!.recall ?? 0) - (a[y]!.recall ?? 0));
    const show = (id: string): string =>
      `${id.slice(0, 10)} P ${f(a[id]!.precision ?? NaN)} (rd ${f(b[id]!.precision ?? NaN)}) R ${f(a[id]!.recall ?? NaN)} (rd ${f(b[id]!.recall ?? NaN)}) ${aeb.find((p) => p.id === id)?.url ?? ''}`;
    console.log('\nworst precision:\n  ' + byP.slice(0, opt.diag).map(show).join('\n  '));
    console.log('worst recall:\n  ' + byR.slice(0, opt.diag).map(show).join('\n  '));
    const worse = Object.keys(a)
      .map(
        (id) =>
          [
            id,
            (a[id]!.recall ?? 0) - (b[id]!.recall ?? 0),
            (a[id]!.precision ?? 0) - (b[id]!.precision ?? 0),
          ] as const,
      )
      .filter(([, dr, dp]) => dr < -0.02 || dp < -0.02);
    console.log(
      `pages worse than readability (>0.02): ${worse.length}\n  ` +
        worse.map(([id]) => show(id)).join('\n  '),
    );
  }

  if (opt.wcxb === 'yes') await runWcxbBench({ limit: opt.limit, half: opt.half, types: opt.types });

  const cb = join(ROOT, 'tests/bench/classifieds-bench.ts');
  if (existsSync(cb)) {
    try {
      // eslint-disable-next-line no-unsanitized/method -- constant repo path, optional module
      const mod = (await import(pathToFileURL(cb).href)) as { runClassifiedsBench?: () => Promise<void> };
      if (typeof mod.runClassifiedsBench === 'function') {
        console.log('');
        await mod.runClassifiedsBench();
      } else
        console.log(
          '\n(classifieds bench: tests/bench/classifieds-bench.ts has no runClassifiedsBench export; skipped)',
        );
    } catch (e) {
      console.log(`\n(classifieds bench failed: ${(e as Error).message})`);
    }
  } else {
    console.log('\n(classifieds bench: tests/bench/classifieds-bench.ts not found; skipped)');
  }

  console.log('');
  await (await import('./broken')).runBrokenBench();
}

await main();
