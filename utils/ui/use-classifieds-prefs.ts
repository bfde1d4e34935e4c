// The classifieds preferences for an extension page: read from Dexie, kept current through the
// storage mirror, written through the background (which mirrors them to every open tab). Shared by
// the options page and the first-run page.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClassifiedsPrefs } from '../classifieds/types';
import { getClassifiedsPrefs } from '../db/preferences';
import { sendToBackground } from '../messaging/messages';
import { onMirroredPrefsChange } from '../settings/classifieds-mirror';
import { t } from './i18n';

export function useClassifiedsPrefs() {
  const [prefs, setPrefs] = useState<ClassifiedsPrefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => void getClassifiedsPrefs().then(setPrefs, (e: unknown) => setError(String(e))),
    [],
  );
  useEffect(() => {
    reload();
    return onMirroredPrefsChange(setPrefs);
  }, [reload]);
  const store = async (next: ClassifiedsPrefs) => {
    const res = await sendToBackground('page→background:setClassifiedsPrefs', { prefs: next });
    if (res.ok) {
      setPrefs(next);
      setError(null);
    } else setError(t('prefsSaveFailed', res.message));
  };
  return { prefs, error, store };
}
