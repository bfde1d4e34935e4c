// Dev helper: Lisible alone on every WCXB dev page and every AEB page, per-page F1 (the bench's text
// rendering and scorer), saved to a file; with --base, the pages whose F1 moved and the sums per corpus
// and type. Minutes instead of the full bench's quarter hour, for before/after checks of one change.
// Usage: node --import tsx tests/tools/quick-diff.ts --out .bench/quick-X.json [--base .bench/quick-Y.json]
//          [--types article,forum] [--no-aeb] [--extractor readability-0.6]
import { readFileSync, writeFileSync } from 'node:fs';
import { EXTRACTORS, htmlToText, LISIBLE } from '../bench/extractors';
import { loadScorer, pageF1 } from '../bench/score';
import { loadAeb, loadWcxb } from './corpora';

const a = process.argv.slice(2);
const get = (k: string): string | undefined => (a.includes(k) ? a[a.indexOf(k) + 1] : undefined);
const out = get('--out') ?? '.bench/quick.json';
const base = get('--base');
const types = get('--types')?.split(',');
const lisible = EXTRACTORS.find((e) => e.name === (get('--extractor') ?? LISIBLE))!;

type Row = { set: string; type: string; f1: number; refused?: string };
const rows: Record<string, Row> = {};
const evaluate = await loadScorer();

async function score(
  set: string,
  pages: Array<{ id: string; type: string; url: string; truth: string; html: () => string }>,
) {
  const truth: Record<string, { articleBody: string }> = {};
  const pred: Record<string, { articleBody: string }> = {};
  const refused: Record<string, string | undefined> = {};
  for (const p of pages) {
    const o = await lisible.run(p.html(), p.url);
    truth[p.id] = { articleBody: p.truth };
    pred[p.id] = { articleBody: htmlToText(o.html) };
    refused[p.id] = o.refused;
  }
  const per = evaluate(truth, pred, { nBootstrap: 0 }).perPage;
  for (const p of pages)
    rows[`${set}:${p.id}`] = { set, type: p.type, f1: pageF1(per[p.id]), refused: refused[p.id] };
}

const wcxb = loadWcxb().filter((p) => !types || types.includes(p.type));
await score('wcxb', wcxb);
if (!a.includes('--no-aeb'))
  await score(
    'aeb',
    loadAeb().map((p) => ({ ...p, type: 'aeb', html: () => p.html })),
  );
writeFileSync(out, JSON.stringify(rows));

const groups = new Map<string, { n: number; sum: number; baseSum: number }>();
const b: Record<string, Row> | null = base ? JSON.parse(readFileSync(base, 'utf8')) : null;
const moved: string[] = [];
for (const [k, r] of Object.entries(rows)) {
  const g = groups.get(r.type) ?? { n: 0, sum: 0, baseSum: 0 };
  g.n++;
  g.sum += r.f1;
  const was = b?.[k]?.f1;
  if (was !== undefined) g.baseSum += was;
  groups.set(r.type, g);
  if (was !== undefined && Math.abs(was - r.f1) > 0.005)
    moved.push(
      `${(r.f1 - was >= 0 ? '+' : '') + (r.f1 - was).toFixed(3)}  ${k} ${r.type} ${was.toFixed(3)} → ${r.f1.toFixed(3)} ${r.refused ?? ''}`,
    );
}
for (const [t, g] of groups)
  console.log(
    `${t.padEnd(14)} ${String(g.n).padStart(4)}  F1 ${(g.sum / g.n).toFixed(4)}${b ? `  base ${(g.baseSum / g.n).toFixed(4)}  Δ ${((g.sum - g.baseSum) / g.n).toFixed(4)}` : ''}`,
  );
if (b) console.log(`${moved.length} pages moved:\n` + moved.sort().join('\n'));
