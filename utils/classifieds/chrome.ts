// Where a block sits on the page: in the site's chrome (menus, header, footer, drawers), or inside the
// article's text. Neither is ever hidden (issue 12: precision first): a footer "Nos services" column
// naming every category is the way to the paper's obituaries, an in-article table is the article.
// Hand-written rules over markup only (tags, roles, class and id words), no layout.
import { textLengthUpTo } from './dom';

const CHROME_TAGS = new Set(['NAV']);
const EDGE_TAGS = new Set(['HEADER', 'FOOTER']);
const SECTIONING = new Set(['ARTICLE', 'SECTION', 'ASIDE', 'MAIN']);
const CHROME_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'menuitem',
  'banner',
  'contentinfo',
  'search',
]);
/** Words of class names and ids that name page chrome (split on "-", "_", "__", spaces). */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'submenu',
  'megamenu',
  'menuhaut',
  'dropdown',
  'offcanvas',
  'drawer',
  'burger',
  'footer',
  'breadcrumb',
  'breadcrumbs',
  'sitemap',
  'colophon',
  'masthead',
]);
/** Custom elements named like chrome: <rm-nav>, <x-drawer>, <site-footer>. */
const CHROME_ELEMENT = /-(?:nav|navbar|menu|header|footer|drawer|dropdown)$/i;

function chromeWords(value: string | undefined): boolean {
  if (!value) return false;
  for (const w of value.toLowerCase().split(/[\s_-]+/)) if (CHROME_WORDS.has(w)) return true;
  return false;
}

/** True when `el` itself is a chrome container (not looking at its ancestors). */
function isChrome(el: Element): boolean {
  const tag = el.tagName;
  if (CHROME_TAGS.has(tag) || CHROME_ELEMENT.test(tag)) return true;
  const role = el.getAttributeNode('role')?.value;
  if (role && CHROME_ROLES.has(role)) return true;
  if (chromeWords(el.getAttributeNode('id')?.value)) return true;
  return chromeWords(el.getAttributeNode('class')?.value);
}

/**
 * Inside the site's chrome: navigation, menus, drop-downs, drawers, the page header and footer. A
 * <header>/<footer> counts only at page level (a card's or a section's own header is not chrome).
 */
export function inPageChrome(el: Element): boolean {
  let edge = false;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (isChrome(cur)) return true;
    if (EDGE_TAGS.has(cur.tagName)) edge = true;
    else if (edge && SECTIONING.has(cur.tagName)) edge = false;
  }
  return edge;
}

/** An element holding the article's text: two or more prose paragraphs of its own. */
function isProseContainer(el: Element): boolean {
  let prose = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName === 'P' && textLengthUpTo(c, 120) > 120 && ++prose >= 2) return true;
  }
  return false;
}

/**
 * Set inside the article's text: one of the first few ancestors of `root` (not `root` itself) holds
 * prose paragraphs, so `root` is an inset, a table or a box of the article.
 */
export function inArticleText(root: Element, depth = 4): boolean {
  let cur = root.parentElement;
  for (let d = 0; cur && d < depth && cur.tagName !== 'BODY'; d++, cur = cur.parentElement) {
    if (isProseContainer(cur)) return true;
  }
  return false;
}

/** `root` itself holds prose paragraphs (an article body, or a page of notices written as paragraphs). */
export function holdsProse(root: Element): boolean {
  return isProseContainer(root);
}
