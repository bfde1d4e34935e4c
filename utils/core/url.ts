// URL and host helpers every layer needs (engine, detector, library, site access). Pure: no DOM, no
// browser API, so the content script, the service worker and Node tests share them.

/** Lower-case host name of a URL, '' when it is not one. Keeps "www." (see `bareHost`). */
export function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The host a reader would name: lower case, no trailing dot, no leading "www.". The registrable part is
 * not computed here (that needs the public suffix list): "www." is the only label trimmed.
 */
export function bareHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** `bareHost` of a URL's host, '' when it is not a URL. */
export function siteOfUrl(url: string | null | undefined): string {
  return bareHost(hostOf(url));
}

/** True when `host` is `domain` or one of its subdomains (case and a trailing dot ignored). */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return h === d || h.endsWith('.' + d);
}

/**
 * Whether a page may name `other` as its own address (its canonical URL): true when both are on the
 * same host, or one host is a subdomain of the other (www.site.fr / m.site.fr / site.fr) and the parent
 * has at least two labels. Sibling hosts never match, so a blog on a shared host (x.over-blog.com,
 * x.canalblog.com, x.wordpress.com: none of them on the public suffix list) cannot claim its
 * neighbour's article, and neither can a page on another site.
 */
export function sameSite(pageUrl: string, other: string): boolean {
  const a = siteOfUrl(pageUrl);
  const b = siteOfUrl(other);
  if (!a || !b) return false;
  if (a === b) return true;
  const [child, parent] = a.length > b.length ? [a, b] : [b, a];
  return parent.includes('.') && !/^[\d.]+$/.test(parent) && hostMatches(child, parent);
}

/** The URL that identifies a page: its canonical URL when the page may claim it (`sameSite`), else its own. */
export function identityUrl(a: { url: string; canonicalUrl?: string | null }): string {
  return a.canonicalUrl && sameSite(a.url, a.canonicalUrl) ? a.canonicalUrl : a.url;
}

/**
 * Host of an absolute or protocol-relative href ("https://x.fr/a", "//x.fr/a"), null for a relative
 * one. A regular expression, not `new URL`: the classifieds scan reads every link of a page with it.
 */
export function hrefHost(href: string): string | null {
  const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(href);
  return m?.[1]?.toLowerCase() ?? null;
}
