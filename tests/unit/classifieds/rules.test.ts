import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectBlocks, hostMatches, rulesForHost, SITE_RULES } from '../../../utils/classifieds';
import { listFixtures, loadFixture } from '../../fixtures/classifieds/load';

describe('site rules (data)', () => {
  it('are well-formed: unique ids, hosts, valid selectors', () => {
    const ids = new Set<string>();
    const { document } = parseHTML('<html><body></body></html>');
    for (const r of SITE_RULES) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(r.hosts.length).toBeGreaterThan(0);
      for (const b of r.blocks) expect(() => document.querySelectorAll(b.selector)).not.toThrow();
    }
  });

  it('every rule fires on at least one labelled fixture, with the labelled root', () => {
    const fired = new Set<string>();
    for (const name of listFixtures()) {
      const fx = loadFixture(name);
      const doc = parseHTML(fx.html).document as unknown as Document;
      for (const b of detectBlocks(doc)) {
        if (b.source === 'shape') continue;
        fired.add(b.source);
        expect(
          fx.labels.some((l) => doc.querySelector(l.selector) === b.element && l.category === b.category),
        ).toBe(true);
      }
    }
    expect([...fired].sort()).toEqual(SITE_RULES.map((r) => r.id).sort());
  });

  it('matches hosts by domain and subdomain only', () => {
    expect(hostMatches('www.ladepeche.fr', 'ladepeche.fr')).toBe(true);
    expect(hostMatches('ladepeche.fr', 'ladepeche.fr')).toBe(true);
    expect(hostMatches('notladepeche.fr', 'ladepeche.fr')).toBe(false);
    expect(rulesForHost('www.midilibre.fr').map((r) => r.id)).toEqual(['depeche-midi-immobilier']);
    expect(rulesForHost('www.example.org')).toEqual([]);
  });
});

describe('site rules and subtree re-scans', () => {
  it('a re-scan inside a known rule block reports nothing new', () => {
    const doc = parseHTML(loadFixture('ouest-france-2023-gaza-temoignage').html)
      .document as unknown as Document;
    const list = doc.querySelector('section.ofm-emploi .su-articles-list')!;
    expect(detectBlocks(list, { rules: false })).toHaveLength(1);
    expect(detectBlocks(list)).toEqual([]);
  });
});
