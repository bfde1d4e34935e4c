// Display-only: sites where the reader enabled Lisible for good, each with a way back.
import { t } from '../utils/ui/i18n';

export function EnabledSites({ sites, onDisable }: { sites: string[]; onDisable: (site: string) => void }) {
  return (
    <section class="settings-sites-access" aria-labelledby="settings-sites-title">
      <h2 id="settings-sites-title">{t('sitesTitle')}</h2>
      <p class="settings-help">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p class="settings-none">{t('noSites')}</p>
      ) : (
        <ul class="settings-enabled-sites">
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="settings-host">{site}</span>{' '}
              <button type="button" onClick={() => onDisable(site)} aria-label={t('disableSite', site)}>
                {t('disable')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
