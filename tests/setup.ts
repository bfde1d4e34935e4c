// fake-indexeddb must be installed before Dexie is first imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setCommuneSource } from '../utils/communes/load';
import { officialIndexText } from './unit/communes/official';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = {
  fr: JSON.parse(
    readFileSync(join(import.meta.dirname, '../public/_locales/fr/messages.json'), 'utf8'),
  ) as Messages,
  en: JSON.parse(
    readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
  ) as Messages,
};

/** Test UI language; tests may switch it to 'en'. */
export const testLocale = { lang: 'fr' };

// fakeBrowser has no i18n: resolve messages the way the browser does (named placeholders → $1…).
function getMessage(key: string, subs?: string | string[]): string {
  const entry = locales[testLocale.lang]?.[key];
  if (!entry) return '';
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => args[Number(n) - 1] ?? '');
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  testLocale.lang = 'fr';
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => testLocale.lang;
});

// The official communes index, built from the devDependency as the build does (loaded on first use).
setCommuneSource(async () => officialIndexText());
