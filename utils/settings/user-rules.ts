// The reader's own rules for a site, made in one click from the popup or the page (issue 12):
//  - hide:      "Masquer un bloc…" — this block is a classifieds block of this category;
//  - exception: "Ce n'est pas une annonce" — never hide this block, whatever the detector says;
//  - content:   "Choisir le texte à lire" — the article's text is in this block (an extraction hint).
// Dexie holds them (utils/db/user-rules.ts); content scripts read the mirror (classifieds-mirror.ts).
// Pure: no browser API, no database.
import { bareHost, hostMatches } from '../core/url';
import { CATEGORIES, type Category } from '../classifieds/types';

export type UserRuleKind = 'hide' | 'exception' | 'content';
export const USER_RULE_KINDS: readonly UserRuleKind[] = ['hide', 'exception', 'content'];

export interface UserRule {
  id?: number;
  /** The site, as the reader names it ("ouest-france.fr"): the rule holds on its subdomains too. */
  host: string;
  kind: UserRuleKind;
  /** CSS selector of the block (utils/classifieds/robust-selector.ts). */
  selector: string;
  /** For `hide` (the category chosen) and `exception` (the category the detector had given it). */
  category?: Category;
  /** The first words of the block, to recognise it in the options page. */
  label?: string;
  createdAt: number;
}

/** What a content script needs of one site's rules (the mirror): small, no dates or labels. */
export interface SiteUserRules {
  hide: Array<{ id: number; selector: string; category: Category }>;
  exceptions: string[];
  content: string[];
}

/** The mirror: rules by site. */
export type UserRulesMirror = Record<string, SiteUserRules>;

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const MAX_SELECTOR = 1000;

/** The site a rule made on `hostname` belongs to. */
export function ruleHost(hostname: string): string {
  return bareHost(hostname);
}

/**
 * Brackets, parentheses and quotes balanced: the selector goes inside `:is(…)` in a stylesheet, and an
 * unbalanced one could close it and name something else (`x), html:not(y`).
 */
function balanced(selector: string): boolean {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[' };
  let quote = '';
  for (const ch of selector) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') open.push(ch);
    else if (ch === ')' || ch === ']') {
      if (open.pop() !== pairs[ch]) return false;
    }
  }
  return !quote && open.length === 0;
}

/** Why `v` is not a valid rule (a message, an import), or null. */
export function userRuleProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'not an object';
  const r = v as Record<string, unknown>;
  if (typeof r.host !== 'string' || !/^[a-z0-9.-]{1,253}$/i.test(r.host)) return 'bad host';
  if (typeof r.kind !== 'string' || !USER_RULE_KINDS.includes(r.kind as UserRuleKind)) return 'bad kind';
  if (typeof r.selector !== 'string' || !r.selector.trim() || r.selector.length > MAX_SELECTOR)
    return 'bad selector';
  // A selector is pasted into a stylesheet: braces or a comment opener could break out of the rule.
  if (/[{}\\]|\/\*|<\//.test(r.selector) || !balanced(r.selector)) return 'bad selector';
  if (r.category !== undefined && (typeof r.category !== 'string' || !CATEGORY_SET.has(r.category)))
    return 'bad category';
  if (r.kind === 'hide' && r.category === undefined) return 'a hidden block needs a category';
  if (r.label !== undefined && typeof r.label !== 'string') return 'bad label';
  if (typeof r.createdAt !== 'number' || !Number.isFinite(r.createdAt)) return 'bad date';
  return null;
}

/** The mirror of a list of rules. */
export function mirrorOf(rules: readonly UserRule[]): UserRulesMirror {
  const out: UserRulesMirror = {};
  for (const r of rules) {
    const site = (out[r.host] ??= { hide: [], exceptions: [], content: [] });
    if (r.kind === 'hide' && r.category && r.id !== undefined)
      site.hide.push({ id: r.id, selector: r.selector, category: r.category });
    else if (r.kind === 'exception') site.exceptions.push(r.selector);
    else if (r.kind === 'content') site.content.push(r.selector);
  }
  return out;
}

/** Every rule that holds on `hostname` (its site and the site's parent domains), merged. */
export function rulesFor(mirror: UserRulesMirror, hostname: string): SiteUserRules {
  const out: SiteUserRules = { hide: [], exceptions: [], content: [] };
  for (const [host, site] of Object.entries(mirror)) {
    if (!hostMatches(hostname, host)) continue;
    out.hide.push(...site.hide);
    out.exceptions.push(...site.exceptions);
    // The most recent choice first: the reader's last pick is the one they mean.
    out.content.unshift(...[...site.content].reverse());
  }
  return out;
}

export function normalizeMirror(v: unknown): UserRulesMirror {
  if (typeof v !== 'object' || v === null) return {};
  const out: UserRulesMirror = {};
  for (const [host, raw] of Object.entries(v as Record<string, Partial<SiteUserRules>>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    out[host] = {
      hide: Array.isArray(raw.hide)
        ? raw.hide.filter((h) => typeof h?.selector === 'string' && CATEGORY_SET.has(h.category))
        : [],
      exceptions: Array.isArray(raw.exceptions) ? raw.exceptions.filter((s) => typeof s === 'string') : [],
      content: Array.isArray(raw.content) ? raw.content.filter((s) => typeof s === 'string') : [],
    };
  }
  return out;
}
