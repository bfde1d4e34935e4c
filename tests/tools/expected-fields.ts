// The metadata a fixture's expected.json pins, read from the engine's output: the draft a new fixture
// gets (tests/unit/fixtures.test.ts) and the fields an older one lacks (tests/tools/fill-expected.ts).
import type { Article } from '../../utils/extract/types';

/** `minWordShare`: the share of today's word count below which the fixture fails. */
export function metadataFields(a: Article, minWordShare: number) {
  return {
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    teaser: a.teaser,
    commune: a.commune,
    siteRule: a.siteRule ?? null,
    minWords: Math.floor(a.wordCount * minWordShare),
  };
}
