// Display-only reading view: props in, JSX out. Used by the popup and the library.
import type { Article } from '../utils/extract/types';
import type { ImagePolicy } from '../utils/safety/sanitize';
import { formatDate, t } from '../utils/ui/i18n';
import { useState } from 'preact/hooks';
import { ArticleBody } from './ArticleBody';

export interface ArticleViewProps {
  article: Article;
  /** Optional controls rendered under the header (save button…). */
  actions?: preact.ComponentChildren;
  /** Optional controls rendered in the footer, next to the link to the original. */
  footer?: preact.ComponentChildren;
  /** Ref to the body element (narration highlights sentences in it). */
  bodyRef?: preact.Ref<HTMLDivElement>;
  /** Stored copies of the article's images (remote src → blob: URL), or a full image policy. */
  images?: ReadonlyMap<string, string> | ImagePolicy;
  /** Asks for the images the policy held back. */
  onShowImages?: () => void;
  /** Render at most this much body HTML; `more` is shown after a cut body (the popup on huge pages). */
  maxChars?: number;
  more?: preact.ComponentChildren;
  /** The article's official commune (utils/communes), and whether it is one of the reader's. */
  commune?: { name: string; mine?: boolean } | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The standfirst is shown in the header only when the body does not already open with it. */
function excerptIsInBody(article: Article): boolean {
  const ex = squash(article.excerpt);
  return ex.length > 0 && squash(article.textContent.slice(0, ex.length + 400)).includes(ex);
}

export function ArticleView({
  article,
  actions,
  footer,
  bodyRef,
  images,
  onShowImages,
  maxChars,
  more,
  commune,
}: ArticleViewProps) {
  const [truncated, setTruncated] = useState(false);
  const date = formatDate(article.publishedTime);
  const showExcerpt = article.excerpt !== '' && !excerptIsInBody(article);
  return (
    <article class="lisible-article" lang={article.lang ?? undefined}>
      <header class="lisible-header">
        {article.siteName && <p class="lisible-site">{article.siteName}</p>}
        <h1 class="lisible-title" tabIndex={-1}>
          {article.title}
        </h1>
        {showExcerpt && <p class="lisible-excerpt">{article.excerpt}</p>}
        <p class="lisible-meta">
          {article.byline && <span class="lisible-byline">{t('byline', article.byline)}</span>}
          {date && (
            <time class="lisible-date" dateTime={article.publishedTime ?? undefined}>
              {t('publishedOn', date)}
            </time>
          )}
          {commune && (
            <span class={`lisible-commune${commune.mine ? ' is-mine' : ''}`}>
              {commune.mine ? t('communeMine', commune.name) : commune.name}
            </span>
          )}
          <span class="lisible-reading-time">{t('readingTime', article.readingTimeMinutes)}</span>
          <a class="lisible-original" href={article.url} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        </p>
        {article.teaser && (
          <p class="lisible-teaser" role="note">
            {t('teaserNotice')}
          </p>
        )}
        {actions}
      </header>
      <ArticleBody
        html={article.contentHtml}
        bodyRef={bodyRef}
        images={images}
        onShowImages={onShowImages}
        maxChars={maxChars}
        onTruncated={setTruncated}
      />
      {truncated && more}
      {footer && <footer class="lisible-footer">{footer}</footer>}
    </article>
  );
}
