// Text helpers every layer needs: white-space collapsing with French typography in mind, and the
// accent/case folding used by search and by word matching. Pure: no DOM, no browser API.

/** Whitespace that French typography puts everywhere (NBSP, thin spaces) counts as space. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
// Alternation, not a class: U+200D inside a class reads as a joined sequence to linters. The zero-width
// joiner stays inside an emoji sequence (🏳️‍🌈, 👨‍👩‍👧): without it a title's rainbow flag reads as a
// white flag and a rainbow.
const INVISIBLE = /\u00ad|\u200b|\u200c|\u200d(?!\p{Extended_Pictographic})|\u2060|\ufeff/gu;

/** One space for every run of white space (NBSP and thin spaces included), invisible characters dropped, trimmed. */
export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** "École", "ECOLE", "école" → "ecole": NFD, combining marks dropped, lower case, œ/æ spelled out. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Lower-cased runs of letters and digits: the words two titles or names are compared by. */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words as a reader counts them ("aujourd'hui", "porte-parole" are one). An exec loop, not match():
 * no array of every word (1.8 M strings on a 10 MB article).
 */
export function countWords(text: string): number {
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
