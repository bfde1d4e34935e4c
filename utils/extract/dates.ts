// Publication dates: machine dates normalised to ISO 8601, French printed dates ("Publié le 7
// janvier 2025 à 18h04") read with the Paris offset, and <time>/date-ish elements as a last resort.

import { collapse } from '../core/text';
import { textOf } from './dom';
import type { PageElements } from './page-elements';
import { UPDATED_LABEL } from './lexicon';

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

export function textDates(
  doc: Document,
  els: PageElements,
): { published: string | null; modified: string | null } {
  let published: string | null = null;
  let modified: string | null = null;
  for (const el of els
    .byTag('time')
    .filter((t) => t.hasAttribute('datetime'))
    .slice(0, 6)) {
    const v = normalizeDate(el.getAttribute('datetime'));
    if (!v) continue;
    const ctx = textOf(el.parentElement).toLowerCase();
    if (UPDATED_LABEL.test(ctx) && !/publié/.test(ctx)) modified ??= v;
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
