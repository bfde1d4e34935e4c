// Display-only: storage figure, backup export/import, image settings of the library.
import { useState } from 'preact/hooks';
import type { LibraryPrefs } from '../utils/db/schema';
import { t, uiLang } from '../utils/ui/i18n';

const mb = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString(uiLang(), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });

/** A size limit typed in megabytes and stored in bytes (the image limits). */
function MegabyteField({
  label,
  step,
  bytes,
  onBytes,
}: {
  label: string;
  step: string;
  bytes: number;
  onBytes: (bytes: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min="0.1"
        step={step}
        value={bytes / 1024 / 1024}
        onChange={(e) =>
          onBytes(Math.round(Number((e.currentTarget as HTMLInputElement).value) * 1024 * 1024))
        }
      />
    </label>
  );
}

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
  onExportEpub,
  onImport,
  onPrefs,
  importing = null,
}: {
  storage: StorageInfo | null;
  prefs: LibraryPrefs | null;
  onExportJson: (withImages: boolean) => void;
  onExportMarkdown: () => void;
  onExportHtml: () => void;
  onExportEpub: () => void;
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
        </button>{' '}
        <button type="button" class="export-epub" onClick={onExportEpub}>
          {t('exportEpub')}
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
          <MegabyteField
            label={t('maxImageSetting')}
            step="0.1"
            bytes={prefs.maxImageBytes}
            onBytes={(maxImageBytes) => onPrefs({ ...prefs, maxImageBytes })}
          />
          <br />
          <MegabyteField
            label={t('maxArticleImagesSetting')}
            step="0.5"
            bytes={prefs.maxArticleImageBytes}
            onBytes={(maxArticleImageBytes) => onPrefs({ ...prefs, maxArticleImageBytes })}
          />
        </fieldset>
      )}
    </section>
  );
}
