// The only component that renders article HTML. It sanitizes what it is given itself, so no caller
// can hand it unsanitized markup by mistake (tests/check-sanitizer.mjs allows HTML writes here only).
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import { sanitizeArticleHtml } from '../utils/sanitize';

export function ArticleBody({
  html,
  bodyRef,
  images,
}: {
  html: string;
  bodyRef?: Ref<HTMLDivElement>;
  /** Stored copies of images (remote src → blob: URL): a saved article reads offline. */
  images?: ReadonlyMap<string, string>;
}) {
  const safe = useMemo(() => sanitizeArticleHtml(html, undefined, images), [html, images]);
  return <div class="lisible-body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: safe }} />;
}
