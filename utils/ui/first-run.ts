// The first-run page opens when Lisible is installed, never on an update or a browser update.
import { browser } from 'wxt/browser';

export async function openFirstRun(reason: string): Promise<boolean> {
  if (reason !== 'install') return false;
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  return true;
}
