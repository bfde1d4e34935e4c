// Everything the classifieds detector says about every page it is benched on, as text, so that a change
// meant to be a pure speed-up can be proved to change no output: run it before and after, diff the two.
//
//   node --import tsx tests/tools/classifieds-dump.ts [--wcxb N] > /tmp/before.txt   (then after, then diff)
//
// Pages: every labelled fixture (with its late-injected widget, rescanned as a subtree, when it has one),
// every fr-news page of the shared corpus and the first N pages of WCXB's dev split by id (300 unless
// told; 0 for none): pages of every kind nobody wrote the detector for. The SHA-256 of the whole dump
// goes to stderr, to compare two runs at a glance. Per page: each block (category, source, items, selector,
// text) of the whole-document scan and of the sliced scan, and every shape candidate the model is asked
// about (its root, category, veto, features and whether it is accepted), so that a change inside the
// pipeline that the final blocks happen to hide shows too.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectBlocks,
  detectBlocksSliced,
  detectInSubtrees,
  documentHost,
  shapeCandidates,
} from '../../utils/classifieds/detect';
import { accepts, PARAMS } from '../../utils/classifieds/model';
import { collectSignals, type Signals } from '../../utils/classifieds/scan';
import { uniqueSelector } from '../../utils/classifieds/selector';
import { parse } from '../bench/classifieds-score';
import { injectHtml, listFixtures, loadFixture } from '../fixtures/classifieds/load';
import { loadWcxb } from './corpora';

const FR_NEWS = join(import.meta.dirname, '../../../shared/corpus/fr-news');

function pages(): Array<{ name: string; html: string; inject?: string }> {
  const out: Array<{ name: string; html: string; inject?: string }> = listFixtures().map((n) => {
    const fx = loadFixture(n);
    return { name: `fixture/${n}`, html: fx.html, inject: fx.inject?.html };
  });
  if (existsSync(FR_NEWS))
    for (const d of readdirSync(FR_NEWS).sort()) {
      const f = join(FR_NEWS, d, 'source.html');
      if (existsSync(f)) out.push({ name: `fr-news/${d}`, html: readFileSync(f, 'utf8') });
    }
  const i = process.argv.indexOf('--wcxb');
  const wcxb = i > 0 ? Number(process.argv[i + 1]) : 300;
  const ids = loadWcxb().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const w of ids.slice(0, wcxb)) out.push({ name: `wcxb/${w.id}`, html: w.html() });
  return out;
}

const block = (b: ReturnType<typeof detectBlocks>[number]) =>
  `  block ${b.category} ${b.source} items=${b.items} ${b.selector} «${b.text}»`;

function candidates(doc: Document): string[] {
  const it = shapeCandidates(doc.body ?? doc.documentElement, documentHost(doc));
  let r = it.next();
  while (!r.done) r = it.next();
  return r.value.map(
    (c) =>
      `  cand ${uniqueSelector(c.root)} list=${uniqueSelector(c.list)} items=${c.items.length} ` +
      `${c.category} veto=${c.veto} heading=${c.heading ? `${uniqueSelector(c.heading.el)}:${c.heading.category}` : null} ` +
      `f=[${c.features.map((x) => +x.toFixed(6)).join(',')}] accepted=${accepts(c, PARAMS)}`,
  );
}

/**
 * The scan's signals (what every element's subtree shows, which children carry them, each link's
 * category), as one short hash per page: most pages have no candidate, so the blocks alone would not
 * show a change in what the scan collects.
 */
function signals(doc: Document): string {
  const scope = doc.body ?? doc.documentElement;
  const s: Signals = { agg: new Map(), kids: new Map(), linkCat: new Map() };
  const it = collectSignals(scope, documentHost(doc), s);
  while (!it.next().done);
  const index = new Map<Element, number>();
  for (const el of scope.getElementsByTagName('*')) index.set(el, index.size);
  index.set(scope, -1);
  const out: string[] = [];
  const at = (el: Element) => index.get(el) ?? '?';
  for (const [el, m] of s.agg) out.push(`${at(el)}:${m}`);
  for (const [el, set] of s.kids) out.push(`${at(el)}>${[...set].map(at).join(',')}`);
  for (const [el, c] of s.linkCat) out.push(`${at(el)}=${c}`);
  out.sort();
  return `  signals ${createHash('sha256').update(out.join(' ')).digest('hex').slice(0, 16)} n=${s.agg.size}`;
}

const lines: string[] = [];
for (const p of pages()) {
  lines.push(p.name);
  const doc = parse(p.html);
  lines.push(...detectBlocks(doc).map(block));
  lines.push(signals(doc));
  lines.push(...candidates(doc));
  const host = documentHost(doc) ?? 'example.org';
  const sliced = await detectBlocksSliced(doc, { host }, { yieldToPage: async () => {}, sliceMs: 0 });
  lines.push(
    ...sliced.map((b) => `  sliced ${b.category} ${b.source} items=${b.items} ${uniqueSelector(b.element)}`),
  );
  if (p.inject) {
    const slot = doc.getElementById('late-slot');
    if (slot) {
      injectHtml(slot, p.inject, parse);
      lines.push(...detectInSubtrees([slot]).map((b) => `  late${block(b)}`));
      lines.push(...detectBlocks(doc).map((b) => `  after${block(b)}`));
    }
  }
}
const text = lines.join('\n');
console.log(text);
console.error(`sha256 ${createHash('sha256').update(text).digest('hex')} (${lines.length} lines)`);
