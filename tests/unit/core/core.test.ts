// The ground floor (utils/core): the one copy of the URL, entity and text helpers every layer uses.
import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeHtml } from '../../../utils/core/entities';
import { collapse, fold } from '../../../utils/core/text';
import { bareHost, hostMatches, hostOf, hrefHost, siteOfUrl } from '../../../utils/core/url';

describe('utils/core/url', () => {
  it('reads hosts, trims only "www." and a trailing dot, and never throws', () => {
    expect(hostOf('https://WWW.Ouest-France.fr/normandie/')).toBe('www.ouest-france.fr');
    expect(hostOf('pas une url')).toBe('');
    expect(hostOf(null)).toBe('');
    expect(bareHost('WWW.actu.fr.')).toBe('actu.fr');
    expect(bareHost('www2.actu.fr')).toBe('www2.actu.fr');
    expect(siteOfUrl('https://www.tendanceouest.com/a.html')).toBe('tendanceouest.com');
  });
  it('matches a domain and its subdomains, not look-alikes', () => {
    expect(hostMatches('www.ladepeche.fr', 'ladepeche.fr')).toBe(true);
    expect(hostMatches('LADEPECHE.FR.', 'ladepeche.fr')).toBe(true);
    expect(hostMatches('notladepeche.fr', 'ladepeche.fr')).toBe(false);
    expect(hostMatches('ladepeche.fr.evil.com', 'ladepeche.fr')).toBe(false);
  });
  it('reads the host of absolute and protocol-relative hrefs only', () => {
    expect(hrefHost('https://Immo.Example.fr:8080/a?b')).toBe('immo.example.fr');
    expect(hrefHost('//libramemoria.com/avis')).toBe('libramemoria.com');
    expect(hrefHost('/avis-de-deces/x')).toBeNull();
    expect(hrefHost('mailto:a@b.fr')).toBeNull();
  });
});

describe('utils/core/entities', () => {
  it('decodes numeric and common named references, case-sensitively, and leaves the unknown alone', () => {
    expect(decodeEntities('L&rsquo;&Eacute;t&eacute; &amp; l&#39;hiver &#x2014; 5&nbsp;&euro;')).toBe(
      "L’Été & l'hiver — 5\u00a0€",
    );
    expect(decodeEntities('&AMP; &bogus; &#0; &#x110000;')).toBe('& &bogus; &#0; &#x110000;');
    expect(decodeEntities('sans entité')).toBe('sans entité');
  });
  it('escapes everything that could end a text node or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(decodeEntities(escapeHtml(`"<L'été & co>"`))).toBe(`"<L'été & co>"`);
  });
});

describe('utils/core/text', () => {
  it('collapses French typographic spaces and drops invisible characters', () => {
    expect(collapse('  Saint\u00a0-\u202fLô\u200b\n\t(50000) ')).toBe('Saint - Lô (50000)');
    expect(collapse(null)).toBe('');
    // A joiner between two letters goes; inside an emoji sequence it is part of the emoji.
    expect(collapse('Sain\u200dt-Lô 🏳️\u200d🌈 👨\u200d👩\u200d👧')).toBe(
      'Saint-Lô 🏳️\u200d🌈 👨\u200d👩\u200d👧',
    );
  });
  it('folds accents, case and ligatures for search', () => {
    expect(fold('École ŒUVRE Lætitia')).toBe('ecole oeuvre laetitia');
  });
});
