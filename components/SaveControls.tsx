// Display-only: "Enregistrer" with its live status, plus the caller's extra buttons (popup: reading
// mode; reading mode: print).
import type { ComponentChildren } from 'preact';
import { t } from '../utils/ui/i18n';
import type { SaveState } from '../utils/db/save';

export function SaveControls({
  save,
  onSave,
  before,
  after,
}: {
  save: SaveState;
  onSave: () => void;
  before?: ComponentChildren;
  after?: ComponentChildren;
}) {
  return (
    <div class="lisible-actions">
      {before}
      <button type="button" class="lisible-save" onClick={onSave} disabled={save.kind === 'saving'}>
        {save.kind === 'saving' ? t('saving') : t('save')}
      </button>
      {after}
      <span class="lisible-save-status" role="status" aria-live="polite">
        {save.kind === 'saved' && (save.updated ? t('savedUpdated') : t('saved'))}
        {save.kind === 'failed' && save.message}
      </span>
    </div>
  );
}
