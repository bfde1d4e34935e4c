// Display-only controls of the library: search, filters, bulk actions, undo, storage, backup.
import type { CommuneFacet } from '../utils/db/articles';
import type { LibraryQuery } from '../utils/db/search';
import { t, tn } from '../utils/ui/i18n';
import { BulkTagTools, type TagEdit } from './TagEditor';

export interface Facets {
  sites: string[];
  communes: CommuneFacet[];
  tags: string[];
}

/** "Saint-Denis (93)" when two communes of the list share a name, else the name alone. */
export function communeLabel(c: CommuneFacet, all: CommuneFacet[]): string {
  return all.some((o) => o !== c && o.name === c.name) ? `${c.name} (${c.dept})` : c.name;
}
const MINE = 'mine';

const day = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));
const parseDay = (s: string, end: boolean): number | undefined => {
  if (!s) return undefined;
  const ms = Date.parse(`${s}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(ms) ? undefined : ms;
};

export function LibrarySearch({
  query,
  facets,
  myCommunes = [],
  onChange,
}: {
  query: LibraryQuery;
  facets: Facets;
  /** INSEE codes of "Ma commune" (the "Mes communes" choice filters on them). */
  myCommunes?: string[];
  onChange: (q: LibraryQuery) => void;
}) {
  // "Mes communes" is the reader's own list (the same array), any other value one commune's code.
  const communeValue =
    query.communes === undefined ? '' : query.communes === myCommunes ? MINE : (query.communes[0] ?? '');
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...query, ...patch });
  const val = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="library-search" role="search">
      <label class="library-search-box">
        <span class="visually-hidden">{t('searchLibrary')}</span>
        <input
          type="search"
          name="q"
          value={query.text ?? ''}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLibrary')}
          onInput={(e) => set({ text: val(e) || undefined })}
        />
      </label>
      <fieldset class="library-filters">
        <legend class="visually-hidden">{t('filters')}</legend>
        <select
          aria-label={t('filterSite')}
          value={query.site ?? ''}
          onChange={(e) => set({ site: val(e) || undefined })}
        >
          <option value="">{t('allSites')}</option>
          {facets.sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterCommune')}
          value={communeValue}
          onChange={(e) => {
            const v = val(e);
            set({ communes: v === '' ? undefined : v === MINE ? myCommunes : [v] });
          }}
        >
          <option value="">{t('allCommunes')}</option>
          {myCommunes.length > 0 && <option value={MINE}>{t('filterMyCommunes')}</option>}
          {facets.communes.map((c) => (
            <option key={c.code} value={c.code}>
              {communeLabel(c, facets.communes)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterTag')}
          value={query.tag ?? ''}
          onChange={(e) => set({ tag: val(e) || undefined })}
        >
          <option value="">{t('allTags')}</option>
          {facets.tags.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterStatus')}
          value={query.read === undefined ? '' : String(query.read)}
          onChange={(e) => set({ read: val(e) === '' ? undefined : (Number(val(e)) as 0 | 1) })}
        >
          <option value="">{t('statusAll')}</option>
          <option value="0">{t('statusUnread')}</option>
          <option value="1">{t('statusRead')}</option>
        </select>
        <label>
          <input
            type="checkbox"
            checked={!!query.favourite}
            onChange={(e) => set({ favourite: (e.currentTarget as HTMLInputElement).checked || undefined })}
          />{' '}
          {t('filterFavourites')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!query.archived}
            onChange={(e) => set({ archived: (e.currentTarget as HTMLInputElement).checked || undefined })}
          />{' '}
          {t('filterArchived')}
        </label>
        <select
          aria-label={t('filterDateField')}
          value={query.dateField ?? 'saved'}
          onChange={(e) => set({ dateField: val(e) === 'published' ? 'published' : undefined })}
        >
          <option value="saved">{t('dateSaved')}</option>
          <option value="published">{t('datePublished')}</option>
        </select>
        <label>
          {t('filterFrom')}{' '}
          <input
            type="date"
            value={day(query.from)}
            onChange={(e) => set({ from: parseDay(val(e), false) })}
          />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input type="date" value={day(query.to)} onChange={(e) => set({ to: parseDay(val(e), true) })} />
        </label>
      </fieldset>
    </div>
  );
}

export type BulkAction = 'archive' | 'unarchive' | 'favourite' | 'unfavourite' | 'read' | 'unread' | 'delete';

export function BulkBar({
  count,
  tags,
  onAction,
  onTags,
  onSelectShown,
  onClear,
}: {
  count: number;
  /** Every tag of the library (the remove and rename choices). */
  tags: string[];
  onAction: (a: BulkAction) => void;
  onTags: (edit: TagEdit) => void;
  onSelectShown: () => void;
  onClear: () => void;
}) {
  const actions: Array<[BulkAction, string]> = [
    ['read', t('markRead')],
    ['unread', t('markUnread')],
    ['favourite', t('favourite')],
    ['unfavourite', t('unfavourite')],
    ['archive', t('archive')],
    ['unarchive', t('unarchive')],
    ['delete', t('delete')],
  ];
  return (
    <div class="library-bulk" role="toolbar" aria-label={tn('selectedCount', count)}>
      <span class="library-bulk-count">{tn('selectedCount', count)}</span>
      <button type="button" onClick={onSelectShown}>
        {t('selectShown')}
      </button>
      {count > 0 && (
        <>
          <button type="button" onClick={onClear}>
            {t('clearSelection')}
          </button>
          {actions.map(([a, label]) => (
            <button key={a} type="button" data-action={a} onClick={() => onAction(a)}>
              {label}
            </button>
          ))}
          <BulkTagTools tags={tags} onTags={onTags} />
        </>
      )}
    </div>
  );
}

export function Notice({
  text,
  onUndo,
  role = 'status',
}: {
  text: string;
  onUndo?: () => void;
  role?: 'status' | 'alert';
}) {
  return (
    <div class="library-notice" role={role}>
      <span>{text}</span>
      {onUndo && (
        <button type="button" class="library-undo" onClick={onUndo}>
          {t('undo')}
        </button>
      )}
    </div>
  );
}
