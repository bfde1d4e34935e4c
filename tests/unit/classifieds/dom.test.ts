import { describe, expect, it } from 'vitest';
import { collapse } from '../../../utils/core/text';
import { collapsedLength } from '../../../utils/classifieds/dom';

// collapsedLength stands in for collapse(text).length in the scan's text reads: any difference would
// move a heading, an item or a root, so it is checked against collapse itself.
describe('collapsedLength', () => {
  it('is the length of the collapsed text on French typography and invisible characters', () => {
    const cases = [
      '',
      '   ',
      'Prix : 120\u202f600\u00a0€',
      '\n\t  Carantilly (50570)  \n',
      'a \u200b b',
      '\u200b\u200bé\u00ad',
      'mot\u2028ligne\u2029fin\u3000x',
      '\ufeffDébut \u205f \u1680 fin\u2007\u2009',
      'Offres d’emploi — CDI (H/F)',
      '😀  emoji\u00a0\u00a0',
    ];
    for (const c of cases) expect(collapsedLength(c), JSON.stringify(c)).toBe(collapse(c).length);
    expect(collapsedLength(null)).toBe(0);
  });

  it('agrees with collapse on random mixes of letters, spaces and invisible characters', () => {
    const alphabet = [
      'a',
      'é',
      ' ',
      '\n',
      '\u00a0',
      '\u202f',
      '\u2009',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '€',
      '\u2028',
      'Z',
    ];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = next() % 12; k > 0; k--) s += alphabet[next() % alphabet.length];
      expect(collapsedLength(s), JSON.stringify(s)).toBe(collapse(s).length);
    }
  });
});
