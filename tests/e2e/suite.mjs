// The frame of most Chromium e2e files: one page server and one Chromium with Lisible for the whole
// file, both closed after its last test. More set-up that needs them goes in `setup`, not in a second
// root before(): Node 20's test runner does not wait for one root hook before starting the next.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch } from './chromium.mjs';

/**
 * Registers the file's before/after hooks. The returned object holds `srv` (tests/e2e/server.mjs) and
 * `browser` (launch()'s result) once the hook has run (then `setup(env)`); a test may replace `browser` (a restart on
 * the same profile) and the last hook closes whichever is there.
 */
export function chromiumSuite(launchOptions = {}, setup = async () => {}) {
  const env = { srv: null, browser: null };
  before(async () => {
    env.srv = await startServer();
    env.browser = await launch(launchOptions);
    await setup(env);
  });
  after(async () => {
    await env.browser?.context.close();
    await env.srv?.close();
  });
  return env;
}
