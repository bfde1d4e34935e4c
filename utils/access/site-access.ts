// Sites the reader enabled one by one ("Activer Lisible sur ce site"): an optional host permission
// plus a content script registered for that host, so classifieds are hidden there from the first
// paint on, like on the regional sites declared in the manifest (utils/access/known-sites.ts).
import { browser } from 'wxt/browser';
import { bareHost, hostMatches } from '../core/url';
import { regionalHosts } from './known-sites';

const PREFIX = 'lisible-site:';
const CONTENT_JS = 'content-scripts/content.js';

/** What "Activer Lisible sur ce site" asks for: the site and its subdomains, over HTTP and HTTPS. */
export function sitePatterns(site: string): string[] {
  return [`*://*.${site}/*`];
}

/**
 * Whether Lisible already runs on this page by itself: a regional site of the manifest or a site the
 * reader enabled (checked on the page's own origin, so any granted pattern that covers it counts).
 */
export async function hasSiteAccess(pageUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${new URL(pageUrl).origin}/*`] });
}

export function hostFromPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/(?:\*\.)?([^/*]+)\/\*$/.exec(pattern);
  return m ? m[1]!.toLowerCase() : null;
}

/** True when the manifest already runs Lisible on this host (a regional site with rules). */
export function isBuiltInSite(host: string): boolean {
  return regionalHosts().some((r) => hostMatches(host, r));
}

/** Site key for a page host: the registrable part is unknown offline, so "www." is the only trim. */
export const siteOf = bareHost;

async function register(site: string): Promise<void> {
  const id = PREFIX + site;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: sitePatterns(site),
      js: [CONTENT_JS],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
}

/** Must run in a click handler of an extension page: permissions.request needs a user gesture. */
export async function enableSite(host: string): Promise<boolean> {
  const site = siteOf(host);
  const granted = await browser.permissions.request({ origins: sitePatterns(site) });
  if (!granted) return false;
  await register(site);
  return true;
}

export async function disableSite(site: string): Promise<void> {
  const id = PREFIX + site;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: sitePatterns(site) });
}

/** Sites enabled by the reader (granted optional origins), sorted. */
export async function enabledSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  // Origins the manifest asks for are not the reader's choice (and cannot be removed).
  const required = new Set((browser.runtime.getManifest().host_permissions as string[] | undefined) ?? []);
  const sites = new Set<string>();
  for (const o of origins) {
    if (required.has(o)) continue;
    const h = hostFromPattern(o);
    if (h && !isBuiltInSite(h)) sites.add(h);
  }
  return [...sites].sort();
}

/**
 * Keeps registered scripts and granted permissions in step (on startup, and when a permission is
 * removed from the browser's own UI): a script without its permission would fail silently.
 */
export async function syncSiteScripts(): Promise<void> {
  const sites = new Set(await enabledSites());
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered
    .filter((s) => s.id.startsWith(PREFIX) && !sites.has(s.id.slice(PREFIX.length)))
    .map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const site of sites) await register(site);
}
