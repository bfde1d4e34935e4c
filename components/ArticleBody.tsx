// The only component that renders article HTML. It sanitizes what it is given itself, so no caller
// can hand it unsanitized markup by mistake (tests/check-sanitizer.mjs allows HTML writes here only).
import type { Ref } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import {
  heldImages,
  sanitizeArticleHtml,
  truncateSafeHtml,
  type ImagePolicy,
} from '../utils/safety/sanitize';
import { t, tn } from '../utils/ui/i18n';

export function ArticleBody({
  html,
  bodyRef,
  images,
  maxChars,
  onTruncated,
  onShowImages,
}: {
  html: string;
  /** Render at most this much HTML (the popup); `onTruncated` tells the caller when it cut. */
  maxChars?: number;
  onTruncated?: (truncated: boolean) => void;
  bodyRef?: Ref<HTMLDivElement>;
  /** Stored copies of images (remote src → blob: URL), and how many remote images may load. */
  images?: ReadonlyMap<string, string> | ImagePolicy;
  /** Shown with a button when images were held back: the reader asks for them. */
  onShowImages?: () => void;
}) {
  const { safe, truncated } = useMemo(() => {
    const full = sanitizeArticleHtml(html, undefined, images);
    if (!maxChars) return { safe: full, truncated: false };
    const cut = truncateSafeHtml(full, maxChars);
    return { safe: cut.html, truncated: cut.truncated };
  }, [html, images, maxChars]);
  useEffect(() => onTruncated?.(truncated), [truncated, onTruncated]);
  const held = useMemo(() => heldImages(safe), [safe]);
  return (
    <>
      {held > 0 && onShowImages && (
        <p class="lisible-images-held" role="note">
          {tn('imagesHeld', held)}{' '}
          <button type="button" onClick={onShowImages}>
            {t('showImages')}
          </button>
        </p>
      )}
      <div class="lisible-body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: safe }} />
    </>
  );
}
