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
  ],
  // Only these protocols survive in href/src; everything else (javascript:, data:, vbscript:, file:) is dropped.
  // DOMPurify's default minus the exotic schemes: a URL is absolute http(s)/mailto/tel or relative.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  KEEP_CONTENT: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;

// Stored images of a saved article (remote src → blob: URL) for the sanitize call in progress. Swapped in
// by the hook after DOMPurify's URL checks, so blob: URLs are allowed for those images and nowhere else.
let imageSwap: ReadonlyMap<string, string> | null = null;
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
        const local = imageSwap?.get(node.getAttribute('src') ?? '');
        if (local) node.setAttribute('src', local);
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
  /** Offline copies of images (remote src → blob: URL), for the library's reading view. */
  images?: ReadonlyMap<string, string>,
): SafeHtml {
  if (!html) return '' as SafeHtml;
  imageSwap = images ?? null;
  try {
    return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as SafeHtml;
  } finally {
    imageSwap = null;
  }
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
