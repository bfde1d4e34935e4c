// Everything the classifieds detector says about every page it is benched on, as text, so that a change
// meant to be a pure speed-up can be proved to change no output: run it before and after, diff the two.
//
//   node --import tsx tests/tools/classifieds-dump.ts > /tmp/before.txt   (then after, then diff)
//
// Pages: every labelled fixture (with its late-injected widget, rescanned as a subtree, when it has one)
// and every fr-news page of the shared corpus. Per page: each block (category, source, items, selector,
// text) of the whole-document scan and of the sliced scan, and every shape candidate the model is asked
// about (its root, category, veto, features and whether it is accepted), so that a change inside the
// pipeline that the final blocks happen to hide shows too.
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
import { uniqueSelector } from '../../utils/classifieds/selector';
import { parse } from '../bench/classifieds-score';
import { injectHtml, listFixtures, loadFixture } from '../fixtures/classifieds/load';

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

const lines: string[] = [];
for (const p of pages()) {
  lines.push(p.name);
  const doc = parse(p.html);
  lines.push(...detectBlocks(doc).map(block));
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
console.log(lines.join('\n'));
