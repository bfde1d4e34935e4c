// Display-only: what classifieds the page holds, per category, with a switch each and a per-site escape.
import type { Category } from '../utils/classifieds/types';
import { categoryLabelKey } from '../utils/ui/category-i18n';
import { t, tn } from '../utils/ui/i18n';
import type { ClassifiedsReport } from '../utils/messaging/messages';

export interface ClassifiedsPanelProps {
  report: ClassifiedsReport;
  siteShowsAll: boolean;
  error?: string | null;
  onToggle: (category: Category, hidden: boolean) => void;
  onShowOnSite: (show: boolean) => void;
}

export function ClassifiedsPanel({
  report,
  siteShowsAll,
  error,
  onToggle,
  onShowOnSite,
}: ClassifiedsPanelProps) {
  if (report.categories.length === 0) return null;
  return (
    <section class="lisible-classifieds" aria-labelledby="lisible-classifieds-title">
      <h2 id="lisible-classifieds-title" class="lisible-classifieds-title">
        {report.hiddenItems > 0 ? tn('classifiedsHidden', report.hiddenItems) : t('classifiedsNoneHidden')}
      </h2>
      {siteShowsAll ? (
        <p class="lisible-classifieds-site">
          {t('siteShowsAll')}{' '}
          <button type="button" class="lisible-link" onClick={() => onShowOnSite(false)}>
            {t('hideAgainOnSite')}
          </button>
        </p>
      ) : (
        <>
          <ul class="lisible-classifieds-list">
            {report.categories.map((c) => (
              <li key={c.category} data-category={c.category}>
                <label>
                  <input
                    type="checkbox"
                    role="switch"
                    checked={c.visibility !== 'show'}
                    onChange={(e) => onToggle(c.category, (e.currentTarget as HTMLInputElement).checked)}
                  />{' '}
                  {t('hideCategory', t(categoryLabelKey(c.category)))}{' '}
                  <span class="lisible-classifieds-count">({tn('classifiedsItems', c.items)})</span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" class="lisible-link" onClick={() => onShowOnSite(true)}>
            {t('showOnSite')}
          </button>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
