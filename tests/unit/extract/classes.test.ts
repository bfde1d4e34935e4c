// The failure classes of issue 11 (tests/fixtures/classes/, written from the class descriptions by
// someone who had not read the engine; format in its README). Pages are parsed as a browser does.
//  * article / thread / liveblog: every mustContain sentence is in the reading view, in page order;
//    no mustNotContain string is; the title is the expected headline;
//  * thread / liveblog: every post is there, in page order, with its author and time when the page
//    gives them (found between the previous post's first words and the next post's);
//  * refuse: no article.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/extract/index';
import { normalizeTruth } from '../../tools/normalize';
import { parseLikeBrowser } from '../../tools/parse-html';

interface Post {
  author: string | null;
  time: string | null;
  starts: string;
}
interface Expected {
  url: string;
  class: string;
  kind: 'article' | 'thread' | 'liveblog' | 'refuse';
  title?: string;
  mustContain: string[];
  mustNotContain: string[];
  posts?: Post[];
}

const DIR = join(import.meta.dirname, '../../fixtures/classes');

/** Pages the engine does not yet read as their fixture says, and why (see the closing notes). */
const KNOWN_GAPS: Record<string, string> = {
  'resources--pour-aller-plus-loin-biblio':
    'Readability drops the entries (linked titles, high link density); what is left is refused as too little text',
  'resources--ressources-enseignant-tableau': "the first run's body takes in the site's announcement banner",
  'resources--wiki-further-reading-en': 'the « See also » list of internal links goes as a related-links box',
  'entries--best-products-en':
    'the newsletter box is named in CSS-modules camel case (NewsletterCta_cta__…); reading those names as words lost a real article (WCXB 4416)',
  'split--billet-reactions-sans-classe':
    "Readability's body takes in the unnamed comment list (same text class as the post); nothing trims it",
  'split--evenement-onglets': "the hero's standfirst is a line apart from the body Readability keeps",
  'tail--deals-follow-en':
    "the affiliate disclosure under the byline stays: both benchmarks' annotators keep such lines in the article (AEB 5fbc7ccb, WCXB 4452), so dropping them cost F1 on real pages",
  'tail--suivez-nous-appli-fr':
    "the radio's now-playing bar above the header stays: on a 150-word brief Readability takes the page's wrapper, and the bar's spans carry no word the class lexicon knows",
  'split--test-verdict-encadre':
    'the verdict box in the post header is apart from the body Readability keeps',
};
/** Threads whose posts all come out but are not rebuilt with their author and time, and why. */
const POST_GAPS: Record<string, string> = {
  'morefull--bbpress-forum-fr':
    "bbPress prints each post's time in a header div before the post (a sibling, not inside it): the posts are not found as dated posts, their text comes out without the headers",
};
const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((name) => ({
    name,
    html: readFileSync(join(DIR, name, 'source.html'), 'utf8'),
    expected: JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as Expected,
  }));

function extract(c: (typeof cases)[number]) {
  return extractArticle(parseLikeBrowser(c.html), c.expected.url);
}

/** Positions of `needles` in `text`, each searched after the previous one; -1 once one is missing. */
function inOrder(text: string, needles: string[]): Array<{ needle: string; at: number }> {
  let from = 0;
  return needles.map((needle) => {
    const at = from < 0 ? -1 : text.indexOf(needle, from);
    from = at < 0 ? -1 : at + needle.length;
    return { needle, at };
  });
}

describe('failure classes (tests/fixtures/classes)', () => {
  it('has every class of the issue', () => {
    const classes = new Set(cases.map((c) => c.expected.class));
    for (const k of [
      'prologue',
      'short',
      'linky',
      'thread',
      'liveblog',
      'lexicon',
      'refuse',
      'resources',
      'samepost',
      'split',
      'entries',
      'teasers',
      'cards',
      'streamed',
      'tail',
      'morefull',
      'toc',
    ])
      expect(classes, k).toContain(k);
  });

  const readable = cases.filter((c) => c.expected.kind !== 'refuse');
  const wholeContent = (c: (typeof cases)[number]) => {
    const res = extract(c);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    const text = normalizeTruth(res.article.textContent);
    const found = inOrder(text, c.expected.mustContain.map(normalizeTruth));
    expect(
      found.filter((f) => f.at < 0).map((f) => f.needle.slice(0, 80)),
      'mustContain missing or out of order',
    ).toEqual([]);
    const leaks = c.expected.mustNotContain.filter((s) => text.includes(normalizeTruth(s)));
    expect(leaks, 'mustNotContain shown').toEqual([]);
    expect(normalizeTruth(res.article.title)).toBe(normalizeTruth(c.expected.title ?? ''));
  };
  const open = readable.filter((c) => !(c.name in KNOWN_GAPS));
  it.each(open.map((c) => [c.name, c] as const))('%s: the whole content, no chrome', (_n, c) =>
    wholeContent(c),
  );
  // Known gaps fail as expected: once one passes, this test fails and the entry must go.
  const gaps = readable.filter((c) => c.name in KNOWN_GAPS);
  it.fails.each(gaps.map((c) => [c.name, KNOWN_GAPS[c.name], c] as const))(
    '%s (known gap: %s)',
    (_n, _why, c) => wholeContent(c),
  );

  const withPosts = cases.filter((c) => c.expected.posts?.length);
  const everyPost = (c: (typeof cases)[number]) => {
    const res = extract(c);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const text = normalizeTruth(res.article.textContent);
    const posts = c.expected.posts!;
    const starts = inOrder(
      text,
      posts.map((p) => normalizeTruth(p.starts)),
    );
    expect(
      starts.filter((s) => s.at < 0).map((s) => s.needle),
      'posts missing or out of order',
    ).toEqual([]);
    const problems: string[] = [];
    posts.forEach((p, i) => {
      const from = i > 0 ? starts[i - 1]!.at + starts[i - 1]!.needle.length : 0;
      const to = i + 1 < posts.length ? starts[i + 1]!.at : text.length;
      const around = text.slice(from, to);
      if (p.author && !around.includes(normalizeTruth(p.author)))
        problems.push(`#${i + 1} author ${p.author}`);
      if (p.time && !around.includes(normalizeTruth(p.time))) problems.push(`#${i + 1} time ${p.time}`);
    });
    expect(problems, 'post headers missing').toEqual([]);
  };
  it.each(withPosts.filter((c) => !(c.name in POST_GAPS)).map((c) => [c.name, c] as const))(
    '%s: every post in order, with author and time',
    (_n, c) => everyPost(c),
  );
  it.fails.each(
    withPosts.filter((c) => c.name in POST_GAPS).map((c) => [c.name, POST_GAPS[c.name], c] as const),
  )('%s: every post with author and time (known gap: %s)', (_n, _why, c) => everyPost(c));

  const refused = cases.filter((c) => c.expected.kind === 'refuse');
  it.each(refused.map((c) => [c.name, c] as const))('%s: refused', (_n, c) => {
    const res = extract(c);
    expect(res.ok ? `article: ${res.article.textContent.slice(0, 200)}` : res.reason).toBe('not-article');
  });
});
