// Reading mode: the article, laid out by the extension's own reader page, in a full-window frame over
// the news page. The frame is a chrome-extension:// (moz-extension://) document, so the page's CSS
// cannot reach it and the page's scripts cannot read or change it (cross-origin).
// The page itself is not modified beyond what is undone on exit: one host element (with the frame in a
// closed shadow root) and one <style> are added, `inert` is set on <body>; closing removes them,
// restores `inert`, the scroll offset and focus, so the page comes back exactly as it was.
//
// The page must not steer the frame (Firefox's reader view avoids the question by being a separate
// privileged page; uBlock's element picker, which like us lives in a frame over the page, keeps its
// frame's URL out of the page's DOM and talks to it over a messaging connection only). Here:
//  - the frame sits in a closed shadow root: page scripts cannot find it, read its URL (which would
//    defeat `use_dynamic_url`) or restyle it;
//  - it stays hidden until our reader page proves it is the document we opened: a one-time nonce is
//    posted to the frame for the extension's origin only (a look-alike the page navigated the frame to
//    never receives it), and the reader hands it back over a runtime port, which page scripts cannot
//    open. A reader.html the page embeds itself gets no nonce, hence no article;
//  - the port closing (the reader document went away) or any later load of the frame (it was navigated)
//    closes reading mode; so does no handshake within HANDSHAKE_MS;
//  - only trusted key events close it: a synthetic Escape dispatched by the page is ignored.
import { browser, type Browser } from 'wxt/browser';
import type { ExtractResult } from '../../utils/extract/types';
import { READER_PORT, type ReaderPortMessage } from '../../utils/messaging/messages';

const HOST_ID = 'lisible-reader-frame';
const HANDSHAKE_MS = 10_000;

const important = (css: string) => css.replace(/;/g, ' !important;');

export class ReadingMode {
  private host?: HTMLElement;
  private frame?: HTMLIFrameElement;
  private style?: HTMLStyleElement;
  private port?: Browser.runtime.Port;
  private nonce?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private saved?: { x: number; y: number; focus: Element | null; bodyInert: boolean };
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && e.isTrusted && this.isOpen) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  };
  private readonly onConnect = (port: Browser.runtime.Port) => this.accept(port);

  /**
   * `article` gives the reader what it shows, once the handshake is done. The reader lives in the
   * on-demand extractor bundle; the content script that loads it says where articles come from.
   */
  constructor(
    private article: () => Promise<ExtractResult> = () =>
      Promise.resolve({ ok: false, reason: 'error', detail: 'no article source' }),
  ) {}

  setArticleSource(article: () => Promise<ExtractResult>): void {
    this.article = article;
  }

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  open(): void {
    if (this.isOpen) return;
    this.saved = {
      x: window.scrollX,
      y: window.scrollY,
      focus: document.activeElement,
      bodyInert: !!document.body?.hasAttribute('inert'),
    };
    const style = document.createElement('style');
    // The page must not scroll under the reader; `!important` beats the site's own html/body rules.
    style.textContent = 'html, body { overflow: hidden !important; }';
    const host = document.createElement('div');
    host.id = HOST_ID;
    host.style.cssText = important(
      'all:initial;position:fixed;inset:0;width:100vw;height:100vh;margin:0;z-index:2147483647;' +
        'display:block;opacity:1;visibility:visible;pointer-events:auto;background:#fffdf8;',
    );
    const frame = document.createElement('iframe');
    const url = browser.runtime.getURL('/reader.html');
    frame.src = url;
    frame.title = 'Lisible';
    frame.setAttribute('allow', 'fullscreen');
    frame.style.cssText = important(
      'all:initial;display:block;width:100%;height:100%;border:0;margin:0;visibility:hidden;',
    );
    const nonce = crypto.randomUUID();
    // The reader document's origin. Chrome's `use_dynamic_url` gives the frame a per-session URL, but the
    // document it loads has the extension's own origin; Firefox has no dynamic URL (moz-extension://uuid).
    const origin = url.startsWith('chrome-extension:')
      ? `chrome-extension://${browser.runtime.id}`
      : new URL(url).origin;
    frame.addEventListener('load', () => {
      // Loaded again after the handshake: the page navigated our frame. Never show what it put there.
      if (this.port) return this.close();
      frame.contentWindow?.postMessage({ lisible: 'reader-nonce', nonce }, origin);
    });
    host.attachShadow({ mode: 'closed' }).append(frame);
    browser.runtime.onConnect.addListener(this.onConnect);
    document.documentElement.append(style, host);
    // Keyboard and assistive-technology users stay in the reader while it is open.
    document.body?.setAttribute('inert', '');
    window.addEventListener('keydown', this.onKey, true);
    Object.assign(this, { host, frame, style, nonce });
    this.timer = setTimeout(() => this.port || this.close(), HANDSHAKE_MS);
  }

  /** A reader page connecting: ours only if it hands back this opening's nonce (once). */
  private accept(port: Browser.runtime.Port): void {
    if (port.name !== READER_PORT) return;
    if (port.sender?.id !== browser.runtime.id || !this.frame || this.port) return port.disconnect();
    port.onMessage.addListener((msg: ReaderPortMessage) => {
      if (msg.type === 'close' && port === this.port) return this.close();
      if (msg.type !== 'hello' || this.port) return;
      if (!this.nonce || msg.nonce !== this.nonce) return port.disconnect();
      this.nonce = undefined;
      this.port = port;
      port.onDisconnect.addListener(() => port === this.port && this.close());
      this.frame!.style.setProperty('visibility', 'visible', 'important');
      this.frame!.focus();
      void this.article().then(
        (result) => port === this.port && port.postMessage({ type: 'article', result }),
      );
    });
  }

  close(): void {
    if (!this.host) return;
    window.removeEventListener('keydown', this.onKey, true);
    browser.runtime.onConnect.removeListener(this.onConnect);
    clearTimeout(this.timer);
    const port = this.port;
    this.port = undefined;
    port?.disconnect();
    this.host.remove();
    this.style?.remove();
    this.host = this.frame = this.style = this.nonce = undefined;
    const s = this.saved;
    if (s) {
      if (!s.bodyInert) document.body?.removeAttribute('inert');
      window.scrollTo(s.x, s.y);
      if (s.focus instanceof HTMLElement && s.focus !== document.body) s.focus.focus({ preventScroll: true });
    }
    this.saved = undefined;
  }

  toggle(open?: boolean): boolean {
    const want = open ?? !this.isOpen;
    if (want) this.open();
    else this.close();
    return this.isOpen;
  }
}
