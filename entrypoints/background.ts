// The background owns saves: every new article (popup, reading mode, context menu, shortcut) goes
// through its one save service (utils/db/save-service.ts). The library page edits the rows it shows
// (flags, tags, deletions, imports) itself: same origin, same database, and Dexie transactions keep
// the two writers consistent without shipping whole libraries through messages.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storeArticle } from '../utils/db/save-service';
import { saveFailureText } from '../utils/db/errors';
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
import { relayReaderPorts } from '../utils/messaging/reader-relay';
import { t } from '../utils/ui/i18n';
import { sendToTabInjecting } from '../utils/messaging/tabs';
import { openFirstRun } from '../utils/ui/first-run';
import { badgeCount, forgetTab, updateToolbar } from '../utils/ui/toolbar-state';
import { rememberTabSave } from '../utils/ui/tab-save';
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
import { addUserRule, deleteUserRules, syncUserRulesMirror } from '../utils/db/user-rules';
import { ruleHost } from '../utils/settings/user-rules';
import { CATEGORIES } from '../utils/classifieds/types';
import { ON_DEMAND, type OnDemandScript } from '../utils/messaging/on-demand';
import type { PickerMode } from '../utils/messaging/messages';

const MENU_READER = 'lisible-reader';
const MENU_PICK_HIDE = 'lisible-pick-hide';
const MENU_PICK_CONTENT = 'lisible-pick-content';
const SCRIPTS: ReadonlySet<string> = new Set(Object.keys(ON_DEMAND));

/**
 * Picker sessions by tab, in storage.session (the service worker may sleep while the reader picks): a
 * pick is accepted only from a tab the background opened the picker in, in the mode it opened it with.
 */
const pickerKey = (tabId: number) => `picker:${tabId}`;
async function startPicker(
  tabId: number,
  mode: PickerMode,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await browser.storage.session.set({ [pickerKey(tabId)]: mode });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
    await browser.scripting.executeScript({
      target: { tabId },
      func: (m: PickerMode, cats: string[], global: string) =>
        (globalThis as unknown as Record<string, { start(m: PickerMode, c: string[]): void }>)[global]?.start(
          m,
          cats,
        ),
      args: [mode, [...CATEGORIES], ON_DEMAND.picker],
    });
    return { ok: true };
  } catch (e) {
    // A page the browser protects, or a site Lisible has no access to.
    await browser.storage.session.remove(pickerKey(tabId)).catch(() => undefined);
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

async function toggleReaderIn(
  tabId: number | undefined,
  req: { open?: boolean; content?: string } = {},
): Promise<void> {
  if (tabId === undefined) return;
  try {
    await sendToTabInjecting(tabId, 'extension→content:toggleReader', req);
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
 * and the library page sanitizes such rows in place when it opens. The outcome shows on the icon for a
 * moment, and in words in the popup opened afterwards on that page (utils/ui/tab-save.ts).
 */
async function saveFromTab(tabId: number): Promise<void> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? null;
  const outcome = async (ok: boolean, title: string, message = title) => {
    await rememberTabSave(tabId, { ok, message, url }).catch(() => undefined);
    await flashBadge(tabId, ok, title);
  };
  const result = await sendToTabInjecting(tabId, 'extension→content:getArticle', {}).catch(() => undefined);
  if (!result?.ok) return outcome(false, t('reasonNotArticle'), t('saveFailed', t('reasonNotArticle')));
  const res = await storeArticle(result.article, { sanitized: false });
  if (!res.ok) return outcome(false, saveFailureText(res));
  await outcome(true, t(res.updated ? 'savedUpdated' : 'saved'));
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
    browser.contextMenus.create({ id: MENU_PICK_HIDE, title: t('pickHide'), contexts: ['page'] });
    browser.contextMenus.create({ id: MENU_PICK_CONTENT, title: t('pickContent'), contexts: ['page'] });
    void syncUserRulesMirror();
  });
  // A new page in a tab starts with no facts (its content script reports them again); a closed tab's go.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId, true).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId, false).catch(() => undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_READER) void toggleReaderIn(tab?.id);
    else if (info.menuItemId === SAVE_MENU && tab?.id !== undefined) void saveFromTab(tab.id);
    else if (info.menuItemId === MENU_PICK_HIDE && tab?.id !== undefined) void startPicker(tab.id, 'hide');
    else if (info.menuItemId === MENU_PICK_CONTENT && tab?.id !== undefined)
      void startPicker(tab.id, 'content');
  });
  // Alt+Shift+L / Alt+Shift+S by default; people rebind them in the browser's shortcut settings.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-reader') void toggleReaderIn(tab?.id);
    else if (command === 'save-article' && tab?.id !== undefined) void saveFromTab(tab.id);
  });
  browser.runtime.onStartup.addListener(() => {
    void syncPrefsMirror();
    void syncUserRulesMirror();
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

  // Firefox's reading-mode frame reaches its tab's content script through here (no `tabs` API there).
  relayReaderPorts();

  onMessages({
    'page→background:saveArticle': async ({ article }, sender) => {
      if (!fromUs(sender)) return { ok: false, error: 'invalid', message: 'unknown sender' };
      // Extension pages sanitize before sending; anything else is stored marked unsanitized.
      const saved = await storeArticle(article, { sanitized: fromExtensionPage(sender) });
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
    'page→background:syncSoon': (_req, sender) => {
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
    'content→background:inject': async ({ script }, sender) => {
      const tabId = sender.tab?.id;
      if (!fromUs(sender) || tabId === undefined || !SCRIPTS.has(script))
        return { ok: false, message: 'unknown sender' };
      try {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: [`/${script as OnDemandScript}.js`],
        });
        return { ok: true };
      } catch (e) {
        // No access to this tab (not a known site, no activeTab grant): say so instead of hanging.
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
    'page→background:addUserRule': async ({ rule }, sender) => {
      if (!fromExtensionPage(sender)) return { ok: false, message: 'unknown sender' };
      return addUserRule(rule);
    },
    'page→background:deleteUserRules': async ({ ids }, sender) => {
      if (!fromExtensionPage(sender)) return { ok: false };
      if (ids !== 'all' && !(Array.isArray(ids) && ids.every((id) => Number.isInteger(id))))
        return { ok: false };
      await deleteUserRules(ids);
      return { ok: true };
    },
    'page→background:startPicker': async ({ tabId, mode }, sender) => {
      if (!fromExtensionPage(sender) || !Number.isInteger(tabId) || (mode !== 'hide' && mode !== 'content'))
        return { ok: false, message: 'unknown sender' };
      return startPicker(tabId, mode);
    },
    'picker→background:picked': async ({ mode, result }, sender) => {
      const tabId = sender.tab?.id;
      const url = sender.url ?? sender.tab?.url;
      if (!fromUs(sender) || tabId === undefined || sender.frameId !== 0 || !url) return { ok: false };
      const key = pickerKey(tabId);
      const session = (await browser.storage.session.get(key))[key];
      await browser.storage.session.remove(key);
      if (session !== mode) return { ok: false };
      if (result.cancelled) return { ok: true };
      const host = ruleHost(new URL(url).hostname);
      const base = { host, selector: result.selector, label: result.label, createdAt: Date.now() };
      const saved =
        mode === 'hide'
          ? await addUserRule({ ...base, kind: 'hide', category: result.category })
          : await addUserRule({ ...base, kind: 'content' });
      // The text the reader chose, at once: reading mode opens on it.
      if (saved.ok && mode === 'content')
        void toggleReaderIn(tabId, { open: true, content: result.selector });
      return { ok: saved.ok };
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
