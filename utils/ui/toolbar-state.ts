// What the toolbar button says about the open page. Two facts come from the page's content script, at
// different times: whether the page looks like an article (the cheap `isProbablyArticle` check, run once
// the DOM is ready) and how many classifieds it hides (each time that changes). The badge holds one
// text, so the two are told apart by colour and mark, and the tooltip spells both out:
//   - hidden ads: the count, on brick red (no article) or green (an article is there);
//   - an article with nothing hidden: "≡" (lines of text, as browsers draw their reader icons) on green;
//   - neither: no badge, the default tooltip.
import { browser } from 'wxt/browser';
import { t, tn } from './i18n';
import { tabSaveKey } from './tab-save';

export interface PageFacts {
  article: boolean;
  hiddenItems: number;
}

export interface ToolbarState {
  badgeText: string;
  badgeColor: string;
  title: string;
}

export const ADS_COLOR = '#8a2b06';
export const ARTICLE_COLOR = '#1b6b3a';
export const ARTICLE_MARK = '≡';
/** The badge holds about four characters. */
const MAX_COUNT = 999;

export const NO_FACTS: PageFacts = { article: false, hiddenItems: 0 };

/** A count the content script sent, made safe for the badge (whole, non-negative, at most 999). */
export function badgeCount(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? Math.min(n, MAX_COUNT) : 0;
}

export function toolbarState({ article, hiddenItems }: PageFacts): ToolbarState {
  const n = badgeCount(hiddenItems);
  const parts = [t(article ? 'actionArticle' : 'actionTitle')];
  if (n) parts.push(tn('classifiedsHidden', n));
  return {
    badgeText: n ? String(n) : article ? ARTICLE_MARK : '',
    badgeColor: article ? ARTICLE_COLOR : ADS_COLOR,
    title: parts.join(' · '),
  };
}

// Per-tab facts live in storage.session: the service worker sleeps and wakes between the two reports,
// and the badge must not forget the article when the classifieds count changes later.
const key = (tabId: number) => `toolbar:${tabId}`;

export async function pageFacts(tabId: number): Promise<PageFacts> {
  const got = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Partial<PageFacts> | undefined;
  return { article: got?.article === true, hiddenItems: badgeCount(got?.hiddenItems) };
}

// The two reports often arrive together (both at DOMContentLoaded): one tab's read–merge–write runs
// after the other's, or one would overwrite the other's fact.
const queues = new Map<number, Promise<unknown>>();
function serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(job);
  queues.set(tabId, next);
  void next.finally(() => queues.get(tabId) === next && queues.delete(tabId)).catch(() => undefined);
  return next;
}

async function draw(tabId: number, state: ToolbarState): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: state.badgeText }),
    browser.action.setBadgeBackgroundColor({ tabId, color: state.badgeColor }),
    browser.action.setTitle({ tabId, title: state.title }),
  ]);
}

/** Merges what the page reported into the tab's facts and redraws the button; returns the new state. */
export function updateToolbar(tabId: number, patch: Partial<PageFacts> = {}): Promise<ToolbarState> {
  return serial(tabId, async () => {
    const facts = { ...(await pageFacts(tabId)), ...patch };
    if (Object.keys(patch).length) await browser.storage.session.set({ [key(tabId)]: facts });
    const state = toolbarState(facts);
    await draw(tabId, state);
    return state;
  });
}

/**
 * A new page in the tab: its facts go with the old page and the button is plain again until the new
 * page's content script reports (pages without one keep no stale count). A closed tab: facts only.
 */
export function forgetTab(tabId: number, redraw: boolean): Promise<void> {
  return serial(tabId, async () => {
    // The last background save's outcome (tab-save.ts) was about the old page too.
    await browser.storage.session.remove([key(tabId), tabSaveKey(tabId)]);
    if (redraw) await draw(tabId, toolbarState(NO_FACTS));
  });
}
