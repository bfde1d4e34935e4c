// The only component that renders article HTML. It sanitizes what it is given itself, so no caller
// can hand it unsanitized markup by mistake (tests/check-sanitizer.mjs allows HTML writes here only).
import { useMemo } from 'preact/hooks';
import { sanitizeArticleHtml } from '../utils/sanitize';

export function ArticleBody({ html }: { html: string }) {
  const safe = useMemo(() => sanitizeArticleHtml(html), [html]);
  return <div class="lisible-body" dangerouslySetInnerHTML={{ __html: safe }} />;
}
