// Display-only: what classifieds the page holds, per category, with a switch each (for this site or for
// all sites), the blocks themselves with "Ce n'est pas une annonce", and a per-site escape.
import type { Category } from '../utils/classifieds/types';
import { categoryLabelKey } from '../utils/ui/category-i18n';
import { t, tn } from '../utils/ui/i18n';
import type { BlockReport, ClassifiedsReport } from '../utils/messaging/messages';

/** Where a category switch applies: every site, or only the page's site. */
export type SwitchScope = 'all' | 'site';

export interface ClassifiedsPanelProps {
  report: ClassifiedsReport;
  siteShowsAll: boolean;
  error?: string | null;
  scope: SwitchScope;
  onScope: (scope: SwitchScope) => void;
  onToggle: (category: Category, hidden: boolean) => void;
  onShowOnSite: (show: boolean) => void;
  /** "Ce n'est pas une annonce": show this block again and remember it for the site. */
  onNotAnAd: (block: BlockReport) => void;
}

function status(b: BlockReport): string {
  if (!b.hidden) return t('blockShown');
  return t(b.source === 'user' ? 'blockByYou' : 'blockHidden');
}

function Blocks({ blocks, onNotAnAd }: { blocks: BlockReport[]; onNotAnAd: (b: BlockReport) => void }) {
  return (
    <details class="lisible-blocks" open={blocks.some((b) => b.hidden)}>
      <summary>{t('hiddenBlocksTitle')}</summary>
      <ul>
        {blocks.map((b) => (
          <li key={b.id} data-block={b.id} data-category={b.category} data-hidden={b.hidden ? '1' : '0'}>
            <span class="lisible-block-cat">{t(categoryLabelKey(b.category))}</span>{' '}
            <span class="lisible-block-status">({status(b)})</span>{' '}
            <span class="lisible-block-text">{b.text}</span>{' '}
            <button
              type="button"
              class="lisible-link"
              aria-label={t('notAnAdFor', b.text.slice(0, 60))}
              onClick={() => onNotAnAd(b)}
            >
              {t('notAnAd')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ClassifiedsPanel(p: ClassifiedsPanelProps) {
  const { report, siteShowsAll, error } = p;
  if (report.categories.length === 0) return null;
  return (
    <section class="lisible-classifieds" aria-labelledby="lisible-classifieds-title">
      <h2 id="lisible-classifieds-title" class="lisible-classifieds-title">
        {report.hiddenItems > 0 ? tn('classifiedsHidden', report.hiddenItems) : t('classifiedsNoneHidden')}
      </h2>
      {siteShowsAll ? (
        <p class="lisible-classifieds-site">
          {t('siteShowsAll')}{' '}
          <button type="button" class="lisible-link" onClick={() => p.onShowOnSite(false)}>
            {t('hideAgainOnSite')}
          </button>
        </p>
      ) : (
        <>
          <fieldset class="lisible-scope">
            <legend>{t('scopeLabel')}</legend>
            {(['all', 'site'] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="lisible-scope"
                  value={s}
                  checked={p.scope === s}
                  onChange={() => p.onScope(s)}
                />{' '}
                {t(s === 'all' ? 'scopeAll' : 'scopeSite')}
              </label>
            ))}
          </fieldset>
          <ul class="lisible-classifieds-list">
            {report.categories.map((c) => (
              <li key={c.category} data-category={c.category}>
                <label>
                  <input
                    type="checkbox"
                    role="switch"
                    checked={c.visibility !== 'show'}
                    onChange={(e) => p.onToggle(c.category, e.currentTarget.checked)}
                  />{' '}
                  {t('hideCategory', t(categoryLabelKey(c.category)))}{' '}
                  <span class="lisible-classifieds-count">({tn('classifiedsItems', c.items)})</span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" class="lisible-link" onClick={() => p.onShowOnSite(true)}>
            {t('showOnSite')}
          </button>
        </>
      )}
      {report.blocks.length > 0 && <Blocks blocks={report.blocks} onNotAnAd={p.onNotAnAd} />}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
