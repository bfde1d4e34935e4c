// The only component that renders article HTML. It sanitizes what it is given itself, so no caller
// can hand it unsanitized markup by mistake (tests/check-sanitizer.mjs allows HTML writes here only).
import type { Ref } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { sanitizeArticleHtml, truncateSafeHtml } from '../utils/safety/sanitize';

export function ArticleBody({
  html,
  bodyRef,
  images,
  maxChars,
  onTruncated,
}: {
  html: string;
  /** Render at most this much HTML (the popup); `onTruncated` tells the caller when it cut. */
  maxChars?: number;
  onTruncated?: (truncated: boolean) => void;
  bodyRef?: Ref<HTMLDivElement>;
  /** Stored copies of images (remote src → blob: URL): a saved article reads offline. */
  images?: ReadonlyMap<string, string>;
}) {
  const { safe, truncated } = useMemo(() => {
    const full = sanitizeArticleHtml(html, undefined, images);
    if (!maxChars) return { safe: full, truncated: false };
    const cut = truncateSafeHtml(full, maxChars);
    return { safe: cut.html, truncated: cut.truncated };
  }, [html, images, maxChars]);
  useEffect(() => onTruncated?.(truncated), [truncated, onTruncated]);
  return <div class="lisible-body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: safe }} />;
}
