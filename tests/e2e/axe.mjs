// Runs axe-core (from npm, no network) inside a page or frame and returns serious/critical violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(frame) {
  // evaluate() is not subject to the extension pages' CSP, unlike an injected <script>.
  await frame.evaluate(`${axeSource};void 0`);
  const result = await frame.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
