// Hides classifieds on the live page, by stylesheet (uBlock-style cosmetic filtering): nodes are only
// marked with an attribute (page.ts), so changing a preference rewrites one <style> and takes effect at
// once, without reload, and turning Lisible off removes every trace. At document_start, known-site
// selectors (utils/classifieds/rules.ts) are hidden before the page paints, and the reader's own rules
// as soon as the storage mirror answers (before the body is painted); when the DOM is ready, the shape
// scan (injected then: ScannerApi) runs in slices of a few milliseconds (the page's own tasks run in
// between) and marks the blocks nobody wrote a rule for; a throttled MutationObserver catches widgets
// injected later.
import {
  CATEGORIES,
  type Category,
  type ClassifiedsPrefs,
  type Visibility,
} from '../../utils/classifieds/types';
import {
  chosenVisibility,
  DEFAULT_VISIBILITY,
  EMPTY_PREFS,
  resolveVisibility,
} from '../../utils/classifieds/css';
import { knownSelectors } from '../../utils/classifieds/rules';
import type { ScannerApi } from '../../utils/messaging/on-demand';
import { ruleHost, type SiteUserRules, type UserRule } from '../../utils/settings/user-rules';
import type { BlockReport, ClassifiedsReport } from '../../utils/messaging/messages';
import {
  collapseLabel,
  earlySheet,
  firstWords,
  hidingSheet,
  LABEL_TAG,
  MARK,
  matchesAny,
  pageOrder,
  PICKED,
  REVEALED,
  usableRules,
  yieldToPage,
} from './page';

const RESCAN_MS = 800;
const NO_RULES: SiteUserRules = { hide: [], exceptions: [], content: [] };

interface Found {
  id: number;
  category: Category;
  items: number;
  source: BlockReport['source'];
  ruleId?: number;
  label?: HTMLElement;
}

export class ClassifiedsController {
  private readonly style: HTMLStyleElement;
  private readonly found = new Map<Element, Found>();
  private prefs: ClassifiedsPrefs = EMPTY_PREFS;
  private rules: SiteUserRules = NO_RULES;
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private scanning?: Promise<void>;
  private lastReported = -1;
  private nextId = 1;
  /** Until the mirror answers, the page is not painted (see `constructor`). */
  private holding = false;

  constructor(
    private readonly host: string,
    private readonly onCount: (hiddenItems: number) => void,
    /** The shape scan, loaded on first use (entrypoints/scanner.ts; tests pass the detector's own). */
    private readonly scanner: () => Promise<ScannerApi['detectBlocksSliced']>,
  ) {
    this.style = document.createElement('style');
    this.style.id = 'lisible-classifieds';
    // Known-site blocks are hidden with the default preferences before the first paint. The reader's
    // own rules come from an asynchronous storage read, which a small page can outrun: while the
    // document is still loading, its first paint waits for that read (a few milliseconds, 200 at most),
    // so a block the reader hid is never shown, not even for a frame.
    this.holding = document.readyState === 'loading';
    if (this.holding) setTimeout(() => this.release(), 200);
    (document.head ?? document.documentElement).append(this.style);
    // Nothing is marked yet and the reader's rules are not read yet: the known-site rules are all the
    // sheet can hide for now (the whole sheet comes with the mirror, the scan or the release).
    this.style.textContent = earlySheet(this.holding, knownSelectors(host));
  }

  /** Lets the page paint (the mirror answered, failed, or took too long). */
  release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.renderCss();
  }

  visibility(category: Category): Visibility {
    return resolveVisibility(this.prefs, this.host, category);
  }

  /** A block the reader hid themselves stays hidden (`autre` too) unless they chose to show its category. */
  private pickedVisibility(category: Category): Visibility {
    const chosen = chosenVisibility(this.prefs, this.host, category);
    return chosen ?? (DEFAULT_VISIBILITY[category] === 'collapse' ? 'collapse' : 'hide');
  }

  private visibilityOf(f: Found): Visibility {
    return f.source === 'user' ? this.pickedVisibility(f.category) : this.visibility(f.category);
  }

  setMirrors(prefs: ClassifiedsPrefs, rules: SiteUserRules): void {
    const exceptionsGone = this.rules.exceptions.some((e) => !rules.exceptions.includes(e));
    this.prefs = prefs;
    // The mirror is checked when written; a selector this browser cannot parse is still left out, so one
    // bad rule cannot void the stylesheet's other rules.
    this.rules = usableRules(rules);
    this.holding = false;
    this.applyRules();
    this.render();
    // A withdrawn exception: the block it covered is a block again (the scan finds it).
    if (exceptionsGone && document.readyState !== 'loading') void this.scan();
  }

  /** The site's "Choisir le texte à lire" hints, newest first (extraction options). */
  contentHints(): string[] {
    return this.rules.content;
  }

  /** Full scan of the document, sliced; a second call while one runs waits for it. */
  scan(): Promise<void> {
    this.scanning ??= this.runScan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async runScan(): Promise<void> {
    // No injection (the background restarting, access withdrawn): the known-site CSS and the reader's
    // rules still hold; the next rescan tries again.
    const detect = await this.scanner().catch(() => undefined);
    if (!detect) return;
    const blocks = await detect(document, { host: this.host }, { yieldToPage });
    let changed = false;
    for (const b of blocks) {
      const prev = this.found.get(b.element);
      if (prev?.source === 'user') continue;
      if (prev && prev.category === b.category && prev.items === b.items) continue;
      this.remember(b.element, {
        category: b.category,
        items: b.items,
        source: b.source === 'shape' ? 'shape' : 'site',
      });
      changed = true;
    }
    changed = this.applyRules() || changed;
    if (changed) this.render();
  }

  /** A block found (again): its page-life id stays. */
  private remember(el: Element, f: Omit<Found, 'id' | 'label'>): void {
    const prev = this.found.get(el);
    this.found.set(el, { ...prev, ...f, id: prev?.id ?? this.nextId++ });
  }

  /** Marks the blocks the reader's rules name, unmarks the exceptions; forgets detached blocks. */
  private applyRules(): boolean {
    let changed = false;
    for (const r of this.rules.hide) {
      let els: NodeListOf<Element>;
      try {
        els = document.querySelectorAll(r.selector);
      } catch {
        continue;
      }
      for (const el of els) {
        const prev = this.found.get(el);
        if (prev?.source === 'user' && prev.ruleId === r.id) continue;
        this.remember(el, { category: r.category, items: prev?.items ?? 1, source: 'user', ruleId: r.id });
        changed = true;
      }
    }
    for (const [el, f] of this.found) {
      const gone = !el.isConnected;
      const ruleGone = f.source === 'user' && !this.rules.hide.some((r) => r.id === f.ruleId);
      const excepted = f.source !== 'user' && matchesAny(el, this.rules.exceptions);
      if (gone || ruleGone || excepted) {
        f.label?.remove();
        el.removeAttribute(MARK);
        el.removeAttribute(PICKED);
        this.found.delete(el);
        changed = true;
      } else {
        el.setAttribute(f.source === 'user' ? PICKED : MARK, f.category);
      }
    }
    return changed;
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
      if (relevant) this.timer = setTimeout(() => ((this.timer = undefined), void this.scan()), RESCAN_MS);
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
      el.removeAttribute(PICKED);
      el.removeAttribute(REVEALED);
    }
    this.found.clear();
  }

  private hidden(el: Element, f: Found): boolean {
    return this.visibilityOf(f) !== 'show' && !el.hasAttribute(REVEALED);
  }

  report(): ClassifiedsReport {
    const by = new Map<Category, { blocks: number; items: number }>();
    const blocks: BlockReport[] = [];
    // In page order: the order blocks were found in depends on which of the scan and the mirror came first.
    for (const [el, f] of [...this.found].sort(([a], [b]) => pageOrder(a, b))) {
      const c = by.get(f.category) ?? { blocks: 0, items: 0 };
      c.blocks += 1;
      c.items += f.items;
      by.set(f.category, c);
      const { id, category, items, source } = f;
      blocks.push({ id, category, items, text: firstWords(el, 90), source, hidden: this.hidden(el, f) });
    }
    return {
      host: this.host,
      categories: CATEGORIES.filter((c) => by.has(c)).map((c) => ({
        category: c,
        ...by.get(c)!,
        visibility: this.visibility(c),
      })),
      blocks,
      hiddenItems: this.hiddenItems(),
    };
  }

  /** "Ce n'est pas une annonce": the rule that says so for one listed block (its robust selector). */
  describe(id: number, selectorOf: (el: Element) => string): { rule: UserRule; ruleId?: number } | null {
    const [el, f] = [...this.found].find(([, x]) => x.id === id) ?? [];
    if (!el || !f) return null;
    const selector = selectorOf(el);
    const base = { host: ruleHost(this.host), selector, category: f.category, createdAt: Date.now() };
    return { rule: { ...base, kind: 'exception', label: firstWords(el, 120) }, ruleId: f.ruleId };
  }

  private hiddenItems(): number {
    let n = 0;
    for (const [el, f] of this.found) if (this.hidden(el, f)) n += f.items;
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
    const css = hidingSheet({
      holding: this.holding,
      known: knownSelectors(this.host),
      rules: this.rules,
      visibility: (c) => this.visibility(c),
      pickedVisibility: (c) => this.pickedVisibility(c),
    });
    // A new sheet makes the browser recompute styles: only when something changed.
    if (css !== this.style.textContent) this.style.textContent = css;
  }

  /** "Avis de décès masqués — afficher": collapsed blocks get a discreet label right before them. */
  private renderLabels(): void {
    for (const [el, f] of this.found) {
      const want = this.visibilityOf(f) === 'collapse' && !el.hasAttribute(REVEALED);
      if (want && !f.label?.isConnected) {
        f.label = collapseLabel(f.category, () => {
          el.setAttribute(REVEALED, '');
          this.render();
        });
        el.before(f.label);
      } else if (!want && f.label) {
        f.label.remove();
        f.label = undefined;
      }
    }
  }
}
