// fr-news truth: for every case of /work/shared/corpus/fr-news (../shared/corpus/fr-news from the
// repo root), every must_contain string is in the reading view, no must_not_contain string is,
// and the title equals the truth. Parsed by happy-dom (the test environment), like a browser.
import { existsSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';
import { FR_NEWS_DIR, loadFrNews } from '../../tools/corpora';
import { normalizeTruth } from '../../tools/normalize';

const present = existsSync(FR_NEWS_DIR);
const cases = present ? loadFrNews() : [];

describe.skipIf(!present)('fr-news truth (happy-dom)', () => {
  if (!present) it.skip(`fr-news corpus not found at ${FR_NEWS_DIR}`, () => undefined);

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    let doc = new DOMParser().parseFromString(c.html, 'text/html');
    // happy-dom 21's parser stops at a <style> inside inline <svg> (bondy-blog) and drops the rest
    // of the page; a browser does not. Fall back to linkedom only when the parse lost the body.
    const ld = parseHTML(c.html).document as unknown as Document;
    if ((doc.body?.textContent ?? '').length < 0.3 * (ld.body?.textContent ?? '').length) doc = ld;
    const res = extractArticle(doc, c.url);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    const text = normalizeTruth(res.article.textContent);
    for (const s of c.truth.must_contain) expect(text, 'must_contain').toContain(normalizeTruth(s));
    for (const s of c.truth.must_not_contain)
      expect(text, 'must_not_contain').not.toContain(normalizeTruth(s));
    expect(normalizeTruth(res.article.title)).toBe(normalizeTruth(c.truth.title));
  });
});
