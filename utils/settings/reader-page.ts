// What the always-on content script needs of the reading settings (the floating button, the sites
// where reading mode opens by itself), read straight from storage.local: the WXT storage item of
// reader.ts and its migrations stay out of the content script's bundle. Version 1 of the settings had
// neither field, so an unmigrated value reads as "off", as it should.
import { browser } from 'wxt/browser';

/** The storage.local key of the reading settings (reader.ts defines the item on it). */
export const READER_SETTINGS_KEY = 'readerSettings';

export interface PageReaderOptions {
  floatingButton: boolean;
  autoOpenSites: string[];
}

export async function readPageReaderOptions(): Promise<PageReaderOptions> {
  const v = (await browser.storage.local.get(READER_SETTINGS_KEY))[READER_SETTINGS_KEY] as
    Partial<PageReaderOptions> | undefined;
  return {
    floatingButton: v?.floatingButton === true,
    autoOpenSites: Array.isArray(v?.autoOpenSites)
      ? v.autoOpenSites.filter((h) => typeof h === 'string')
      : [],
  };
}
