// The keyboard shortcuts as the browser has them now (the reader may have rebound them), and the way
// to the browser's own shortcut settings. Never hard-coded: read from the manifest's commands.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface Shortcut {
  name: string;
  description: string;
  /** '' when the reader removed it (or another extension holds the keys). */
  shortcut: string;
}

export const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';
/** Where the shortcuts are changed; a page cannot always link there, so it is also shown to copy. */
export const SHORTCUT_SETTINGS = IS_FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';

export async function loadShortcuts(): Promise<Shortcut[]> {
  const all = await browser.commands.getAll();
  return all
    .filter((c) => c.name && c.name !== '_execute_action')
    .map((c) => ({ name: c.name!, description: c.description ?? '', shortcut: c.shortcut ?? '' }));
}

/**
 * Opens the browser's shortcut settings: Firefox ≥ 137 has commands.openShortcutSettings() (its
 * about:addons cannot be opened by tabs.create); Chrome lets an extension open chrome://extensions/…
 * with tabs.create. False when neither worked: the page then shows the address to type.
 */
export async function openShortcutSettings(): Promise<boolean> {
  try {
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) {
      await commands.openShortcutSettings();
      return true;
    }
    if (IS_FIREFOX) return false;
    await browser.tabs.create({ url: SHORTCUT_SETTINGS });
    return true;
  } catch {
    return false;
  }
}

/** The shortcuts, with the "change them" action and whether it failed (then show the address). */
export function useShortcuts() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);
  const open = () => void openShortcutSettings().then((ok) => setFailed(!ok));
  return { shortcuts, open, failed };
}
