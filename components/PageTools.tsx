// Display-only: the two picker tools of the popup, "Masquer un bloc…" (a classifieds block the detector
// missed) and "Choisir le texte à lire" (the article's text, when extraction picked the wrong block).
import type { PickerMode } from '../utils/messaging/messages';
import { t } from '../utils/ui/i18n';

export interface PageToolsProps {
  onPick: (mode: PickerMode) => void;
  error?: string | null;
}

export function PageTools({ onPick, error }: PageToolsProps) {
  return (
    <div class="lisible-page-tools">
      <button type="button" class="lisible-link" onClick={() => onPick('hide')}>
        {t('pickHide')}
      </button>
      <button type="button" class="lisible-link" onClick={() => onPick('content')}>
        {t('pickContent')}
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
