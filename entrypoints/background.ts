// The background is the library's writer: pages and content scripts ask, it validates and stores.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { saveArticle } from '../utils/db/articles';
import {
  getClassifiedsPrefs,
  prefsProblem,
  setClassifiedsPrefs,
  syncPrefsMirror,
} from '../utils/db/preferences';
import {
  browserSyncEnabled,
  onBrowserSyncChange,
  pullFromBrowserSync,
  pushToBrowserSync,
} from '../utils/settings/browser-sync';
import { loadSettings, saveSettings, watchSettings } from '../utils/settings/reader';
import { onMessages } from '../utils/messaging/messages';
import { storeImages } from '../utils/db/images';
import { articleProblem } from '../utils/safety/validate';
import { t } from '../utils/ui/i18n';
import { sendToTabInjecting } from '../utils/messaging/tabs';
import { openFirstRun } from '../utils/ui/first-run';
import { badgeCount, forgetTab, updateToolbar } from '../utils/ui/toolbar-state';
import { syncSiteScripts } from '../utils/access/site-access';
import { onLocalChange } from '../utils/sync/changelog';
import { emptyReport } from '../utils/sync/engine';
import {
  connectServer,
  disconnectServer,
  ensureAlarm,
  runSync,
  syncSoon,
  SYNC_ALARM,
} from '../utils/sync/run';

const MENU_READER = 'lisible-reader';

async function toggleReaderIn(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  try {
    await sendToTabInjecting(tabId, 'extension→content:toggleReader', {});
  } catch {
    // A page the browser protects (chrome://, the web store…): nothing to lay out.
  }
}

/** Our own extension pages, or our content script running in a tab. Nothing else may write. */
function fromUs(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}
function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return fromUs(sender) && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

const SAVE_MENU = 'lisible-save-article';

/** A short ✓ or ! on the toolbar icon, then the page's own state (article, classifieds count) comes back. */
async function flashBadge(tabId: number, ok: boolean, title: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: ok ? '✓' : '!' });
  await browser.action.setTitle({ tabId, title });
  setTimeout(() => void updateToolbar(tabId).catch(() => undefined), 2500);
}

/**
 * Context menu and keyboard shortcut: ask the tab's content script for the article and store it.
 * The service worker has no DOM, so the body is stored marked unsanitized; every render sanitizes it,
 * and the library page sanitizes such rows in place when it opens.
 */
async function saveFromTab(tabId: number): Promise<void> {
  const result = await sendToTabInjecting(tabId, 'extension→content:getArticle', {}).catch(() => undefined);
  if (!result?.ok) return flashBadge(tabId, false, t('reasonNotArticle'));
  const problem = articleProblem(result.article);
  if (problem) return flashBadge(tabId, false, t('saveFailed', problem));
  const res = await saveArticle(result.article, undefined, { unsanitized: true });
  if (!res.ok)
    return flashBadge(
      tabId,
      false,
      res.error === 'quota' ? t('saveFailedQuota') : t('saveFailed', res.message),
    );
  // Images the service worker may read (same rules as the popup); others stay remote.
  await storeImages(res.id, result.article.contentHtml).catch(() => 0);
  await flashBadge(tabId, true, t(res.updated ? 'savedUpdated' : 'saved'));
}

/** Settings from another browser of the same account (opt-in storage.sync), then ours back if newer. */
async function browserSettingsSync(): Promise<void> {
  const got = await pullFromBrowserSync();
  if (got) {
    await saveSettings(got.reader);
    await setClassifiedsPrefs(got.classifieds);
    return;
  }
  await pushToBrowserSync({ reader: await loadSettings(), classifieds: await getClassifiedsPrefs() });
}
let settingsTimer: ReturnType<typeof setTimeout> | undefined;
/** Debounced: storage.sync allows 120 writes a minute; a slider drag must not use them up. */
function browserSettingsSoon(): void {
  if (settingsTimer) clearTimeout(settingsTimer);
  settingsTimer = setTimeout(() => void browserSettingsSync().catch(() => undefined), 2000);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void openFirstRun(reason).catch(() => undefined);
    void syncPrefsMirror();
    void syncSiteScripts();
    // An update may drop alarms: re-arm the sync one (only when sync is set up).
    void ensureAlarm();
    browser.contextMenus.create({ id: MENU_READER, title: t('menuReader'), contexts: ['page'] });
    browser.contextMenus.create({ id: SAVE_MENU, title: t('ctxSaveArticle'), contexts: ['page'] });
  });
  // A new page in a tab starts with no facts (its content script reports them again); a closed tab's go.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId, true).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId, false).catch(() => undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_READER) void toggleReaderIn(tab?.id);
    else if (info.menuItemId === SAVE_MENU && tab?.id !== undefined) void saveFromTab(tab.id);
  });
  // Alt+Shift+R / Alt+Shift+S by default; people rebind them in the browser's shortcut settings.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-reader') void toggleReaderIn(tab?.id);
    else if (command === 'save-article' && tab?.id !== undefined) void saveFromTab(tab.id);
  });
  browser.runtime.onStartup.addListener(() => {
    void syncPrefsMirror();
    void syncSiteScripts();
    // Sync (when set up) at browser start, then on the alarm; the alarm is re-armed in case it was lost.
    void ensureAlarm().then(() => runSync());
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync();
  });
  // Any change the background writes (a save from the context menu or shortcut, its images) syncs soon.
  onLocalChange(() => syncSoon());
  // Opt-in: reading settings and classifieds choices through the browser account's own sync.
  onBrowserSyncChange(() => void browserSettingsSync().catch(() => undefined));
  watchSettings(browserSettingsSoon);
  browserSyncEnabled.watch((on) => on && browserSettingsSoon());
  void browserSettingsSync().catch(() => undefined);
  // A site permission withdrawn from the browser's own settings takes its content script with it.
  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());

  onMessages({
    'page→background:saveArticle': async ({ article }, sender) => {
      if (!fromUs(sender)) return { ok: false, error: 'invalid', message: 'unknown sender' };
      const problem = articleProblem(article);
      if (problem) return { ok: false, error: 'invalid', message: problem };
      // Extension pages sanitize before sending; anything else is stored marked unsanitized.
      const saved = await saveArticle(article, undefined, { unsanitized: !fromExtensionPage(sender) });
      // After a save (the popup stores the images right after: the delay lets them in).
      if (saved.ok) syncSoon();
      return saved;
    },
    'page→background:syncConnect': async (req, sender) => {
      if (!fromExtensionPage(sender)) return { ok: false, kind: 'config', message: 'unknown sender' };
      return connectServer(req);
    },
    'page→background:syncNow': async (_req, sender) => {
      if (!fromExtensionPage(sender)) return emptyReport();
      return runSync();
    },
    'page→background:syncDisconnect': async (_req, sender) => {
      if (!fromExtensionPage(sender)) return { ok: false };
      await disconnectServer();
      return { ok: true };
    },
    'page→background:syncSoon': async (_req, sender) => {
      if (!fromUs(sender)) return { ok: false };
      syncSoon();
      return { ok: true };
    },
    'page→background:setClassifiedsPrefs': async ({ prefs }, sender) => {
      // Only extension pages change preferences: a page script talking to our content script must not.
      if (!fromExtensionPage(sender)) return { ok: false, message: 'unknown sender' };
      const problem = prefsProblem(prefs);
      if (problem) return { ok: false, message: problem };
      await setClassifiedsPrefs(prefs);
      browserSettingsSoon();
      return { ok: true };
    },
    'content→background:loadExtractor': async (_req, sender) => {
      const tabId = sender.tab?.id;
      if (!fromUs(sender) || tabId === undefined) return { ok: false, message: 'unknown sender' };
      try {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: ['/extractor.js'],
        });
        return { ok: true };
      } catch (e) {
        // No access to this tab (not a known site, no activeTab grant): say so instead of hanging.
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
    'content→background:classifiedsCount': async ({ hiddenItems }, sender) => {
      const tabId = sender.tab?.id;
      if (!fromUs(sender) || tabId === undefined || sender.frameId !== 0) return { ok: false };
      await updateToolbar(tabId, { hiddenItems: badgeCount(hiddenItems) });
      return { ok: true };
    },
    'content→background:pageIsArticle': async ({ article }, sender) => {
      const tabId = sender.tab?.id;
      if (!fromUs(sender) || tabId === undefined || sender.frameId !== 0) return { ok: false };
      await updateToolbar(tabId, { article: article === true });
      return { ok: true };
    },
  });
});
