// Display-only read-aloud controls.
import type { NarrationState } from '../utils/ui/narration';
import type { Narration } from '../utils/ui/use-narration';
import { RATES } from '../utils/settings/reader';
import { t } from '../utils/ui/i18n';

export interface NarrationBarProps {
  /** null: speech synthesis missing altogether; false: no local voice for the article's language. */
  available: boolean | null;
  state: NarrationState;
  rate: number;
  onPlay: () => void;
  onPause: () => void;
  onStop: () => void;
  onPrev: () => void;
  onNext: () => void;
  onRate: (rate: number) => void;
}

/**
 * The bar's props for a narration from useNarration (reading mode and the saved-article view):
 * the buttons drive its narrator; a new rate goes to `keepRate` (to store it) and to the narrator.
 */
export function narrationBarProps(
  { synth, narrator, state }: Narration,
  rate: number,
  keepRate?: (rate: number) => void,
): NarrationBarProps {
  return {
    available: synth ? (narrator?.available ?? false) : null,
    state,
    rate,
    onPlay: () => narrator?.play(),
    onPause: () => narrator?.pause(),
    onStop: () => narrator?.stop(),
    onPrev: () => narrator?.previous(),
    onNext: () => narrator?.next(),
    onRate: (r) => {
      keepRate?.(r);
      narrator?.setRate(r);
    },
  };
}

/**
 * A control's pictogram, drawn: the media symbols (U+23EE, U+23ED, U+23F9) are in no font a headless
 * Chromium or many Linux desktops have, and showed as empty boxes. The button's name is its aria-label.
 */
function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

export function NarrationBar(p: NarrationBarProps) {
  if (p.available !== true)
    return (
      <p class="lisible-narration-unavailable" role="note">
        {p.available === null ? t('noSpeech') : t('noVoices')}
      </p>
    );
  const playing = p.state === 'playing';
  return (
    <div class="lisible-narration" role="group" aria-label={t('narration')}>
      <button type="button" onClick={p.onPrev} aria-label={t('prevParagraph')} disabled={p.state === 'idle'}>
        <Icon d="M5 4h2v12H5zM16 4v12L8 10z" />
      </button>
      <button type="button" onClick={playing ? p.onPause : p.onPlay} aria-pressed={playing}>
        {playing ? t('pause') : p.state === 'paused' ? t('resume') : t('listen')}
      </button>
      <button type="button" onClick={p.onNext} aria-label={t('nextParagraph')} disabled={p.state === 'idle'}>
        <Icon d="M13 4h2v12h-2zM4 4v12l8-6z" />
      </button>
      <button type="button" onClick={p.onStop} aria-label={t('stopListening')} disabled={p.state === 'idle'}>
        <Icon d="M5 5h10v10H5z" />
      </button>
      <label>
        {t('speechRate')}{' '}
        <select value={String(p.rate)} onChange={(e) => p.onRate(Number(e.currentTarget.value))}>
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              ×{r.toLocaleString()}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
