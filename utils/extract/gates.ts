// The gates: after extraction, is what came out an article a reader wants, or the biggest block of
// a home page, a list of links, a shop grid? A refusal here is "Pas d'article" in the popup.

import { linkDensity } from './dom';

/** Home pages, lists and search pages: Readability returns their biggest block of teasers. */
export function notArticleReason(
  root: Element,
  text: string,
  words: number,
  hint: boolean,
  url: string | null,
): string | null {
  if (words < (hint ? 40 : 80)) return 'too little text';
  let path = '';
  try {
    path = url ? new URL(url).pathname : '';
  } catch {
    /* ignore */
  }
  const ld = linkDensity(root, text.length);
  if (ld > 0.5) return 'mostly links';
  if (!hint && (path === '/' || path === '') && url && ld > 0.25) return 'home page';
  return null;
}
