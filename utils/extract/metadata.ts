// Article metadata from JSON-LD, Open Graph / article: meta tags, microdata-ish markup and
// French page text ("Publié le 7 janvier 2025 à 18h04", "Par Jean Dupont", "Saint-Lô (50000)").
// Pure functions of a Document; read before any cleanup so nothing is lost. The pieces live in
// structured.ts (JSON-LD, <meta>), dates.ts, title.ts and commune.ts.

import { collapse, words } from '../core/text';
import type { Article } from './types';
import { absolutize, textOf } from './dom';
import { normalizeDate, textDates } from './dates';
import { articleLd, isObj, jsonLdObjects, meta, metaMap, str, typesOf, type JsonObj } from './structured';
import { BYLINE_NOISE, LISTING_TYPES } from './lexicon';
import { ldPaywalled } from './paywall';
import { pageElements, type PageElements } from './page-elements';
import { pickTitle } from './title';

export { communeFromDateline, communeFromUrl, communeNameFromSlug } from './commune';
export { normalizeDate, parseFrenchDate } from './dates';
export { stripSiteFromTitle } from './title';
export { countWords } from '../core/text';

/** What the page says about its article, read before any cleanup: the Article fields it gives. */
export type PageMetadata = Pick<
  Article,
  'title' | 'excerpt' | 'byline' | 'siteName' | 'publishedTime' | 'modifiedTime' | 'lang' | 'leadImage'
> & {
  /** rel=canonical / og:url, absolute, when the page has one (Article's falls back to the URL). */
  canonicalUrl: string | null;
  /** schema.org isAccessibleForFree === false */
  paywalled: boolean;
  /** og:type / JSON-LD @type says article. */
  articleHint: boolean;
  /** JSON-LD says the page is a listing (CollectionPage, ItemList, SearchResultsPage…) and not an article. */
  listingHint: boolean;
};

// ---------------------------------------------------------------------------------------------
// Byline

export function cleanByline(raw: string | null | undefined): string | null {
  let s = collapse(raw);
  if (!s) return null;
  if (/^https?:\/\//i.test(s) || /^[\w.-]+\.(?:fr|com|net|org|info|eu|be|ch|ca|co\.uk)$/i.test(s))
    return null;
  s = s.replace(
    /^(?:par|by|de|texte|(?:propos )?recueilli(?:e|s|es)? par|écrit par|written by)\s*:?\s+/i,
    '',
  );
  s = s.replace(/(\S)\(/g, '$1 (').replace(/\.$/, '');
  s = s.replace(BYLINE_NOISE, '');
  s = s
    .replace(/\S+@\S+/g, '')
    .replace(/\s*[|,·•–—-]\s*$/, '')
    .trim();
  s = s.replace(/^(?:par|by)\s+/i, '').trim();
  if (!s || s.length > 120 || words(s).length > 14) return null;
  return s;
}

function ldAuthors(ld: JsonObj | null): string | null {
  if (!ld) return null;
  const a = ld['author'] ?? ld['creator'];
  const list = Array.isArray(a) ? a : a != null ? [a] : [];
  const names = list
    .map((x) => (isObj(x) ? str(x['name']) : str(x)))
    .filter((x): x is string => !!x && !/^https?:/.test(x));
  return names.length ? Array.from(new Set(names)).join(', ') : null;
}

function domByline(doc: Document): string | null {
  const el = doc.querySelector(
    '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .author-name, .byline__name, .byline, .author, .signature, .auteur',
  );
  return el ? textOf(el) : null;
}

// ---------------------------------------------------------------------------------------------

export function readMetadata(
  doc: Document,
  url: string | null,
  els: PageElements = pageElements(doc),
): PageMetadata {
  const mm = metaMap(els);
  const objs = jsonLdObjects(els);
  const ld = articleLd(objs);
  const publisher = ld && isObj(ld['publisher']) ? str(ld['publisher']['name']) : null;
  const website = objs.find((o) => typesOf(o).includes('WebSite'));
  const rawSite =
    meta(mm, 'og:site_name', 'application-name') ?? publisher ?? (website ? str(website['name']) : null);
  const siteName = rawSite ? rawSite.replace(/^www\./i, '') : null;

  const title = pickTitle(els, mm, ld, siteName, url);
  const excerpt =
    meta(mm, 'description', 'og:description', 'twitter:description') ??
    (ld ? str(ld['description']) : null) ??
    '';

  const byline =
    cleanByline(ldAuthors(ld)) ??
    cleanByline(
      meta(mm, 'author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'DC.creator'),
    ) ??
    cleanByline(domByline(doc));

  // Printed dates are looked up only when no machine-readable date exists.
  const tdBox: { v: ReturnType<typeof textDates> | null } = { v: null };
  const td = (): ReturnType<typeof textDates> => (tdBox.v ??= textDates(doc, els));
  const publishedTime =
    normalizeDate(ld ? str(ld['datePublished']) : null) ??
    normalizeDate(
      meta(
        mm,
        'article:published_time',
        'og:article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    td().published;
  const modifiedTime =
    normalizeDate(ld ? str(ld['dateModified']) : null) ??
    normalizeDate(meta(mm, 'article:modified_time', 'og:updated_time', 'dateModified', 'dcterms.modified')) ??
    (tdBox.v ? tdBox.v.modified : null);

  const langRaw =
    doc.documentElement?.getAttribute('lang') ??
    meta(mm, 'og:locale', 'language', 'content-language') ??
    (ld ? str(ld['inLanguage']) : null);
  const lang = langRaw ? langRaw.replace('_', '-').split(/[,;\s]/)[0]! || null : null;

  const canonicalRaw =
    els
      .byTag('link')
      .find((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical')
      ?.getAttribute('href') ?? meta(mm, 'og:url');
  const canonicalUrl = canonicalRaw ? absolutize(canonicalRaw, url) : null;
  const base = url ?? canonicalUrl;
  const img =
    meta(mm, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
    (ld ? str(ld['image']) : null);
  const leadImage = img ? absolutize(img, base) : null;

  const paywalled = ldPaywalled(ld);
  const ogType = (meta(mm, 'og:type') ?? '').toLowerCase();
  const articleHint = !!ld || ogType === 'article' || ogType.startsWith('article');
  const listingHint = !ld && objs.some((o) => typesOf(o).some((t) => LISTING_TYPES.test(t)));

  return {
    title,
    excerpt,
    byline,
    siteName,
    publishedTime,
    modifiedTime,
    lang: lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : null,
    leadImage: leadImage && /^https?:/i.test(leadImage) ? leadImage : null,
    canonicalUrl: canonicalUrl && /^https?:/i.test(canonicalUrl) ? canonicalUrl : null,
    paywalled,
    articleHint,
    listingHint,
  };
}

export function readingTime(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
