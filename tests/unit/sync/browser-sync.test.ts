// Settings through the browser account (storage.sync): within its quotas whatever the reader's
// settings, half an update is never applied, a refused write is reported and changes nothing locally.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClassifiedsPrefs } from '../../../utils/classifieds/types';
import {
  MAX_ITEMS,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
  browserSyncEnabled,
  browserSyncState,
  decodeFromSync,
  encodeForSync,
  itemBytes,
  pullFromBrowserSync,
  pushToBrowserSync,
} from '../../../utils/settings/browser-sync';
import { DEFAULT_SETTINGS } from '../../../utils/settings/reader';

// Hosts as a browser gives them: an accented domain arrives in its punycode form (URL.hostname), the
// only form site preferences accept.
const REGIONAL = new URL('https://actu-régionale.fr/').hostname;

function manySites(n: number): ClassifiedsPrefs {
  const sites: ClassifiedsPrefs['sites'] = {};
  for (let i = 0; i < n; i++)
    sites[`site-${String(i).padStart(4, '0')}.${REGIONAL}`] = {
      showAll: i % 2 === 0,
      categories: { immobilier: 'show', emploi: 'collapse', 'avis-de-deces': 'hide' },
    };
  return { categories: { automobile: 'show' }, sites };
}

/** What Chrome checks on set(): every item, the total, the count. */
function withinQuotas(items: Record<string, unknown>) {
  const sizes = Object.entries(items).map(([k, v]) => itemBytes(k, v));
  return {
    maxItem: Math.max(...sizes),
    total: sizes.reduce((a, b) => a + b, 0),
    count: sizes.length,
  };
}

describe('storage.sync encoding', () => {
  it('small settings: one chunk, round trip exact', () => {
    const settings = { reader: { ...DEFAULT_SETTINGS, theme: 'sepia' as const }, classifieds: manySites(3) };
    const { items, trimmed } = encodeForSync(settings, 1000);
    expect(trimmed).toEqual({ sites: 0, autoOpen: 0 });
    expect(Object.keys(items).sort()).toEqual(['ls:0', 'ls:meta']);
    const back = decodeFromSync(items)!;
    expect(back.reader).toEqual(settings.reader);
    expect(back.classifieds).toEqual(settings.classifieds);
  });

  it('large settings are cut under 8 KB per item and reassemble exactly', () => {
    const settings = { reader: DEFAULT_SETTINGS, classifieds: manySites(300) };
    const { items, trimmed } = encodeForSync(settings, 1);
    const q = withinQuotas(items);
    expect(q.count).toBeGreaterThan(3);
    expect(q.maxItem).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(q.total).toBeLessThanOrEqual(QUOTA_BYTES);
    expect(trimmed.sites).toBe(0);
    expect(decodeFromSync(items)!.classifieds).toEqual(settings.classifieds);
  });

  it('too large for 100 KB: per-site choices left out (last hosts first), counted, the rest fits', () => {
    const settings = {
      reader: { ...DEFAULT_SETTINGS, autoOpenSites: ['ouest-france.fr', 'actu.fr'] },
      classifieds: manySites(3000),
    };
    const { items, trimmed } = encodeForSync(settings, 1);
    const q = withinQuotas(items);
    expect(q.maxItem).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(q.total).toBeLessThanOrEqual(QUOTA_BYTES);
    expect(q.count).toBeLessThanOrEqual(MAX_ITEMS);
    expect(trimmed.sites).toBeGreaterThan(0);
    const back = decodeFromSync(items)!;
    const kept = Object.keys(back.classifieds.sites);
    expect(kept.length + trimmed.sites).toBe(3000);
    expect(kept[0]).toBe(`site-0000.${REGIONAL}`);
    expect(back.classifieds.categories).toEqual({ automobile: 'show' });
    expect(back.reader.autoOpenSites).toEqual(['ouest-france.fr', 'actu.fr']);
  });

  it('half an update (a chunk missing or from another write) is not applied', () => {
    const { items } = encodeForSync({ reader: DEFAULT_SETTINGS, classifieds: manySites(300) }, 1);
    const { ['ls:1']: _gone, ...missing } = items;
    expect(decodeFromSync(missing)).toBeNull();
    const other = encodeForSync(
      { reader: { ...DEFAULT_SETTINGS, theme: 'dark' }, classifieds: manySites(300) },
      2,
    ).items;
    expect(other['ls:0']).not.toEqual(items['ls:0']);
    expect(decodeFromSync({ ...items, 'ls:0': other['ls:0'] })).toBeNull();
  });
});

describe('storage.sync writes', () => {
  const settings = { reader: { ...DEFAULT_SETTINGS, sizeStep: 9 }, classifieds: manySites(2) };

  it('off by default: nothing written', async () => {
    await pushToBrowserSync(settings);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('writes once, skips an unchanged write, and another browser reads it', async () => {
    await browserSyncEnabled.setValue(true);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await pushToBrowserSync(settings, 10);
    const calls = set.mock.calls.length;
    expect(calls).toBe(2); // chunks, then the meta
    await pushToBrowserSync(settings, 11);
    expect(set.mock.calls.length).toBe(calls);
    // "Another browser": same sync storage, its own local state.
    await browserSyncState.setValue({ hash: '', at: 0, trimmed: { sites: 0, autoOpen: 0 } });
    expect(await pullFromBrowserSync()).toEqual(settings);
    // Applied once: not again.
    expect(await pullFromBrowserSync()).toBeNull();
  });

  it('a write the browser refuses (quota) is reported and changes nothing', async () => {
    await browserSyncEnabled.setValue(true);
    await pushToBrowserSync(settings, 10);
    const before = await fakeBrowser.storage.sync.get(null);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES_PER_ITEM quota exceeded'),
    );
    await pushToBrowserSync({ ...settings, classifieds: manySites(40) }, 20);
    expect((await browserSyncState.getValue()).error).toMatch(/QUOTA_BYTES_PER_ITEM/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });
});
