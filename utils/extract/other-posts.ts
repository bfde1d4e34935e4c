// More posts under the one being read. WordPress's post_class() marks each post's element
// `post-{ID} type-{post type}`, and a single post's <body> `postid-{ID}`; themes that list more posts
// below the one being read build them exactly like it, in the same container, so Readability takes
// them all (a quotes site: the post, then six other posts, each text whole or cut with « … »). On the
// page, the elements of the own post's type marked with another ID are those other posts (and the
// related-posts and recent-posts widgets built with the same template).
// Another type stays: a bbPress topic (type-topic) is followed by its replies (type-reply), the thread.
import { classAttr } from '../core/dom';
import { descendants } from './dom';

const POST_ID = /(?:^|\s)post-(\d+)(?=\s|$)/;
const POST_TYPE = /(?:^|\s)type-([\w-]+)(?=\s|$)/;

function marks(el: Element): { id: string; type: string } | null {
  const cls = classAttr(el);
  if (!cls.includes('post-')) return null;
  const id = POST_ID.exec(cls)?.[1];
  const type = POST_TYPE.exec(cls)?.[1];
  return id && type ? { id, type } : null;
}

/**
 * The ID of the post the page is (before any cleaning): the <body>'s `postid-N`, else the post element
 * holding the headline (older themes leave the body unmarked).
 */
export function ownPostId(doc: Document, heading: Element | null): string | null {
  const fromBody = /(?:^|\s)postid-(\d+)(?=\s|$)/.exec(doc.body ? classAttr(doc.body) : '')?.[1];
  if (fromBody) return fromBody;
  for (let el = heading; el; el = el.parentElement) {
    const m = marks(el);
    if (m) return m.id;
  }
  return null;
}

/**
 * Removes under `root` the posts of the own post's type with another ID, when the own post is there
 * (without it nothing says which are the others); returns how many went.
 */
export function dropOtherPosts(root: Element, own: string | null): number {
  if (!own) return 0;
  const posts: Array<{ el: Element; id: string; type: string }> = [];
  for (const el of descendants(root)) {
    const m = marks(el);
    if (m) posts.push({ el, ...m });
  }
  const mine = posts.filter((p) => p.id === own);
  if (!mine.length) return 0;
  const types = new Set(mine.map((p) => p.type));
  let n = 0;
  for (const p of posts)
    if (p.id !== own && types.has(p.type) && !mine.some((m) => p.el.contains(m.el))) {
      p.el.remove();
      n++;
    }
  return n;
}
