// UI strings come from public/_locales/{fr,en}/messages.json through browser.i18n, so the browser
// picks French or English and components never hard-code text.
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/fr/messages.json');

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
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
