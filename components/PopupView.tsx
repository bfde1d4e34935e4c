// Display-only popup states: loading, article, not an article, error.
import type { Article, NotArticleReason } from '../utils/extract/types';
import type { MessageKey } from '../utils/i18n';
import { t } from '../utils/i18n';
import { ArticleView } from './ArticleView';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'article'; article: Article }
  | { kind: 'not-article'; reason: NotArticleReason | 'no-tab' }
  | { kind: 'error'; message: string };

import type { SaveState } from '../utils/save';

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
  /** Opens reading mode on the tab (shown with an article only). */
  onReadingMode?: () => void;
  /** The page's classifieds panel, when the page has any. */
  classifieds?: preact.ComponentChildren;
}

function SaveControls({
  save,
  onSave,
  onReadingMode,
}: Pick<PopupViewProps, 'save' | 'onSave' | 'onReadingMode'>) {
  return (
    <div class="lisible-actions">
      {onReadingMode && (
        <button type="button" class="lisible-reading-mode-button" onClick={onReadingMode}>
          {t('readingMode')}
        </button>
      )}
      <button type="button" class="lisible-save" onClick={onSave} disabled={save.kind === 'saving'}>
        {save.kind === 'saving' ? t('saving') : t('save')}
      </button>
      <span class="lisible-save-status" role="status" aria-live="polite">
        {save.kind === 'saved' && (save.updated ? t('savedUpdated') : t('saved'))}
        {save.kind === 'failed' && save.message}
      </span>
    </div>
  );
}

export function PopupView({
  state,
  save,
  onSave,
  onRetry,
  onOpenLibrary,
  onReadingMode,
  classifieds,
}: PopupViewProps) {
  return (
    <div class="lisible-popup" data-state={state.kind}>
      <nav class="lisible-topbar">
        <span class="lisible-brand">{t('extName')}</span>
        <button type="button" class="lisible-link" onClick={onOpenLibrary}>
          {t('openLibrary')}
        </button>
      </nav>
      {classifieds}
      {state.kind === 'loading' && (
        <p class="lisible-loading" role="status" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {state.kind === 'article' && (
        <ArticleView
          article={state.article}
          actions={<SaveControls save={save} onSave={onSave} onReadingMode={onReadingMode} />}
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
    </div>
  );
}
