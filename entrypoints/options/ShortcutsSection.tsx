// The keyboard shortcuts, wired (read from the browser, "change them" opens its settings): the options
// page, the first-run page and the popup footer show the same.
import { Shortcuts } from '../../components/Shortcuts';
import { IS_FIREFOX, SHORTCUT_SETTINGS, useShortcuts } from '../../utils/ui/shortcuts';

export function ShortcutsSection({ compact }: { compact?: boolean }) {
  const { shortcuts, open, failed } = useShortcuts();
  return (
    <Shortcuts
      shortcuts={shortcuts}
      settingsAddress={SHORTCUT_SETTINGS}
      firefox={IS_FIREFOX}
      onOpenSettings={open}
      openFailed={failed}
      compact={compact}
    />
  );
}
