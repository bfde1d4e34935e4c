// `npm test`: every check and every test suite, then one plain summary line for CI:
// "N passed, N failed". Static checks (types, lint, format, sanitizer boundary, Firefox lint) gate the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const npx = (args, opts = {}) => {
  const t0 = Date.now();
  console.log(`\n▶ ${args.join(' ')}`);
  const r = spawnSync('npx', args, {
    cwd: root,
    stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${r.status})`);
  return r;
};

let passed = 0;
let failed = 0;
const gateFailures = [];
const gate = (name, args) => {
  if (npx(args).status !== 0) gateFailures.push(name);
};

gate('wxt prepare', ['wxt', 'prepare']);
gate('typecheck', ['tsc', '--noEmit']);
gate('lint', ['eslint', '-c', 'tests/eslint.config.js', '.']);
gate('sanitizer boundary', ['node', 'tests/check-sanitizer.mjs']);
gate('format', ['prettier', '--check', '.']);

// Unit tests (vitest + happy-dom + fake-indexeddb).
const vitestJson = join(out, 'vitest.json');
npx([
  'vitest',
  'run',
  '--config',
  'tests/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
try {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that fails to load has no failed test but must still fail the run.
  if (!r.success && r.numFailedTests === 0) gateFailures.push('vitest suite error');
  if (r.numTotalTests === 0) gateFailures.push('no unit test ran');
} catch {
  gateFailures.push('vitest produced no report');
}

// Builds (Chrome MV3 + Firefox MV3) and Firefox's own linter.
gate('build chrome', ['wxt', 'build']);
gate('bundle-size budget', ['node', 'tests/check-size.mjs']);
gate('build firefox', ['wxt', 'build', '-b', 'firefox', '--mv3']);
gate('web-ext lint', ['web-ext', 'lint', '-s', '.output/firefox-mv3', '--no-input', '--self-hosted']);
// Local builds for the e2e suites: same code, plus 127.0.0.1/localhost as known sites.
gate('build local', ['npm', 'run', 'build:local']);

// End-to-end in real Chromium.
const e2e = npx(['node', 'tests/e2e/run.mjs'], { capture: true });
const num = (re) => Number(re.exec(e2e.stdout ?? '')?.[1] ?? 0);
const e2ePass = num(/^ℹ pass (\d+)/m);
const e2eFail = num(/^ℹ fail (\d+)/m);
passed += e2ePass;
failed += e2eFail;
if (e2e.status !== 0 && e2eFail === 0) gateFailures.push('e2e runner failed');

if (gateFailures.length) console.error(`\nFailed checks: ${gateFailures.join(', ')}`);
console.log(`\n${passed} passed, ${failed + gateFailures.length} failed`);
process.exit(failed + gateFailures.length > 0 ? 1 : 0);
