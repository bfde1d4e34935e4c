// Display-only controls of the library: search, filters, bulk actions, undo, storage, backup.
import { useState } from 'preact/hooks';
import type { LibraryPrefs } from '../utils/db/schema';
import type { LibraryQuery } from '../utils/db/search';
import { t, tn, uiLang } from '../utils/ui/i18n';

export interface Facets {
  sites: string[];
  communes: string[];
  tags: string[];
}

const day = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));
const parseDay = (s: string, end: boolean): number | undefined => {
  if (!s) return undefined;
  const ms = Date.parse(`${s}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(ms) ? undefined : ms;
};

export function LibrarySearch({
  query,
  facets,
  onChange,
}: {
  query: LibraryQuery;
  facets: Facets;
  onChange: (q: LibraryQuery) => void;
}) {
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
          value={query.commune ?? ''}
          onChange={(e) => set({ commune: val(e) || undefined })}
        >
          <option value="">{t('allCommunes')}</option>
          {facets.communes.map((s) => (
            <option key={s} value={s}>
              {s}
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
  onAction,
  onTag,
  onSelectShown,
  onClear,
}: {
  count: number;
  onAction: (a: BulkAction) => void;
  onTag: (tag: string) => void;
  onSelectShown: () => void;
  onClear: () => void;
}) {
  const [tag, setTag] = useState('');
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
          <form
            class="library-tag-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (tag.trim()) onTag(tag);
              setTag('');
            }}
          >
            <input
              type="text"
              aria-label={t('tagLabel')}
              placeholder={t('tagLabel')}
              value={tag}
              onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit">{t('addTag')}</button>
          </form>
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

const mb = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString(uiLang(), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });

export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

export function BackupPanel({
  storage,
  prefs,
  onExportJson,
  onExportMarkdown,
  onExportHtml,
  onImport,
  onPrefs,
  importing = null,
}: {
  storage: StorageInfo | null;
  prefs: LibraryPrefs | null;
  onExportJson: (withImages: boolean) => void;
  onExportMarkdown: () => void;
  onExportHtml: () => void;
  onImport: (file: File) => void;
  onPrefs: (p: LibraryPrefs) => void;
  /** Progress of an import under way (0..1), or null. */
  importing?: number | null;
}) {
  const [withImages, setWithImages] = useState(true);
  return (
    <section class="library-backup">
      <h2>{t('backupTitle')}</h2>
      {storage && (
        <p class="library-storage">
          {t('storageUsed', mb(storage.usage), mb(storage.quota))}
          <br />
          {storage.persisted ? t('storagePersisted') : t('storageNotPersisted')}
        </p>
      )}
      <p>
        <button type="button" class="export-json" onClick={() => onExportJson(withImages)}>
          {t('exportJson')}
        </button>{' '}
        <label>
          <input
            type="checkbox"
            checked={withImages}
            onChange={(e) => setWithImages((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('exportWithImages')}
        </label>
      </p>
      <p>
        <button type="button" class="export-md" onClick={onExportMarkdown}>
          {t('exportMarkdown')}
        </button>{' '}
        <button type="button" class="export-html" onClick={onExportHtml}>
          {t('exportHtml')}
        </button>
        <br />
        <small>{t('exportSelectionHint')}</small>
      </p>
      <p>
        <label>
          {t('importFile')}{' '}
          <input
            type="file"
            class="import-file"
            accept=".json,.csv,.html,.htm,application/json,text/csv,text/html"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const f = input.files?.[0];
              if (f) onImport(f);
              input.value = '';
            }}
            disabled={importing !== null}
          />
        </label>
        {importing !== null && (
          <span class="library-import-progress" role="status">
            <progress max={100} value={Math.round(importing * 100)} aria-label={t('importFile')} />{' '}
            {t('importProgress', Math.round(importing * 100))}
          </span>
        )}
      </p>
      {prefs && (
        <fieldset class="library-image-prefs">
          <legend>{t('imagesSettingsTitle')}</legend>
          <label>
            <input
              type="checkbox"
              checked={prefs.storeImages}
              onChange={(e) =>
                onPrefs({ ...prefs, storeImages: (e.currentTarget as HTMLInputElement).checked })
              }
            />{' '}
            {t('storeImagesSetting')}
          </label>
          <br />
          <label>
            {t('maxImageSetting')}{' '}
            <input
              type="number"
              min="0.1"
              step="0.1"
              value={prefs.maxImageBytes / 1024 / 1024}
              onChange={(e) =>
                onPrefs({
                  ...prefs,
                  maxImageBytes: Math.round(
                    Number((e.currentTarget as HTMLInputElement).value) * 1024 * 1024,
                  ),
                })
              }
            />
          </label>
          <br />
          <label>
            {t('maxArticleImagesSetting')}{' '}
            <input
              type="number"
              min="0.1"
              step="0.5"
              value={prefs.maxArticleImageBytes / 1024 / 1024}
              onChange={(e) =>
                onPrefs({
                  ...prefs,
                  maxArticleImageBytes: Math.round(
                    Number((e.currentTarget as HTMLInputElement).value) * 1024 * 1024,
                  ),
                })
              }
            />
          </label>
        </fieldset>
      )}
    </section>
  );
}
