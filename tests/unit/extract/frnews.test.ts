// fr-news truth: for every case of /work/shared/corpus/fr-news (../shared/corpus/fr-news from the
// repo root), every must_contain string is in the reading view, no must_not_contain string is,
// and the title equals the truth. Parsed as a browser does (parse5's tree into linkedom).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';
import { FR_NEWS_DIR, loadFrNews } from '../../tools/corpora';
import { normalizeTruth } from '../../tools/normalize';
import { parseLikeBrowser } from '../../tools/parse-html';

const present = existsSync(FR_NEWS_DIR);
const cases = present ? loadFrNews() : [];

describe.skipIf(!present)('fr-news truth', () => {
  if (!present) it.skip(`fr-news corpus not found at ${FR_NEWS_DIR}`, () => undefined);

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    // Not happy-dom's parser: it stops at a <style> inside inline <svg> (bondy-blog) and drops the
    // rest of the page, where a browser does not.
    const doc = parseLikeBrowser(c.html);
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
