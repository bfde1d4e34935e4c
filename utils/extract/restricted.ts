// Pages no extension may read or script (browser pages, extension stores). Shared by the engine and
// the popup, which must say so without loading the engine. Pure and tiny.
const RESTRICTED_SCHEMES =
  /^(?:chrome|chrome-extension|moz-extension|about|edge|brave|opera|vivaldi|view-source|resource|devtools|chrome-search):/i;
const RESTRICTED_HOSTS =
  /^(?:chrome\.google\.com|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com)$/i;

export function isRestrictedUrl(url: string): boolean {
  if (RESTRICTED_SCHEMES.test(url)) return true;
  try {
    return RESTRICTED_HOSTS.test(new URL(url).hostname);
  } catch {
    return false; // not a URL: nothing to say
  }
}
