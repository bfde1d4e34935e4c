// Re-anchoring highlights (utils/highlights/anchor.ts) when the article's text changed between the
// highlight and now: shifted, the quote repeated, the quote gone, edits around it. And the DOM side
// (utils/highlights/dom.ts): a selection's offsets and back give the same text.
import { describe, expect, it } from 'vitest';
import { anchorText, describeText, type TextAnchor } from '../../../utils/highlights/anchor';
import { offsetsOf, rangeOf } from '../../../utils/highlights/dom';

const TEXT =
  "Le conseil municipal de Saint-Lô s'est réuni lundi soir. Le maire a présenté le budget de la commune. " +
  "Les travaux de la place du marché commenceront en mars. L'opposition a voté contre le budget. " +
  'Le maire a répondu que les impôts ne bougeraient pas.';

/** The anchor of the n-th (0-based) occurrence of `quote` in `text`. */
function anchorOf(text: string, quote: string, n = 0): TextAnchor {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no occurrence ${n} of ${quote}`);
  return describeText(text, at, at + quote.length);
}
const found = (text: string, a: TextAnchor) => {
  const at = anchorText(text, a);
  return at && { quote: text.slice(at.start, at.end), start: at.start };
};

describe('highlight anchoring', () => {
  it('keeps quote, context and offsets of a selection', () => {
    const a = anchorOf(TEXT, 'le budget de la commune');
    expect(a.exact).toBe('le budget de la commune');
    expect(a.prefix).toBe(TEXT.slice(a.start - 32, a.start));
    expect(a.suffix).toBe(TEXT.slice(a.end, a.end + 32));
    // At the very start and end of the text the context is shorter, never wrapped.
    expect(describeText(TEXT, 0, 2)).toMatchObject({ prefix: '', exact: 'Le' });
    expect(describeText(TEXT, TEXT.length - 4, TEXT.length)).toMatchObject({ suffix: '', exact: 'pas.' });
  });

  it('finds the quote at its offsets in the unchanged text', () => {
    const a = anchorOf(TEXT, 'Les travaux de la place du marché');
    expect(anchorText(TEXT, a)).toEqual({ start: a.start, end: a.end });
  });

  it('follows the text when a paragraph is added before or after the quote', () => {
    const a = anchorOf(TEXT, 'Les travaux de la place du marché');
    const before = 'Mise à jour à 18 h : la séance a duré trois heures.\n' + TEXT;
    expect(found(before, a)).toEqual({ quote: a.exact, start: a.start + 52 });
    const after = TEXT + '\nCorrection : la réunion avait lieu mardi.';
    expect(found(after, a)).toEqual({ quote: a.exact, start: a.start });
  });

  it('picks the right one of a repeated quote by its context', () => {
    // "Le maire a" appears twice; the second was highlighted.
    const second = anchorOf(TEXT, 'Le maire a', 1);
    const first = anchorOf(TEXT, 'Le maire a', 0);
    const shifted = 'Publié le 3 mars. ' + TEXT;
    expect(found(shifted, second)!.start).toBe(second.start + 18);
    expect(found(shifted, first)!.start).toBe(first.start + 18);
  });

  it('does not trust the old offsets when another occurrence moved onto them', () => {
    // The highlighted second "Le maire a" is pushed further; text inserted before puts the FIRST one
    // exactly at the old offsets of the second. The context says which one was meant.
    const second = anchorOf(TEXT, 'Le maire a', 1);
    const first = TEXT.indexOf('Le maire a');
    const pad = 'x'.repeat(second.start - first);
    const text = pad + TEXT;
    expect(text.slice(second.start, second.end)).toBe('Le maire a'); // the wrong one is at the old place
    expect(found(text, second)!.start).toBe(second.start + pad.length);
  });

  it('between occurrences with the same context, takes the one nearest the old position', () => {
    const text = 'Oui. Non. Oui. Non. Oui. Non. Oui.';
    const a = describeText(text, 15, 18); // "Non" — the second of three with equal context
    expect(a.exact).toBe('Non');
    const shifted = 'Ah. ' + text;
    const at = anchorText(shifted, { ...a, prefix: 'Oui. ', suffix: '. Oui' });
    expect(at).toEqual({ start: 19, end: 22 });
  });

  it('survives edits of the words around the quote', () => {
    const a = anchorOf(TEXT, 'a présenté le budget');
    // The sentence before was rewritten and a word after changed: part of each context still agrees.
    const edited = TEXT.replace("s'est réuni lundi soir", 'a siégé mardi').replace(
      'de la commune',
      'de la ville',
    );
    expect(found(edited, a)).toMatchObject({ quote: 'a présenté le budget' });
    // A repeated quote whose own neighbours were partly rewritten, in a shifted text: what is left of
    // its context still beats the other occurrence's.
    const second = anchorOf(TEXT, 'le budget', 1); // "…voté contre le budget. Le maire…"
    const moved = 'Mis à jour. ' + TEXT.replace("L'opposition a voté contre", 'La minorité a voté contre');
    const at = found(moved, second)!;
    expect(at.quote).toBe('le budget');
    expect(moved.slice(at.start - 12, at.start)).toBe('voté contre ');
    // Even with no context left at all (both neighbours rewritten), a single occurrence is found.
    const rewritten = 'Tout autre début. Le maire a présenté le budget, dit-on, tout autre fin.';
    expect(found(rewritten, a)).toEqual({ quote: a.exact, start: rewritten.indexOf(a.exact) });
  });

  it('is not found (orphaned) when the quote is gone or was edited, and never lands elsewhere', () => {
    const a = anchorOf(TEXT, 'commenceront en mars');
    expect(anchorText(TEXT.replace('commenceront en mars', 'commenceront en avril'), a)).toBeNull();
    expect(anchorText(TEXT.replace(/Les travaux[^.]*\. /, ''), a)).toBeNull();
    expect(anchorText('', a)).toBeNull();
    expect(anchorText(TEXT, { ...a, exact: '' })).toBeNull();
    // Offsets past the end of a shorter text are no problem either.
    expect(anchorText('mars', { ...a, start: 500, end: 520 })).toBeNull();
  });
});

describe('highlight offsets in the rendered body', () => {
  it('maps a selection across elements to offsets and back to the same text', () => {
    document.body.innerHTML =
      '<article><h1>Saint-Lô</h1><p>Le maire a <em>présenté</em> le budget.</p><p>Fin.</p></article>';
    const root = document.querySelector('article')!;
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 3); // "maire…"
    range.setEnd(root.querySelector('em')!.firstChild!, 4); // "…prés"
    const at = offsetsOf(root, range)!;
    const text = root.textContent!;
    expect(text.slice(at.start, at.end)).toBe('maire a prés');
    expect(rangeOf(root, at.start, at.end)!.toString()).toBe('maire a prés');
    // A selection outside the body has no offsets.
    const outside = document.createRange();
    outside.selectNodeContents(document.body);
    expect(offsetsOf(root, outside)).toBeNull();
  });
});
