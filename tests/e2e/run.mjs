// Runs the end-to-end suites (built extension in real Chromium) one file at a time.
// Expects the local builds (LISIBLE_LOCAL_SITES=1 wxt build [-b firefox --mv3]) in .output/local/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXT_DIR, CHROMIUM } from './chromium.mjs';

if (!existsSync(CHROME_EXT_DIR)) {
  console.error(`No build at ${CHROME_EXT_DIR}: run "npm run build:local" first.`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(2);
}
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .map((f) => join(dir, f));
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=1',
    '--test-timeout=180000',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
