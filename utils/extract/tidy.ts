// Final tidying of the extracted body (after Readability): active content out, empty nodes out,
// trailing link blocks and calls to action out.

import { BLOCK_TAGS, descendants, isElement, tagName, textOf } from './dom';
import { ENDS_SENTENCE, PROMO_TAIL, TAIL_NOTICE } from './lexicon';

const KEEP_EMPTY = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'iframe',
  'br',
  'hr',
  'td',
  'th',
  'svg',
  'math',
  'figure',
  'table',
  'tr',
]);
const MEDIA_TAGS = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'svg',
  'math',
  'table',
  'object',
  'embed',
  'source',
]);
const MEDIA_SEL = 'img,picture,video,audio,iframe,svg,math,table,object,embed';

/** Drops elements with neither text nor media (spacers, emptied ad slots, empty links). One post-order pass. */
export function dropEmptyNodes(root: Element): void {
  const visit = (el: Element): boolean => {
    let content = false;
    let ws = false;
    for (let c = el.firstChild; c;) {
      const next = c.nextSibling;
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (/[^\s\u00a0]/.test(v)) content = true;
        else if (v) ws = true;
      } else if (isElement(c)) {
        if (visit(c)) content = true;
        else {
          const tag = tagName(c);
          if (MEDIA_TAGS.has(tag)) content = true;
          else if (KEEP_EMPTY.has(tag)) {
            /* structure (br, td...) stays but does not make its parent non-empty */
          } else {
            // An inline element holding a line break (<span><br></span>, as pasted from Google
            // Docs) keeps the break; a whitespace-only one still separates words: keep the space.
            const inline = !BLOCK_TAGS.has(tag);
            if (inline && c.getElementsByTagName('br').length)
              c.replaceWith(el.ownerDocument.createElement('br'));
            else if (inline && /\s/.test(c.textContent ?? ''))
              c.replaceWith(el.ownerDocument.createTextNode(' '));
            else c.remove();
          }
        }
      }
      c = next;
    }
    void ws;
    return content || MEDIA_TAGS.has(tagName(el));
  };
  visit(root);
  // Figures that lost their media are just a caption of nothing.
  for (const fig of Array.from(root.getElementsByTagName('figure'))) {
    if (!fig.querySelector(MEDIA_SEL) && textOf(fig).length < 2) fig.remove();
  }
}

/** Trailing links/lines after the last paragraph that only point elsewhere ("Voir aussi", tags). */
export function trimTrailingLinkBlocks(root: Element): void {
  let noticed = false;
  // Six blocks of text at most; the empty shells of widgets the cleaning emptied do not count (a
  // comment box, a share bar and an ad slot left four empty divs before "More News from Sci-Tech").
  for (let i = 0; i < 6; i++) {
    const last = deepestLastBlock(root);
    if (!last || last === root) return;
    if ((last.textContent ?? '').length > 3000) return;
    const text = textOf(last);
    if (!text) {
      last.remove();
      i--;
      continue;
    }
    const links = Array.from(last.getElementsByTagName('a'));
    const linked = links.reduce((n, a) => n + textOf(a).length, 0);
    if (text.length < 300 && links.length > 0 && linked / text.length > 0.7) {
      last.remove();
      continue;
    }
    if (text.length < 300 && PROMO_TAIL.test(text)) {
      last.remove();
      continue;
    }
    if (text.length < 400 && TAIL_NOTICE.test(text)) {
      last.remove();
      noticed = true;
      continue;
    }
    // Widget labels left after the text ("Top Video", "More News from Sci-Tech"): a few words,
    // no sentence punctuation, not a heading of kept content (it is last).
    // Not once a notice went: what comes before a site's copyright line is the signature and the
    // photo credit of the story.
    if (
      !noticed &&
      text.length < 40 &&
      text.split(' ').length <= 5 &&
      // A sentence is no label, in any script: 「これでようやく元の操作性を取り戻せました。」 is one "word".
      !ENDS_SENTENCE.test(text) &&
      !/[…:]$/.test(text) &&
      !/\d{4}/.test(text)
    ) {
      last.remove();
      continue;
    }
    return;
  }
}

const WRAPPERS = new Set(['div', 'section', 'article', 'main']);
const LAYOUT_TABLE = new Set(['table', 'tbody', 'tr', 'td']);

function deepestLastBlock(root: Element): Element | null {
  let el: Element | null = root.lastElementChild;
  // Only descend through wrappers, and through a layout table (a cell holding paragraphs, as old
  // portals lay out the story); stop at real blocks, a data table's rows among them.
  while (
    el &&
    el.lastElementChild &&
    (WRAPPERS.has(tagName(el)) || (LAYOUT_TABLE.has(tagName(el)) && !!el.querySelector('p, div')))
  )
    el = el.lastElementChild;
  return el && isElement(el) ? el : null;
}

const ACTIVE_TAGS =
  'script,style,iframe[srcdoc],object,embed,input,button,textarea,select,link,meta,base,template,noscript';
const BAD_URL = /^\s*(?:javascript|vbscript|data:(?!image\/(?:png|gif|jpe?g|webp|avif)))/i;

/**
 * Defence in depth: the body never carries scripts, handlers or script URLs, even before the
 * one sanitizer (utils/sanitize.ts) runs on it in an extension page.
 */
export function stripActiveContent(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(ACTIVE_TAGS))) el.remove();
  // A <form> goes but what it wraps stays: forums (XenForo's inline moderation) and ASP.NET pages
  // wrap the whole content in one; its fields are gone already.
  for (const form of Array.from(root.querySelectorAll('form')))
    form.replaceWith(...Array.from(form.childNodes));
  for (const el of [root, ...descendants(root)]) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'style') el.removeAttribute(attr.name);
      else if (
        (name === 'href' ||
          name === 'src' ||
          name === 'xlink:href' ||
          name === 'action' ||
          name === 'formaction') &&
        BAD_URL.test(attr.value)
      )
        el.removeAttribute(attr.name);
    }
  }
}
