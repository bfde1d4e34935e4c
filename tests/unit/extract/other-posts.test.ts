// More posts under the one being read (utils/extract/other-posts.ts): the rule's guards on small
// pages; the pages of the class are tests/fixtures/classes/morefull--* (classes.test.ts).
import { describe, expect, it } from 'vitest';
import './quiet-happydom';
import { dropOtherPosts, ownPostId } from '../../../utils/extract/other-posts';

const post = (id: number, type: string, text: string, h1 = false) =>
  `<article id="post-${id}" class="post-${id} ${type === 'post' ? 'post' : type} type-${type} status-publish hentry">${h1 ? '<h1>Le titre</h1>' : ''}<p>${text}</p></article>`;
const doc = (bodyClass: string, inner: string) =>
  new DOMParser().parseFromString(
    `<!doctype html><html><body class="${bodyClass}"><main>${inner}</main></body></html>`,
    'text/html',
  );
const texts = (d: Document) => [...d.querySelectorAll('article p')].map((p) => p.textContent);

describe('other posts of the same template', () => {
  it('go when the body names the own post', () => {
    const d = doc(
      'single single-post postid-12',
      post(12, 'post', 'mine', true) + post(13, 'post', 'other') + post(14, 'post', 'another'),
    );
    expect(ownPostId(d, d.querySelector('h1'))).toBe('12');
    expect(dropOtherPosts(d.body, '12')).toBe(2);
    expect(texts(d)).toEqual(['mine']);
  });
  it('go when only the headline says which post is the page (no postid on the body)', () => {
    const d = doc('blog', post(7, 'post', 'mine', true) + post(8, 'post', 'other'));
    const own = ownPostId(d, d.querySelector('h1'));
    expect(own).toBe('7');
    dropOtherPosts(d.body, own);
    expect(texts(d)).toEqual(['mine']);
  });
  it('stay when the own post is not on the page (nothing says which are the others)', () => {
    const d = doc('single postid-99', post(13, 'post', 'a') + post(14, 'post', 'b'));
    expect(dropOtherPosts(d.body, '99')).toBe(0);
    expect(texts(d)).toEqual(['a', 'b']);
  });
  it('of another type stay: a forum topic keeps its replies', () => {
    const d = doc(
      'single single-topic postid-500 bbpress',
      post(500, 'topic', 'question', true) + post(501, 'reply', 'answer 1') + post(502, 'reply', 'answer 2'),
    );
    expect(dropOtherPosts(d.body, ownPostId(d, d.querySelector('h1')))).toBe(0);
    expect(texts(d)).toEqual(['question', 'answer 1', 'answer 2']);
  });
  it('holding the own post stay (a wrapper marked with another ID)', () => {
    const d = doc(
      'postid-5',
      `<div class="post-4 type-post">${post(5, 'post', 'mine', true)}</div>` + post(6, 'post', 'other'),
    );
    dropOtherPosts(d.body, '5');
    expect(texts(d)).toEqual(['mine']);
  });
  it('are not looked for on a page that is no single post', () => {
    const d = doc('home blog', '<h1>Le blog</h1>' + post(1, 'post', 'a') + post(2, 'post', 'b'));
    expect(ownPostId(d, d.querySelector('h1'))).toBeNull();
  });
});
