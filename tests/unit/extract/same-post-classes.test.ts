// WordPress's post_class() (and other CMSs' shared templates) give the article and the items around
// it the same "post" markup and a date each. Below the article, three dated items built like it
// (the sidebar's "Podcast" or "Latest" widget) must not make the page a thread whose first post is
// the article: the element holding the page's headline is the article, never one post among others
// (the rule the post groups already follow). Seen on a trade-press page of the WCXB dev split, where
// the rebuilt "thread" kept the teasers and lost the article's body.
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { extractArticle } from '../../../utils/extract/index';
import { findPosts } from '../../../utils/extract/posts';

const sentence = (i: number) =>
  `Connected appliances ship with firmware that is rarely updated, and attackers know it well (point ${i}).`;
const body = Array.from({ length: 10 }, (_, i) => `<p>${sentence(i)} ${sentence(i + 100)}</p>`).join('\n');
const item = (i: number) => `<div class="post style1 post-${22000 + i} type-post">
  <div class="post-meta"><span class="author">News Desk</span> · <span class="date">${i} months ago</span></div>
  <div class="post-body"><p>Episode ${i} of the podcast: a chief executive talks about tags, readers and the supply chain today.</p></div>
</div>`;
const page = `<!doctype html><html lang="en-GB"><head><title>The rising tide of cyber vulnerabilities | IoT Trade</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><div class="posts">
<article class="post blog-post post-17455 type-post">
  <h1 class="entry-title">The rising tide of cyber vulnerabilities in home appliances</h1>
  <div class="post-meta"><span class="author">Rahul Tyagi</span> · <span class="date">12 March 2025</span></div>
  <div class="post-body">${body}</div>
</article></div>
<aside><h2>Podcast</h2><div class="list">${[1, 2, 3].map(item).join('\n')}</div></aside>
</main><footer>© IoT Trade</footer></body></html>`;
const doc = () => new DOMParser().parseFromString(page, 'text/html');

describe('an article among items of the same "post" template', () => {
  it('is not taken for the first post of a thread', () => {
    const d = doc();
    const posts = findPosts(d.body, d.querySelector('h1'));
    expect(posts?.some((p) => p.el.contains(d.querySelector('h1')))).not.toBe(true);
  });
  it('comes out whole, without the items', () => {
    const res = extractArticle(doc(), 'https://www.iot-trade.example/a/rising-tide');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    for (const i of [0, 5, 9]) expect(res.article.textContent).toContain(sentence(i));
    expect(res.article.textContent).not.toContain('a chief executive talks about tags');
  });
});
