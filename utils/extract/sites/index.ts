// Registry of site/CMS rules. Order matters only when several rules could match one page: host
// rules first, then platform fingerprints.
import { hostMatches, hostOf } from '../../core/url';
import type { SiteRule } from './types';
import { actu } from './actu';
import { ebra } from './ebra';
import { lefigaro } from './lefigaro';
import { lemonde } from './lemonde';
import { liberation } from './liberation';
import { ouestFrance } from './ouest-france';
import { tendanceOuest } from './tendance-ouest';
import { twentyMinutes } from './twentyminutes';

export type { SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [
  actu,
  ebra,
  lefigaro,
  lemonde,
  liberation,
  ouestFrance,
  tendanceOuest,
  twentyMinutes,
];

export function ruleMatchesHost(rule: SiteRule, host: string): boolean {
  return rule.hosts.some((h) => hostMatches(host, h));
}

/** The rule for this page: by host of `url` (or the canonical URL), else by CMS fingerprint. */
export function findSiteRule(doc: Document, urls: Array<string | null | undefined>): SiteRule | null {
  const hosts = urls.map(hostOf).filter(Boolean);
  for (const rule of SITE_RULES) if (hosts.some((h) => ruleMatchesHost(rule, h))) return rule;
  for (const rule of SITE_RULES) {
    if (rule.detect?.some((sel) => safeQuery(doc, sel))) return rule;
  }
  return null;
}

function safeQuery(doc: Document, sel: string): boolean {
  try {
    return doc.querySelector(sel) !== null;
  } catch {
    return false;
  }
}
