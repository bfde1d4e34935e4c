import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
import { loadFrNews } from './corpora';
import { normalizeTruth } from './normalize';
const only = process.argv[2];
for (const c of loadFrNews()) {
  if (only && !c.id.includes(only)) continue;
  const { document } = parseHTML(c.html);
  const r = extractArticle(document as unknown as Document, c.url);
  if (!r.ok) {
    console.log(c.id, 'FAIL', r);
    continue;
  }
  const t = normalizeTruth(r.article.textContent);
  const miss = c.truth.must_contain.filter((s) => !t.includes(normalizeTruth(s)));
  const leak = c.truth.must_not_contain.filter((s) => t.includes(normalizeTruth(s)));
  const titleOk = normalizeTruth(r.article.title) === normalizeTruth(c.truth.title);
  console.log(
    `${c.id.padEnd(50)} miss=${miss.length} leak=${leak.length} title=${titleOk ? 'ok' : JSON.stringify(r.article.title)} words=${r.article.wordCount}`,
  );
  for (const m of miss) console.log('   MISS', m.slice(0, 90));
  for (const m of leak) console.log('   LEAK', m.slice(0, 90));
  if (only)
    console.log(
      r.article.textContent,
      JSON.stringify({ ...r.article, contentHtml: undefined, textContent: undefined }, null, 1),
    );
}
