// The block picker ("Masquer un bloc…", "Choisir le texte à lire"), injected by the background into a tab
// only when the reader asks for it, in the content script's isolated world.
//
// Isolation from the page, as uBlock Origin's element picker does it with a full-viewport frame on top
// of the page: here one full-viewport layer in a *closed* shadow root (the page's scripts cannot reach
// into it, its CSS cannot style it) takes every pointer event while picking, so the page never sees the
// clicks; the element under the pointer comes from document.elementsFromPoint (our layer skipped), and
// only trusted events (made by the reader, not synthesized by a script) are obeyed.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { robustSelector } from '../utils/classifieds/robust-selector';
import type { Category } from '../utils/classifieds/types';
import { sendToBackground, type PickerMode, type PickResult } from '../utils/messaging/messages';
import { ON_DEMAND, type PickerApi } from '../utils/messaging/on-demand';
import { categoryLabelKey } from '../utils/ui/category-i18n';
import { t } from '../utils/ui/i18n';

const CSS = `
:host{all:initial}
.layer{position:fixed;inset:0;z-index:2147483647;cursor:crosshair;background:transparent}
.box{position:fixed;pointer-events:none;border:2px solid #8a2b06;background:#8a2b0622;border-radius:2px;
  box-shadow:0 0 0 1px #fff;transition:all 60ms}
.panel{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);max-width:min(640px,94vw);cursor:auto;
  font:14px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fffdf8;border:1px solid #8a2b06;border-radius:8px;
  box-shadow:0 4px 16px #0005;padding:10px 14px}
.panel p{margin:0 0 6px}
.what{font-size:12px;color:#555;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.row{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
button{font:inherit;padding:4px 10px;border:1px solid #8a2b06;border-radius:4px;background:#fff;color:#8a2b06;cursor:pointer}
button.main{background:#8a2b06;color:#fff}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

class Picker {
  private readonly host = document.createElement('lisible-picker');
  private readonly root = this.host.attachShadow({ mode: 'closed' });
  private readonly layer = el('div', 'layer');
  private readonly box = el('div', 'box');
  private readonly panel = el('div', 'panel');
  /** The element under the pointer, and the ancestors the reader widened to (chain[0] is the pointed one). */
  private chain: Element[] = [];
  private depth = 0;
  private locked = false;
  private done = false;

  constructor(
    private readonly mode: PickerMode,
    private readonly categories: readonly Category[],
  ) {
    const style = el('style');
    style.textContent = CSS;
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-label', t(mode === 'hide' ? 'pickHide' : 'pickContent'));
    this.root.append(style, this.layer, this.box, this.panel);
    this.layer.addEventListener('mousemove', this.onMove);
    this.layer.addEventListener('click', this.onClick);
    this.layer.addEventListener('wheel', this.onWheel, { passive: false });
    window.addEventListener('keydown', this.onKey, true);
    document.documentElement.append(this.host);
    this.renderPanel();
  }

  private get target(): Element | undefined {
    return this.chain[this.depth];
  }

  /** The page's element at a point, our own layer skipped. */
  private pointed(x: number, y: number): Element | undefined {
    return document
      .elementsFromPoint(x, y)
      .find((e) => e !== this.host && e !== document.documentElement && e !== document.body);
  }

  private readonly onMove = (e: MouseEvent) => {
    if (!e.isTrusted || this.locked) return;
    const under = this.pointed(e.clientX, e.clientY);
    if (!under || under === this.chain[0]) return;
    this.chain = [under];
    this.depth = 0;
    this.render();
  };

  private readonly onClick = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    e.stopPropagation();
    if (!this.target) return;
    this.locked = !this.locked;
    this.render();
  };

  private readonly onWheel = (e: WheelEvent) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    this.widen(e.deltaY < 0 ? 1 : -1);
  };

  private readonly onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted) return;
    const keys: Record<string, () => void> = {
      Escape: () => this.finish({ cancelled: true }),
      ArrowUp: () => this.widen(1),
      ArrowDown: () => this.widen(-1),
    };
    // Enter locks the pointed block; once locked, Enter presses the focused button as usual.
    if (!this.locked && this.target) keys.Enter = () => ((this.locked = true), this.render());
    const act = keys[e.key];
    // Keys typed into our own buttons (Tab, Space) work as usual; the page gets none of these.
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  /** Wheel up / ↑ widens to the parent; wheel down / ↓ narrows back towards the pointed element. */
  private widen(step: 1 | -1): void {
    if (!this.target) return;
    if (step > 0) {
      const parent = this.target.parentElement;
      if (!parent || parent === document.body || parent === document.documentElement) return;
      if (this.depth === this.chain.length - 1) this.chain.push(parent);
      this.depth++;
    } else if (this.depth > 0) this.depth--;
    this.render();
  }

  private render(): void {
    const target = this.target;
    if (target) {
      const r = target.getBoundingClientRect();
      Object.assign(this.box.style, {
        display: 'block',
        left: `${r.left}px`,
        top: `${r.top}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
    } else this.box.style.display = 'none';
    this.renderPanel();
  }

  private button(text: string, onClick: () => void, main = false): HTMLButtonElement {
    const b = el('button', main ? 'main' : undefined, text);
    b.type = 'button';
    b.addEventListener('click', (e) => e.isTrusted && onClick());
    return b;
  }

  private renderPanel(): void {
    const target = this.target;
    const what = target ? (target.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 140) : '';
    const help = el('p', undefined, t(this.locked ? 'pickChoose' : 'pickHelp'));
    const row = el('div', 'row');
    if (this.locked && target) {
      if (this.mode === 'hide')
        for (const c of this.categories)
          row.append(this.button(t(categoryLabelKey(c)), () => this.pick(c), true));
      else row.append(this.button(t('pickReadThis'), () => this.pick(), true));
      row.append(
        this.button(t('pickWiden'), () => this.widen(1)),
        this.button(t('pickNarrow'), () => this.widen(-1)),
      );
      row.append(this.button(t('pickAgain'), () => ((this.locked = false), this.render())));
    }
    row.append(this.button(t('cancel'), () => this.finish({ cancelled: true })));
    this.panel.replaceChildren(help, el('p', 'what', what), row);
    (this.locked ? row.querySelector('button') : null)?.focus();
  }

  private pick(category?: Category): void {
    const target = this.target;
    if (!target) return;
    const label = (target.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
    // Where no content script runs (a site Lisible was only called on), hide the block right away: the
    // rule takes over on the next load of a page where Lisible runs.
    if (
      this.mode === 'hide' &&
      !document.getElementById('lisible-classifieds') &&
      target instanceof HTMLElement
    )
      target.style.setProperty('display', 'none', 'important');
    this.finish({ selector: robustSelector(target), label, ...(category ? { category } : {}) });
  }

  /** Closes the picker and tells the background what the reader chose (`null`: say nothing). */
  private finish(result: PickResult | null): void {
    if (this.done) return;
    this.done = true;
    window.removeEventListener('keydown', this.onKey, true);
    this.host.remove();
    if (active === this) active = undefined;
    if (result)
      void sendToBackground('picker→background:picked', { mode: this.mode, result }).catch(() => undefined);
  }

  /** Replaced by a new picker: the background already counts on the new one. */
  close(): void {
    this.finish(null);
  }
}

let active: Picker | undefined;

export default defineUnlistedScript(() => {
  const g = globalThis as Record<string, unknown>;
  if (g[ON_DEMAND.picker]) return;
  const api: PickerApi = {
    robustSelector,
    start(mode, categories) {
      active?.close();
      active = new Picker(mode, categories);
    },
  };
  g[ON_DEMAND.picker] = api;
});
