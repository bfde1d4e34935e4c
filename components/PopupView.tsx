// Display-only popup states: loading, article, not an article, error.
import { hostOf, identityUrl } from '../utils/core/url';
import type { Article, NotArticleReason } from '../utils/extract/types';
import type { ImagePolicy } from '../utils/safety/sanitize';
import type { MessageKey } from '../utils/ui/i18n';
import { t } from '../utils/ui/i18n';
import { ArticleView } from './ArticleView';
import { SaveControls } from './SaveControls';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'article'; article: Article }
  | { kind: 'not-article'; reason: NotArticleReason | 'no-tab' }
  | { kind: 'error'; message: string };

import type { SaveState } from '../utils/db/save';

const REASON_KEY: Record<NotArticleReason | 'no-tab', MessageKey> = {
  empty: 'reasonEmpty',
  'not-html': 'reasonNotHtml',
  'not-article': 'reasonNotArticle',
  restricted: 'reasonRestricted',
  error: 'reasonError',
  'no-tab': 'reasonNoTab',
};

export interface PopupViewProps {
  state: PopupState;
  save: SaveState;
  onSave: () => void;
  onRetry: () => void;
  onOpenLibrary: () => void;
  /** The article's official commune, once resolved. */
  commune?: { name: string; mine?: boolean } | null;
  /** Opens reading mode on the tab (shown with an article only). */
  onReadingMode?: () => void;
  /** The page's classifieds panel, when the page has any. */
  classifieds?: preact.ComponentChildren;
  /** How many of the article's images load, and the button that asks for the rest. */
  images?: ImagePolicy;
  onShowImages?: () => void;
  /** The keyboard shortcuts, at the bottom. */
  footer?: preact.ComponentChildren;
  /** The outcome of a save of this page from the context menu or the shortcut (its badge is gone). */
  earlierSave?: { ok: boolean; message: string } | null;
}

export const POPUP_MAX_CHARS = 60_000;

export function PopupView({
  state,
  save,
  onSave,
  onRetry,
  onOpenLibrary,
  onReadingMode,
  classifieds,
  images,
  onShowImages,
  commune,
  footer,
  earlierSave,
}: PopupViewProps) {
  return (
    <div class="lisible-popup" data-state={state.kind}>
      <nav class="lisible-topbar">
        <span class="lisible-brand">{t('extName')}</span>
        <button type="button" class="lisible-link" onClick={onOpenLibrary}>
          {t('openLibrary')}
        </button>
      </nav>
      {earlierSave && (
        <p
          class="lisible-earlier-save"
          data-ok={earlierSave.ok ? 'true' : 'false'}
          role={earlierSave.ok ? 'status' : 'alert'}
        >
          {earlierSave.message}
        </p>
      )}
      {classifieds}
      {state.kind === 'loading' && (
        <p class="lisible-loading" role="status" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {state.kind === 'article' && (
        <ArticleView
          article={state.article}
          commune={commune}
          images={images}
          onShowImages={onShowImages}
          // A glance: a huge page opens at once; the whole article is one click away.
          maxChars={POPUP_MAX_CHARS}
          more={
            onReadingMode && (
              <p class="lisible-more">
                <button type="button" class="lisible-reading-mode-button" onClick={onReadingMode}>
                  {t('readMore')}
                </button>
              </p>
            )
          }
          actions={
            <>
              {identityUrl(state.article) !== state.article.canonicalUrl && state.article.canonicalUrl && (
                <p class="lisible-identity-note" role="note">
                  {t('canonicalIgnored', hostOf(state.article.canonicalUrl))}
                </p>
              )}
              <SaveControls
                save={save}
                onSave={onSave}
                before={
                  onReadingMode && (
                    <button type="button" class="lisible-reading-mode-button" onClick={onReadingMode}>
                      {t('readingMode')}
                    </button>
                  )
                }
              />
            </>
          }
        />
      )}
      {state.kind === 'not-article' && (
        <section class="lisible-empty" role="status">
          <h1>{t('notArticleTitle')}</h1>
          <p>{t(REASON_KEY[state.reason])}</p>
        </section>
      )}
      {state.kind === 'error' && (
        <section class="lisible-error" role="alert">
          <h1>{t('reasonError')}</h1>
          <p>{state.message}</p>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </section>
      )}
      {footer}
    </div>
  );
}
