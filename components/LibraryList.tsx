// Display-only list of saved articles.
import type { SavedArticle } from '../utils/db/schema';
import { formatDate, t } from '../utils/i18n';

export interface LibraryListProps {
  articles: SavedArticle[];
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
}

export function LibraryList({ articles, onOpen, onDelete }: LibraryListProps) {
  if (articles.length === 0) return <p class="library-empty">{t('libraryEmpty')}</p>;
  return (
    <>
      <p class="library-count">{t('libraryCount', articles.length)}</p>
      <ul class="library-list">
        {articles.map((a) => (
          <li key={a.id} class="library-item" data-id={a.id}>
            <a
              href={`#/article/${a.id}`}
              class="library-title"
              onClick={(e) => {
                e.preventDefault();
                onOpen(a.id!);
              }}
            >
              {a.title}
            </a>
            <p class="library-meta">
              <span>{a.siteName ?? a.site}</span>
              {a.commune && <span>{a.commune.name}</span>}
              <span>{t('savedOn', formatDate(a.savedAt) ?? '')}</span>
              <span>{t('readingTime', a.readingTimeMinutes)}</span>
            </p>
            <button type="button" class="library-delete" onClick={() => onDelete(a.id!)} aria-label={`${t('delete')} : ${a.title}`}>
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
