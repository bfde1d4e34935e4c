// Image and URL repairs, before Readability so its scoring sees real images and URLs resolve
// against the page, not the parsing environment.

import { absolutize, descendants, tagName } from './dom';

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-img-src',
  'data-echo',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER_SRC =
  /^(?:data:|about:blank)|(?:blank|spacer|placeholder|transparent|pixel|lazy|grey|loader)[^/]*\.(?:gif|png|svg|jpe?g)/i;

function looksLikeImageUrl(v: string): boolean {
  return /^(?:https?:)?\/\/|^\/|\.(?:jpe?g|png|webp|avif|gif)(?:[?#]|$)/i.test(v.trim());
}

/** Promotes lazy-loading attributes to src/srcset and replaces placeholders with <noscript> fallbacks. */
export function fixLazyImages(root: Element, extraAttrs: readonly string[] = []): void {
  const srcAttrs = [...extraAttrs, ...LAZY_SRC_ATTRS];
  // One walk for the images, sources and <noscript>s (a selector or a tag search per kind walks the
  // whole page each time).
  const media: Element[] = [];
  const noscripts: Element[] = [];
  for (const el of descendants(root)) {
    const tag = tagName(el);
    if (tag === 'img' || tag === 'source') media.push(el);
    else if (tag === 'noscript') noscripts.push(el);
  }
  for (const img of media) {
    const src = img.getAttribute('src') ?? '';
    const needsSrc = !src || PLACEHOLDER_SRC.test(src);
    for (const a of srcAttrs) {
      const v = img.getAttribute(a);
      if (v && looksLikeImageUrl(v)) {
        if (needsSrc || img.tagName.toLowerCase() === 'img') {
          if (needsSrc) img.setAttribute(tagName(img) === 'source' ? 'srcset' : 'src', v.trim());
        }
        break;
      }
    }
    for (const a of LAZY_SRCSET_ATTRS) {
      const v = img.getAttribute(a);
      if (v && !img.getAttribute('srcset')) {
        img.setAttribute('srcset', v.trim());
        break;
      }
    }
  }
  // <noscript><img src=real></noscript> after a placeholder <img>: keep the real one.
  for (const ns of noscripts) {
    const html = ns.textContent ?? '';
    const inner = ns.getElementsByTagName('img')[0];
    let realSrc: string | null = inner?.getAttribute('src') ?? null;
    let alt: string | null = inner?.getAttribute('alt') ?? null;
    if (!realSrc) {
      // Parsers with scripting "on" keep <noscript> content as raw text.
      const m = /<img[^>]+src=["']([^"']+)["']/i.exec(html);
      realSrc = m?.[1] ?? null;
      alt = /alt=["']([^"']*)["']/i.exec(html)?.[1] ?? null;
    }
    if (!realSrc) continue;
    const prev = ns.previousElementSibling;
    const prevImg = prev && (tagName(prev) === 'img' ? prev : prev.getElementsByTagName('img')[0]);
    const doc = ns.ownerDocument;
    if (
      prevImg &&
      (!prevImg.getAttribute('src') || PLACEHOLDER_SRC.test(prevImg.getAttribute('src') ?? ''))
    ) {
      prevImg.setAttribute('src', realSrc);
      if (alt && !prevImg.getAttribute('alt')) prevImg.setAttribute('alt', alt);
      ns.remove();
    } else if (!prevImg && ns.parentElement && !hasImgOutsideNoscript(ns.parentElement)) {
      const img = doc.createElement('img');
      img.setAttribute('src', realSrc);
      if (alt) img.setAttribute('alt', alt);
      ns.replaceWith(img);
    }
  }
}

function hasImgOutsideNoscript(el: Element): boolean {
  return Array.from(el.getElementsByTagName('img')).some((img) => !img.closest('noscript'));
}

/** The attributes holding a URL, by tag. */
const URL_ATTRS = new Map<string, readonly string[]>([
  ['a', ['href']],
  ['img', ['src']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['source', ['src']],
  ['track', ['src']],
  ['iframe', ['src']],
]);

function absolutizeSrcset(v: string, base: string | null): string {
  return v
    .split(',')
    .map((part) => {
      const [u, ...rest] = part.trim().split(/\s+/);
      return u ? [absolutize(u, base), ...rest].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

export function makeUrlsAbsolute(root: Element, base: string | null): void {
  if (!base) return;
  // One walk of the subtree, not one per tag.
  for (const el of descendants(root)) {
    const tag = tagName(el);
    const attrs = URL_ATTRS.get(tag);
    if (!attrs) continue;
    for (const attr of attrs) {
      const v = el.getAttribute(attr);
      if (v == null) continue;
      // An in-page link whose target is gone is just text.
      if (tag === 'a' && v.startsWith('#')) continue;
      el.setAttribute(attr, absolutize(v, base));
    }
    if ((tag === 'img' || tag === 'source') && el.hasAttribute('srcset'))
      el.setAttribute('srcset', absolutizeSrcset(el.getAttribute('srcset') ?? '', base));
  }
}
