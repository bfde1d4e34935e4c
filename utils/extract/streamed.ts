// Pages rendered by React's streaming server (Next.js App Router, Remix…): the shell comes first with
// Suspense fallbacks ("Loading…", skeletons) where slow parts go, and each finished part arrives later
// in the same HTML as `<div hidden id="S:n">`, followed by a script ($RC / $RS) that moves it into
// place. A browser runs those scripts, so the live page (the content script's) is already whole; a
// saved file, a crawl or a parser that runs no script sees the article as hidden divs at the end and
// fallbacks in its place, and Readability drops hidden elements. Doing what the scripts do, by the
// ids React gives (boundary B:n, placeholder P:n, segment S:n; same suffix), reads the page as a
// reader saw it. Saved copies often lose the scripts and even the comments: the ids are enough.

import { tagName, textOf } from './dom';

/** A fallback left without its comment markers: a skeleton with no text, or « Loading… » alone. */
const LOADING =
  /^(?:loading|chargement|en cours de chargement|wird geladen|lädt|laden|cargando|caricamento|carregando)\b[^]{0,40}$/i;

/** Moves every streamed segment of `doc` to its boundary or placeholder; a no-op on other pages. */
export function placeStreamedSegments(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const segments = Array.from(body.querySelectorAll('div[hidden][id^="S:"]'));
  if (segments.length === 0) return;
  // In stream order: a segment may hold the boundary of a later one (nested Suspense).
  for (const s of segments) {
    if (!s.parentNode) continue;
    const n = s.id.slice(2);
    const target = doc.getElementById(`P:${n}`) ?? doc.getElementById(`B:${n}`);
    if (!target || tagName(target) !== 'template' || s.contains(target)) continue;
    if (target.id.startsWith('P:')) target.replaceWith(...Array.from(s.childNodes));
    else fillBoundary(target, s);
    s.remove();
  }
}

/** $RC: the fallback between `<!--$?-->` and its `<!--/$-->` gives way to the segment's content. */
function fillBoundary(template: Element, segment: Element): void {
  const parent = template.parentNode!;
  const open = template.previousSibling;
  let end: ChildNode | null = null;
  if (open && open.nodeType === 8 && open.nodeValue === '$?') {
    // Nested boundaries inside the fallback count for depth, as React's own script does.
    let depth = 0;
    for (let n = open.nextSibling; n;) {
      const next: ChildNode | null = n.nextSibling;
      if (n.nodeType === 8) {
        const d = n.nodeValue;
        if (d === '/$') {
          if (depth === 0) {
            end = n;
            break;
          }
          depth--;
        } else if (d === '$' || d === '$?' || d === '$!') depth++;
      }
      n.remove();
      n = next;
    }
    (open as Comment).nodeValue = '$';
    if (end) end.before(...Array.from(segment.childNodes));
    else parent.append(...Array.from(segment.childNodes));
    return;
  }
  // Comments stripped: the fallback is the short element right after the template, if any.
  const next = template.nextElementSibling;
  if (next && tagName(next) !== 'template' && !next.querySelector('img, picture, video, iframe')) {
    const t = textOf(next);
    if (t === '' || LOADING.test(t)) next.remove();
  }
  template.replaceWith(...Array.from(segment.childNodes));
}
