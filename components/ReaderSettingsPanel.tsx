// Display-only: typography and theme controls, with a live preview.
import {
  FONT_SIZES_PX,
  LINE_HEIGHTS,
  WIDTHS_CH,
  type FontFamily,
  type ReaderSettings,
  type Theme,
} from '../utils/settings/reader';
import { t, type MessageKey } from '../utils/ui/i18n';
import { ReaderView } from './ReaderView';

export interface ReaderSettingsPanelProps {
  settings: ReaderSettings;
  onChange: (next: ReaderSettings) => void;
  /** Host of the current page, to offer "always open in reading mode here". */
  host?: string;
  showPreview?: boolean;
  /** Options page only: the floating button setting. */
  showGlobalOptions?: boolean;
}

const THEMES: Array<[Theme, MessageKey]> = [
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
  ['auto', 'themeAuto'],
];
const FONTS: Array<[FontFamily, MessageKey]> = [
  ['serif', 'fontSerif'],
  ['sans', 'fontSans'],
  ['legible', 'fontLegible'],
];

export function ReaderSettingsPanel({
  settings,
  onChange,
  host,
  showPreview,
  showGlobalOptions,
}: ReaderSettingsPanelProps) {
  const set = (patch: Partial<ReaderSettings>) => onChange({ ...settings, ...patch });
  const autoOpen = host ? settings.autoOpenSites.includes(host) : false;
  return (
    <div class="lisible-settings">
      <fieldset>
        <legend>{t('theme')}</legend>
        {THEMES.map(([v, key]) => (
          <label key={v} class="lisible-choice">
            <input
              type="radio"
              name="lisible-theme"
              value={v}
              checked={settings.theme === v}
              onChange={() => set({ theme: v })}
            />{' '}
            {t(key)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('font')}</legend>
        {FONTS.map(([v, key]) => (
          <label key={v} class="lisible-choice">
            <input
              type="radio"
              name="lisible-font"
              value={v}
              checked={settings.font === v}
              onChange={() => set({ font: v })}
            />{' '}
            {t(key)}
          </label>
        ))}
      </fieldset>
      <div class="lisible-size" role="group" aria-label={t('fontSize')}>
        <span>{t('fontSize')}</span>{' '}
        <button
          type="button"
          disabled={settings.sizeStep <= 0}
          onClick={() => set({ sizeStep: settings.sizeStep - 1 })}
        >
          <span aria-hidden="true">A−</span>
          <span class="lisible-sr-only">{t('smaller')}</span>
        </button>{' '}
        <output aria-live="polite">{FONT_SIZES_PX[settings.sizeStep]} px</output>{' '}
        <button
          type="button"
          disabled={settings.sizeStep >= FONT_SIZES_PX.length - 1}
          onClick={() => set({ sizeStep: settings.sizeStep + 1 })}
        >
          <span aria-hidden="true">A+</span>
          <span class="lisible-sr-only">{t('larger')}</span>
        </button>
      </div>
      <label class="lisible-field">
        {t('contentWidth')}{' '}
        <select
          value={String(settings.width)}
          onChange={(e) => set({ width: Number(e.currentTarget.value) })}
        >
          {WIDTHS_CH.map((w) => (
            <option key={w} value={String(w)}>
              {w} ch
            </option>
          ))}
        </select>
      </label>
      <label class="lisible-field">
        {t('lineHeight')}{' '}
        <select
          value={String(settings.lineHeight)}
          onChange={(e) => set({ lineHeight: Number(e.currentTarget.value) })}
        >
          {LINE_HEIGHTS.map((h) => (
            <option key={h} value={String(h)}>
              {h.toLocaleString()}
            </option>
          ))}
        </select>
      </label>
      {host && (
        <label class="lisible-field">
          <input
            type="checkbox"
            checked={autoOpen}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              const others = settings.autoOpenSites.filter((h) => h !== host);
              set({ autoOpenSites: on ? [...others, host] : others });
            }}
          />{' '}
          {t('alwaysOpenOnSite', host)}
        </label>
      )}
      {showGlobalOptions && (
        <label class="lisible-field">
          <input
            type="checkbox"
            checked={settings.floatingButton}
            onChange={(e) => set({ floatingButton: e.currentTarget.checked })}
          />{' '}
          {t('floatingButtonSetting')}
        </label>
      )}
      {showPreview && (
        <figure class="lisible-preview" aria-label={t('preview')}>
          <ReaderView settings={settings}>
            <p class="lisible-preview-text">{t('previewText')}</p>
          </ReaderView>
        </figure>
      )}
    </div>
  );
}
