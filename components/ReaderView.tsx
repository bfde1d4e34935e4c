// Display-only: the reading surface with the reader's typography and theme applied (popup, reading
// mode and library all use it, so one setting changes them all).
import type { ComponentChildren } from 'preact';
import { settingsStyle, type ReaderSettings } from '../utils/settings/reader';

export interface ReaderViewProps {
  settings: ReaderSettings;
  children: ComponentChildren;
  class?: string;
}

export function ReaderView({ settings, children, class: cls }: ReaderViewProps) {
  return (
    <div
      class={`lisible-reader${cls ? ` ${cls}` : ''}`}
      data-theme={settings.theme}
      data-font={settings.font}
      style={settingsStyle(settings)}
    >
      {children}
    </div>
  );
}
