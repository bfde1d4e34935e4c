// The locale files against the code that uses them: no key missing, none orphaned, plural families
// complete, "(s)" nowhere, French typography in French only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/classifieds/types';
import { categoryLabelKey, collapsedLabelKey } from '../../../utils/ui/category-i18n';
import { tn } from '../../../utils/ui/i18n';
import { testLocale } from '../../setup';

const root = join(import.meta.dirname, '../../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
const fr = load('fr');
const en = load('en');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|html)$/.test(name) ? [p] : [];
  });
}
// What ships: entrypoints, components, utils and the manifest (wxt.config.ts).
const sources = [
  ...['entrypoints', 'components', 'utils'].flatMap((d) => files(join(root, d))),
  join(root, 'wxt.config.ts'),
];
const code = sources.map((f) => readFileSync(f, 'utf8')).join('\n');

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
/** Keys code builds from parts: classifieds categories (category-i18n.ts). */
const built = new Set(CATEGORIES.flatMap((c) => [categoryLabelKey(c), collapsedLabelKey(c)] as string[]));

function used(key: string): boolean {
  if (built.has(key)) return true;
  const quoted = (k: string) => new RegExp(`['"\`]${k}['"\`]|__MSG_${k}__`).test(code);
  const plural = PLURAL.exec(key);
  return quoted(key) || (!!plural && new RegExp(`\\btn\\(\\s*'${plural[1]}'`).test(code));
}

describe('message keys', () => {
  it('fr and en have the same keys and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const k of Object.keys(fr))
      expect(Object.keys(en[k]!.placeholders ?? {}).sort(), k).toEqual(
        Object.keys(fr[k]!.placeholders ?? {}).sort(),
      );
  });

  it('every key is used by the code, the pages or the manifest (no orphan)', () => {
    const orphans = Object.keys(fr).filter((k) => !used(k));
    expect(orphans).toEqual([]);
  });

  it('every key the code, pages or manifest name exists (none missing)', () => {
    const named = new Set<string>();
    for (const m of code.matchAll(/__MSG_(\w+)__/g)) named.add(m[1]!);
    for (const m of code.matchAll(/\bt\(\s*'(\w+)'/g)) named.add(m[1]!);
    for (const m of code.matchAll(/\btn\(\s*'(\w+)'/g)) named.add(`${m[1]!}_other`);
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((k) => !(k in fr))).toEqual([]);
  });

  it('the orphan check fails on an unused key and the missing check sees t() and tn() calls', () => {
    expect(used('noSuchKeyAnywhere')).toBe(false);
    expect(used('libraryCountActive_one')).toBe(true);
    expect(used('cat_avis_de_deces')).toBe(true);
  });

  it('plural families have "one" and "other" in both languages, and nothing counts with "(s)"', () => {
    const families = new Set(
      Object.keys(fr)
        .map((k) => PLURAL.exec(k)?.[1])
        .filter(Boolean),
    );
    expect(families.size).toBeGreaterThan(5);
    for (const f of families)
      for (const m of [fr, en]) {
        expect(m[`${f}_one`], `${f}_one`).toBeDefined();
        expect(m[`${f}_other`], `${f}_other`).toBeDefined();
      }
    for (const [lang, m] of Object.entries({ fr, en }))
      for (const [k, v] of Object.entries(m))
        expect(v.message, `${lang} ${k}`).not.toMatch(/\(s\)|\(e\)s?\)/);
  });
});

describe('typography', () => {
  it('apostrophes are typographic (’) in both languages', () => {
    for (const [lang, m] of Object.entries({ fr, en }))
      for (const [k, v] of Object.entries(m)) expect(v.message, `${lang} ${k}`).not.toContain("'");
  });

  it('French puts a narrow no-break space before : ; ? ! % and inside « »', () => {
    for (const [k, v] of Object.entries(fr)) {
      // "https://…" and "about:addons" are addresses, not punctuation.
      const text = v.message.replace(/\b[a-z]+:(?:\/\/)?[^\s]*/g, 'URL');
      for (const m of text.matchAll(/[:;?!%]/g))
        expect(text[m.index - 1], `fr ${k}: “${text.slice(Math.max(0, m.index - 12), m.index + 1)}”`).toBe(
          '\u202f',
        );
      for (const m of text.matchAll(/«/g)) expect(text[m.index + 1], `fr ${k} «`).toBe('\u202f');
      for (const m of text.matchAll(/»/g)) expect(text[m.index - 1], `fr ${k} »`).toBe('\u202f');
    }
  });

  it('English has no space before : ; ? ! and no French quotes', () => {
    for (const [k, v] of Object.entries(en)) {
      expect(v.message, `en ${k}`).not.toMatch(/[\s\u00a0\u202f][:;?!]/);
      expect(v.message, `en ${k}`).not.toMatch(/[«»]/);
    }
  });

  it('the toolbar tooltip says what Lisible does, not just its name', () => {
    for (const m of [fr, en]) expect(m.actionTitle!.message.length).toBeGreaterThan('Lisible'.length + 10);
  });
});

describe('tn (Intl.PluralRules over message keys)', () => {
  it('French counts 0 and 1 as singular, English only 1', () => {
    expect(tn('classifiedsItems', 0)).toBe('0 annonce');
    expect(tn('classifiedsItems', 1)).toBe('1 annonce');
    expect(tn('classifiedsItems', 12)).toBe('12 annonces');
    expect(tn('libraryCountActive', 2)).toBe('2 articles enregistrés (hors archives)');
    // French "many" (1 000 000) has no key of its own: "other" answers.
    expect(tn('classifiedsItems', 1_000_000)).toBe('1000000 annonces');
    testLocale.lang = 'en';
    expect(tn('classifiedsItems', 0)).toBe('0 ads');
    expect(tn('classifiedsItems', 1)).toBe('1 ad');
    expect(tn('selectedCount', 3)).toBe('3 selected');
  });
});
