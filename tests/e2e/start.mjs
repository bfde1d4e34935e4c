// `npm start`: builds Lisible, serves the bundled sample article on localhost and opens Chromium with
// the extension loaded on it. With no display (or --headless) it drives the same steps headlessly and
// writes screenshots of the page, the popup and the library, printing their paths.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launch, openPopupFor, tabIdOf, CHROMIUM } from './chromium.mjs';

const root = join(import.meta.dirname, '../..');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  // The local build treats 127.0.0.1 as a known news site, so the sample page behaves like one.
  console.log('Building the extension (LISIBLE_LOCAL_SITES=1 wxt build)…');
  const b = spawnSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LISIBLE_LOCAL_SITES: '1' },
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const srv = await startServer(Number(process.env.PORT ?? 0));
console.log(`Sample article: ${srv.articleUrl}`);
let browser;
try {
  browser = await launch({ headless });
} catch (e) {
  console.error(
    `Could not start Chromium at ${CHROMIUM}: ${e.message}\nInstall it with: apt-get install -y chromium chromium-l10n`,
  );
  await srv.close();
  process.exit(1);
}
const { context, worker, extensionId } = browser;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(srv.articleUrl);

if (!headless) {
  console.log(
    'Chromium is open with Lisible loaded. Click the Lisible icon in the toolbar (puzzle menu → pin it).',
  );
  console.log(
    `Library: chrome-extension://${extensionId}/options.html — close the browser or press Ctrl+C to stop.`,
  );
  context.on('close', () => srv.close().then(() => process.exit(0)));
  process.on('SIGINT', () => context.close());
} else {
  const dir = join(root, '.screenshots');
  mkdirSync(dir, { recursive: true });
  const shots = [];
  const shot = async (p, name, opts = {}) => {
    const path = join(dir, name);
    await p.screenshot({ path, ...opts });
    shots.push(path);
  };
  await shot(page, 'page.png', { fullPage: false });
  const tabId = await tabIdOf(page, worker);
  const popup = await openPopupFor(context, extensionId, tabId);
  await popup.waitForSelector('[data-state="article"], [data-state="not-article"], [data-state="error"]', {
    timeout: 15_000,
  });
  await shot(popup, 'popup.png');
  const save = popup.locator('button.lisible-save');
  if (await save.count()) {
    await save.click();
    await popup.locator('.lisible-save-status:not(:empty)').waitFor({ timeout: 10_000 });
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('.library-item, .library-empty', { timeout: 10_000 });
  await shot(options, 'options.png');
  await context.close();
  await srv.close();
  console.log('Headless run (no display): screenshots written to');
  for (const s of shots) console.log(`  ${s}`);
}
