// The headline: the visible <h1> when a meta title agrees with it, else og:title / JSON-LD headline
// / <title>, with the site name and section labels cut off.

import { collapse, words } from '../core/text';
import { bareHost, hostOf } from '../core/url';
import { textOf } from './dom';
import type { PageElements } from './page-elements';
import { meta, str, type JsonObj } from './structured';

// " : " is part of French headlines ("Tempête : ..."), never a site separator.
const TITLE_SEPARATORS = /\s+(?:[|\-–—·•»/]|::)\s+/;

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
  // "Forum :: Leggi argomento - Titolo": once the site is cut, a short page label may remain.
  if (kept.length === 2 && kept.length < parts.length) {
    const [a, b] = [words(kept[0]!).length, words(kept[1]!).length];
    if (a <= 2 && b >= 4) return kept[1]!.trim();
  }
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

export function pickTitle(
  els: PageElements,
  mm: Map<string, string>,
  ld: JsonObj | null,
  siteName: string | null,
  url: string | null,
): string {
  const og = meta(mm, 'og:title', 'twitter:title');
  const headline = ld ? (str(ld['headline']) ?? str(ld['name'])) : null;
  const docTitle = collapse(els.byTag('title')[0]?.textContent);
  const cleanedDocTitle = docTitle ? stripSiteFromTitle(docTitle, siteName, url) : '';
  const cleanedOg = og ? stripSiteFromTitle(og, siteName, url) : '';
  const metas = [cleanedOg, headline ?? '', cleanedDocTitle].filter((x) => x.length > 0);

  // The visible <h1> is the headline the reader saw; use it when it is the article's headline
  // (it agrees with a meta title), not the site logo or a section name.
  const h1s = els.byTag('h1').slice(0, 5);
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
    // A label before the headline as text ("Thema: <span>…</span>", "Re: …"): a meta title is the
    // h1 without it.
    for (const m of metas) {
      const at = text.toLowerCase().lastIndexOf(collapse(m).toLowerCase());
      if (
        at > 0 &&
        at + collapse(m).length === text.length &&
        /^[\p{L} ]{1,20}:\s*$/u.test(text.slice(0, at))
      )
        return text.slice(at);
    }
    return text;
  }
  return cleanedOg || headline || cleanedDocTitle || (h1s[0] ? textOf(h1s[0]) : '');
}
