// Dev helper: adds the engine's current metadata fields to fixture expected.json files that
// lack them (title/mustContain/mustNotContain are never touched). Review the diff before commit.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
import { metadataFields } from './expected-fields';

const dir = join(import.meta.dirname, '../fixtures/pages');
for (const f of readdirSync(dir)) {
  const p = join(dir, f, 'expected.json');
  let exp: Record<string, unknown>;
  try {
    exp = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  } catch {
    continue;
  }
  const doc = parseHTML(readFileSync(join(dir, f, 'source.html'), 'utf8')).document as unknown as Document;
  const r = extractArticle(doc, exp.url as string);
  if (!r.ok) continue;
  const a = r.article;
  const add: Record<string, unknown> = metadataFields(a, 0.85);
  for (const [k, v] of Object.entries(add)) if (!(k in exp)) exp[k] = v;
  writeFileSync(p, JSON.stringify(exp, null, 2) + '\n');
}
