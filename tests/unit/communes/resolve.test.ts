// The commune matcher on the real official list (Etalab's COG): URL folders, datelines, postcodes,
// homonyms settled by context or left unsure.
import { describe, expect, it } from 'vitest';
import { communeFromDateline, communeFromUrl } from '../../../utils/extract/metadata';
import { nameKey, searchCommunes } from '../../../utils/communes/index';
import { resolveCommune, type CommuneHints } from '../../../utils/communes/resolve';
import { officialIndex } from './official';

const idx = officialIndex();
const resolve = (h: CommuneHints) => resolveCommune(idx, h);
/** As the pages see it: the engine's raw hint from the URL or the text, then the official commune. */
const fromPage = (url: string, text = '') =>
  resolve({ commune: communeFromUrl(url) ?? communeFromDateline(text), urls: [url], text });

describe('official index', () => {
  it('has every current commune with accents, INSEE code and postcodes', () => {
    expect(idx.communes.length).toBeGreaterThan(34_000);
    expect(idx.byInsee.get('50502')).toMatchObject({ name: 'Saint-Lô', postcodes: ['50000'], dept: '50' });
    expect(idx.byInsee.get('97411')).toMatchObject({ name: 'Saint-Denis', dept: '974' });
    expect(idx.byInsee.get('2A004')).toMatchObject({ name: 'Ajaccio', dept: '2A' });
    expect(idx.byName.get(nameKey('Saint-Denis'))!.length).toBeGreaterThanOrEqual(4);
  });
  it('keys names without accents, case, hyphens or "St" abbreviations', () => {
    expect(nameKey('SAINT-LÔ')).toBe(nameKey('saint-lo'));
    expect(nameKey('St-Lô')).toBe('saintlo');
    expect(nameKey("L'Abergement-Clémenciat")).toBe('labergementclemenciat');
  });
});

describe('resolveCommune', () => {
  it('URL folders with an INSEE code or a postcode (the engine hints) → the official name', () => {
    expect(fromPage('https://actu.fr/normandie/cherbourg-en-cotentin_50129/un-article_123.html')).toEqual({
      name: 'Cherbourg-en-Cotentin',
      postcode: null,
      inseeCode: '50129',
    });
    // A usage name: "la-baule" is La Baule-Escoublac, the only commune of 44500 that starts so.
    expect(fromPage('https://www.ouest-france.fr/pays-de-la-loire/la-baule-44500/article-abc')).toEqual({
      name: 'La Baule-Escoublac',
      postcode: '44500',
      inseeCode: '44055',
    });
    expect(fromPage('https://www.ouest-france.fr/normandie/saint-lo-50000/un-titre-abc')?.name).toBe(
      'Saint-Lô',
    );
  });

  it('a former or delegated commune resolves to the current one', () => {
    expect(fromPage('https://x.fr/a', 'Cherbourg-Octeville (50100) – Le port.')?.inseeCode).toBe('50129');
    // Tourlaville's own code, merged into Cherbourg-en-Cotentin in 2016.
    expect(resolve({ commune: { name: 'Tourlaville', postcode: null, inseeCode: '50602' } })?.name).toBe(
      'Cherbourg-en-Cotentin',
    );
  });

  it('datelines: with a postcode, in capitals, with a département', () => {
    expect(fromPage('https://x.fr/a', 'Saint-Lô (50000) – La mairie a voté.')).toEqual({
      name: 'Saint-Lô',
      postcode: '50000',
      inseeCode: '50502',
    });
    expect(resolve({ text: 'SAINT-LÔ. Le conseil municipal a voté le budget.' })?.inseeCode).toBe('50502');
    expect(resolve({ text: 'Par Jean Martin\nBREST. La tempête a fait tomber des arbres.' })?.name).toBe(
      'Brest',
    );
    expect(resolve({ text: 'Saint-Denis (93) : la mairie inaugure une école.' })?.inseeCode).toBe('93066');
    expect(resolve({ text: 'Saint-Denis (La Réunion) – Le cyclone approche.' })?.inseeCode).toBe('97411');
    expect(resolve({ text: 'PARIS (AFP) – Le gouvernement a annoncé…' })?.name).toBe('Paris');
  });

  it('a folder "/saint-lo/" counts, and the site\'s area settles homonyms', () => {
    expect(resolve({ urls: ['https://www.lamanchelibre.fr/saint-lo/article-123.html'] })?.name).toBe(
      'Saint-Lô',
    );
    expect(resolve({ urls: ['https://www.clicanoo.re/saint-denis/une-ecole.html'] })?.inseeCode).toBe(
      '97411',
    );
    expect(resolve({ urls: ['https://www.leparisien.fr/saint-denis/une-ecole.html'] })?.inseeCode).toBe(
      '93066',
    );
    // The département folder of the URL is context too.
    expect(resolve({ urls: ['https://x.fr/seine-saint-denis/saint-denis/article'] })?.inseeCode).toBe(
      '93066',
    );
  });

  it('stays unsure rather than wrong', () => {
    // Four Saint-Denis, nothing to choose between them.
    expect(resolve({ urls: ['https://www.example.fr/saint-denis/une-ecole.html'] })).toBeNull();
    expect(resolve({ text: 'SAINT-DENIS. La mairie inaugure une école.' })).toBeNull();
    // A name that does not fit its postcode.
    expect(resolve({ commune: { name: 'Caen', postcode: '50000' } })).toBeNull();
    // Sections that happen to be a commune's name, régions, and a commune far from the site's area.
    expect(resolve({ urls: ['https://www.example.fr/orange/forfait.html'] })).toBeNull();
    expect(resolve({ urls: ['https://www.ouest-france.fr/bretagne/article'] })).toBeNull();
    expect(resolve({ urls: ['https://www.ouest-france.fr/nice/article'] })).toBeNull();
    // Capitalised words that open a headline are not datelines.
    for (const w of ['VIDÉO', 'INFO OUEST-FRANCE', 'EXCLUSIF', 'TÉMOIGNAGE', 'EN IMAGES', 'MÉTÉO', 'DIRECT'])
      expect(resolve({ text: `${w}. Les pompiers sont intervenus.` }), w).toBeNull();
    // A mixed-case word and a full stop is an ordinary sentence.
    expect(resolve({ text: 'Caen. Ceci pourrait être une phrase.' })).toBeNull();
  });
});

describe('searchCommunes (the "Ma commune" box)', () => {
  it('finds official names from a folded prefix or a postcode', () => {
    expect(searchCommunes(idx, 'saint-lo')[0]!.name).toBe('Saint-Lô');
    expect(searchCommunes(idx, 'st lo')[0]!.name).toBe('Saint-Lô');
    expect(searchCommunes(idx, '50000').map((c) => c.name)).toContain('Saint-Lô');
    expect(searchCommunes(idx, 'saint-denis').filter((c) => c.name === 'Saint-Denis').length).toBe(4);
    expect(searchCommunes(idx, 'x')).toEqual([]);
  });
});
