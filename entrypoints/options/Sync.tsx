// Wiring of the sync section: reads the state from Dexie (this page may), asks the background to set
// up and run syncs (it holds the keys and runs syncs at start, on an alarm and after saves), and asks
// the browser for the host permission of the server's one origin, in the click itself.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SyncSettings, syncErrorText, type SyncForm } from '../../components/SyncSettings';
import { db } from '../../utils/db/schema';
import { sendToBackground } from '../../utils/messaging/messages';
import { browserSyncEnabled, browserSyncState } from '../../utils/settings/browser-sync';
import { syncSummary, type SyncSummary } from '../../utils/sync/state';
import { originPattern } from '../../utils/sync/url';
import { t, tn } from '../../utils/ui/i18n';

export function SyncSection() {
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [busy, setBusy] = useState<'connecting' | 'syncing' | null>(null);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [browserSync, setBrowserSync] = useState<{ enabled: boolean; note: string | null }>({
    enabled: false,
    note: null,
  });
  const reload = useCallback(() => {
    void syncSummary(db()).then(setSummary, () => setSummary(null));
    void Promise.all([browserSyncEnabled.getValue(), browserSyncState.getValue()]).then(([enabled, st]) =>
      setBrowserSync({
        enabled,
        note: !enabled
          ? null
          : st.error
            ? t('browserSyncError', st.error)
            : st.trimmed.sites
              ? tn('browserSyncTrimmed', st.trimmed.sites)
              : null,
      }),
    );
  }, []);
  useEffect(() => {
    reload();
    // The background syncs on its own (start, alarm, saves): follow its state while the page is open.
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [reload]);

  const onConnect = (form: SyncForm) => {
    let pattern: string;
    try {
      pattern = originPattern(form.url);
    } catch {
      setNotice({ error: true, text: syncErrorText('config') });
      return;
    }
    setBusy('connecting');
    setNotice(null);
    // Called straight from the submit: permissions.request needs the user gesture.
    void browser.permissions
      .request({ origins: [pattern] })
      .catch(() => false)
      .then(async (granted) => {
        if (!granted) {
          setNotice({ error: true, text: syncErrorText('permission') });
          return;
        }
        const res = await sendToBackground('page→background:syncConnect', form);
        setNotice(
          res.ok
            ? { error: false, text: t('syncConnected') }
            : { error: true, text: syncErrorText(res.kind) },
        );
      })
      .finally(() => {
        setBusy(null);
        reload();
      });
  };
  const onSyncNow = () => {
    setBusy('syncing');
    setNotice(null);
    void sendToBackground('page→background:syncNow', {})
      .then((r) =>
        setNotice(
          r.ok
            ? { error: false, text: t('syncDone', r.pushed, r.pulled) }
            : { error: true, text: syncErrorText(r.error?.kind ?? 'local') },
        ),
      )
      .finally(() => {
        setBusy(null);
        reload();
      });
  };
  const onDisconnect = () => {
    void sendToBackground('page→background:syncDisconnect', {}).then(() => {
      setNotice({ error: false, text: t('syncDisabled') });
      reload();
    });
  };
  const onBrowserSync = (enabled: boolean) => void browserSyncEnabled.setValue(enabled).then(reload);
  return (
    <SyncSettings
      summary={summary}
      busy={busy}
      notice={notice}
      onConnect={onConnect}
      onSyncNow={onSyncNow}
      onDisconnect={onDisconnect}
      browserSync={browserSync}
      onBrowserSync={onBrowserSync}
    />
  );
}
