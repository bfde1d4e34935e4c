// Display-only: the keyboard shortcuts as the browser has them, with the way to change them.
import type { Shortcut } from '../utils/ui/shortcuts';
import { t } from '../utils/ui/i18n';

export interface ShortcutsProps {
  shortcuts: Shortcut[];
  /** The browser's shortcut settings address, shown when it cannot be opened from here. */
  settingsAddress: string;
  firefox: boolean;
  onOpenSettings: () => void;
  /** Opening the settings failed: show the address to type (the full list always shows it). */
  openFailed: boolean;
  /** One line per shortcut, no heading (popup footer). */
  compact?: boolean;
}

export function Shortcuts({
  shortcuts,
  settingsAddress,
  firefox,
  onOpenSettings,
  openFailed,
  compact,
}: ShortcutsProps) {
  const list = (
    <ul class="lisible-shortcuts-list">
      {shortcuts.map((s) => (
        <li key={s.name} data-command={s.name}>
          {s.shortcut ? (
            <kbd>{s.shortcut}</kbd>
          ) : (
            <span class="lisible-shortcut-unset">{t('shortcutUnset')}</span>
          )}{' '}
          {s.description}
        </li>
      ))}
    </ul>
  );
  const change = (
    <>
      <button type="button" class="lisible-link" onClick={onOpenSettings}>
        {t('shortcutsChange')}
      </button>
      {(openFailed || !compact) && (
        <p class="lisible-shortcuts-address" role="status">
          {t('shortcutsAddress', settingsAddress)} {firefox && t('shortcutsFirefoxHint')}
        </p>
      )}
    </>
  );
  if (compact)
    return (
      <footer class="lisible-shortcuts lisible-shortcuts-compact" aria-label={t('shortcutsTitle')}>
        {list}
        {change}
      </footer>
    );
  return (
    <section class="lisible-shortcuts" aria-labelledby="lisible-shortcuts-title">
      <h2 id="lisible-shortcuts-title">{t('shortcutsTitle')}</h2>
      {list}
      {change}
    </section>
  );
}
