import { describe, expect, it } from 'vitest';
import {
  cleanByline,
  communeFromDateline,
  communeFromUrl,
  communeNameFromSlug,
  normalizeDate,
  parseFrenchDate,
  readMetadata,
  stripSiteFromTitle,
} from '../../../utils/extract/metadata';
import { decodeHtml } from '../../tools/decode';

const doc = (head: string, body = ''): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html lang="fr-FR"><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

describe('dates', () => {
  it('parses French printed dates with the Paris offset', () => {
    expect(parseFrenchDate('Publié le 7 janvier 2025 à 18h04')).toBe('2025-01-07T18:04:00+01:00');
    expect(parseFrenchDate('le 1er juillet 2024 à 9h30')).toBe('2024-07-01T09:30:00+02:00');
    expect(parseFrenchDate('Mis à jour le 30/03/2025 à 10:15')).toBe('2025-03-30T10:15:00+02:00');
    expect(parseFrenchDate('le 3 mars 2023')).toBe('2023-03-03');
    expect(parseFrenchDate('pas de date ici')).toBeNull();
  });
  it('normalises machine dates', () => {
    expect(normalizeDate('2024-11-22T07:22:44+0100')).toBe('2024-11-22T07:22:44+01:00');
    expect(normalizeDate('2024-11-22 07:22')).toBe('2024-11-22T07:22:00');
    expect(normalizeDate('nonsense')).toBeNull();
  });
  it('reads JSON-LD @graph, meta and printed dates', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Le Site"},{"@type":"NewsArticle","headline":"Un titre","datePublished":"2025-01-07T18:04:00+01:00","dateModified":"2025-01-08T08:00:00+01:00","author":[{"@type":"Person","name":"Jeanne Dupont"},{"@type":"Person","name":"Paul Martin"}]}]}</script>`;
    const m = readMetadata(doc(ld + '<title>Un titre - Le Site</title>'), 'https://example.fr/a');
    expect(m).toMatchObject({
      publishedTime: '2025-01-07T18:04:00+01:00',
      modifiedTime: '2025-01-08T08:00:00+01:00',
      byline: 'Jeanne Dupont, Paul Martin',
      siteName: 'Le Site',
      title: 'Un titre',
      lang: 'fr-FR',
    });
    const printed = readMetadata(
      doc('<title>T</title>', '<div class="date">Publié le 7 janvier 2025 à 18h04</div><h1>T</h1>'),
      null,
    );
    expect(printed.publishedTime).toBe('2025-01-07T18:04:00+01:00');
  });
});

describe('title', () => {
  it('strips site suffixes and prefixes', () => {
    expect(stripSiteFromTitle('Un troisième Français mort - Libération', 'Libération', null)).toBe(
      'Un troisième Français mort',
    );
    expect(
      stripSiteFromTitle('Les motivations du tueur | Challenges.fr', null, 'https://www.challenges.fr/x'),
    ).toBe('Les motivations du tueur');
    expect(stripSiteFromTitle('Edition La Plaine | Incendie : cinq relogés', 'Vosges Matin', null)).toContain(
      'Incendie',
    );
    expect(stripSiteFromTitle('Guerre en Ukraine : la Russie affirme', 'Le Figaro', null)).toBe(
      'Guerre en Ukraine : la Russie affirme',
    );
  });
  it('prefers the visible h1 when it is the headline', () => {
    const m = readMetadata(
      doc(
        '<title>Tempête : à quoi s’attendre ? - 20 Minutes</title><meta property="og:title" content="Dans la queue de la tempête, à quoi s’attendre ?"><meta property="og:site_name" content="20 Minutes">',
        '<h1>Tempête : Pluie, vent… A quoi s’attendre ?</h1>',
      ),
      null,
    );
    expect(m.title).toBe('Tempête : Pluie, vent… A quoi s’attendre ?');
  });
  it('ignores a logo h1', () => {
    const m = readMetadata(
      doc('<title>Deux ans en Macronie - regards.fr</title>', '<h1>regards.fr</h1>'),
      'https://www.regards.fr/a',
    );
    expect(m.title).toBe('Deux ans en Macronie');
  });
});

describe('byline', () => {
  it('cleans "Par", dates and e-mails', () => {
    expect(cleanByline('Par Jean Dupont')).toBe('Jean Dupont');
    expect(cleanByline('Par Jean Dupont, publié le 7 janvier 2025')).toBe('Jean Dupont');
    expect(cleanByline('Recueilli par Patrick ANGEVIN.')).toBe('Patrick ANGEVIN');
    expect(cleanByline('By Jane Roe jane@example.com')).toBe('Jane Roe');
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
    expect(cleanByline('lefigaro.fr')).toBeNull();
  });
});

describe('commune', () => {
  it('reads actu.fr and postcode URLs', () => {
    expect(
      communeFromUrl('https://actu.fr/normandie/cherbourg-en-cotentin_50129/un-article_123.html'),
    ).toEqual({
      name: 'Cherbourg-en-Cotentin',
      postcode: null,
      inseeCode: '50129',
    });
    expect(
      communeFromUrl('https://www.ouest-france.fr/pays-de-la-loire/la-baule-44500/un-article-abc'),
    ).toEqual({ name: 'La Baule', postcode: '44500' });
    expect(communeFromUrl('https://example.fr/2024/01/02/article-12345')).toBeNull();
    expect(communeNameFromSlug('saint-pair-sur-mer')).toBe('Saint-Pair-sur-Mer');
  });
  it('reads a dateline', () => {
    expect(communeFromDateline('Saint-Lô (50000). Le conseil municipal a voté…')).toEqual({
      name: 'Saint-Lô',
      postcode: '50000',
    });
    expect(communeFromDateline('Un texte sans lieu.')).toBeNull();
  });
});

describe('decoding saved pages', () => {
  it('decodes windows-1252 / iso-8859-1 pages as a browser would', () => {
    const latin = Uint8Array.from([
      ...new TextEncoder().encode('<html><head><meta charset="iso-8859-1"></head><body>'),
      0x50,
      0x75,
      0x62,
      0x6c,
      0x69,
      0xe9,
      0x20,
      0x80, // "Publié €"
      ...new TextEncoder().encode('</body></html>'),
    ]);
    expect(decodeHtml(latin).html).toContain('Publié €');
    const undeclared = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]); // "café" in windows-1252, invalid utf-8
    expect(decodeHtml(undeclared).html).toBe('café');
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é')]);
    expect(decodeHtml(bom).html).toBe('é');
  });
});
