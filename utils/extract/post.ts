// Image and URL repairs (before Readability, so its scoring sees real images) and final
// tidying of the extracted body (after Readability).

import { bareHost, hostMatches } from '../core/url';
import { absolutize, isElement, tagName, textOf } from './dom';

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
  for (const img of Array.from(root.querySelectorAll('img, source'))) {
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
  for (const ns of Array.from(root.querySelectorAll('noscript'))) {
    const html = ns.textContent ?? '';
    const inner = ns.querySelector('img');
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
    const prevImg = prev && (tagName(prev) === 'img' ? prev : prev.querySelector('img'));
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

const URL_ATTRS: Array<[string, string]> = [
  ['a', 'href'],
  ['img', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['source', 'src'],
  ['track', 'src'],
  ['iframe', 'src'],
];

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
  for (const [tag, attr] of URL_ATTRS) {
    for (const el of Array.from(root.getElementsByTagName(tag))) {
      const v = el.getAttribute(attr);
      if (v == null) continue;
      // An in-page link whose target is gone is just text.
      if (tag === 'a' && v.startsWith('#')) continue;
      el.setAttribute(attr, absolutize(v, base));
    }
  }
  for (const el of Array.from(root.querySelectorAll('img[srcset], source[srcset]'))) {
    el.setAttribute('srcset', absolutizeSrcset(el.getAttribute('srcset') ?? '', base));
  }
}

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
const BLOCKISH = new Set([
  'p',
  'div',
  'section',
  'article',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figcaption',
  'header',
  'footer',
  'aside',
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
            const hadSpace = /\s/.test(c.textContent ?? '');
            // A whitespace-only inline element still separates words: keep the space.
            if (hadSpace && !BLOCKISH.has(tag)) c.replaceWith(el.ownerDocument.createTextNode(' '));
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

// Calls to action that close many articles: only looked for in the last blocks, so a paragraph
// of the story that mentions a newsletter is never touched.
const PROMO_TAIL =
  /\b(?:subscribe to|sign up (?:for|to)|newsletters?\b.*\binbox|follow (?:us|him|her|them|\w+) on (?:twitter|facebook|instagram)|join our|may be reached at|can be reached at|reach (?:him|her|them) at|have a (?:news )?tip\?|join the (?:conversation|discussion)|rejoignez la discussion|inscrivez-vous|abonnez-vous|suivez-nous sur|téléchargez (?:notre|l['’]application)|retrouvez-nous sur|recevez (?:gratuitement )?(?:notre|nos|la) newsletter|^[\p{Lu}][\p{L}.'’ -]{2,40} (?:is|est) (?:an? |une? )?(?:senior |staff |freelance |contributing )?(?:reporter|writer|correspondent|editor|journalist|contributor|journaliste|rédacteur|rédactrice|correspondante?)\b)/iu;

/** Trailing links/lines after the last paragraph that only point elsewhere ("Voir aussi", tags). */
export function trimTrailingLinkBlocks(root: Element): void {
  for (let i = 0; i < 6; i++) {
    const last = deepestLastBlock(root);
    if (!last || last === root) return;
    if ((last.textContent ?? '').length > 3000) return;
    const text = textOf(last);
    if (!text) {
      last.remove();
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
    // Widget labels left after the text ("Top Video", "More News from Sci-Tech"): a few words,
    // no sentence punctuation, not a heading of kept content (it is last).
    if (
      text.length < 40 &&
      text.split(' ').length <= 5 &&
      !/[.!?»"”)…:]$/.test(text) &&
      !/\d{4}/.test(text)
    ) {
      last.remove();
      continue;
    }
    return;
  }
}

function deepestLastBlock(root: Element): Element | null {
  let el: Element | null = root.lastElementChild;
  while (el && el.lastElementChild && ['div', 'section', 'article', 'main'].includes(tagName(el))) {
    // Only descend through wrappers; stop at real blocks.
    el = el.lastElementChild;
  }
  return el && isElement(el) ? el : null;
}

// Caption noise: credits and gallery chrome are not part of what the reader reads.
const CREDIT_TAIL =
  /\s*[([]\s*(?:image|images|photo|photos|picture|pictures|credit|credits|crédit|crédits|source|illustration|©)\s*(?:credit)?\s*:[^)\]]*[)\]]\s*$/i;
// Gallery chrome and credit lines, anywhere.
const CREDIT_ONLY =
  /^(?:\(?\s*(?:image|photo|picture|credit|crédit|crédits|source|illustration)s?\s*(?:credit)?\s*:.*\)?|\(?(?:photo|crédit|credit)\s*(?:d'illustration)?\s*[©:].*|image \d+ of \d+|photo \d+ (?:of|sur|\/) \d+|\d+ ?\/ ?\d+|caption|close|enlarge|expand|agrandir|fermer|zoom|play video|watch video|voir la vidéo|lire la vidéo|report error|report an error|signaler une erreur|image copyright.*|advert|advertisement|publicité|pub|sponsored|sponsorisé|this slideshow requires javascript\.?|(?:follow|suivez)(?:-nous| us| \S+(?: \S+)?) (?:on|sur) (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok)\b.*)$/i;
// "Alex Wong | Getty Images", "Photo Jean Dupont / AFP": a photographer and an agency, alone on a line.
const AGENCY_CREDIT =
  /^(?:(?:photo|crédit photo|crédit|credit|©|by|par)\s*:?\s*)?(?:the\s+)?(?:[\p{L}.'’ -]{2,40}\s*[|/]\s*)?(?:getty images?|afp|reuters|ap photo|associated press|shutterstock|epa|maxppp|sipa|abaca|hans lucas|istock|alamy|dpa|ansa|bestimage|panoramic|icon sport)(?:\s*(?:via|\/)\s*[\p{L} ]{2,30})?\.?$/iu;
// Inside captions only: a copyright line is a photo credit there, but an article's own notice elsewhere.
const CAPTION_CREDIT = /^(?:©|\(c\)|copyright\b|photo\s*:|crédit\s*:)/i;
const MONTHS_RE =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
const DATE_ONLY = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?(?:${MONTHS_RE}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:er)?\\s+${MONTHS_RE}\\.?,?\\s+\\d{4})(?:\\s*(?:at|à|-|,)?\\s*\\d{1,2}[:h.]\\d{2}\\s*(?:am|pm|[A-Z]{2,4})?)?$`,
  'i',
);
const BYLINE_LINE =
  /^(?:by|par|written by|écrit par|propos recueillis par)\s+[\p{Lu}][\p{L}'’.-]+(?:[\s,]+(?:and|et|&)?\s*[\p{Lu}][\p{L}'’.-]+){0,6}\s*$/u;
// "By HNN Staff | November 18, 2019 at 2:26 PM": a byline glued to a date.
const BYLINE_DATE = /^(?:by|par)\s+[^.|]{2,60}\s(?:\||·|—|–|-)\s.*\d/i;
const DATE_LINE =
  /^(?:\|?\s*)(?:published|updated|posted|last updated|publié|mis à jour|modifié|actualisé|mise à jour)\b.{0,100}$/i;
const CONTACT_LINE =
  /^(?:\S+@\S+\.\w+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com\/\S+|@\w+)$/i;

function isLeafBlock(el: Element): boolean {
  for (const c of Array.from(el.children)) {
    if (
      ['p', 'div', 'ul', 'ol', 'table', 'figure', 'blockquote', 'section', 'h2', 'h3', 'h4'].includes(
        tagName(c),
      )
    )
      return false;
  }
  return true;
}

function sameSite(href: string, host: string | null): boolean {
  if (!host) return true;
  try {
    const h = bareHost(new URL(href, 'https://' + host + '/').hostname);
    const base = bareHost(host);
    return hostMatches(h, base) || hostMatches(base, h);
  } catch {
    return false;
  }
}

export function dropNoiseLines(root: Element, pageHost: string | null = null): void {
  // Credit suffixes inside captions: "Protesters wore masks (Image: GETTY)".
  for (const cap of Array.from(
    root.querySelectorAll('figcaption, .caption, [class*="caption"], [class*="legende"]'),
  )) {
    for (const n of Array.from(cap.querySelectorAll('*')).concat(cap)) {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 && c.nodeValue && CREDIT_TAIL.test(c.nodeValue))
          c.nodeValue = c.nodeValue.replace(CREDIT_TAIL, '');
      }
    }
  }
  for (const el of Array.from(
    root.querySelectorAll('p, div, span, figcaption, li, h4, h5, h6, small, cite'),
  )) {
    // Raw length includes source indentation, so the cheap pre-filter is generous.
    if ((el.textContent ?? '').length > 2000 || !isLeafBlock(el) || !root.contains(el)) continue;
    const t = textOf(el);
    if (!t || t.length > 140) continue;
    if (
      CREDIT_ONLY.test(t) ||
      CONTACT_LINE.test(t) ||
      DATE_LINE.test(t) ||
      BYLINE_LINE.test(t) ||
      DATE_ONLY.test(t) ||
      BYLINE_DATE.test(t) ||
      (t.length < 80 && AGENCY_CREDIT.test(t))
    )
      el.remove();
    else if (CAPTION_CREDIT.test(t) && el.closest('figure, figcaption')) el.remove();
  }
  // Galleries repeat the same caption (thumbnail strip + slide): keep the first copy only.
  const seen = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('figcaption, figure p, [class*="caption"]'))) {
    if (!isLeafBlock(el)) continue;
    const t = textOf(el);
    if (t.length < 40) continue;
    if (seen.has(t)) el.remove();
    else seen.add(t);
  }
  // Paragraphs made only of links (≥2) are navigation: "Story A [VIDEO] | Story B [INSIGHT]".
  // One all-capitals link as a paragraph is a promo for another story ("TAYLOR SWIFT CLEARED…").
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const links = p.getElementsByTagName('a');
    if (links.length === 0) continue;
    const t = textOf(p);
    let linked = 0;
    for (const a of Array.from(links)) linked += textOf(a).length;
    if (t.length === 0 || linked / t.length <= 0.85) continue;
    const shouting = t.length >= 20 && t === t.toUpperCase() && /\p{Lu}{3}/u.test(t);
    if (links.length >= 2 || shouting) p.remove();
  }
  // Lists where every item is one headline-like link: a related-stories list.
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => tagName(c) === 'li');
    if (items.length < 2) continue;
    // Links to the site's own articles; a list of shop or source links is content.
    const allLinks = items.every((li) => {
      const a = li.getElementsByTagName('a');
      if (a.length !== 1 || !sameSite(a[0]!.getAttribute('href') ?? '', pageHost)) return false;
      const t = textOf(li);
      return t.length > 0 && textOf(a[0]).length / t.length > 0.9 && t.split(' ').length >= 4;
    });
    if (!allLinks) continue;
    const prev = list.previousElementSibling;
    const pt = prev ? textOf(prev) : '';
    if (
      prev &&
      pt.length > 0 &&
      pt.length < 50 &&
      (/:$/.test(pt) || pt === pt.toUpperCase() || /^h[2-6]$/.test(tagName(prev)))
    )
      prev.remove();
    list.remove();
  }
}

const ACTIVE_TAGS =
  'script,style,iframe[srcdoc],object,embed,form,input,button,textarea,select,link,meta,base,template,noscript';
const BAD_URL = /^\s*(?:javascript|vbscript|data:(?!image\/(?:png|gif|jpe?g|webp|avif)))/i;

/**
 * Defence in depth: the body never carries scripts, handlers or script URLs, even before the
 * one sanitizer (utils/sanitize.ts) runs on it in an extension page.
 */
export function stripActiveContent(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(ACTIVE_TAGS))) el.remove();
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
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
