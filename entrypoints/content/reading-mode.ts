// Reading mode: the article, laid out by the extension's own reader page, in a full-window frame over
// the news page. The frame is a chrome-extension:// (moz-extension://) document, so the page's CSS
// cannot reach it and the page's scripts cannot read or change it (cross-origin).
// The page itself is not modified beyond what is undone on exit: one <iframe> and one <style> are
// added, `inert` is set on <body>; closing removes them, restores `inert`, the scroll offset and focus,
// so the page comes back exactly as it was (same DOM nodes, form input included, no reload).
import { browser } from 'wxt/browser';

const FRAME_ID = 'lisible-reader-frame';

export class ReadingMode {
  private frame?: HTMLIFrameElement;
  private style?: HTMLStyleElement;
  private saved?: { x: number; y: number; focus: Element | null; bodyInert: boolean };
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.isOpen) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  };

  get isOpen(): boolean {
    return !!this.frame?.isConnected;
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
    const frame = document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.src = browser.runtime.getURL('/reader.html');
    frame.title = 'Lisible';
    frame.setAttribute('allow', 'fullscreen');
    frame.style.cssText =
      'all:initial!important;position:fixed!important;inset:0!important;width:100vw!important;height:100vh!important;' +
      'border:0!important;margin:0!important;z-index:2147483647!important;background:#fffdf8!important;display:block!important;';
    frame.addEventListener('load', () => frame.focus(), { once: true });
    document.documentElement.append(style, frame);
    // Keyboard and assistive-technology users stay in the reader while it is open.
    document.body?.setAttribute('inert', '');
    window.addEventListener('keydown', this.onKey, true);
    this.frame = frame;
    this.style = style;
  }

  close(): void {
    if (!this.frame) return;
    window.removeEventListener('keydown', this.onKey, true);
    this.frame.remove();
    this.style?.remove();
    this.frame = undefined;
    this.style = undefined;
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
