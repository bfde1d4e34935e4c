// Display-only, virtualized list of saved articles: rows have a fixed height and only the rows in view
// (plus a few) are in the DOM, so 10 000 articles scroll like 10. The parent loads pages as we near
// the end (onNearEnd) and owns selection.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRow } from '../utils/db/schema';
import { formatDate, t, tn } from '../utils/ui/i18n';

export const ROW_HEIGHT = 76;
const OVERSCAN = 6;

export interface LibraryListProps {
  articles: ArticleRow[];
  selected: ReadonlySet<number>;
  /** More rows exist after the loaded ones. */
  hasMore: boolean;
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
  /** Favourite / archive toggles of one row. */
  onFlag?: (id: number, flags: { favourite?: 0 | 1; archived?: 0 | 1 }) => void;
  onToggleSelect: (id: number, on: boolean) => void;
  onNearEnd: () => void;
  /** Visible height of the list in pixels (tests set it; the page uses the window). */
  height?: number;
  /** "Ma commune" (INSEE codes): their articles' commune is marked as the reader's. */
  myCommunes?: readonly string[];
}

function state(a: ArticleRow): string {
  if (a.read) return t('stateRead');
  if (a.progress > 0.02) return t('stateProgress', Math.round(a.progress * 100));
  return t('stateUnread');
}

export function LibraryList({
  articles,
  selected,
  hasMore,
  onOpen,
  onDelete,
  onFlag,
  onToggleSelect,
  onNearEnd,
  height,
  myCommunes = [],
}: LibraryListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height ?? 600);
  useEffect(() => {
    if (height !== undefined) return;
    const measure = () =>
      setViewport(Math.max(300, window.innerHeight - (box.current?.getBoundingClientRect().top ?? 200) - 16));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [height]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(articles.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (hasMore && last >= articles.length - OVERSCAN) onNearEnd();
  }, [hasMore, last, articles.length, onNearEnd]);

  return (
    <div
      ref={box}
      class="library-scroller"
      style={{ height: `${viewport}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul class="library-list" style={{ height: `${articles.length * ROW_HEIGHT}px` }}>
        {articles.slice(first, last).map((a, i) => (
          <li
            key={a.id}
            class={`library-item${a.read ? ' is-read' : ''}`}
            data-id={a.id}
            style={{ top: `${(first + i) * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
          >
            <input
              type="checkbox"
              class="library-select"
              checked={selected.has(a.id!)}
              aria-label={t('selectArticle', a.title)}
              onChange={(e) => onToggleSelect(a.id!, e.currentTarget.checked)}
            />
            <a
              href={`#/article/${a.id}`}
              class="library-title"
              onClick={(e) => {
                e.preventDefault();
                onOpen(a.id!);
              }}
            >
              {a.favourite ? (
                <span class="library-fav" title={t('favouriteMark')}>
                  ★{' '}
                </span>
              ) : null}
              {a.title}
            </a>
            <p class="library-meta">
              <span>{a.siteName ?? a.site}</span>
              {a.commune &&
                (a.communeInsee && myCommunes.includes(a.communeInsee) ? (
                  <span class="library-commune is-mine">{t('communeMine', a.commune.name)}</span>
                ) : (
                  <span class="library-commune">{a.commune.name}</span>
                ))}
              {a.tags.map((tag) => (
                <span key={tag} class="library-tag">
                  #{tag}
                </span>
              ))}
              {a.highlightCount ? (
                <span class="library-highlights">{tn('highlightCount', a.highlightCount)}</span>
              ) : null}
              <span>{t('savedOn', formatDate(a.savedAt) ?? '')}</span>
              {a.readingTimeMinutes > 0 && <span>{t('readingTime', a.readingTimeMinutes)}</span>}
              <span class="library-state">{state(a)}</span>
              {a.archived ? <span>{t('archivedMark')}</span> : null}
            </p>
            <span class="library-row-actions">
              {onFlag && (
                <>
                  <button
                    type="button"
                    class="library-favourite"
                    aria-pressed={a.favourite === 1}
                    aria-label={t('toggleFavourite', a.title)}
                    title={t('favourite')}
                    onClick={() => onFlag(a.id!, { favourite: a.favourite ? 0 : 1 })}
                  >
                    {a.favourite ? '★' : '☆'}
                  </button>
                  <button
                    type="button"
                    class="library-archive"
                    aria-pressed={a.archived === 1}
                    aria-label={t('toggleArchive', a.title)}
                    onClick={() => onFlag(a.id!, { archived: a.archived ? 0 : 1 })}
                  >
                    {a.archived ? t('unarchive') : t('archive')}
                  </button>
                </>
              )}
              <button
                type="button"
                class="library-delete"
                onClick={() => onDelete(a.id!)}
                aria-label={t('deleteTitled', a.title)}
              >
                {t('delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
