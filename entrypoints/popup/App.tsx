// Popup wiring: find the tab, ask its content script for the article, save through the background.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PopupView, type PopupState, type SaveState } from '../../components/PopupView';
import { t } from '../../utils/i18n';
import { sendToBackground, sendToTab } from '../../utils/messages';
import { sanitizeArticleHtml } from '../../utils/sanitize';

// Pages no extension may script: say so instead of spinning.
const RESTRICTED = /^(chrome|chrome-extension|edge|about|moz-extension|view-source|devtools|chrome-search):|^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org)\//;

async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  // ?tab=ID lets tests (and the library) open the popup page for a given tab.
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function loadArticle(): Promise<PopupState> {
  const tab = await targetTab();
  if (tab?.id === undefined) return { kind: 'not-article', reason: 'no-tab' };
  if (tab.url && RESTRICTED.test(tab.url)) return { kind: 'not-article', reason: 'restricted' };
  let result;
  try {
    result = await sendToTab(tab.id, 'popup→content:getArticle', {});
  } catch {
    // No content script answered: a page the browser protects, or one loaded before Lisible was installed.
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/content.js'] });
      result = await sendToTab(tab.id, 'popup→content:getArticle', {});
    } catch {
      return { kind: 'not-article', reason: 'restricted' };
    }
  }
  if (!result) return { kind: 'not-article', reason: 'restricted' };
  if (!result.ok) return { kind: 'not-article', reason: result.reason };
  return { kind: 'article', article: result.article };
}


export function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    loadArticle().then(setState, (e: unknown) =>
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  useEffect(load, [load]);

  const onSave = useCallback(async () => {
    if (state.kind !== 'article') return;
    setSave({ kind: 'saving' });
    try {
      const article = { ...state.article, contentHtml: sanitizeArticleHtml(state.article.contentHtml) };
      const res = await sendToBackground('page→background:saveArticle', { article });
      if (res.ok) setSave({ kind: 'saved', updated: res.updated });
      else setSave({ kind: 'failed', message: res.error === 'quota' ? t('saveFailedQuota') : t('saveFailed', res.message) });
    } catch (e) {
      setSave({ kind: 'failed', message: t('saveFailed', e instanceof Error ? e.message : String(e)) });
    }
  }, [state]);

  const onOpenLibrary = useCallback(() => {
    void browser.runtime.openOptionsPage();
  }, []);

  return <PopupView state={state} save={save} onSave={onSave} onRetry={load} onOpenLibrary={onOpenLibrary} />;
}
