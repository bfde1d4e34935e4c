// A selector for a block the reader picked, meant to hold on the site's other pages and on later
// versions of this one: stable ids and classes first ("#annonces", "section.widget_annonces"), a short
// path from the nearest such anchor next, nth-of-type steps only where nothing stable names an element.
// uniqueSelector (selector.ts) answers "exactly this element now", cheaply for many blocks at once;
// this answers "this block, again", for the one block the reader picked.
import { cssEscape } from './selector';

/** Ids a framework or a build generated ("ember123", ":r1:", hex runs, long numbers). */
const GENERATED_ID = /^(?::|ember|react|vue|ng-|uid|u-)|\d{4,}|[0-9a-f]{8,}/i;
/** Hashed class names (CSS-in-JS, CSS modules). */
const HASHED_CLASS = /^(?:css|sc|jsx|emotion|styled|svelte|astro|tw)-|\d{3,}|__[\w-]{5,}$/i;
/** Utility classes of Tailwind / Bootstrap: they say how a box looks, not what it is. */
const UTILITY_CLASS =
  /^(?:[mp][trblxyse]?|gap|gx|gy|g|col|row-cols|d|w|h|mw|mh|text|bg|border|rounded|shadow|fw|fs|lh|justify|align|items|self|order|flex|grid|space|divide|max|min|font|leading|tracking|ring|opacity|inset|top|bottom|start|end|left|right|z|overflow|snap|scroll|sm|md|lg|xl)-[\w-]+$/;
/** Classes that say a state or a position ("is-active", "odd", "slide-2"). */
const STATE_CLASS =
  /^(?:odd|even|first|last|active|selected|current|clearfix|hidden|visible|show|open|is-[\w-]+|has-[\w-]+|[\w-]*-(?:active|duplicate|clone[d]?|visible|prev|next|\d+))$/;

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && /^[A-Za-z][\w-]{0,60}$/.test(id) && !GENERATED_ID.test(id) ? id : null;
}

/** Class names that describe what the element is and will likely survive a redesign of its look. */
export function stableClasses(el: Element): string[] {
  const out: string[] = [];
  for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (!c || c.length > 40 || !/^-?[A-Za-z_][\w-]*$/.test(c)) continue;
    // styled-components' "eFGtzL": short, several capitals, no separator.
    if (c.length <= 8 && /[A-Z].*[A-Z]/.test(c) && /[a-z]/.test(c) && !/[-_]/.test(c)) continue;
    if (HASHED_CLASS.test(c) || UTILITY_CLASS.test(c) || STATE_CLASS.test(c)) continue;
    out.push(c);
  }
  return out;
}

const tag = (el: Element) => el.tagName.toLowerCase();

/** Ways to name `el` alone, most stable first. */
function ownNames(el: Element): string[] {
  const names: string[] = [];
  const id = stableId(el);
  if (id) names.push('#' + cssEscape(id));
  const cls = stableClasses(el).map((c) => '.' + cssEscape(c));
  // One class says what the block is ("widget_annonces"), the longest first; all of them, last.
  for (const c of [...cls].sort((a, b) => b.length - a.length)) names.push(tag(el) + c);
  if (cls.length > 1) names.push(tag(el) + cls.join(''));
  return names;
}

/** One step of a path under its parent: a stable class no same-tag sibling has, else its rank. */
function step(el: Element): string {
  const parent = el.parentElement;
  const siblings = parent ? Array.from(parent.children).filter((c) => c.tagName === el.tagName) : [el];
  if (siblings.length === 1) return tag(el);
  for (const c of stableClasses(el)) {
    if (siblings.every((s) => s === el || !s.classList.contains(c))) return `${tag(el)}.${cssEscape(c)}`;
  }
  return `${tag(el)}:nth-of-type(${siblings.indexOf(el) + 1})`;
}

/** A selector naming `el` (and only it on this page), built to survive on the site's other pages. */
export function robustSelector(el: Element): string {
  const doc = el.ownerDocument;
  const only = (sel: string): boolean => {
    try {
      const all = doc.querySelectorAll(sel);
      return all.length === 1 && all[0] === el;
    } catch {
      return false;
    }
  };
  for (const name of ownNames(el)) if (only(name)) return name;
  // Each step names one child of its parent, so a path from <body> (or <html>) is unique by construction.
  const path = [step(el)];
  for (let cur = el.parentElement; cur; cur = cur.parentElement) {
    if (cur.tagName === 'BODY' || cur.tagName === 'HTML') return `${tag(cur)} > ${path.join(' > ')}`;
    for (const anchor of ownNames(cur)) {
      const sel = `${anchor} > ${path.join(' > ')}`;
      if (only(sel)) return sel;
    }
    path.unshift(step(cur));
  }
  return path.join(' > ');
}
