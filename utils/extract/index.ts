// Extraction engine: Document -> Article | NotArticle. Pure and deterministic: works on a clone,
// never touches the live page, no extension APIs, no network, no timers.
//
// Pipeline: metadata (before any removal) -> site rule -> classifieds roots -> lazy images ->
// boilerplate lexicon cleanup -> Readability -> URL/empty-node/trailing-list tidying -> text.

import { Readability } from '@mozilla/readability';
import { collapse } from '../core/text';
import { hostOf } from '../core/url';
import { detectBlocks, type DetectedBlock } from '../classifieds/index';
import type { Article, ExtractOptions, ExtractResult } from './types';
import { boilerplateClean, cleanContext, isProtected, type CleanContext } from './clean';
import { blockText, capDepth, cloneDocument, isStackOverflow, linkDensity, tagName, textOf } from './dom';
import { communeFromDateline, communeFromUrl, countWords, readingTime, readMetadata } from './metadata';
import {
  dropEmptyNodes,
  dropNoiseLines,
  fixLazyImages,
  makeUrlsAbsolute,
  stripActiveContent,
  trimTrailingLinkBlocks,
} from './post';
import { findSiteRule, type SiteRule } from './sites/index';

export type { Article, ExtractOptions, ExtractResult } from './types';
export { isProbablyArticle } from './readerable';
import { isRestrictedUrl } from './restricted';

const PAYWALL_SEL =
  '[class*="paywall"],[id*="paywall"],[class*="premium-block"],[class*="abo-block"],[class*="subscriber-only"],[class*="article-locked"],[class*="teaser-abo"]';

function pageUrlOf(doc: Document, url?: string): string | null {
  const u = url ?? doc.URL ?? '';
  return u && !/^about:blank$/.test(u) ? u : null;
}

export function extractArticle(doc: Document, url?: string, opts: ExtractOptions = {}): ExtractResult {
  try {
    return extract(doc, url, opts);
  } catch (e) {
    return { ok: false, reason: 'error', detail: e instanceof Error ? e.message : String(e) };
  }
}

function extract(doc: Document, url: string | undefined, opts: ExtractOptions): ExtractResult {
  const pageUrl = pageUrlOf(doc, url);
  if (pageUrl && isRestrictedUrl(pageUrl)) return { ok: false, reason: 'restricted', detail: pageUrl };
  const ct = (doc.contentType ?? 'text/html').toLowerCase();
  if (ct && !/html|xml/.test(ct)) return { ok: false, reason: 'not-html', detail: ct };
  // documentElement first: a DOM shim given no bytes (linkedom) has none and throws on `body`.
  if (!doc.documentElement) return { ok: false, reason: 'empty' };
  if (hasFrameset(doc)) return { ok: false, reason: 'not-html', detail: 'frameset' };
  if (!doc.body) return { ok: false, reason: 'empty' };

  const clone = cloneDocument(doc);
  mergeStrayBodies(clone);
  capDepth(clone.documentElement);
  const body = clone.body;
  if (!body || textOf(body).length === 0) return { ok: false, reason: 'empty' };

  const meta = readMetadata(clone, pageUrl);
  const base = pageUrl ?? meta.canonicalUrl;
  const rule = findSiteRule(clone, [pageUrl, meta.canonicalUrl]);

  const paywallBox = hasPaywallBox(clone);
  const heading = findHeading(clone, meta.title);
  const ctx = cleanContext(clone, heading);

  // The reader's "Choisir le texte à lire" for this site: the article is in that block (if it still is).
  const hinted = !!opts.content?.length && isolateContent(clone, opts.content);
  if (rule) applyRule(clone, rule);
  fixLazyImages(body, rule?.lazyImageAttrs);
  const cleaned = boilerplateClean(clone, ctx);
  // After the generic cleanup: sidebars are gone, so the detector scans only what could still
  // reach the reading view (and costs far less on big pages).
  dropClassifieds(clone, ctx);
  if (rule?.content) isolateContent(clone, rule.content);

  // Before Readability, which would otherwise resolve relative URLs against the parsing
  // environment's location (about:blank, a test server) instead of the page URL.
  makeUrlsAbsolute(body, baseUrl(clone, base));
  const leadFigure = findLeadFigure(clone, heading);

  let parsed = readability(clone);
  // Safety net for layouts the lexicon misjudges: when the cleaned page yields far less text
  // than its paragraphs hold, run Readability alone on a fresh clone and keep the longer result.
  const got = parsed?.content ? (parsed.content.textContent ?? '').length : 0;
  // Not when the reader chose the block: less text than the page holds is what they asked for.
  if (!hinted && ctx.pTextTotal > 1500 && got < ctx.pTextTotal * 0.35) {
    const fresh = cloneDocument(doc);
    mergeStrayBodies(fresh);
    capDepth(fresh.documentElement);
    if (fresh.body) makeUrlsAbsolute(fresh.body, baseUrl(fresh, base));
    const plain = readability(fresh);
    if (plain?.content && (plain.content.textContent ?? '').length > got * 1.5) parsed = plain;
  }
  const root = parsed?.content;
  if (!root) return { ok: false, reason: 'not-article', detail: 'no main content' };

  if (leadFigure) restoreLeadFigure(root, leadFigure);
  stripActiveContent(root);
  dropLeadingTitle(root, meta.title);
  dropNoiseLines(root, hostOf(base));
  trimTrailingLinkBlocks(root);
  dropEmptyNodes(root);

  const textContent = blockText(root);
  const wordCount = countWords(textContent);
  // The page had text (checked above), but none of it is an article: a home page, a list of links.
  if (wordCount === 0) return { ok: false, reason: 'not-article', detail: 'no article text' };
  const notArticle = looksLikeNonArticle(
    root,
    textContent,
    wordCount,
    meta.articleHint,
    pageUrl ?? meta.canonicalUrl,
  );
  if (notArticle) return { ok: false, reason: 'not-article', detail: notArticle };

  const title = meta.title || collapse(parsed?.title) || '';
  const article: Article = {
    url: pageUrl ?? meta.canonicalUrl ?? '',
    canonicalUrl: meta.canonicalUrl ?? pageUrl ?? '',
    title,
    excerpt: meta.excerpt || collapse(parsed?.excerpt),
    byline: meta.byline ?? (parsed?.byline ? collapse(parsed.byline) || null : null),
    siteName: meta.siteName ?? (parsed?.siteName ? collapse(parsed.siteName) : null),
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: meta.lang,
    leadImage: meta.leadImage ?? firstImage(root),
    // Reading the serialization is not writing HTML; the sanitizer runs before any rendering.
    contentHtml: root.innerHTML,
    textContent,
    wordCount,
    readingTimeMinutes: readingTime(wordCount),
    teaser:
      ((paywallBox || cleaned.paywallText) && (meta.paywalled || wordCount < 700)) ||
      (meta.paywalled && wordCount < 350),
    commune: communeFromUrl(pageUrl) ?? communeFromUrl(meta.canonicalUrl) ?? communeFromDateline(textContent),
  };
  if (rule) article.siteRule = rule.id;
  return { ok: true, article };
}

/**
 * Non-browser parsers (linkedom) can leave several <body> elements when a page has markup after
 * </body>; a browser would have merged them into one. Do the same so no text is lost.
 */
function mergeStrayBodies(doc: Document): void {
  const html = doc.documentElement;
  const bodies = Array.from(html.children).filter((c) => tagName(c) === 'body');
  if (bodies.length < 2) return;
  const first = bodies[0]!;
  for (const b of bodies.slice(1)) {
    while (b.firstChild) first.appendChild(b.firstChild);
    b.remove();
  }
  for (const c of Array.from(html.children)) if (c !== first && tagName(c) !== 'head') first.appendChild(c);
}

function hasFrameset(doc: Document): boolean {
  try {
    return doc.getElementsByTagName('frameset').length > 0;
  } catch (e) {
    // DOM shims (happy-dom) search recursively and overflow on a 10 000-deep page, which a parser
    // would never have made a frameset document.
    if (isStackOverflow(e)) return false;
    throw e;
  }
}

function hasPaywallBox(doc: Document): boolean {
  try {
    return doc.querySelector(PAYWALL_SEL) !== null;
  } catch {
    return false;
  }
}

function findHeading(doc: Document, title: string): Element | null {
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  const t = collapse(title);
  return h1s.find((h) => t && textOf(h).includes(t.slice(0, 40))) ?? h1s[0] ?? null;
}

function applyRule(doc: Document, rule: SiteRule): void {
  for (const sel of rule.strip ?? []) {
    try {
      for (const el of Array.from(doc.querySelectorAll(sel))) el.remove();
    } catch {
      /* selector unsupported by this DOM */
    }
  }
}

/** Keeps only the site's article container (plus nothing else) when it holds enough text. */
function isolateContent(doc: Document, selectors: string[]): boolean {
  const body = doc.body;
  if (!body) return false;
  for (const sel of selectors) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(sel);
    } catch {
      continue;
    }
    if (el && textOf(el).length > 300) {
      body.replaceChildren(el);
      return true;
    }
  }
  return false;
}

/** Issue 4: the reading view never contains classifieds. Guarded so a false positive cannot eat the article. */
function dropClassifieds(doc: Document, ctx: CleanContext): void {
  // detectBlocks hands back the elements themselves: no selector round trip through querySelector.
  let blocks: DetectedBlock[];
  try {
    blocks = detectBlocks(doc);
  } catch {
    return;
  }
  for (const b of blocks) if (!isProtected(b.element, ctx)) b.element.remove();
}

function readability(doc: Document): ReturnType<Readability<Element>['parse']> {
  return new Readability<Element>(doc, {
    charThreshold: 400,
    serializer: (n) => n as Element,
    keepClasses: false,
  }).parse();
}

/** The page's <base href> (resolved against its URL) wins over the URL, as in a browser. */
function baseUrl(doc: Document, pageUrl: string | null): string | null {
  const href = doc.getElementsByTagName('base')[0]?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return pageUrl ? new URL(href, pageUrl).href : new URL(href).href;
  } catch {
    return pageUrl;
  }
}

/**
 * The lead photo sits between the headline and the body, so Readability (which scores text)
 * often leaves it out. Remember the first captioned figure after the headline, before the body.
 */
function findLeadFigure(doc: Document, heading: Element | null): Element | null {
  if (!heading) return null;
  const scope = heading.closest('article, main') ?? heading.parentElement?.parentElement ?? null;
  if (!scope) return null;
  for (const fig of Array.from(scope.getElementsByTagName('figure')).slice(0, 3)) {
    if (!(heading.compareDocumentPosition(fig) & 4)) continue; // must follow the headline
    const img = fig.getElementsByTagName('img')[0];
    const cap = fig.getElementsByTagName('figcaption')[0];
    if (!img || !img.getAttribute('src') || !cap || textOf(cap).length < 10) continue;
    return fig.cloneNode(true) as Element;
  }
  return null;
}

function restoreLeadFigure(root: Element, fig: Element): void {
  const src = fig.getElementsByTagName('img')[0]?.getAttribute('src');
  if (!src) return;
  if (Array.from(root.getElementsByTagName('img')).some((i) => i.getAttribute('src') === src)) return;
  const capText = textOf(fig.getElementsByTagName('figcaption')[0]);
  if (capText && textOf(root).includes(capText)) return;
  const host = root.firstElementChild && root.children.length === 1 ? root.firstElementChild : root;
  const doc = root.ownerDocument;
  const imported = doc.importNode ? doc.importNode(fig, true) : fig;
  // Pages show it above the body text.
  host.insertBefore(imported, host.firstChild);
}

/** Readability sometimes keeps the headline at the top of the body; the view prints it already. */
function dropLeadingTitle(root: Element, title: string): void {
  const t = collapse(title).toLowerCase();
  if (!t) return;
  for (const h of Array.from(root.querySelectorAll('h1, h2')).slice(0, 2)) {
    const ht = textOf(h).toLowerCase();
    if (
      ht &&
      (ht === t ||
        (ht.length > 20 && t.includes(ht)) ||
        (t.length > 20 && ht.includes(t) && ht.length < t.length + 40))
    ) {
      h.remove();
    }
  }
}

function firstImage(root: Element): string | null {
  const src = root.querySelector('img[src]')?.getAttribute('src');
  return src && /^https?:/i.test(src) ? src : null;
}

/** Home pages, lists and search pages: Readability returns their biggest block of teasers. */
function looksLikeNonArticle(
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
