// Reading settings (typography, theme, narration speed, reading-mode options). Small, per device, read
// by the popup, the reading mode and the options page: WXT storage items with versioned migrations.
import { storage } from 'wxt/utils/storage';
import { READER_SETTINGS_KEY } from './reader-page';

export type Theme = 'light' | 'sepia' | 'dark' | 'auto';
export type FontFamily = 'serif' | 'sans' | 'legible';

export interface ReaderSettings {
  theme: Theme;
  font: FontFamily;
  /** Index into FONT_SIZES_PX. */
  sizeStep: number;
  /** Content width in characters (ch). */
  width: number;
  lineHeight: number;
  /** Narration rate (speechSynthesis rate). */
  rate: number;
  /** Small floating "Mode lecture" button on pages detected as articles. */
  floatingButton: boolean;
  /** Hosts where reading mode opens by itself ("toujours ouvrir en mode lecture"). */
  autoOpenSites: string[];
}

export const FONT_SIZES_PX = [13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36] as const;
export const WIDTHS_CH = [45, 55, 65, 75, 90] as const;
export const LINE_HEIGHTS = [1.3, 1.45, 1.6, 1.8, 2.0] as const;
export const RATES = [0.75, 0.9, 1, 1.15, 1.3, 1.5] as const;

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'auto',
  font: 'serif',
  sizeStep: 5,
  width: 65,
  lineHeight: 1.6,
  rate: 1,
  floatingButton: false,
  autoOpenSites: [],
};

/** Settings as version 1 stored them (font size in pixels, no width/line-height/narration). */
export interface ReaderSettingsV1 {
  theme?: 'light' | 'sepia' | 'dark';
  font?: 'serif' | 'sans';
  fontSizePx?: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const nearestIndex = (values: readonly number[], v: number) =>
  values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best]! - v) ? i : best), 0);

/** v1 → v2: pixel size becomes the nearest step; new fields get their defaults. */
export function migrateV1toV2(v1: ReaderSettingsV1 | null | undefined): ReaderSettings {
  const px =
    typeof v1?.fontSizePx === 'number' ? v1.fontSizePx : (FONT_SIZES_PX[DEFAULT_SETTINGS.sizeStep] ?? 18);
  return {
    ...DEFAULT_SETTINGS,
    theme: v1?.theme ?? DEFAULT_SETTINGS.theme,
    font: v1?.font ?? DEFAULT_SETTINGS.font,
    sizeStep: nearestIndex(FONT_SIZES_PX, px),
  };
}

/** Repairs anything out of range (hand-edited storage, older builds) instead of failing. */
export function normalizeSettings(v: Partial<ReaderSettings> | null | undefined): ReaderSettings {
  const s = { ...DEFAULT_SETTINGS, ...(v ?? {}) };
  return {
    theme: (['light', 'sepia', 'dark', 'auto'] as const).includes(s.theme) ? s.theme : DEFAULT_SETTINGS.theme,
    font: (['serif', 'sans', 'legible'] as const).includes(s.font) ? s.font : DEFAULT_SETTINGS.font,
    sizeStep: clamp(Math.round(Number(s.sizeStep) || 0), 0, FONT_SIZES_PX.length - 1),
    width: clamp(Number(s.width) || DEFAULT_SETTINGS.width, WIDTHS_CH[0], WIDTHS_CH[WIDTHS_CH.length - 1]!),
    lineHeight: clamp(Number(s.lineHeight) || DEFAULT_SETTINGS.lineHeight, 1.2, 2.2),
    rate: clamp(Number(s.rate) || 1, 0.5, 2),
    floatingButton: !!s.floatingButton,
    autoOpenSites: Array.isArray(s.autoOpenSites) ? s.autoOpenSites.filter((h) => typeof h === 'string') : [],
  };
}

export const readerSettings = storage.defineItem<ReaderSettings>(`local:${READER_SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: ReaderSettingsV1) => migrateV1toV2(old),
  },
});

export async function loadSettings(): Promise<ReaderSettings> {
  return normalizeSettings(await readerSettings.getValue());
}

export async function saveSettings(s: ReaderSettings): Promise<void> {
  await readerSettings.setValue(normalizeSettings(s));
}

export function watchSettings(cb: (s: ReaderSettings) => void): () => void {
  return readerSettings.watch((v) => cb(normalizeSettings(v)));
}

/** CSS custom properties and a data-theme attribute value for the reader surface. */
export function settingsStyle(s: ReaderSettings): Record<string, string> {
  return {
    '--lisible-font-size': `${FONT_SIZES_PX[s.sizeStep] ?? 18}px`,
    '--lisible-width': `${s.width}ch`,
    '--lisible-line-height': String(s.lineHeight),
  };
}
