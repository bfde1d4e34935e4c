// Dev helper: print the metadata the engine finds for every fixture page (to review expected.json).
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
for (const f of readdirSync('tests/fixtures/pages')) {
  const exp = (() => {
    try {
      return JSON.parse(readFileSync(`tests/fixtures/pages/${f}/expected.json`, 'utf8'));
    } catch {
      return {};
    }
  })();
  const doc = parseHTML(readFileSync(`tests/fixtures/pages/${f}/source.html`, 'utf8'))
    .document as unknown as Document;
  const r = extractArticle(doc, exp.url);
  if (!r.ok) {
    console.log(f, r);
    continue;
  }
  const {
    contentHtml: _h,
    textContent: _t,
    url: _u,
    canonicalUrl: _c,
    excerpt: _e,
    leadImage: _l,
    ...rest
  } = r.article;
  console.log(f, JSON.stringify(rest));
}
