// Bundle-size budget (gzipped JS and CSS, per entrypoint, Chrome build): each entrypoint's own files
// plus every chunk it imports (fonts and icons not counted). Fails when one exceeds tests/size-budget.json; `--update` rewrites the budget as
// today's sizes + 10 % headroom. The always-on content script must stay the smallest script.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const out = join(root, '.output/chrome-mv3');
const budgetFile = join(root, 'tests/size-budget.json');
if (!existsSync(out)) {
  console.error('No .output/chrome-mv3: run "npm run build" first.');
  process.exit(2);
}

/** Files an HTML page or a JS module pulls in, transitively. */
function closure(entry) {
  const seen = new Set();
  const todo = [resolve(out, entry)];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const refs = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
      : file.endsWith('.js')
        ? [...text.matchAll(/(?:from|import)\s*"([^"]+\.js)"/g)].map((m) => m[1])
        : [];
    for (const r of refs) todo.push(r.startsWith('/') ? join(out, r) : resolve(dirname(file), r));
  }
  return [...seen];
}

const ENTRIES = {
  'content script (always on)': 'content-scripts/content.js',
  'extractor (on demand)': 'extractor.js',
  'picker (on demand)': 'picker.js',
  'page scan (on demand)': 'scanner.js',
  background: 'background.js',
  popup: 'popup.html',
  'reading mode': 'reader.html',
  'options (library)': 'options.html',
  'first run': 'welcome.html',
};
const sizes = {};
for (const [name, entry] of Object.entries(ENTRIES)) {
  const files = closure(entry);
  sizes[name] = files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
}

if (process.argv.includes('--update')) {
  const budget = Object.fromEntries(
    Object.entries(sizes).map(([k, v]) => [k, Math.ceil((v * 1.1) / 100) * 100]),
  );
  writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log('budget written:', budgetFile);
}
const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
let failed = 0;
console.log('entrypoint                      gzipped   budget');
for (const [name, size] of Object.entries(sizes)) {
  const limit = budget[name];
  const ok = limit !== undefined && size <= limit;
  if (!ok) failed++;
  console.log(
    `${name.padEnd(30)} ${(size / 1024).toFixed(1).padStart(7)} kB ${limit ? (limit / 1024).toFixed(1).padStart(6) : '     ?'} kB ${ok ? '' : '  OVER'}`,
  );
}
// It runs on every page load of the news sites: it must stay smaller than every extension page, the
// background and the engine (the picker, a small tool injected on the reader's request, aside).
const content = sizes['content script (always on)'];
const others = Object.entries(sizes).filter(
  ([k]) => k !== 'content script (always on)' && k !== 'picker (on demand)',
);
if (others.some(([, v]) => v <= content)) {
  console.error('The always-on content script is not smaller than the pages, the background and the engine.');
  failed++;
}
process.exit(failed ? 1 : 0);
