// Resolving a page's commune to ONE official commune, or to none. The extraction engine leaves raw
// hints (utils/extract/metadata.ts: a URL folder "cherbourg-en-cotentin_50129", "la-baule-44500", a
// dateline "Saint-Lô (50000)"); this module checks them against the official list and adds what the
// engine does not read: a folder "/saint-lo/", a dateline « SAINT-LÔ. » or « Saint-Denis (93) ».
// Homonyms are settled by context — a postcode, a département named or numbered on the page, the
// région or département folders of the URL, the site's area (areas.ts) — and otherwise left unsure:
// no commune is better than the wrong one. Pure: the index comes in (index.ts).
import type { Commune } from '../extract/types';
import { collapse } from '../core/text';
import { siteOfUrl } from '../core/url';
import { siteDepts } from './areas';
import { asCommune, nameKey, nameWords, type CommuneIndex, type OfficialCommune } from './index';

export interface CommuneHints {
  /** The extraction engine's raw guess (article.commune). */
  commune?: Commune | null;
  /** The page's URL and canonical URL. */
  urls?: Array<string | null | undefined>;
  /** The article's plain text (only its opening is read). */
  text?: string | null;
  /** Host of the site, when not the URLs' own. */
  site?: string | null;
}

// Folder names that are also the name of one commune somewhere ("/mer/", "/orange/" the brand…):
// sections, not towns.
const SECTION_WORDS = new Set([
  'mer',
  'orange',
  'bio',
  'eu',
  'y',
  'nature',
  'sport',
  'info',
  'tour',
  'video',
]);

const deptOfPostcode = (pc: string): string[] =>
  pc.startsWith('97') ? [pc.slice(0, 3)] : pc.startsWith('20') ? ['2A', '2B'] : [pc.slice(0, 2)];

/** One element, or null: the rule for every choice below. */
const only = <T>(list: T[]): T | null => (list.length === 1 ? list[0]! : null);
const startsWith = (words: string[], prefix: string[]) =>
  prefix.length > 0 && prefix.length <= words.length && prefix.every((w, i) => words[i] === w);

/** Communes whose official or former name is `name`, within `depts` when given. */
function named(idx: CommuneIndex, name: string, depts?: ReadonlySet<string>): OfficialCommune[] {
  const all = idx.byName.get(nameKey(name)) ?? [];
  return depts && depts.size ? all.filter((c) => depts.has(c.dept)) : all;
}

/** "Saint-Lô" + "50000", "La Baule" + "44500" (La Baule-Escoublac): the name must fit the postcode. */
function byPostcode(idx: CommuneIndex, name: string, postcode: string): OfficialCommune | null {
  const list = idx.byPostcode.get(postcode);
  if (!list) return only(named(idx, name, new Set(deptOfPostcode(postcode)))); // CEDEX and other codes
  const exact = named(idx, name).filter((c) => list.includes(c));
  if (exact.length) return only(exact);
  const words = nameWords(name);
  return only(list.filter((c) => startsWith(nameWords(c.name), words)));
}

/** The département codes a page points at: site, URL folders, and the article's opening. */
function context(idx: CommuneIndex, h: CommuneHints, folders: string[], head: string): Set<string> {
  const depts = new Set<string>(siteDepts(h.site ?? siteOfUrl(h.urls?.find(Boolean))));
  for (const f of folders) for (const d of idx.areas.get(nameKey(f)) ?? []) depts.add(d);
  for (const m of head.matchAll(/\((\d{5}|\d{2}|2[AB]|97\d)\)/g)) {
    const v = m[1]!;
    if (v.length === 5) deptOfPostcode(v).forEach((d) => depts.add(d));
    else if (idx.depts.has(v)) depts.add(v);
  }
  for (const m of head.matchAll(/\(([\p{L}' -]{3,40})\)/gu))
    for (const d of idx.areas.get(nameKey(m[1]!)) ?? []) depts.add(d);
  return depts;
}

/** Folder names of the URLs' paths (the last segment is the article itself unless the path ends in "/"). */
function folderNames(urls: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const url of urls) {
    let path: string;
    try {
      path = decodeURIComponent(new URL(url ?? '').pathname);
    } catch {
      continue;
    }
    const parts = path.split('/');
    parts.pop(); // "" after a trailing slash, or the article's own slug
    for (const p of parts) if (/^[\p{L}][\p{L}'-]*$/u.test(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

interface Dateline {
  name: string;
  /** What the parentheses said: "50000", "93", "Manche", "AFP"… */
  paren?: string;
}

/**
 * Datelines opening one of the first lines: « SAINT-LÔ. », « CAEN (14000) – », « Saint-Denis (93) : »,
 * « Saint-Lô — ». A name in capitals counts with any separator; one in mixed case only with a dash or
 * parentheses (« Caen. » could open an ordinary sentence).
 */
function datelines(head: string): Dateline[] {
  const out: Dateline[] = [];
  const lines = head.split('\n').slice(0, 4);
  const re = /^\s*([\p{Lu}][\p{L}'’ -]{1,45}?)\s*(?:\(([^)\n]{1,40})\))?\s*([.,:–—-])\s/u;
  for (const line of lines) {
    const m = re.exec(line);
    if (!m) continue;
    const name = m[1]!.trim();
    const caps = name === name.toUpperCase() && /\p{Lu}{2}/u.test(name);
    if (caps || m[2] || /[–—-]/.test(m[3]!)) out.push({ name, paren: m[2]?.trim() });
  }
  return out;
}

/** The official commune of a page, or null when the hints name none or several. */
export function resolveCommune(idx: CommuneIndex, h: CommuneHints): Commune | null {
  const hint = h.commune ?? null;
  // 1. An INSEE code in the URL (actu.fr) names the commune outright (former codes included).
  if (hint?.inseeCode) {
    const c = idx.byInsee.get(hint.inseeCode.toUpperCase());
    if (c) return asCommune(c, hint.postcode);
  }
  // 2. A name with a postcode (URL folder or dateline).
  if (hint?.name && hint.postcode) {
    const c = byPostcode(idx, hint.name, hint.postcode);
    if (c) return asCommune(c, hint.postcode);
  }
  const head = collapseLines((h.text ?? '').slice(0, 1500)).slice(0, 600);
  const folders = folderNames(h.urls ?? []);
  const ctx = context(idx, h, folders, head);
  // 3. Datelines: a name, with what its parentheses say (postcode, département number or name).
  for (const d of datelines(head)) {
    if (d.paren && /^\d{5}$/.test(d.paren)) {
      const c = byPostcode(idx, d.name, d.paren);
      if (c) return asCommune(c, d.paren);
      continue;
    }
    const near = d.paren ? context(idx, {}, [], `(${d.paren})`) : new Set<string>();
    const c = only(named(idx, d.name, near.size ? near : undefined));
    if (c) return asCommune(c);
    const inCtx = only(named(idx, d.name, ctx));
    if (inCtx && ctx.size) return asCommune(inCtx);
  }
  // 4. The engine's name alone, then URL folders ("/saint-lo/"): the weakest hints, so a commune
  // outside the site's known area is refused, and région/département folders are context, not towns.
  // (A name whose postcode contradicts it was already refused above.)
  const names = [...(hint?.name && !hint.postcode ? [hint.name] : []), ...folders];
  for (const name of names) {
    const key = nameKey(name);
    if (key.length < 3 || SECTION_WORDS.has(key) || (idx.areas.has(key) && key !== 'paris')) continue;
    const c = only(named(idx, name, ctx));
    if (c) return asCommune(c);
  }
  return null;
}

/** Collapsed white space within lines, line breaks kept (datelines open a line). */
function collapseLines(text: string): string {
  return text
    .split('\n')
    .map((l) => collapse(l))
    .filter(Boolean)
    .join('\n');
}

/** The commune of an article (popup, reading mode, library): its engine hint, URLs and text. */
export function communeOfArticle(
  idx: CommuneIndex,
  a: { commune?: Commune | null; url: string; canonicalUrl?: string | null; textContent?: string | null },
): Commune | null {
  return resolveCommune(idx, { commune: a.commune, urls: [a.url, a.canonicalUrl], text: a.textContent });
}
