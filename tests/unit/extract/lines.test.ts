// Lines of Readability's result that are page furniture, not the article: a table of contents
// (utils/extract/toc.ts), a "Learn more." button under each section, a reading-time label
// (noise.ts); and what must stay — footnotes, an in-page link inside a sentence, a recipe's "5 min".
// Also two signs that a page is a list of other stories, not posts or an article: cards opening
// with a headline link (posts.ts), excerpts cut short once their headlines are gone (gates.ts).
import { describe, expect, it } from 'vitest';
import { notArticleReason } from '../../../utils/extract/gates';
import { dropNoiseLines } from '../../../utils/extract/noise';
import { findPosts } from '../../../utils/extract/posts';
import { dropTableOfContents } from '../../../utils/extract/toc';
import { parseLikeBrowser } from '../../tools/parse-html';

const PAGE = 'https://www.example-guides.com/blog/rewire-a-lamp/';
const root = (html: string): Element =>
  parseLikeBrowser(`<!doctype html><html><body><div id="r">${html}</div></body></html>`).getElementById('r')!;
const SECTIONS =
  '<h2 id="tools">Tools you need</h2><p>A screwdriver, a wire stripper and a new cord are all it takes.</p>' +
  '<h2 id="steps">Step by step</h2><p>Unplug the lamp, then open the base and free the old cord.</p>' +
  '<h2 id="safety">Safety</h2><p>Test the lamp with a bulb before you put the felt back.</p>';

const toc = (html: string, url: string | null = PAGE): string => {
  const r = root(html);
  dropTableOfContents(r, url);
  return r.textContent ?? '';
};

describe('tables of contents', () => {
  const ITEMS =
    '<li><a href="#tools">Tools you need</a></li><li><a href="#steps">Step by step</a></li><li><a href="#safety">Safety</a></li>';
  it('drops the box with its label and toggle, keeps the sections', () => {
    const t = toc(
      `<p>Intro paragraph of the guide.</p><div class="ez-toc"><p>Table of Contents [Hide]</p><ul>${ITEMS}</ul></div>${SECTIONS}`,
    );
    expect(t).not.toContain('Table of Contents');
    expect(t).not.toContain('[Hide]');
    expect(t.match(/Tools you need/g)).toHaveLength(1);
    expect(t).toContain('Unplug the lamp');
  });
  it('drops a label set before the list, and a list whose links the parser made absolute', () => {
    const abs = ITEMS.replace(/href="#/g, 'href="http://localhost:3000/#');
    const t = toc(`<p><strong>Sommaire</strong></p><ol>${abs}</ol>${SECTIONS}`);
    expect(t).not.toContain('Sommaire');
    expect(t.match(/Step by step/g)).toHaveLength(1);
  });
  it('drops a "Jump to:" line of anchors and a label whose list the site fills in by script', () => {
    const t = toc(
      `<p>Jump to: <a href="#tools">Tools</a> · <a href="#steps">Steps</a> · <a href="#safety">Safety</a></p>` +
        `<div class="toc"><strong>In this article</strong><ul></ul></div>${SECTIONS}`,
    );
    expect(t).not.toMatch(/Jump to|In this article/);
    expect(t).toContain('Test the lamp');
  });
  it('keeps footnotes, an in-page link in a sentence, a section headed "Contents" and links elsewhere', () => {
    const notes =
      '<ol class="footnotes"><li id="fn1">The cord must be rated for the bulb. <a href="#r1">↩</a></li>' +
      '<li id="fn2">Old lamps may hide asbestos felt. <a href="#r2">↩</a></li>' +
      '<li id="fn3">A grounded plug needs a three-wire cord. <a href="#r3">↩</a></li></ol>';
    const t = toc(
      `<p>See the <a href="#safety">safety section</a> before you start.</p>${SECTIONS}` +
        `<h2>Contents</h2><p>The kit holds a cord, a plug and a switch.</p>${notes}` +
        `<ul><li><a href="/blog/a">Lamp shades</a></li><li><a href="/blog/b">Dimmers</a></li><li><a href="/blog/c">Bulbs</a></li></ul>`,
    );
    expect(t).toContain('See the safety section before you start.');
    expect(t).toContain('Old lamps may hide asbestos felt.');
    expect(t).toContain('Contents');
    expect(t).toContain('Dimmers');
  });
});

describe('button and reading-time lines', () => {
  const lines = (html: string): string => {
    const r = root(html);
    dropNoiseLines(r, 'www.example-guides.com');
    return r.textContent ?? '';
  };
  it('drops "Learn more." paragraphs and reading-time labels', () => {
    const t = lines(
      '<p>8 min read</p><p>Bridgestone Team | 5 min read</p><p>Temps de lecture : 3 min</p>' +
        '<p>Seed oils support heart health.</p><p><a href="/seed-oils">Learn more.</a></p>' +
        '<p><a href="/fr/huiles">En savoir plus</a></p>',
    );
    expect(t).toBe('Seed oils support heart health.');
  });
  it('keeps a recipe time, a sentence about reading, and a link inside a sentence', () => {
    const t = lines(
      '<p>5 min</p><p>It takes 5 min to read the manual.</p><p><a href="/x">Learn more</a> about our method in the guide.</p>',
    );
    expect(t).toContain('5 min');
    expect(t).toContain('It takes 5 min to read the manual.');
    expect(t).toContain('about our method');
  });
});

describe('disclosures and skip links', () => {
  const lines = (html: string): string => {
    const r = root(html);
    dropNoiseLines(r, 'www.example-guides.com');
    return r.textContent ?? '';
  };
  it('drops an affiliate disclosure and a skip link', () => {
    const t = lines(
      '<p><a href="#main">Skip to main content</a></p>' +
        '<p><em>Disclosure: this post contains affiliate links. If you buy through them I may earn a small commission at no extra cost to you.</em></p>' +
        '<p>As an Amazon Associate I earn from qualifying purchases.</p><p>Sand the top with 120 grit first.</p>',
    );
    expect(t).toBe('Sand the top with 120 grit first.');
  });
  it('keeps a sentence that mentions affiliate links, and an article about affiliate marketing', () => {
    const intro =
      'I love a meal with crunch, and these recipes deliver! If you are looking for an air fryer, <a href="https://shop.example/af">this is my pick</a>. <em>(affiliate link)</em>';
    const about =
      'Affiliate marketing is one of the oldest forms of marketing: a blogger earns a commission on each sale made through affiliate links.';
    const t = lines(`<p>${intro}</p><p>${about}</p>`);
    expect(t).toContain('this is my pick');
    expect(t).toContain('one of the oldest forms of marketing');
  });
});

describe('lists of other stories', () => {
  const card = (n: number) =>
    `<article class="card"><div class="title"><a href="/wire/story-${n}">Story number ${n} about the central bank and rates</a></div>` +
    `<div><time datetime="2025-12-1${n}T05:00:00Z">12/1${n}/2025</time> • <a href="/wire">Wire</a> • <a href="/p/a${n}">Author ${n}</a></div>` +
    `<p>A long excerpt of this other story, two lines about what the author argues and why the reader may care, more than the title.</p></article>`;
  it('cards opening with a headline link to another page are not posts', () => {
    const d = parseLikeBrowser(
      `<!doctype html><html><body><h1>The article</h1><div class="latest">${[1, 2, 3, 4, 5].map(card).join('')}</div></body></html>`,
    );
    expect(findPosts(d.body, d.querySelector('h1'))).toBeNull();
  });
  it('excerpts cut short, their headlines gone, are a list of teasers', () => {
    const ex = (n: number) =>
      `<p>Excerpt ${n}: this autumn I gathered forty bags of leaves in the street, and laid them on the beds where they feed the worms and keep the frost away, with a few precautions […]</p>`;
    const r = root([1, 2, 3, 4].map(ex).join(''));
    const text = r.textContent ?? '';
    const g = {
      root: r,
      text,
      words: text.split(/\s+/).length,
      hint: false,
      listingHint: false,
      url: PAGE,
      title: 'Potager',
    };
    expect(notArticleReason(g)).toBe('list of teasers');
    // One quotation ending with an ellipsis in an article is not that.
    const r2 = root(
      ex(1) + '<p>' + 'The council voted on Tuesday to buy the old market hall. '.repeat(12) + '</p>',
    );
    const t2 = r2.textContent ?? '';
    expect(notArticleReason({ ...g, root: r2, text: t2, words: t2.split(/\s+/).length })).toBeNull();
  });
});
