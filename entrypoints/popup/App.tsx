// Popup wiring: find the tab, ask its content script for the article, save through the background.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { ClassifiedsPanel, type SwitchScope } from '../../components/ClassifiedsPanel';
import { PageTools } from '../../components/PageTools';
import { PopupView, type PopupState } from '../../components/PopupView';
import type { SaveState } from '../../utils/db/save';
import { ReaderView } from '../../components/ReaderView';
import { useReaderSettings } from '../../utils/ui/use-reader-settings';
import { useCommuneView } from '../../utils/ui/use-commune';
import type { Category } from '../../utils/classifieds/types';
import { saveFromPage } from '../../utils/db/save';
import { MAX_IMAGES } from '../../utils/db/images';
import { getClassifiedsPrefs } from '../../utils/db/preferences';
import { t } from '../../utils/ui/i18n';
import {
  sendToBackground,
  sendToTab,
  type BlockReport,
  type ClassifiedsReport,
  type PickerMode,
} from '../../utils/messaging/messages';
import { onMirroredPrefsChange, onMirroredRulesChange } from '../../utils/settings/classifieds-mirror';
import {
  reportWithSwitch,
  setSiteShowAll,
  toggleCategory,
  toggleSiteCategory,
} from '../../utils/settings/classifieds-edit';
import { sendToTabInjecting, TabTimeoutError } from '../../utils/messaging/tabs';
import { isRestrictedUrl } from '../../utils/extract/restricted';
import { SiteAccess } from '../../components/SiteAccess';
import { ShortcutsSection } from '../options/ShortcutsSection';
import { enableSite, hasSiteAccess, isBuiltInSite, siteOf } from '../../utils/access/site-access';
import { tabSave, type TabSave } from '../../utils/ui/tab-save';

async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  // ?tab=ID lets tests (and the library) open the popup page for a given tab.
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function loadArticle(tab: Browser.tabs.Tab | undefined): Promise<PopupState> {
  if (tab?.id === undefined) return { kind: 'not-article', reason: 'no-tab' };
  // Pages no extension may script: say so instead of spinning.
  if (tab.url && isRestrictedUrl(tab.url)) return { kind: 'not-article', reason: 'restricted' };
  let result;
  try {
    result = await sendToTabInjecting(tab.id, 'extension→content:getArticle', {});
  } catch (e) {
    // The page went away or froze mid-request: say so, with "Réessayer".
    if (e instanceof TabTimeoutError) return { kind: 'error', message: t('pageNoAnswer') };
    // Still no answer: a page the browser protects from extensions.
    return { kind: 'not-article', reason: 'restricted' };
  }
  if (!result) return { kind: 'not-article', reason: 'restricted' };
  if (!result.ok) return { kind: 'not-article', reason: result.reason };
  return { kind: 'article', article: result.article };
}

/** The classifieds report of the tab, or null where no content script runs. */
async function loadClassifieds(tabId: number): Promise<ClassifiedsReport | null> {
  try {
    return (await sendToTab(tabId, 'popup→content:getClassifieds', {})) ?? null;
  } catch {
    return null;
  }
}

export function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // The article's own images, the first MAX_IMAGES of them (those a save keeps); the rest on request.
  const [allImages, setAllImages] = useState(false);
  const images = useMemo(() => ({ remote: allImages ? Infinity : MAX_IMAGES }), [allImages]);
  const [tabId, setTabId] = useState<number | undefined>();
  const [earlierSave, setEarlierSave] = useState<TabSave | null>(null);
  const [report, setReport] = useState<ClassifiedsReport | null>(null);
  const [siteShowsAll, setSiteShowsAll] = useState(false);
  const [prefsError, setPrefsError] = useState<string | null>(null);
  const [scope, setScope] = useState<SwitchScope>('all');
  const [pickError, setPickError] = useState<string | null>(null);
  const [access, setAccess] = useState<{ host: string; state: 'off' | 'on' | 'refused' } | null>(null);
  const onEnableSite = () => {
    if (!access) return;
    // Called straight from the click: permissions.request needs the user gesture.
    enableSite(access.host).then(
      (ok) => setAccess({ host: access.host, state: ok ? 'on' : 'refused' }),
      () => setAccess({ host: access.host, state: 'refused' }),
    );
  };
  const [settings] = useReaderSettings();
  const commune = useCommuneView(state.kind === 'article' ? state.article : null);

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    targetTab()
      .then(async (tab) => {
        setTabId(tab?.id);
        if (tab?.id !== undefined) setEarlierSave(await tabSave(tab.id, tab.url).catch(() => null));
        // Sites outside the built-in list can be enabled for good (optional host permission).
        if (tab?.url && /^https?:/.test(tab.url)) {
          const host = siteOf(new URL(tab.url).hostname);
          // Nothing to offer where Lisible already runs by itself (known or already enabled site).
          if (!isBuiltInSite(host) && !(await hasSiteAccess(tab.url))) setAccess({ host, state: 'off' });
        }
        setState(await loadArticle(tab));
      })
      .catch((e: unknown) =>
        setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
  }, []);
  useEffect(load, [load]);

  // Bumped by every switch: a report asked for before the last switch describes the page before it.
  const edits = useRef(0);
  const refreshClassifieds = useCallback(async () => {
    if (tabId === undefined) return;
    const asked = edits.current;
    const r = await loadClassifieds(tabId);
    if (asked !== edits.current) return;
    setReport(r);
    if (r) setSiteShowsAll(!!(await getClassifiedsPrefs()).sites[r.host]?.showAll);
  }, [tabId]);
  // The content script applies new preferences first; the panel then re-reads what the page shows.
  useEffect(() => {
    void refreshClassifieds();
    const later = () => void setTimeout(() => void refreshClassifieds(), 50);
    const offPrefs = onMirroredPrefsChange(later);
    const offRules = onMirroredRulesChange(later);
    return () => (offPrefs(), offRules());
  }, [refreshClassifieds]);

  const updatePrefs = useCallback(
    async (edit: (p: Awaited<ReturnType<typeof getClassifiedsPrefs>>) => typeof p) => {
      try {
        const res = await sendToBackground('page→background:setClassifiedsPrefs', {
          prefs: edit(await getClassifiedsPrefs()),
        });
        setPrefsError(res.ok ? null : t('prefsSaveFailed', res.message));
        // Not saved: the switch goes back to what the page really shows.
        if (!res.ok) void refreshClassifieds();
      } catch (e) {
        setPrefsError(t('prefsSaveFailed', e instanceof Error ? e.message : String(e)));
        void refreshClassifieds();
      }
    },
    [refreshClassifieds],
  );
  const onToggle = (category: Category, hidden: boolean) => {
    edits.current++;
    setReport((r) => r && reportWithSwitch(r, category, hidden));
    void updatePrefs((p) =>
      scope === 'site' && report
        ? toggleSiteCategory(p, report.host, category, hidden)
        : toggleCategory(p, category, hidden, report?.host),
    );
  };
  const onShowOnSite = (show: boolean) =>
    report && void updatePrefs((p) => setSiteShowAll(p, report.host, show));

  /** "Ce n'est pas une annonce": an exception for the site, or the reader's own rule withdrawn. */
  const onNotAnAd = useCallback(
    async (block: BlockReport) => {
      if (tabId === undefined) return;
      try {
        const d = await sendToTab(tabId, 'popup→content:describeBlock', { id: block.id });
        if (!d.ok) return;
        const res =
          d.ruleId !== undefined
            ? await sendToBackground('page→background:deleteUserRules', { ids: [d.ruleId] })
            : await sendToBackground('page→background:addUserRule', { rule: d.rule });
        setPrefsError(res.ok ? null : t('prefsSaveFailed', 'message' in res ? String(res.message) : ''));
      } catch (e) {
        setPrefsError(t('prefsSaveFailed', e instanceof Error ? e.message : String(e)));
      }
    },
    [tabId],
  );

  /** The picker works on the page: the popup starts it and gets out of the way. */
  const onPick = useCallback(
    async (mode: PickerMode) => {
      if (tabId === undefined) return;
      const res = await sendToBackground('page→background:startPicker', { tabId, mode }).catch(
        (e: unknown) => ({
          ok: false as const,
          message: e instanceof Error ? e.message : String(e),
        }),
      );
      if (res.ok) window.close();
      else setPickError(t('pickFailed', res.message));
    },
    [tabId],
  );

  const onSave = useCallback(() => {
    if (state.kind !== 'article') return;
    setSave({ kind: 'saving' });
    // This save's own status replaces what the context menu or shortcut did before.
    setEarlierSave(null);
    void saveFromPage(state.article).then(setSave);
  }, [state]);

  const onReadingMode = useCallback(() => {
    if (tabId === undefined) return;
    void sendToTab(tabId, 'extension→content:toggleReader', { open: true })
      .catch(() => null)
      .then((res) => res?.open && window.close());
  }, [tabId]);

  const onOpenLibrary = useCallback(() => {
    void browser.runtime.openOptionsPage();
  }, []);

  return (
    <ReaderView settings={settings}>
      <PopupView
        commune={commune}
        images={images}
        onShowImages={() => setAllImages(true)}
        onReadingMode={onReadingMode}
        state={state}
        save={save}
        onSave={onSave}
        onRetry={load}
        onOpenLibrary={onOpenLibrary}
        footer={<ShortcutsSection compact />}
        earlierSave={earlierSave}
        classifieds={
          <>
            {access && <SiteAccess host={access.host} state={access.state} onEnable={onEnableSite} />}
            {report && (
              <ClassifiedsPanel
                report={report}
                siteShowsAll={siteShowsAll}
                error={prefsError}
                scope={scope}
                onScope={setScope}
                onToggle={onToggle}
                onShowOnSite={onShowOnSite}
                onNotAnAd={(b) => void onNotAnAd(b)}
              />
            )}
            {tabId !== undefined && <PageTools onPick={(m) => void onPick(m)} error={pickError} />}
          </>
        }
      />
    </ReaderView>
  );
}
