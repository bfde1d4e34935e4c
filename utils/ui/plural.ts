// Plural-aware strings over the message files: a key has one message per CLDR plural category the
// language uses ("<key>_one", "<key>_other"), picked by Intl.PluralRules for the UI language — so
// French says « 1 annonce masquée », « 0 annonce masquée », « 12 annonces masquées » and English
// "1 ad hidden", "0 ads hidden", without "annonce(s)".
import { t, uiLang, type MessageKey } from './i18n';

type Plural<K> = K extends `${infer B}_other` ? B : never;
/** Keys that have a plural set (their "_other" form exists). */
export type PluralKey = Plural<MessageKey>;

const rules = new Map<string, Intl.PluralRules>();

/** The message for `n` (its first substitution), formatted as the UI language writes numbers. */
export function tn(key: PluralKey, n: number, ...more: (string | number)[]): string {
  const lang = uiLang();
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  const form = `${key}_${r.select(n)}` as MessageKey;
  const num = n.toLocaleString(lang);
  const text = t(form, num, ...more);
  return text === form ? t(`${key}_other` as MessageKey, num, ...more) : text;
}
