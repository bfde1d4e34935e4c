// Background side of the reading-mode link in Firefox: there an extension page framed in a web page has
// no `tabs` API, so the reader frame cannot open a port to its tab's content script itself. It opens one
// to the background instead, which opens the real one and passes messages both ways. Nothing is decided
// here: the content script still checks the nonce, so a relay buys a page no more than a direct port.
import { browser, type Browser } from 'wxt/browser';
import { READER_PORT, READER_RELAY, type ReaderPortMessage } from './messages';

function fromReaderFrame(sender: Browser.runtime.MessageSender | undefined): number | undefined {
  if (sender?.id !== browser.runtime.id) return undefined;
  if (!sender.url?.startsWith(browser.runtime.getURL('/reader.html'))) return undefined;
  return sender.tab?.id;
}

export function relayReaderPorts(): void {
  browser.runtime.onConnect.addListener((outer) => {
    if (outer.name !== READER_RELAY) return;
    const tabId = fromReaderFrame(outer.sender);
    if (tabId === undefined) return outer.disconnect();
    const inner = browser.tabs.connect(tabId, { name: READER_PORT, frameId: 0 });
    outer.onMessage.addListener((m: ReaderPortMessage) => {
      // Pings only keep this page awake (each message is an event that resets its idle timer).
      if (m.type !== 'ping') inner.postMessage(m);
    });
    inner.onMessage.addListener((m: ReaderPortMessage) => outer.postMessage(m));
    // Either end going away closes the other: the content script then closes reading mode.
    outer.onDisconnect.addListener(() => inner.disconnect());
    inner.onDisconnect.addListener(() => outer.disconnect());
  });
}
