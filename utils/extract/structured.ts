// The page's structured data: JSON-LD objects (arrays and @graph flattened) and <meta> values.
// Read before any cleanup; pure functions of a Document.

import { decodeEntities } from '../core/entities';
import { collapse } from '../core/text';
import type { PageElements } from './page-elements';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObj = { [k: string]: Json };

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|AdvertiserContentArticle|SatiricalArticle|MedicalScholarlyArticle|Review|Recipe)$/i;

export function isObj(v: Json | undefined): v is JsonObj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function typesOf(o: JsonObj): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Every object found in JSON-LD scripts, flattening arrays and @graph. */
export function jsonLdObjects(els: PageElements): JsonObj[] {
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
  for (const s of els.byTag('script').filter((x) => /ld\+json/i.test(x.getAttribute('type') ?? ''))) {
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

export function articleLd(objs: JsonObj[]): JsonObj | null {
  return objs.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
}

export function str(v: Json | undefined): string | null {
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
export function metaMap(els: PageElements): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of els.byTag('meta')) {
    const v = collapse(el.getAttribute('content'));
    if (!v) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(a)?.toLowerCase();
      if (k && !m.has(k)) m.set(k, v);
    }
  }
  return m;
}

export function meta(mm: Map<string, string>, ...names: string[]): string | null {
  for (const n of names) {
    const v = mm.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}
