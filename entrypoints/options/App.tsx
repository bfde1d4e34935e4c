// The options page: the library (read straight from Dexie, offline) and the classifieds preferences
// (written through the background, which mirrors them to every open tab).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ArticleView } from '../../components/ArticleView';
import { ClassifiedsSettings } from '../../components/ClassifiedsSettings';
import { LibraryList } from '../../components/LibraryList';
import { DEFAULT_VISIBILITY } from '../../utils/classifieds/css';
import type { Category, ClassifiedsPrefs, Visibility } from '../../utils/classifieds/types';
import { deleteArticle, getArticle, listArticles } from '../../utils/db/articles';
import { getClassifiedsPrefs } from '../../utils/db/preferences';
import type { SavedArticle } from '../../utils/db/schema';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/messages';
import { onMirroredPrefsChange } from '../../utils/prefs-mirror';
import { removeSite, setCategory } from '../../utils/prefs-edit';

type View = { kind: 'list' } | { kind: 'article'; id: number } | { kind: 'settings' };

function viewFromHash(): View {
  if (location.hash === '#/settings') return { kind: 'settings' };
  const m = /^#\/article\/(\d+)$/.exec(location.hash);
  return m ? { kind: 'article', id: Number(m[1]) } : { kind: 'list' };
}

function Settings() {
  const [prefs, setPrefs] = useState<ClassifiedsPrefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => void getClassifiedsPrefs().then(setPrefs, (e: unknown) => setError(String(e))), []);
  useEffect(() => {
    reload();
    return onMirroredPrefsChange(setPrefs);
  }, [reload]);
  const store = async (next: ClassifiedsPrefs) => {
    const res = await sendToBackground('page→background:setClassifiedsPrefs', { prefs: next });
    if (res.ok) {
      setPrefs(next);
      setError(null);
    } else setError(t('prefsSaveFailed', res.message));
  };
  if (!prefs) return error ? <p role="alert">{error}</p> : null;
  return (
    <ClassifiedsSettings
      prefs={prefs}
      error={error}
      visibilityOf={(c: Category) => prefs.categories[c] ?? DEFAULT_VISIBILITY[c]}
      onChange={(c: Category, v: Visibility) => void store(setCategory(prefs, c, v))}
      onRemoveSite={(host) => void store(removeSite(prefs, host))}
      onResetAll={() => void store({ categories: {}, sites: {} })}
    />
  );
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
    } else if (view.kind === 'article') {
      getArticle(view.id).then(
        (a) => setCurrent(a ?? null),
        (e: unknown) => setError(String(e)),
      );
    }
  }, [view, refresh]);

  if (error) return <p role="alert">{t('libraryUnavailable', error)}</p>;

  return (
    <main class="library">
      <h1 class="library-heading">{t('libraryTitle')}</h1>
      <nav class="library-tabs">
        <a href="#/" aria-current={view.kind !== 'settings' ? 'page' : undefined}>
          {t('tabLibrary')}
        </a>
        <a href="#/settings" aria-current={view.kind === 'settings' ? 'page' : undefined}>
          {t('tabSettings')}
        </a>
      </nav>
      {view.kind === 'settings' && <Settings />}
      {view.kind === 'article' && (
        <>
          <p>
            <a href="#/">{t('back')}</a>
          </p>
          {current && <ArticleView article={current} />}
        </>
      )}
      {view.kind === 'list' && articles && (
        <LibraryList
          articles={articles}
          onOpen={(id) => (location.hash = `#/article/${id}`)}
          onDelete={(id) => void deleteArticle(id).then(refresh)}
        />
      )}
    </main>
  );
}
