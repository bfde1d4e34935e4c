// Talking to a tab's content script from the popup or the background, injecting it first when the
// tab was loaded before Lisible was installed (activeTab + scripting grant that on user action).
import { browser } from 'wxt/browser';
import { sendToTab, type MessageType, type Req, type Res } from './messages';

export class TabTimeoutError extends Error {
  constructor(ms: number) {
    super(`the page did not answer within ${Math.round(ms / 1000)} s`);
    this.name = 'TabTimeoutError';
  }
}

/**
 * A page that navigates away (or a frozen tab) may never answer a message: bound the wait so the
 * caller ends in a clear state instead of spinning.
 */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TabTimeoutError(ms)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the original rejection on unchanged
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

export async function sendToTabInjecting<T extends MessageType>(
  tabId: number,
  type: T,
  payload: Req<T>,
  timeoutMs = 20_000,
): Promise<Res<T>> {
  try {
    return await withTimeout(sendToTab(tabId, type, payload), timeoutMs);
  } catch (e) {
    if (e instanceof TabTimeoutError) throw e;
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    return withTimeout(sendToTab(tabId, type, payload), timeoutMs);
  }
}
