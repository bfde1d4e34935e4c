// Display-only first-run page: what Lisible does, the toolbar button, the shortcuts, the classifieds
// choices and privacy. The wired parts (shortcuts, choices) come in as slots.
import type { ComponentChildren } from 'preact';
import { ARTICLE_COLOR, ARTICLE_MARK } from '../utils/ui/toolbar-state';
import { t } from '../utils/ui/i18n';

export interface WelcomeProps {
  shortcuts: ComponentChildren;
  classifieds: ComponentChildren;
  onOpenLibrary: () => void;
}

export function Welcome({ shortcuts, classifieds, onOpenLibrary }: WelcomeProps) {
  return (
    <main class="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="welcome-lead">{t('welcomeIntro')}</p>
        <ul class="welcome-does">
          <li>{t('welcomeHide')}</li>
          <li>{t('welcomeRead')}</li>
          <li>{t('welcomeSave')}</li>
        </ul>
        <p>{t('welcomeElsewhere')}</p>
      </header>
      <section aria-labelledby="welcome-toolbar">
        <h2 id="welcome-toolbar">{t('toolbarTitle')}</h2>
        <p>
          <span class="welcome-badge" style={{ background: ARTICLE_COLOR }} aria-hidden="true">
            {ARTICLE_MARK}
          </span>{' '}
          {t('toolbarArticle')}
        </p>
        <h3>{t('pinTitle')}</h3>
        <ul>
          <li>{t('pinChrome')}</li>
          <li>{t('pinFirefox')}</li>
        </ul>
      </section>
      {shortcuts}
      {classifieds}
      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('privacyTitle')}</h2>
        <p>{t('privacyText')}</p>
      </section>
      <footer class="welcome-end">
        <p>{t('welcomeLater')}</p>
        <button type="button" onClick={onOpenLibrary}>
          {t('openLibrary')}
        </button>
      </footer>
    </main>
  );
}
