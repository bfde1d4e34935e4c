// The first-run page: opened on install only.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openFirstRun } from '../../../utils/ui/first-run';

describe('openFirstRun', () => {
  it('opens welcome.html on install, nothing on update or browser update', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    expect(await openFirstRun('update')).toBe(false);
    expect(await openFirstRun('chrome_update')).toBe(false);
    expect(await openFirstRun('browser_update')).toBe(false);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    expect(await openFirstRun('install')).toBe(true);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs).toHaveLength(before + 1);
    expect(tabs.filter((t) => t.url === fakeBrowser.runtime.getURL('/welcome.html'))).toHaveLength(1);
  });
});
