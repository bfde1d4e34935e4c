// The outcome of the last save made without the popup (context menu, keyboard shortcut) on a tab. The
// toolbar badge shows it for 2.5 s only; the popup opened afterwards on that tab says it in words, so a
// reader who missed the badge (or wants the reason of a failure) still learns what happened — without
// the `notifications` permission. Kept in storage.session (the service worker sleeps between the save
// and the popup), per tab, and forgotten with the tab's other facts when it loads another page or closes (toolbar-state.ts forgetTab).
import { browser } from 'wxt/browser';

export interface TabSave {
  ok: boolean;
  /** What the reader is told: "Enregistré dans la bibliothèque", or the failure and its reason. */
  message: string;
  /** The page's URL when it was saved (null when the browser did not tell): another page says nothing. */
  url: string | null;
}

export const tabSaveKey = (tabId: number) => `save:${tabId}`;
const key = tabSaveKey;

export async function rememberTabSave(tabId: number, save: TabSave): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: save });
}

/** The last background save on the tab, when it was of the page the tab shows now. */
export async function tabSave(tabId: number, url: string | undefined): Promise<TabSave | null> {
  const got = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Partial<TabSave> | undefined;
  if (!got || typeof got.message !== 'string' || (got.url ?? null) !== (url ?? null)) return null;
  return { ok: got.ok === true, message: got.message, url: got.url ?? null };
}
