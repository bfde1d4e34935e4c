// The reader settings as Preact state, live across every open extension page (storage watch).
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  watchSettings,
  type ReaderSettings,
} from '../settings/reader';

export function useReaderSettings(): [ReaderSettings, (next: ReaderSettings) => void] {
  const [settings, setSettings] = useState<ReaderSettings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const change = useCallback((next: ReaderSettings) => {
    setSettings(next);
    void saveSettings(next);
  }, []);
  return [settings, change];
}
