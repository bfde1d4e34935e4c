// The library: lists saved articles (read straight from Dexie) and opens one for offline reading.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ArticleView } from '../../components/ArticleView';
import { LibraryList } from '../../components/LibraryList';
import { deleteArticle, getArticle, listArticles } from '../../utils/db/articles';
import type { SavedArticle } from '../../utils/db/schema';
import { t } from '../../utils/i18n';

type View = { kind: 'list' } | { kind: 'article'; id: number };

function viewFromHash(): View {
  const m = /^#\/article\/(\d+)$/.exec(location.hash);
  return m ? { kind: 'article', id: Number(m[1]) } : { kind: 'list' };
}

export function App() {
  const [view, setView] = useState<View>(viewFromHash);
  const [articles, setArticles] = useState<SavedArticle[] | null>(null);
  const [current, setCurrent] = useState<SavedArticle | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    listArticles().then(setArticles, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (view.kind === 'list') {
      setCurrent(null);
      refresh();
    } else {
      getArticle(view.id).then((a) => setCurrent(a ?? null), (e: unknown) => setError(String(e)));
    }
  }, [view, refresh]);

  if (error) return <p role="alert">{t('libraryUnavailable', error)}</p>;

  return (
    <main class="library">
      <h1 class="library-heading">{t('libraryTitle')}</h1>
      {view.kind === 'article' ? (
        <>
          <p>
            <a href="#/">{t('back')}</a>
          </p>
          {current && <ArticleView article={current} />}
        </>
      ) : (
        articles && (
          <LibraryList
            articles={articles}
            onOpen={(id) => (location.hash = `#/article/${id}`)}
            onDelete={(id) => void deleteArticle(id).then(refresh)}
          />
        )
      )}
    </main>
  );
}
