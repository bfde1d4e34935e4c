// UI strings come from public/_locales/{fr,en}/messages.json through browser.i18n, so the browser
// picks French or English and components never hard-code text.
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/fr/messages.json');

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  return text || key;
}

/** Message families counted with a number: `key_one`, `key_other` (and `key_many`… where a language needs them). */
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

let rules: { lang: string; rules: Intl.PluralRules } | undefined;

/**
 * A counted message: the CLDR plural category of `n` in the UI language (Intl.PluralRules) picks
 * `key_one` / `key_many` / `key_other`; a category the locale file lacks falls back to `key_other`.
 * French counts 0 and 1 as "one" ("0 annonce masquée"), English only 1. `n` is the first placeholder.
 */
export function tn(key: PluralKey, n: number, ...subs: (string | number)[]): string {
  const lang = uiLang();
  if (rules?.lang !== lang) rules = { lang, rules: new Intl.PluralRules(lang) };
  const args = [String(n), ...subs.map(String)];
  // The category key may be absent (French "many"): getMessage then returns '' and `_other` answers.
  const get = (name: string, subs: string[]) =>
    (browser.i18n.getMessage as (this: void, name: string, subs: string[]) => string)(name, subs);
  const text = get(`${key}_${rules.rules.select(n)}`, args) || get(`${key}_other`, args);
  return text || key;
}

/** UI language, for dates and numbers. */
export function uiLang(): string {
  try {
    return browser.i18n.getUILanguage() || 'fr';
  } catch {
    return 'fr';
  }
}

export function formatDate(iso: string | number | null | undefined): string | null {
  if (iso === null || iso === undefined || iso === '') return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleDateString(uiLang(), { day: 'numeric', month: 'long', year: 'numeric' });
}
