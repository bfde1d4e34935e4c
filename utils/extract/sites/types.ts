// A site rule is data: where the article body is and what to strip on one site or one CMS/press
// group. Every rule has a fixture under tests/fixtures/pages/<id>--<case>/ and example URLs.

export interface SiteRule {
  /** Fixture folder prefix, e.g. "ouest-france" for tests/fixtures/pages/ouest-france--*. */
  id: string;
  /** Host names (the rule also applies to their subdomains). */
  hosts: string[];
  /**
   * CMS/platform fingerprints: the rule applies when any selector matches, whatever the host
   * (a press group shares one platform across many titles).
   */
  detect?: string[];
  /** Article body containers, most specific first; the first one with enough text wins. */
  content?: string[];
  /** Removed from the whole document before extraction (in-body widgets included). */
  strip?: string[];
  /** Extra attributes that hold the real image URL on this site (besides the generic ones). */
  lazyImageAttrs?: string[];
  /** Example article URLs (documentation; checked by the fixture test to match `hosts`). */
  testUrls: string[];
}
