// Talking to a tab's content script from the popup or the background, injecting it first when the
// tab was loaded before Lisible was installed (activeTab + scripting grant that on user action).
import { browser } from 'wxt/browser';
import { sendToTab, type MessageType, type Req, type Res } from './messages';

export async function sendToTabInjecting<T extends MessageType>(
  tabId: number,
  type: T,
  payload: Req<T>,
): Promise<Res<T>> {
  try {
    return await sendToTab(tabId, type, payload);
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    return sendToTab(tabId, type, payload);
  }
}
