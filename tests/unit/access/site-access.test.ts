import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  disableSite,
  enableSite,
  enabledSites,
  hostFromPattern,
  isBuiltInSite,
  siteOf,
} from '../../../utils/access/site-access';
import { regionalHosts, regionalMatches, REGIONAL_EXTRACTION_RULES } from '../../../utils/access/known-sites';
import { SITE_RULES } from '../../../utils/extract/sites';

describe('built-in sites', () => {
  it('every regional extraction rule id exists (a typo would silently drop a site)', () => {
    const ids = new Set(SITE_RULES.map((r) => r.id));
    for (const id of REGIONAL_EXTRACTION_RULES) expect(ids.has(id), id).toBe(true);
  });
  it('covers the regional titles and their subdomains, not national ones or every site', () => {
    expect(regionalHosts()).toEqual(
      expect.arrayContaining(['ouest-france.fr', 'actu.fr', 'tendanceouest.com']),
    );
    expect(isBuiltInSite('www.ouest-france.fr')).toBe(true);
    expect(isBuiltInSite('lemonde.fr')).toBe(false);
    expect(isBuiltInSite('evil-ouest-france.fr')).toBe(false);
    expect(regionalMatches().every((m) => /^https:\/\/\*\.[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
  });
  it('parses match patterns back to hosts', () => {
    expect(hostFromPattern('https://*.lamanchelibre.fr/*')).toBe('lamanchelibre.fr');
    expect(hostFromPattern('<all_urls>')).toBeNull();
    expect(siteOf('WWW.LaManchelibre.fr')).toBe('lamanchelibre.fr');
  });
});

describe('enabling a site', () => {
  function fakeScripting() {
    const registered: Array<{ id: string; matches: string[] }> = [];
    const scripting = {
      getRegisteredContentScripts: vi.fn(async (f?: { ids?: string[] }) =>
        registered.filter((r) => !f?.ids || f.ids.includes(r.id)),
      ),
      registerContentScripts: vi.fn(
        async (s: Array<{ id: string; matches: string[] }>) => void registered.push(...s),
      ),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids)
          registered.splice(
            registered.findIndex((r) => r.id === id),
            1,
          );
      }),
    };
    Object.assign(fakeBrowser, { scripting });
    return registered;
  }

  it('asks for the one site, registers the content script at document_start, and undoes both', async () => {
    const registered = fakeScripting();
    const granted = new Set<string>();
    fakeBrowser.permissions.request = vi.fn(
      async ({ origins = [] }: { origins?: string[] }) => (origins.forEach((o) => granted.add(o)), true),
    );
    fakeBrowser.permissions.remove = vi.fn(
      async ({ origins = [] }: { origins?: string[] }) => (origins.forEach((o) => granted.delete(o)), true),
    );
    fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: [...granted], permissions: [] }));
    fakeBrowser.runtime.getManifest = () => ({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: [],
    });

    expect(await enableSite('www.lamanchelibre.fr')).toBe(true);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['*://*.lamanchelibre.fr/*'],
    });
    expect(registered).toEqual([
      expect.objectContaining({
        id: 'lisible-site:lamanchelibre.fr',
        matches: ['*://*.lamanchelibre.fr/*'],
        runAt: 'document_start',
      }),
    ]);
    expect(await enabledSites()).toEqual(['lamanchelibre.fr']);
    await disableSite('lamanchelibre.fr');
    expect(registered).toEqual([]);
    expect(await enabledSites()).toEqual([]);
  });

  it('a refused permission registers nothing', async () => {
    const registered = fakeScripting();
    fakeBrowser.permissions.request = vi.fn(async () => false);
    expect(await enableSite('lamanchelibre.fr')).toBe(false);
    expect(registered).toEqual([]);
  });
});
