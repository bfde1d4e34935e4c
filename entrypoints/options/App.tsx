// The options page: the library (read and written straight from Dexie, offline) and the classifieds preferences
// (written through the background, which mirrors them to every open tab).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/ui/i18n';
import { sendToBackground } from '../../utils/messaging/messages';
import { onMirroredRulesChange } from '../../utils/settings/classifieds-mirror';
import { UserRules } from '../../components/UserRules';
import { listUserRules } from '../../utils/db/user-rules';
import type { UserRule } from '../../utils/settings/user-rules';
import { Library } from './Library';
import { EnabledSites } from '../../components/EnabledSites';
import { ReaderSettingsPanel } from '../../components/ReaderSettingsPanel';
import { disableSite, enabledSites } from '../../utils/access/site-access';
import { useReaderSettings } from '../../utils/ui/use-reader-settings';
import { SyncSection } from './Sync';
import { MyCommunesSettings } from './MyCommunesSettings';
import { ClassifiedsChoices } from './ClassifiedsChoices';
import { ShortcutsSection } from './ShortcutsSection';

type View = { kind: 'list' } | { kind: 'article'; id: number } | { kind: 'settings' };

function viewFromHash(): View {
  if (location.hash === '#/settings') return { kind: 'settings' };
  const m = /^#\/article\/(\d+)$/.exec(location.hash);
  return m ? { kind: 'article', id: Number(m[1]) } : { kind: 'list' };
}

function ReadingSettings() {
  const [settings, change] = useReaderSettings();
  return (
    <section class="settings-reading" aria-labelledby="settings-reading-title">
      <h2 id="settings-reading-title">{t('readerSettingsTitle')}</h2>
      <ReaderSettingsPanel settings={settings} onChange={change} showPreview showGlobalOptions />
    </section>
  );
}

function SitesSettings() {
  const [sites, setSites] = useState<string[]>([]);
  const reload = useCallback(() => void enabledSites().then(setSites, () => setSites([])), []);
  useEffect(reload, [reload]);
  return <EnabledSites sites={sites} onDisable={(site) => void disableSite(site).finally(reload)} />;
}

/** The reader's site rules: read from Dexie, changed through the background (which re-mirrors them). */
function RulesSettings() {
  const [rules, setRules] = useState<UserRule[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => void listUserRules().then(setRules, (e: unknown) => setError(String(e))),
    [],
  );
  useEffect(() => {
    reload();
    return onMirroredRulesChange(reload);
  }, [reload]);
  const remove = async (ids: number[] | 'all') => {
    const res = await sendToBackground('page→background:deleteUserRules', { ids });
    setError(res.ok ? null : t('prefsSaveFailed', ''));
    reload();
  };
  return (
    <UserRules
      rules={rules}
      error={error}
      onDelete={(id) => void remove([id])}
      onDeleteAll={() => void remove('all')}
    />
  );
}

export function App() {
  const [view, setView] = useState<View>(viewFromHash);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <main class="library">
      <h1 class="library-heading">{t('libraryTitle')}</h1>
      <nav class="library-tabs">
        <a href="#/" aria-current={view.kind !== 'settings' ? 'page' : undefined}>
          {t('tabLibrary')}
        </a>
        <a href="#/settings" aria-current={view.kind === 'settings' ? 'page' : undefined}>
          {t('tabSettings')}
        </a>
      </nav>
      {view.kind === 'settings' && (
        <>
          <ReadingSettings />
          <MyCommunesSettings />
          <ClassifiedsChoices />
          <RulesSettings />
          <SitesSettings />
          <ShortcutsSection />
          <SyncSection />
          <section class="settings-privacy" aria-labelledby="settings-privacy-title">
            <h2 id="settings-privacy-title">{t('privacyTitle')}</h2>
            <p>{t('privacyText')}</p>
          </section>
        </>
      )}
      {view.kind !== 'settings' && <Library articleId={view.kind === 'article' ? view.id : null} />}
    </main>
  );
}
