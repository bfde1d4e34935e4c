// Dev helper: for AEB page ids (prefixes), print the Lisible output lines that are not in the
// truth (+) and truth lines missing from the output (-). Reads .bench/aeb-lisible.json.
// Usage: node --import tsx tests/tools/aeb-diff.ts <id-prefix>... [--pred name]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AEB_DIR } from './corpora';

const argv = process.argv.slice(2);
const pi = argv.indexOf('--pred');
const predName = pi >= 0 ? argv[pi + 1]! : 'lisible';
const ids = argv.filter((a, i) => !a.startsWith('--') && i !== pi + 1);
const truth = JSON.parse(readFileSync(join(AEB_DIR, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string; url: string }
>;
const pred = JSON.parse(
  readFileSync(join(resolve(import.meta.dirname, '../../.bench'), `aeb-${predName}.json`), 'utf8'),
) as Record<string, { articleBody: string }>;
const norm = (s: string): string => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');
for (const prefix of ids) {
  const id = Object.keys(truth).find((k) => k.startsWith(prefix));
  if (!id) continue;
  const t = norm(truth[id]!.articleBody);
  const p = pred[id]?.articleBody ?? '';
  console.log(`==== ${id.slice(0, 10)} ${truth[id]!.url}`);
  for (const line of p.split('\n')) {
    const n = norm(line);
    if (n && !t.includes(n)) console.log('  + ' + line.slice(0, 160));
  }
  const pn = norm(p);
  for (const line of truth[id]!.articleBody.split('\n')) {
    const n = norm(line);
    if (n && !pn.includes(n)) console.log('  - ' + line.slice(0, 160));
  }
}
