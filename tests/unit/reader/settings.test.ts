import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  FONT_SIZES_PX,
  loadSettings,
  migrateV1toV2,
  normalizeSettings,
  readerSettings,
  saveSettings,
  settingsStyle,
} from '../../../utils/settings/reader';

describe('reader settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a version-1 value stored by an older build (pixel size → nearest step)', async () => {
    await fakeBrowser.storage.local.set({
      readerSettings: { theme: 'sepia', font: 'sans', fontSizePx: 21 },
      readerSettings$: { v: 1 },
    });
    await readerSettings.migrate();
    const s = await loadSettings();
    expect(s.theme).toBe('sepia');
    expect(s.font).toBe('sans');
    expect(FONT_SIZES_PX[s.sizeStep]).toBe(20);
    expect(s.width).toBe(DEFAULT_SETTINGS.width);
    expect((await fakeBrowser.storage.local.get('readerSettings$')).readerSettings$).toEqual({ v: 2 });
  });

  it('migrateV1toV2 copes with an empty or partial v1 value', () => {
    expect(migrateV1toV2(null)).toEqual(DEFAULT_SETTINGS);
    expect(migrateV1toV2({ fontSizePx: 100 }).sizeStep).toBe(FONT_SIZES_PX.length - 1);
  });

  it('normalizes out-of-range or foreign values instead of failing', () => {
    const s = normalizeSettings({
      theme: 'neon' as never,
      sizeStep: 99,
      width: 5,
      lineHeight: 9,
      autoOpenSites: ['a.fr', 3 as never],
    });
    expect(s.theme).toBe('auto');
    expect(s.sizeStep).toBe(FONT_SIZES_PX.length - 1);
    expect(s.width).toBe(45);
    expect(s.lineHeight).toBe(2.2);
    expect(s.autoOpenSites).toEqual(['a.fr']);
  });

  it('saves and reloads, and exposes CSS variables', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark', sizeStep: 0, width: 90 });
    const s = await loadSettings();
    expect(s.theme).toBe('dark');
    expect(settingsStyle(s)).toEqual({
      '--lisible-font-size': '13px',
      '--lisible-width': '90ch',
      '--lisible-line-height': '1.6',
    });
  });
});
