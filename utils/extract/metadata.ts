// Article metadata from JSON-LD, Open Graph / article: meta tags, microdata-ish markup and
// French page text ("Publié le 7 janvier 2025 à 18h04", "Par Jean Dupont", "Saint-Lô (50000)").
// Pure functions of a Document; read before any cleanup so nothing is lost.

import type { Commune } from './types';
import { decodeEntities } from '../core/entities';
import { collapse } from '../core/text';
import { bareHost, hostOf } from '../core/url';
import { absolutize, textOf } from './dom';

export interface PageMetadata {
  title: string;
  excerpt: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  leadImage: string | null;
  canonicalUrl: string | null;
  /** schema.org isAccessibleForFree === false */
  paywalled: boolean;
  /** og:type / JSON-LD @type says article. */
  articleHint: boolean;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObj = { [k: string]: Json };

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|AdvertiserContentArticle|SatiricalArticle|MedicalScholarlyArticle|Review|Recipe)$/i;

function isObj(v: Json | undefined): v is JsonObj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function typesOf(o: JsonObj): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Every object found in JSON-LD scripts, flattening arrays and @graph. */
export function jsonLdObjects(doc: Document): JsonObj[] {
  const out: JsonObj[] = [];
  const visit = (v: Json | undefined, depth: number): void => {
    if (depth > 4 || v == null) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isObj(v)) return;
    out.push(v);
    if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
    // WebPage.mainEntity holds the article on some CMSs.
    if (isObj(v['mainEntity'])) visit(v['mainEntity'], depth + 1);
  };
  for (const s of Array.from(doc.getElementsByTagName('script')).filter((x) =>
    /ld\+json/i.test(x.getAttribute('type') ?? ''),
  )) {
    const raw = (s.textContent ?? '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw) as Json, 0);
    } catch {
      // Some CMSs emit trailing commas or raw newlines in strings; try a forgiving cleanup once.
      try {
        visit(JSON.parse(raw.replace(/,\s*([}\]])/g, '$1').replace(/[\n\r\t]/g, ' ')) as Json, 0);
      } catch {
        /* unusable block */
      }
    }
  }
  return out;
}

function articleLd(objs: JsonObj[]): JsonObj | null {
  return objs.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapse(decodeEntities(v)) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (isObj(v)) return str(v['name'] ?? v['url'] ?? v['@id']);
  return null;
}

// JSON-LD strings sometimes carry HTML entities (double-encoded by the CMS): decodeEntities.

/**
 * All <meta> values keyed by lower-cased property/name/itemprop, first one wins. One pass: a
 * querySelector per name would walk the whole document dozens of times (slow under linkedom).
 */
function metaMap(doc: Document): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const v = collapse(el.getAttribute('content'));
    if (!v) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(a)?.toLowerCase();
      if (k && !m.has(k)) m.set(k, v);
    }
  }
  return m;
}

function meta(mm: Map<string, string>, ...names: string[]): string | null {
  for (const n of names) {
    const v = mm.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  dec: 12,
};

/** Last Sunday of a month (UTC date number). */
function lastSunday(year: number, month: number): number {
  const d = new Date(Date.UTC(year, month, 0));
  return d.getUTCDate() - d.getUTCDay();
}

/** Europe/Paris offset for a local wall-clock time: French pages print local time without zone. */
function parisOffset(y: number, m: number, d: number): string {
  const start = lastSunday(y, 3);
  const end = lastSunday(y, 10);
  const summer = (m > 3 && m < 10) || (m === 3 && d >= start) || (m === 10 && d < end);
  return summer ? '+02:00' : '+01:00';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Publié le 7 janvier 2025 à 18h04", "07/01/2025 18:04", "le 1er mars 2024" -> ISO 8601 with Paris offset. */
export function parseFrenchDate(text: string): string | null {
  const t = collapse(text).toLowerCase();
  let y: number, mo: number, d: number;
  let m = /\b(\d{1,2})(?:er)?\s+([a-zéû.]+)\s+(\d{4})(?:\s*(?:à|a|,|-)?\s*(\d{1,2})\s*[h:]\s*(\d{2})?)?/.exec(
    t,
  );
  if (m && MONTHS[m[2]!.replace(/\.$/, '')] !== undefined) {
    d = Number(m[1]);
    mo = MONTHS[m[2]!.replace(/\.$/, '')]!;
    y = Number(m[3]);
  } else {
    m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s*(?:à|a|,|-)?\s*(\d{1,2})\s*[h:]\s*(\d{2})?)?/.exec(t);
    if (!m) return null;
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const hh = m[4] !== undefined ? Number(m[4]) : null;
  const mm = m[5] !== undefined ? Number(m[5]) : 0;
  if (hh === null || hh > 23 || mm > 59) return `${y}-${pad(mo)}-${pad(d)}`;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}:00${parisOffset(y, mo, d)}`;
}

/** Normalises machine dates to ISO 8601; keeps the page's own offset when it has one. */
export function normalizeDate(v: string | null | undefined): string | null {
  const s = collapse(v);
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    let iso = s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    if (Number.isNaN(Date.parse(iso))) return null;
    if (/T\d{2}:\d{2}$/.test(iso)) iso += ':00';
    return iso;
  }
  const fr = parseFrenchDate(s);
  if (fr) return fr;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function textDates(doc: Document): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  for (const el of Array.from(doc.getElementsByTagName('time'))
    .filter((t) => t.hasAttribute('datetime'))
    .slice(0, 6)) {
    const v = normalizeDate(el.getAttribute('datetime'));
    if (!v) continue;
    const ctx = textOf(el.parentElement).toLowerCase();
    if (/mis à jour|modifié|updated|actualisé/.test(ctx) && !/publié/.test(ctx)) modified ??= v;
    else published ??= v;
  }
  if (published) return { published, modified };
  // Fall back to printed French dates in small date-ish elements (not the whole body text).
  let body = '';
  for (const el of Array.from(
    doc.querySelectorAll('[class*="date"],[class*="publi"],[class*="time"],[class*="meta"],[class*="info"]'),
  ).slice(0, 40)) {
    const t = el.textContent ?? '';
    if (t.length < 300) body += ' · ' + collapse(t);
  }
  const pub = /(?:publié|mis en ligne|posté)\s+le\s+([^|·\n]{6,60})/i.exec(body);
  if (pub) published = parseFrenchDate(pub[1]!);
  const mod = /(?:mis à jour|modifié|actualisé)\s+le\s+([^|·\n]{6,60})/i.exec(body);
  if (mod) modified = parseFrenchDate(mod[1]!);
  return { published, modified };
}

// ---------------------------------------------------------------------------------------------
// Title

// " : " is part of French headlines ("Tempête : ..."), never a site separator.
const TITLE_SEPARATORS = /\s+(?:[|\-–—·•»/]|::)\s+/;

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of `a`'s words found in `b`. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  if (wa.length === 0) return 0;
  const wb = new Set(words(b));
  return wa.filter((w) => wb.has(w)).length / wa.length;
}

function hostWords(url: string | null): string {
  return bareHost(hostOf(url)).replace(/\.[a-z]+$/, '');
}

/** Removes " - Site", " | Site", "Rubrique | " style parts that name the site or section. */
export function stripSiteFromTitle(title: string, siteName: string | null, url: string | null): string {
  const t = collapse(title);
  const parts = t.split(TITLE_SEPARATORS);
  if (parts.length < 2) return t;
  const host = hostWords(url).replace(/[-.]/g, ' ');
  const isSite = (p: string): boolean => {
    const w = words(p).join(' ');
    if (!w) return true;
    if (siteName && (overlap(p, siteName) >= 0.6 || overlap(siteName, p) >= 0.8)) return true;
    if (
      host &&
      (host.includes(w.replace(/ /g, '')) ||
        w.includes(host) ||
        w.replace(/ /g, '').includes(host.replace(/ /g, '')))
    )
      return true;
    return false;
  };
  // Drop site-name parts at either end, then short section labels at the end ("Culture / Next").
  const kept = [...parts];
  while (kept.length > 1 && isSite(kept[kept.length - 1]!)) kept.pop();
  while (kept.length > 1 && isSite(kept[0]!)) kept.shift();
  if (kept.length === parts.length) {
    // No site part recognised ("Edition La Plaine | Incendie…", "Titre - Culture / Next"): the
    // headline is the one long segment when every other segment is a short label.
    const sizes = parts.map((p) => words(p).length);
    const longest = sizes.indexOf(Math.max(...sizes));
    if (sizes[longest]! >= 4 && sizes.every((n, i) => i === longest || n <= 4)) return parts[longest]!.trim();
    return t;
  }
  // Re-cut the original string so inner separators (" : ") stay as the site wrote them.
  const first = kept[0]!;
  const lastKept = kept[kept.length - 1]!;
  const from = t.indexOf(first);
  const to = t.lastIndexOf(lastKept) + lastKept.length;
  return from >= 0 && to > from ? t.slice(from, to).trim() : kept.join(' - ');
}

function pickTitle(
  doc: Document,
  mm: Map<string, string>,
  ld: JsonObj | null,
  siteName: string | null,
  url: string | null,
): string {
  const og = meta(mm, 'og:title', 'twitter:title');
  const headline = ld ? (str(ld['headline']) ?? str(ld['name'])) : null;
  const docTitle = collapse(doc.getElementsByTagName('title')[0]?.textContent);
  const cleanedDocTitle = docTitle ? stripSiteFromTitle(docTitle, siteName, url) : '';
  const cleanedOg = og ? stripSiteFromTitle(og, siteName, url) : '';
  const metas = [cleanedOg, headline ?? '', cleanedDocTitle].filter((x) => x.length > 0);

  // The visible <h1> is the headline the reader saw; use it when it is the article's headline
  // (it agrees with a meta title), not the site logo or a section name.
  const h1s = Array.from(doc.getElementsByTagName('h1')).slice(0, 5);
  for (const h of h1s) {
    const text = textOf(h);
    if (words(text).length < 2) continue;
    if (siteName && overlap(text, siteName) > 0.8 && words(text).length <= words(siteName).length + 1)
      continue;
    if (metas.length === 0) return text;
    const best = Math.max(...metas.map((m) => Math.min(overlap(text, m), overlap(m, text) + 0.2)));
    if (best < 0.5) continue;
    // A kicker printed as its own element inside the h1 ("<span>Frain</span> Incendie…") that no
    // meta title repeats verbatim: the headline is the rest.
    const norm = (x: string): string => words(x).join(' ');
    const kicker = h.firstElementChild;
    if (kicker && !metas.some((m) => collapse(m).toLowerCase() === text.toLowerCase())) {
      const kt = textOf(kicker);
      const rest = text.startsWith(kt) ? collapse(text.slice(kt.length)) : '';
      if (
        kt &&
        words(kt).length <= 4 &&
        words(rest).length >= 3 &&
        metas.some((m) => norm(m).endsWith(norm(rest)))
      )
        return rest.replace(/^[.:|–—-]\s*/, '');
    }
    return text;
  }
  return cleanedOg || headline || cleanedDocTitle || (h1s[0] ? textOf(h1s[0]) : '');
}

// ---------------------------------------------------------------------------------------------
// Byline

const BYLINE_NOISE =
  /(?:^|[\s,|·–—-])(?:publié|mis à jour|modifié|updated|published|le \d|il y a|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}h\d{2})(?=[\s,:]|$).*$/i;

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
// Commune

const PARTICLES = new Set([
  'en',
  'sur',
  'de',
  'du',
  'des',
  'et',
  'lès',
  'les',
  'le',
  'la',
  'aux',
  'au',
  'sous',
  'l',
  'd',
]);

/** "cherbourg-en-cotentin" -> "Cherbourg-en-Cotentin", "la-baule" -> "La Baule", "saint-lo" -> "Saint-Lo". */
export function communeNameFromSlug(slug: string): string {
  const parts = slug.toLowerCase().split('-').filter(Boolean);
  if (parts.length === 0) return '';
  let lead = '';
  if (parts.length > 1 && ['le', 'la', 'les'].includes(parts[0]!)) {
    lead = parts.shift()!;
    lead = lead[0]!.toUpperCase() + lead.slice(1) + ' ';
  }
  const name = parts
    .map((p, i) => (i > 0 && PARTICLES.has(p) ? p : p[0]!.toUpperCase() + p.slice(1)))
    .join('-')
    .replace(/\b([ld])-(?=\p{L})/giu, "$1'");
  return lead + name;
}

export function communeFromUrl(url: string | null): Commune | null {
  if (!url) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  // actu.fr: /normandie/cherbourg-en-cotentin_50129/... (INSEE code, not a postcode).
  // The commune is a folder, never the article slug itself (hence the trailing slash).
  let m = /\/([a-z][a-z'-]*[a-z])_(\d[\dab]\d{3})\//i.exec(path);
  if (m) return { name: communeNameFromSlug(m[1]!), postcode: null, inseeCode: m[2]!.toUpperCase() };
  // ouest-france & co: /pays-de-la-loire/la-baule-44500/... (postcode).
  m = /\/([a-z][a-z'-]*[a-z])-(\d{5})\//i.exec(path);
  if (m && /^(?:0[1-9]|[1-8]\d|9[0-8]|2[ab])\d{3}$/i.test(m[2]!))
    return { name: communeNameFromSlug(m[1]!), postcode: m[2]! };
  return null;
}

/** Dateline at the start of the article: "Saint-Lô (50000)", "CAEN (14000) –". */
export function communeFromDateline(text: string): Commune | null {
  // Only the opening matters: collapse a bounded prefix, not a whole (possibly 10 MB) article.
  const head = collapse(text.slice(0, 4000)).slice(0, 400);
  const m = /(?:^|[\n.!?]\s|^\S+\.\s)([\p{Lu}][\p{L}'’-]*(?:[ -][\p{L}'’]+){0,4})\s*\((\d{5})\)/u.exec(head);
  if (!m) return null;
  let name = m[1]!.trim();
  if (name === name.toUpperCase())
    name = communeNameFromSlug(name.replace(/ /g, '-')).replace(/-/g, (x) => x);
  return { name, postcode: m[2]! };
}

// ---------------------------------------------------------------------------------------------

export function readMetadata(doc: Document, url: string | null): PageMetadata {
  const mm = metaMap(doc);
  const objs = jsonLdObjects(doc);
  const ld = articleLd(objs);
  const publisher = ld && isObj(ld['publisher']) ? str(ld['publisher']['name']) : null;
  const website = objs.find((o) => typesOf(o).includes('WebSite'));
  const rawSite =
    meta(mm, 'og:site_name', 'application-name') ?? publisher ?? (website ? str(website['name']) : null);
  const siteName = rawSite ? rawSite.replace(/^www\./i, '') : null;

  const title = pickTitle(doc, mm, ld, siteName, url);
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
  const td = (): ReturnType<typeof textDates> => (tdBox.v ??= textDates(doc));
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
    Array.from(doc.getElementsByTagName('link'))
      .find((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical')
      ?.getAttribute('href') ?? meta(mm, 'og:url');
  const canonicalUrl = canonicalRaw ? absolutize(canonicalRaw, url) : null;
  const base = url ?? canonicalUrl;
  const img =
    meta(mm, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
    (ld ? str(ld['image']) : null);
  const leadImage = img ? absolutize(img, base) : null;

  const free = ld?.['isAccessibleForFree'];
  const paywalled = free === false || free === 'False' || free === 'false';
  const ogType = (meta(mm, 'og:type') ?? '').toLowerCase();
  const articleHint = !!ld || ogType === 'article' || ogType.startsWith('article');

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
  };
}

export function countWords(text: string): number {
  // Counted with an exec loop rather than match(): no array of every word (1.8 M strings on a 10 MB
  // article, a large share of its extraction's garbage collection).
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export function readingTime(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
