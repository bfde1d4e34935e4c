// Fits the classifieds model (utils/classifieds/model.ts) over the labelled fixtures and writes
// utils/classifieds/params.json. The bench imports `fitting` to refit leaving one site family out.
//
//   node --import tsx tests/tools/fit-classifieds.ts          # fit on every fixture, write params.json
//   node --import tsx tests/tools/fit-classifieds.ts --dry    # print the weights, write nothing
//
// Training rows: every candidate the scan proposes that no hand-written veto refuses; a row is positive
// when its root is a labelled root (one per root: the one with the most strong items). Candidates
// strictly inside a labelled root are left out (the resolution step merges them into the outer block
// whatever the model says). Model: L2-regularised logistic regression (λ = 0.01, both classes
// weighted alike), full-batch gradient descent from zero (deterministic), threshold 0.5. λ and the
// class weights were compared on the leave-one-site-out score (λ ∈ {0.01, 0.001}, negatives ×1, ×1.5,
// ×2): these two numbers are chosen, not fitted.
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FEATURES, type Candidate } from '../../utils/classifieds/candidates';
import { documentHost, shapeCandidates } from '../../utils/classifieds/detect';
import type { ModelParams } from '../../utils/classifieds/model';
import { injectHtml, listFixtures, loadFixture, type ClassifiedsFixture } from '../fixtures/classifieds/load';
import { parse } from '../bench/classifieds-score';

interface Row {
  x: number[];
  y: 0 | 1;
}

const LAMBDA = 0.01;
const NEGATIVE_WEIGHT = 1;
const STEPS = 3000;
const RATE = 0.5;
const THRESHOLD = 0.5;

function candidatesOf(doc: Document): Candidate[] {
  const it = shapeCandidates(doc.body, documentHost(doc));
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

const f = (c: Candidate, name: (typeof FEATURES)[number]) => c.features[FEATURES.indexOf(name)]!;
/** Model-free rank of candidates sharing a root: most strong items, then most fair, then most items. */
const rank = (c: Candidate) => f(c, 'strong') * 1e4 + f(c, 'fair') * 1e2 + c.items.length;

function rowsOf(doc: Document, labels: ClassifiedsFixture['labels']): Row[] {
  const roots = labels.map((l) => doc.querySelector(l.selector)).filter((e): e is Element => !!e);
  const candidates = candidatesOf(doc).filter((c) => !c.veto);
  // One positive per labelled root: the resolution keeps one candidate per root, so the others
  // (the fields of a featured card read as a list) are left out rather than taught as blocks.
  const best = new Map<Element, Candidate>();
  for (const c of candidates) {
    const prev = best.get(c.root);
    if (roots.includes(c.root) && (!prev || rank(c) > rank(prev))) best.set(c.root, c);
  }
  const rows: Row[] = [];
  for (const c of candidates) {
    const positive = roots.includes(c.root);
    if (positive && best.get(c.root) !== c) continue;
    if (!positive && roots.some((r) => r !== c.root && r.contains(c.root))) continue;
    rows.push({ x: c.features, y: positive ? 1 : 0 });
  }
  return rows;
}

/** Training rows of a set of fixtures, cached per fixture (parsing and scanning dominate the cost). */
const cache = new Map<string, Row[]>();
function rows(fixtures: readonly ClassifiedsFixture[]): Row[] {
  const out: Row[] = [];
  for (const fx of fixtures) {
    let r = cache.get(fx.name);
    if (!r) {
      const doc = parse(fx.html);
      r = rowsOf(doc, fx.labels);
      if (fx.inject) {
        const slot = doc.getElementById('late-slot');
        if (slot) {
          injectHtml(slot, fx.inject.html, parse);
          r = [...r, ...rowsOf(doc, fx.inject.labels)];
        }
      }
      cache.set(fx.name, r);
    }
    out.push(...r);
  }
  return out;
}

function train(data: Row[]): ModelParams {
  const d = FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const weightOf = (y: number) => (y ? 1 : NEGATIVE_WEIGHT);
  const total = data.reduce((n, r) => n + weightOf(r.y), 0) || 1;
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const r of data) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * r.x[i]!;
      const err = (1 / (1 + Math.exp(-z)) - r.y) * weightOf(r.y);
      for (let i = 0; i < d; i++) gw[i]! += err * r.x[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i]! -= RATE * (gw[i]! / total + LAMBDA * w[i]!);
    b -= RATE * (gb / total);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { features: [...FEATURES], weights: w.map(round), bias: round(b), threshold: THRESHOLD };
}

/** For the bench: what is fitted, what is not, and the refit used for each left-out family. */
export const fitting = {
  describe:
    `the ${FEATURES.length} weights and the bias of the logistic model that accepts or refuses each ` +
    'candidate block (tests/tools/fit-classifieds.ts, L2 logistic regression)',
  handWritten:
    'the text signals and word lists (signals.ts, lexicon.ts), item scores, candidate shapes, roots and ' +
    'headings, categories, the vetoes (page chrome, article text, label directories, pairs without a ' +
    'classifieds heading, single items that are not featured ads) and the site rules. They were written ' +
    'while looking at every family, the indep-* ones included, so LOSO measures the fitted part only.',
  fit(train_: ClassifiedsFixture[]) {
    return { params: train(rows(train_)) };
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fixtures = listFixtures().map(loadFixture);
  const data = rows(fixtures);
  const params = train(data);
  const positives = data.filter((r) => r.y).length;
  console.log(`${fixtures.length} fixtures, ${data.length} candidates (${positives} blocks)`);
  for (const [i, f] of FEATURES.entries()) console.log(`  ${f.padEnd(12)} ${params.weights[i]!.toFixed(3)}`);
  console.log(`  ${'bias'.padEnd(12)} ${params.bias.toFixed(3)}`);
  if (!process.argv.includes('--dry')) {
    const file = join(import.meta.dirname, '../../utils/classifieds/params.json');
    // Formatted as the repository's Prettier check wants it.
    writeFileSync(file, await format(JSON.stringify(params), { parser: 'json', printWidth: 110 }));
    console.log(`written: ${file}`);
  }
}
