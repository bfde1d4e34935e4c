// Display-only list of a saved article's highlights: the quote, its note (editable), go to, delete.
import { useState } from 'preact/hooks';
import type { HighlightRow } from '../utils/db/schema';
import { t, tn } from '../utils/ui/i18n';

function Item({
  h,
  orphan,
  onNote,
  onDelete,
  onGoTo,
}: {
  h: HighlightRow;
  orphan: boolean;
  onNote: (note: string) => void;
  onDelete: () => void;
  onGoTo: () => void;
}) {
  const [note, setNote] = useState(h.note);
  return (
    <li class="library-highlight" data-id={h.id}>
      <blockquote>{h.exact}</blockquote>
      {orphan && <p role="note">{t('highlightOrphan')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onNote(note);
        }}
      >
        <label>
          {t('highlightNote')}
          <br />
          <textarea
            rows={2}
            cols={50}
            maxLength={5000}
            value={note}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
        <br />
        <button type="submit" class="highlight-save-note">
          {t('highlightSaveNote')}
        </button>{' '}
        {!orphan && (
          <button type="button" onClick={onGoTo}>
            {t('highlightGoTo')}
          </button>
        )}{' '}
        <button type="button" class="highlight-delete" onClick={onDelete}>
          {t('highlightDelete')}
        </button>
      </form>
    </li>
  );
}

export function HighlightsPanel({
  highlights,
  orphans,
  canHighlight,
  onHighlight,
  onNote,
  onDelete,
  onGoTo,
}: {
  highlights: HighlightRow[];
  /** Ids of highlights whose quote is no longer in the text. */
  orphans: ReadonlySet<number>;
  /** A passage of the body is selected. */
  canHighlight: boolean;
  onHighlight: () => void;
  onNote: (id: number, note: string) => void;
  onDelete: (id: number) => void;
  onGoTo: (id: number) => void;
}) {
  return (
    <section class="library-highlights-panel" aria-labelledby="highlights-title">
      <h2 id="highlights-title">
        {t('highlightsTitle')} ({tn('highlightCount', highlights.length)})
      </h2>
      <p>
        <button type="button" class="highlight-add" disabled={!canHighlight} onClick={onHighlight}>
          {t('highlightSelection')}
        </button>{' '}
        {!canHighlight && <small>{t('highlightSelectHint')}</small>}
      </p>
      {highlights.length === 0 ? (
        <p>{t('highlightsNone')}</p>
      ) : (
        <ul class="library-highlight-list">
          {highlights.map((h) => (
            <Item
              key={h.id}
              h={h}
              orphan={orphans.has(h.id!)}
              onNote={(n) => onNote(h.id!, n)}
              onDelete={() => onDelete(h.id!)}
              onGoTo={() => onGoTo(h.id!)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
