// Dev helper: a speed-up of the classifieds scan against the code it started from, in one run (Node,
// linkedom, CPU time, interleaved with Readability's parse(): classifieds-timing.ts). Give it a copy of
// the base tree's utils/ (e.g. `git archive main utils | tar -x -C /tmp/base`):
//
//   node --import tsx tests/tools/classifieds-ab.ts /tmp/base
//
// Prints, for the fixtures and for the real and indep-* ones, each version's ratio to Readability and
// the median of the per-page ratios new / base.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectBlocks } from '../../utils/classifieds';
import { median, ratioLine, timeScans } from '../bench/classifieds-timing';
import { listFixtures, loadFixture } from '../fixtures/classifieds/load';

const baseDir = process.argv[2];
if (!baseDir) {
  console.error('usage: classifieds-ab.ts <dir holding the base utils/>');
  process.exit(2);
}
// eslint-disable-next-line no-unsanitized/method -- a dev tool loading the base tree its user names
const base = (await import(pathToFileURL(join(baseDir, 'utils/classifieds/index.ts')).href)) as {
  detectBlocks: typeof detectBlocks;
};
const pages = listFixtures().map(loadFixture);
// 12 rounds: each of the six orders of the three runs twice.
const [a, b] = timeScans(pages, [base.detectBlocks, detectBlocks], 12);
const real = (n: string) => !/^(?:synth|neg|rule)-/.test(n);
for (const [label, f] of [
  [`all ${pages.length} fixtures`, () => true],
  ['real and indep-*', real],
] as const) {
  const pa = a!.filter((t) => f(t.name));
  const pb = b!.filter((t) => f(t.name));
  console.log(`${label} (${pa.length})`);
  console.log(`  base: ${ratioLine(pa)}`);
  console.log(`  new:  ${ratioLine(pb)}`);
  console.log(
    `  new / base scan time, median of per-page ratios: ${median(pb.map((t, i) => t.scan / pa[i]!.scan)).toFixed(3)}`,
  );
}
