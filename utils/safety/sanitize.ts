// The ONE place where untrusted article HTML becomes something our pages may render.
// Every extension page (popup, reading mode, options/library) and every stored article goes
// through sanitizeArticleHtml(). tests/check-sanitizer.mjs fails CI if any other module writes
// HTML (innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write).
import createDOMPurify, { type Config } from 'dompurify';

// Article bodies need text structure, figures, tables and images; nothing interactive.
const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'dialog',
    'template',
    'slot',
    // Remote media would load from anywhere (media-src blocks the stream, not a poster image).
    'video',
    'audio',
    'source',
    'track',
  ],
  FORBID_ATTR: [
    'style',
    'class',
    'id',
    'srcset',
    'sizes',
    'formaction',
    'ping',
    'tabindex',
    'contenteditable',
    // Article markup must not pose as our UI to assistive technology: a link with role=button and
    // aria-label="Enregistrer" is announced as a second Save button, aria-live text as an alert.
    // Readers keep alt, title, lang, dir and the real elements (headings, lists, tables).
    'role',
    'poster',
  ],
  ALLOW_ARIA_ATTR: false,
  // Only these protocols survive in href/src; everything else (javascript:, data:, vbscript:, file:) is dropped.
  // DOMPurify's default minus the exotic schemes: a URL is absolute http(s)/mailto/tel or relative.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  KEEP_CONTENT: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;

/**
 * What to do with the images of the HTML being sanitized. `local`: stored copies (remote src → blob: or
 * data: URL made by us), swapped in by the hook after DOMPurify's URL checks, so those URLs are allowed
 * for those images and nowhere else. `remote`: how many other images may keep their remote src (in
 * document order); the rest are held (src removed, `data-lisible-held` set) until the reader asks.
 */
export interface ImagePolicy {
  local?: ReadonlyMap<string, string>;
  remote?: number;
}
/** Marks an image whose remote src was held back (see ImagePolicy). */
export const HELD_ATTR = 'data-lisible-held';

let policy: ImagePolicy | null = null;
let remoteLeft = Infinity;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window & typeof globalThis): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win);
    // Links open outside our extension page and never leak the opener.
    p.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        // Removed first so the output is the same when sanitized twice (library backups round trip).
        node.removeAttribute('rel');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      if (node.nodeName === 'IMG') {
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
        const src = node.getAttribute('src') ?? '';
        const local = policy?.local?.get(src);
        if (local) node.setAttribute('src', local);
        else if (src && remoteLeft-- <= 0) {
          node.removeAttribute('src');
          node.setAttribute(HELD_ATTR, src);
        }
      }
    });
    purifiers.set(win, p);
  }
  return p;
}

/** HTML that went through this module. Only sanitizeArticleHtml() makes one. */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };

/**
 * Returns HTML safe to render in an extension page: no script, no event handler, no
 * javascript:/data: URL, no form, no frame, no page styling.
 * `win` defaults to the global window (extension pages); Node tools pass a happy-dom/linkedom window.
 */
export function sanitizeArticleHtml(
  html: string,
  win: Window & typeof globalThis = globalThis.window,
  /** Offline copies of images (a Map: remote src → blob: URL) or a full ImagePolicy. */
  images?: ReadonlyMap<string, string> | ImagePolicy,
): SafeHtml {
  if (!html) return '' as SafeHtml;
  policy = images instanceof Map ? { local: images } : ((images as ImagePolicy | undefined) ?? null);
  remoteLeft = policy?.remote ?? Infinity;
  try {
    return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as SafeHtml;
  } finally {
    policy = null;
    remoteLeft = Infinity;
  }
}

/** How many images of sanitized HTML were held back by an ImagePolicy. */
export function heldImages(html: SafeHtml): number {
  return html.split(` ${HELD_ATTR}="`).length - 1;
}

/**
 * An inert document for reading an imported file (Pocket's HTML export): DOMParser runs no script and
 * loads nothing. Its nodes are only read (text, attributes), never rendered.
 */
export function inertDocument(text: string, win: Window & typeof globalThis = globalThis.window): Document {
  return new win.DOMParser().parseFromString(text, 'text/html');
}

/**
 * The first `maxChars` characters of sanitized HTML, cut after a closing block tag. Cutting safe
 * markup cannot create markup (the parser only closes what is left open), so no second pass is needed.
 * The popup uses it so a huge page (a 10 MB article) still opens at once.
 */
export function truncateSafeHtml(html: SafeHtml, maxChars: number): { html: SafeHtml; truncated: boolean } {
  if (html.length <= maxChars) return { html, truncated: false };
  const re = /<\/(?:p|h[1-6]|li|ul|ol|blockquote|figure|table|pre|div)>/gi;
  re.lastIndex = maxChars;
  const m = re.exec(html);
  if (!m) return { html, truncated: false };
  const end = m.index + m[0].length;
  return end >= html.length
    ? { html, truncated: false }
    : { html: html.slice(0, end) as SafeHtml, truncated: true };
}

/**
 * The same sanitization, as nodes of `win`'s document rather than a string: for exports that serialize
 * the body themselves (EPUB: XMLSerializer makes it XHTML). Nothing is rendered.
 */
export function sanitizeToFragment(
  html: string,
  win: Window & typeof globalThis = globalThis.window,
  images?: ReadonlyMap<string, string> | ImagePolicy,
): DocumentFragment {
  policy = images instanceof Map ? { local: images } : ((images as ImagePolicy | undefined) ?? null);
  remoteLeft = policy?.remote ?? Infinity;
  try {
    return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    policy = null;
    remoteLeft = Infinity;
  }
}
