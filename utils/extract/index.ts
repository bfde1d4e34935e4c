// Extraction engine: Document -> Article | NotArticle. Pure and deterministic: works on a clone,
// never touches the live page, no extension APIs, no network, no timers.
//
// The work is a list of named steps (pipeline.ts, steps.ts). When the cleaned run is refused or
// comes out much shorter than the page's paragraphs, the same steps run again with the cleaning
// ones turned off, and the better of the two is kept: Lisible never gives less than Readability.

import { firstImage } from './figure';
import { communeFromDateline, communeFromUrl, readingTime } from './metadata';
import { isTeaser } from './paywall';
import { FALLBACK_OFF, runSteps, type Run, type State } from './pipeline';
import { pageUrlOf, preflight, workingCopy } from './prepare';
import type { Article, ExtractOptions, ExtractResult } from './types';

export type { Article, ExtractOptions, ExtractResult } from './types';
export { isProbablyArticle } from './readerable';

export function extractArticle(doc: Document, url?: string, opts: ExtractOptions = {}): ExtractResult {
  try {
    return extract(doc, url, opts);
  } catch (e) {
    return { ok: false, reason: 'error', detail: e instanceof Error ? e.message : String(e) };
  }
}

function extract(doc: Document, url: string | undefined, opts: ExtractOptions): ExtractResult {
  const pageUrl = pageUrlOf(doc, url);
  const early = preflight(doc, pageUrl);
  if (early) return { ok: false, ...early };
  const clone = workingCopy(doc);
  if (!clone) return { ok: false, reason: 'empty' };

  const first = runSteps(doc, clone, pageUrl, { content: opts.content });
  let best = first;
  if (needsFallback(first)) {
    const again = workingCopy(doc);
    const meta = first.state?.meta;
    const second = again ? runSteps(doc, again, pageUrl, { off: FALLBACK_OFF, meta }) : null;
    if (second && better(second, first)) best = second;
  }
  if (!best.ok) return { ok: false, ...best.refusal };
  return { ok: true, article: toArticle(best.state) };
}

/** The cleaned run was refused, came out short, or kept far less text than the page's paragraphs hold. */
function needsFallback(r: Run): boolean {
  const s = r.state;
  if (!s) return false;
  // Not when the reader chose the block: less text than the page holds is what they asked for.
  if (s.hinted) return false;
  if (!r.ok) return r.refusal.reason === 'not-article';
  return s.words < 150 || (s.ctx.pTextTotal > 1500 && s.rawLength < s.ctx.pTextTotal * 0.35);
}

/**
 * The fallback wins when it is an article where the first run was not, or when it has much more
 * text and more prose (more boilerplate alone does not make it better).
 */
function better(b: Run, a: Run): boolean {
  if (!b.ok) return false;
  if (!a.ok) return true;
  return b.state.rawLength > a.state.rawLength * 1.5 && b.state.prose > a.state.prose * 1.2;
}

function toArticle(s: State): Article {
  const { meta, pageUrl, root } = s;
  const found = s.found;
  const article: Article = {
    url: pageUrl ?? meta.canonicalUrl ?? '',
    canonicalUrl: meta.canonicalUrl ?? pageUrl ?? '',
    title: meta.title || found?.title || '',
    excerpt: meta.excerpt || found?.excerpt || '',
    byline: meta.byline ?? (found?.byline || null),
    siteName: meta.siteName ?? (found?.siteName || null),
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: meta.lang,
    leadImage: meta.leadImage ?? firstImage(root!),
    // Reading the serialization is not writing HTML; the sanitizer runs before any rendering.
    contentHtml: root!.innerHTML,
    textContent: s.text,
    wordCount: s.words,
    readingTimeMinutes: readingTime(s.words),
    teaser: isTeaser(s.paywall, s.words),
    commune: communeFromUrl(pageUrl) ?? communeFromUrl(meta.canonicalUrl) ?? communeFromDateline(s.text),
  };
  if (s.rule) article.siteRule = s.rule.id;
  return article;
}
