// Dev helper: which pipeline step drops a text? Walks the engine's own step list (utils/extract/
// steps.ts), the cleaned run then the fallback run, and prints after each step whether the text is
// still in the working copy (before Readability) or in the body (after it).
// Usage: node --import tsx tests/tools/trace.ts <fr-news id | AEB/WCXB id prefix | file.html> "<text>"
import { existsSync } from 'node:fs';
import { collapse } from '../../utils/core/text';
import { FALLBACK_OFF, runSteps, type RunOptions } from '../../utils/extract/pipeline';
import { pageUrlOf, workingCopy } from '../../utils/extract/prepare';
import { loadAeb, loadFrNews, loadWcxb } from './corpora';
import { readHtmlFile } from './decode';
import { parseLikeBrowser } from './parse-html';

const [key, needle] = process.argv.slice(2) as [string, string];
if (!key || !needle) {
  console.error('usage: trace.ts <fr-news id | AEB/WCXB id prefix | file.html> "<text>"');
  process.exit(2);
}

function find(k: string): { html: string; url: string } | null {
  if (existsSync(k)) return { html: readHtmlFile(k).html, url: '' };
  const fr = loadFrNews().find((c) => c.id === k);
  if (fr) return fr;
  const w = loadWcxb().find((p) => p.id === k);
  if (w) return { html: w.html(), url: w.url };
  return loadAeb().find((x) => x.id.startsWith(k)) ?? null;
}

const page = find(key);
if (!page) {
  console.error(`no page ${key}`);
  process.exit(2);
}
const doc = parseLikeBrowser(page.html);
const want = collapse(needle);
const has = (n: Node | null | undefined): boolean => !!n && collapse(n.textContent).includes(want);
console.log(`parsed: ${has(doc.body) ? 'present' : 'ABSENT'}`);

for (const [label, opts] of [
  ['cleaned run', {}],
  ['fallback run (off: ' + [...FALLBACK_OFF].join(', ') + ')', { off: FALLBACK_OFF }],
] as Array<[string, RunOptions]>) {
  console.log(`\n${label}`);
  const clone = workingCopy(doc);
  if (!clone) {
    console.log('  (empty page)');
    continue;
  }
  const run = runSteps(doc, clone, pageUrlOf(doc, page.url || undefined), {
    ...opts,
    onStep(name, s) {
      const where = s.root ? 'body' : 'page';
      console.log(`  ${name.padEnd(20)} ${has(s.root ?? s.doc.body) ? 'present' : 'ABSENT '} (${where})`);
    },
  });
  console.log(
    run.ok
      ? `  → article, ${run.state.words} words`
      : `  → refused: ${run.refusal.detail ?? run.refusal.reason}`,
  );
}
