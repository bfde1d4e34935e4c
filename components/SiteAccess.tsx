// Display-only: offer to enable Lisible permanently on the current site (popup).
import { t } from '../utils/ui/i18n';

export interface SiteAccessProps {
  host: string;
  state: 'off' | 'on' | 'refused';
  onEnable: () => void;
}

export function SiteAccess({ host, state, onEnable }: SiteAccessProps) {
  return (
    <section class="lisible-site-access" aria-live="polite">
      {state === 'on' ? (
        <p>{t('siteEnabled', host)}</p>
      ) : (
        <>
          <button type="button" class="lisible-link" onClick={onEnable}>
            {t('enableSite')}
          </button>{' '}
          <span class="lisible-site-access-help">{t('enableSiteHelp', host)}</span>
          {state === 'refused' && <p role="alert">{t('enableSiteRefused')}</p>}
        </>
      )}
    </section>
  );
}
