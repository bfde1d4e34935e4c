// Where Lisible's content script is declared statically (so classifieds are hidden before the first
// paint): only the regional news sites Lisible has rules for. Every other site works on demand
// (activeTab: the toolbar button, the shortcut, the context menu) or after the reader enables it with
// "Activer Lisible sur ce site" (an optional host permission, utils/access/site-access.ts).
import { SITE_RULES as CLASSIFIEDS_RULES } from '../classifieds/rules';
import { SITE_RULES as EXTRACTION_RULES } from '../extract/sites';

/** Extraction rules of regional/local titles (national titles with rules work on demand). */
export const REGIONAL_EXTRACTION_RULES = new Set(['actu-fr', 'ebra', 'ouest-france', 'tendance-ouest']);

export function regionalHosts(): string[] {
  const hosts = new Set<string>();
  for (const r of EXTRACTION_RULES)
    if (REGIONAL_EXTRACTION_RULES.has(r.id)) r.hosts.forEach((h) => hosts.add(h));
  // Every classifieds rule is a regional press group's template.
  for (const r of CLASSIFIEDS_RULES) r.hosts.forEach((h) => hosts.add(h));
  return [...hosts].sort();
}

/** Match patterns for a host and its subdomains (www., edition subdomains…): "*." covers both. */
export function matchPatterns(host: string): string[] {
  return [`https://*.${host}/*`];
}

export function regionalMatches(): string[] {
  return regionalHosts().flatMap(matchPatterns);
}
