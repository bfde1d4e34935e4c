// The commune an article is about: from the URL (actu.fr INSEE folders, postcode folders) or a
// dateline at the start of the text ("Saint-Lô (50000)").

import { collapse } from '../core/text';
import type { Commune } from './types';

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
