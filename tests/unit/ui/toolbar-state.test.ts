// The toolbar button's state from the page's two reports (article or not, classifieds hidden).
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ADS_COLOR,
  ARTICLE_COLOR,
  ARTICLE_MARK,
  badgeCount,
  forgetTab,
  toolbarState,
  updateToolbar,
} from '../../../utils/ui/toolbar-state';
import { testLocale } from '../../setup';

const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

describe('toolbarState', () => {
  it('a plain page: no badge, the default tooltip', () => {
    const s = toolbarState({ article: false, hiddenItems: 0 });
    expect(s.badgeText).toBe('');
    expect(s.title).toBe('Lisible\u202f: l’article seul, sans les petites annonces');
  });

  it('an article with nothing hidden: the article mark on green, "article disponible"', () => {
    const s = toolbarState({ article: true, hiddenItems: 0 });
    expect(s).toEqual({
      badgeText: ARTICLE_MARK,
      badgeColor: ARTICLE_COLOR,
      title: 'Lisible — article disponible\u202f: cliquez pour le lire',
    });
  });

  it('hidden classifieds: the count, brick red off articles and green on them, both said in the tooltip', () => {
    const list = toolbarState({ article: false, hiddenItems: 12 });
    expect(list.badgeText).toBe('12');
    expect(list.badgeColor).toBe(ADS_COLOR);
    expect(list.title).toMatch(/ · 12 annonces masquées sur cette page$/);
    expect(list.title).not.toMatch(/article disponible/);
    const art = toolbarState({ article: true, hiddenItems: 1 });
    expect(art.badgeText).toBe('1');
    expect(art.badgeColor).toBe(ARTICLE_COLOR);
    expect(art.title).toBe(
      'Lisible — article disponible\u202f: cliquez pour le lire · 1 annonce masquée sur cette page',
    );
    expect(ADS_COLOR).not.toBe(ARTICLE_COLOR);
  });

  it('English, plural-aware', () => {
    testLocale.lang = 'en';
    expect(toolbarState({ article: true, hiddenItems: 2 }).title).toBe(
      'Lisible — article available: click to read it · 2 classifieds hidden on this page',
    );
    expect(toolbarState({ article: false, hiddenItems: 1 }).title).toBe(
      'Lisible: the article alone, without the classifieds · 1 classified hidden on this page',
    );
  });

  it('a count from the page is made safe for the badge', () => {
    expect(badgeCount(5)).toBe(5);
    expect(badgeCount(123456)).toBe(999);
    for (const bad of [-3, 1.5, NaN, '7', null, undefined]) expect(badgeCount(bad)).toBe(0);
  });
});

describe('updateToolbar (per-tab facts in storage.session)', () => {
  it('keeps the article fact when the count arrives later, even after the worker restarted', async () => {
    await updateToolbar(7, { article: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(ARTICLE_MARK);
    // Reports from the page are the only input; the facts are read back from storage, not memory.
    const s = await updateToolbar(7, { hiddenItems: 4 });
    expect(s.badgeText).toBe('4');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual(rgba(ARTICLE_COLOR));
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/article disponible.*4 annonces/);
    // Another tab is its own.
    expect((await updateToolbar(8, { hiddenItems: 2 })).badgeColor).toBe(ADS_COLOR);
  });

  it('two reports at once both count (no lost update)', async () => {
    await Promise.all([updateToolbar(3, { hiddenItems: 6 }), updateToolbar(3, { article: true })]);
    const s = await updateToolbar(3);
    expect(s.badgeText).toBe('6');
    expect(s.badgeColor).toBe(ARTICLE_COLOR);
  });

  it('a new page forgets the old facts and clears the button', async () => {
    await updateToolbar(5, { article: true, hiddenItems: 3 });
    await forgetTab(5, true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect((await updateToolbar(5, { hiddenItems: 1 })).badgeColor).toBe(ADS_COLOR);
  });
});
