// Pages of the WCXB dev split (../shared/corpus/wcxb-dev, CC-BY-4.0, Murrough Foley) where Lisible
// kept far less than Readability, each standing for a class fixed in the engine (not a site rule):
//  * an article whose CMS gives it and the sidebar's teasers the same "post" template (posts.ts);
//  * a reading list of links to other sites, refused as "mostly links" (gates.ts), then cut after its
//    last prose line as trailing link blocks (steps.ts);
//  * an intro above a list of sections in a sibling container, where Readability keeps the intro
//    only (region.ts, the wider region);
//  * a recipe whose introduction sits in the page header and its steps in the body, apart: both
//    (region.ts, joined);
//  * a guide whose entries have a linked name like teasers and long descriptions of their own, in a
//    container named "footer" for its layout (region.ts entry text, clean.ts block names);
//  * pages of React's streaming server rendering (Next.js App Router) whose article arrived as hidden
//    segments at the end of the HTML, with and without the scripts that place them (streamed.ts);
//  * an article whose page sections (search box, "Recommended For You", "More in Tech", each with
//    its dated cards) were taken for a thread of posts, the article nested three times (posts.ts);
//  * pages whose longest paragraphs are the footer's "about us" blurb or an exit-link dialog: as key
//    paragraphs they left an article's section (or a thread) unprotected from the class lexicon
//    (clean.ts keyParagraphs);
//  * an article whose sections carry their heading as id ("menu-innovation-strategies-…"), read as
//    the class lexicon's "menu" (clean.ts isHeadingAnchor), or classed by its layout
//    ("sidebar-enabled--false": clean.ts LAYOUT_STATE);
//  * a page whose footer (a div named so) holds testimonials as long as the article's paragraphs
//    (clean.ts FOOTER_NAME, region.ts isFurniture);
//  * an old blog's post in a fieldset of a layout table, beside the archive (region.ts INNER_BLOCKS).
// Scored by the corpus's own must-keep sentences, not by strings picked here.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';
import { loadWcxb, WCXB_DIR } from '../../tools/corpora';
import { parseLikeBrowser } from '../../tools/parse-html';

const present = existsSync(WCXB_DIR);
const pages = present ? loadWcxb() : [];

describe.skipIf(!present)('never less than Readability (WCXB dev pages)', () => {
  it.each([
    ['article among teasers of its own template', '0208'],
    ['reading list of links to other sites', '4415'],
    ['intro above a list of sections (Readability keeps the intro)', '4684'],
    ['recipe: intro in the header, steps in the body', '4163'],
    ['guide of entries with linked names, in a "footer" container', '4340'],
    ['streamed segments, saved without scripts or comments', '4503'],
    ['streamed segments, with their $RC scripts', '0155'],
    ['article among page sections of dated cards (not a thread)', '0477'],
    ['sections anchored by their heading ("menu-innovation-strategies-…")', '0058'],
    ['a Shopify article body classed "sidebar-enabled--false"', '4614'],
  ])(
    '%s keeps its must-keep sentences',
    (_name, id) => {
      const p = pages.find((x) => x.id === id)!;
      const r = extractArticle(parseLikeBrowser(p.html()), p.url);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      // Words only: the corpus writes ' where pages write ’.
      const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
      const out = words(r.article.textContent);
      const must = p.with.length ? p.with : p.truth.split('\n').filter((l) => l.length > 40);
      const kept = must.filter((s) => out.includes(words(s)));
      expect(kept.length / must.length).toBeGreaterThanOrEqual(0.8);
    },
    60_000,
  );

  // The mega menu's feature blurbs were the page's longest paragraphs (its content is a list), so
  // they protected the <nav> from the cleaning, and the prose region widened the body to the menu.
  it('a page whose longest paragraphs are in its mega menu keeps the content, not the menu', () => {
    const p = pages.find((x) => x.id === '4349')!;
    const r = extractArticle(parseLikeBrowser(p.html()), p.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.textContent).toContain('CLICK HERE FOR CATALOG');
    expect(r.article.textContent).not.toContain('Purple marsh crabs are significantly disrupting');
    expect(r.article.textContent).not.toContain('Leadership & Administration');
  });

  it('page sections of dated cards are not posts: the article comes out once, without them', () => {
    const p = pages.find((x) => x.id === '0477')!;
    const r = extractArticle(parseLikeBrowser(p.html()), p.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.textContent.split('TL;DR: Bring home a MacBook Pro').length).toBe(2);
    expect(r.article.textContent).not.toContain('Recommended For You');
  });

  // Its sections are classed "content-nav-section" (the lexicon's "nav"); the footer's "about us" blurb
  // and an exit-link dialog were two of the five longest paragraphs, so the article's first section
  // held one key paragraph, not two, and went as navigation.
  it('an article in sections named like navigation keeps its first section', () => {
    const p = pages.find((x) => x.id === '4091')!;
    const r = extractArticle(parseLikeBrowser(p.html()), p.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.textContent).toContain('Wealth-building strategies matter a lot to millennials');
    expect(r.article.textContent).toContain('The Struggle is Real');
    expect(r.article.textContent).not.toContain('Citadel is a not-for-profit member-owned');
  });

  // A theme's responsive copy of its footer ("x-bar-footer", a div) holds a slider of testimonials:
  // long sentences, as long as the article's. Counted as key paragraphs and as the page's prose, they
  // protected the footer and made the whole page the prose region.
  it("a footer's testimonials are neither key paragraphs nor the page's prose", () => {
    const p = pages.find((x) => x.id === '4175')!;
    const r = extractArticle(parseLikeBrowser(p.html()), p.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.textContent).toContain('become a broken record');
    expect(r.article.textContent).toContain('Sleep training toddlers is a process');
    expect(r.article.textContent).not.toContain('This crew rocks');
    expect(r.article.textContent).not.toContain('Recent Articles');
  });

  // An old blog's layout table: the post is a <fieldset> in the first cell, the archive and the comment
  // form in the second. The first cell was read as one block of prose (a fieldset was not a container),
  // whose start (the legend) Readability had left out, so the whole row replaced Readability's post.
  it('a post boxed in a fieldset of a layout cell comes without the next cell', () => {
    const p = pages.find((x) => x.id === '0398')!;
    const r = extractArticle(parseLikeBrowser(p.html()), p.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.textContent).toContain('Part 1 screams');
    expect(r.article.textContent).not.toContain('Note that I will only approve comments');
    expect(r.article.textContent).not.toContain('January (27)');
  });
});
