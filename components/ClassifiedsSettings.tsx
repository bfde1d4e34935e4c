// Display-only: the classifieds preferences for all sites, and the per-site exceptions.
import {
  CATEGORIES,
  type Category,
  type ClassifiedsPrefs,
  type Visibility,
} from '../utils/classifieds/types';
import { categoryLabelKey } from '../utils/ui/category-i18n';
import { t } from '../utils/ui/i18n';

export interface ClassifiedsSettingsProps {
  prefs: ClassifiedsPrefs;
  /** Effective visibility of a category when no site exception applies. */
  visibilityOf: (category: Category) => Visibility;
  error?: string | null;
  onChange: (category: Category, v: Visibility) => void;
  onRemoveSite: (host: string) => void;
  onResetAll: () => void;
}

const CHOICES: Array<[Visibility, 'visShow' | 'visCollapse' | 'visHide']> = [
  ['show', 'visShow'],
  ['collapse', 'visCollapse'],
  ['hide', 'visHide'],
];

export function ClassifiedsSettings({
  prefs,
  visibilityOf,
  error,
  onChange,
  onRemoveSite,
  onResetAll,
}: ClassifiedsSettingsProps) {
  const sites = Object.entries(prefs.sites).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="settings-classifieds" aria-labelledby="settings-classifieds-title">
      <h2 id="settings-classifieds-title">{t('classifiedsSettingsTitle')}</h2>
      <p class="settings-help">{t('classifiedsSettingsHelp')}</p>
      <table class="settings-table">
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c} data-category={c}>
              <th scope="row">{t(categoryLabelKey(c))}</th>
              <td>
                <select
                  aria-label={t('visibilityFor', t(categoryLabelKey(c)))}
                  value={visibilityOf(c)}
                  onChange={(e) => onChange(c, e.currentTarget.value as Visibility)}
                >
                  {CHOICES.map(([v, key]) => (
                    <option key={v} value={v}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('siteExceptions')}</h3>
      {sites.length === 0 ? (
        <p class="settings-none">{t('noExceptions')}</p>
      ) : (
        <ul class="settings-sites">
          {sites.map(([host, site]) => (
            <li key={host} data-host={host}>
              <span class="settings-host">{host}</span>{' '}
              <span class="settings-rule">
                {[
                  ...(site.showAll ? [t('exceptionShowAll')] : []),
                  ...Object.entries(site.categories ?? {}).map(([c, v]) =>
                    t('siteRule', t(categoryLabelKey(c as Category)), t(CHOICES.find(([x]) => x === v)![1])),
                  ),
                ].join(', ')}
              </span>{' '}
              <button
                type="button"
                onClick={() => onRemoveSite(host)}
                aria-label={t('removeException', host)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="settings-reset" onClick={onResetAll}>
        {t('resetAll')}
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
