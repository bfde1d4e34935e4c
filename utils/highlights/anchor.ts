// Anchoring a highlight in an article's text the way W3C Web Annotation selectors do: the quoted text
// with a little context on each side (TextQuoteSelector: exact, prefix, suffix) and its character
// offsets (TextPositionSelector: start, end). The offsets find it at once when the text is unchanged;
// when the text shifted (the article saved again, a paragraph added), the quote is searched and the
// occurrence whose context fits best wins. Pure: strings in, offsets out (utils/highlights/dom.ts maps
// offsets to DOM ranges).

export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;

export function describeText(text: string, start: number, end: number): TextAnchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** Length of the common ending of two strings. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the anchor is in `text` now, or null when its quote is gone (the highlight is orphaned). */
export function anchorText(text: string, a: TextAnchor): { start: number; end: number } | null {
  if (!a.exact) return null;
  const context = (i: number) =>
    commonEnd(text.slice(Math.max(0, i - a.prefix.length), i), a.prefix) +
    commonStart(text.slice(i + a.exact.length, i + a.exact.length + a.suffix.length), a.suffix);
  const full = a.prefix.length + a.suffix.length;
  // The old offsets, when quote and context are still there (another occurrence of the quote may have
  // moved onto them: then the context disagrees and the search below decides).
  if (text.slice(a.start, a.end) === a.exact && context(a.start) === full)
    return { start: a.start, end: a.end };
  let best: { start: number; score: number } | null = null;
  for (let i = text.indexOf(a.exact); i >= 0; i = text.indexOf(a.exact, i + 1)) {
    // Context first; between equal contexts, the occurrence nearest the old position.
    const score = context(i) * 1e7 - Math.abs(i - a.start);
    if (!best || score > best.score) best = { start: i, score };
  }
  return best && { start: best.start, end: best.start + a.exact.length };
}
