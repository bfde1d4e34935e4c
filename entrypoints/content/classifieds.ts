// Hides classifieds on the live page, by stylesheet (uBlock-style cosmetic filtering): nodes are only
// marked with an attribute, so changing a preference rewrites one <style> and takes effect at once,
// without reload, and turning Lisible off removes every trace.
//
// Timeline: at document_start, known-site selectors (utils/classifieds/rules.ts) are hidden before the
// page paints; when the DOM is ready, shape detection marks the blocks nobody wrote a rule for; a
// throttled MutationObserver catches widgets injected later.
import {
  CATEGORIES,
  type Category,
  type ClassifiedsPrefs,
  type Visibility,
} from '../../utils/classifieds/types';
import {
  COLLAPSE_LABEL_ATTR,
  EMPTY_PREFS,
  detectBlocks,
  hideCss,
  knownSelectors,
  resolveVisibility,
} from '../../utils/classifieds';
import { collapsedLabelKey } from '../../utils/ui/category-i18n';
import { t } from '../../utils/ui/i18n';
import type { ClassifiedsReport } from '../../utils/messaging/messages';
import { shadowButton } from './shadow-button';

export const MARK = 'data-lisible-ad';
const REVEALED = 'data-lisible-revealed';
const LABEL_TAG = 'lisible-collapsed';
const RESCAN_MS = 800;

interface Found {
  category: Category;
  items: number;
  label?: HTMLElement;
}

export class ClassifiedsController {
  private readonly style: HTMLStyleElement;
  private readonly found = new Map<Element, Found>();
  private prefs: ClassifiedsPrefs = EMPTY_PREFS;
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private lastReported = -1;

  constructor(
    private readonly host: string,
    private readonly onCount: (hiddenItems: number) => void,
  ) {
    this.style = document.createElement('style');
    this.style.id = 'lisible-classifieds';
    // Known-site blocks are hidden with the default preferences before the first paint; the reader's
    // own preferences arrive a few milliseconds later and rewrite the sheet.
    (document.head ?? document.documentElement).append(this.style);
    this.renderCss();
  }

  visibility(category: Category): Visibility {
    return resolveVisibility(this.prefs, this.host, category);
  }

  setPrefs(prefs: ClassifiedsPrefs): void {
    this.prefs = prefs;
    this.render();
  }

  /** Full scan of the document; cheap enough to repeat (see `npm run bench`). */
  scan(): void {
    let changed = false;
    for (const b of detectBlocks(document, { host: this.host })) {
      const el = b.element;
      const prev = this.found.get(el);
      if (prev && prev.category === b.category && prev.items === b.items) continue;
      this.found.set(el, { ...prev, category: b.category, items: b.items });
      el.setAttribute(MARK, b.category);
      changed = true;
    }
    // Blocks the page removed are forgotten (and their labels with them).
    for (const [el, f] of this.found) {
      if (!el.isConnected) {
        f.label?.remove();
        this.found.delete(el);
        changed = true;
      }
    }
    if (changed) this.render();
  }

  /** Watches for late widgets; at most one rescan per RESCAN_MS, and none for our own label changes. */
  observe(): void {
    this.observer = new MutationObserver((records) => {
      if (this.timer) return;
      const relevant = records.some((r) =>
        Array.from(r.addedNodes).some(
          (n) => n.nodeType === 1 && (n as Element).tagName.toLowerCase() !== LABEL_TAG,
        ),
      );
      if (relevant) this.timer = setTimeout(() => ((this.timer = undefined), this.scan()), RESCAN_MS);
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  stop(): void {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.style.remove();
    for (const [el, f] of this.found) {
      f.label?.remove();
      el.removeAttribute(MARK);
      el.removeAttribute(REVEALED);
    }
    this.found.clear();
  }

  report(): ClassifiedsReport {
    const by = new Map<Category, { blocks: number; items: number }>();
    for (const f of this.found.values()) {
      const c = by.get(f.category) ?? { blocks: 0, items: 0 };
      c.blocks += 1;
      c.items += f.items;
      by.set(f.category, c);
    }
    return {
      host: this.host,
      categories: CATEGORIES.filter((c) => by.has(c)).map((c) => ({
        category: c,
        ...by.get(c)!,
        visibility: this.visibility(c),
      })),
      hiddenItems: this.hiddenItems(),
    };
  }

  private hiddenItems(): number {
    let n = 0;
    for (const [el, f] of this.found)
      if (this.visibility(f.category) !== 'show' && !el.hasAttribute(REVEALED)) n += f.items;
    return n;
  }

  private render(): void {
    this.renderCss();
    this.renderLabels();
    const n = this.hiddenItems();
    if (n !== this.lastReported) {
      this.lastReported = n;
      this.onCount(n);
    }
  }

  private renderCss(): void {
    // One rule per category for the marked blocks, plus the known-site selectors, which hide before
    // detection has marked anything (document_start). A block the reader revealed stays shown.
    const targets = [
      ...CATEGORIES.map((category) => ({ category, selector: `[${MARK}="${category}"]` })),
      ...knownSelectors(this.host).map((k) => ({ category: k.category, selector: `:is(${k.selector})` })),
    ].map((b) => ({ ...b, selector: `${b.selector}:not([${REVEALED}])` }));
    this.style.textContent = hideCss(targets, (c) => this.visibility(c));
  }

  /** "Avis de décès masqués — afficher": collapsed blocks get a discreet label right before them. */
  private renderLabels(): void {
    for (const [el, f] of this.found) {
      const want = this.visibility(f.category) === 'collapse' && !el.hasAttribute(REVEALED);
      if (want && !f.label?.isConnected) {
        f.label = this.makeLabel(el, f.category);
        el.before(f.label);
      } else if (!want && f.label) {
        f.label.remove();
        f.label = undefined;
      }
    }
  }

  private makeLabel(block: Element, category: Category): HTMLElement {
    const action = document.createElement('span');
    action.textContent = t('showAction');
    const host = shadowButton(
      LABEL_TAG,
      'button{all:initial;font:13px/1.4 system-ui,sans-serif;color:#555;cursor:pointer;display:block;margin:6px 0;padding:2px 0}' +
        'button:hover span,button:focus-visible span{text-decoration:underline}' +
        'button:focus-visible{outline:2px solid #0b57d0}',
      [`${t(collapsedLabelKey(category))} — `, action],
      () => {
        block.setAttribute(REVEALED, '');
        this.render();
      },
    );
    // Marked so that a rescan never takes our label for the block's heading.
    host.setAttribute(COLLAPSE_LABEL_ATTR, category);
    return host;
  }
}
