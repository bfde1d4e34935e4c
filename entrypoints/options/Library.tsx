// The library page: wires the display-only components to utils/db (read and written directly from
// this extension page; only saves coming from content scripts go through the background).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BackupPanel, type StorageInfo } from '../../components/BackupPanel';
import {
  BulkBar,
  LibrarySearch,
  Notice,
  type BulkAction,
  type Facets,
} from '../../components/LibraryControls';
import { LibraryList } from '../../components/LibraryList';
import { SavedArticleReader } from './SavedArticleReader';
import * as exports from './exports';
import { editTags, storageInfo } from './library-ops';
import {
  cleanUnsanitized,
  countArticles,
  deleteArticles,
  facets as loadFacets,
  getArticle,
  restoreArticles,
  setFlags,
  type Trash,
} from '../../utils/db/articles';
import { errorMessage, onDatabaseTrouble, problemDetail, troubleText } from '../../utils/db/errors';
import { getLibraryPrefs, setLibraryPrefs } from '../../utils/db/images';
import { getMyCommunes } from '../../utils/db/my-communes';
import type { ArticleRow, LibraryPrefs, SavedArticle } from '../../utils/db/schema';
import { queryLibrary, type Cursor, type LibraryQuery } from '../../utils/db/search';
import { t, tn } from '../../utils/ui/i18n';
import { sanitizeArticleHtml } from '../../utils/safety/sanitize';

const PAGE = 60;

/** The message a user sees for a database failure. */
type Notice = { text: string; trash?: Trash; alert?: boolean } | null;

export function Library({ articleId }: { articleId: number | null }) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [items, setItems] = useState<ArticleRow[] | null>(null);
  const [next, setNext] = useState<Cursor | null>(null);
  // Articles outside the archive, and in it: the count says what it counts; "empty" means both are 0.
  const [counts, setCounts] = useState<[number, number]>([0, 0]);
  const [facets, setFacets] = useState<Facets>({ sites: [], communes: [], tags: [] });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [prefs, setPrefs] = useState<LibraryPrefs | null>(null);
  const [importing, setImporting] = useState<number | null>(null);
  const [myCommunes, setMyCommunes] = useState<string[]>([]);
  const seq = useRef(0);
  const loadingMore = useRef(false);

  const fail = useCallback((e: unknown) => setTrouble(troubleText(e)), []);

  // Results as you type: every change starts a new query; answers to older ones are dropped.
  const reload = useCallback(() => {
    const mine = ++seq.current;
    queryLibrary(query, { limit: PAGE })
      .then((page) => {
        if (mine !== seq.current) return;
        setItems(page.items);
        setNext(page.next);
      })
      .catch(fail);
    // The count says what it counts: the library outside the archive, or the archive.
    Promise.all([countArticles({ archived: false }), countArticles({ archived: true })]).then(
      setCounts,
      fail,
    );
    loadFacets().then(setFacets, fail);
    storageInfo(false).then(
      (s) => s && setStorage(s),
      () => undefined,
    );
  }, [query, fail]);
  // Also on coming back from an article: its progress or flags may have changed.
  useEffect(() => {
    if (articleId === null) reload();
  }, [reload, articleId]);

  const loadMore = useCallback(() => {
    if (!next || loadingMore.current) return;
    loadingMore.current = true;
    const mine = seq.current;
    queryLibrary(query, { limit: PAGE, after: next })
      .then((page) => {
        if (mine !== seq.current) return;
        setItems((prev) => [...(prev ?? []), ...page.items]);
        setNext(page.next);
      })
      .catch(fail)
      .finally(() => (loadingMore.current = false));
  }, [query, next, fail]);

  useEffect(() => {
    const off = onDatabaseTrouble((kind) => setTrouble(troubleText({ ok: false, error: kind, message: '' })));
    // Ask the browser not to evict the library under storage pressure, then show where we stand.
    storageInfo(true).then(setStorage, () => undefined);
    getLibraryPrefs().then(setPrefs, fail);
    getMyCommunes().then(setMyCommunes, () => undefined);
    // Articles saved by the background (context menu, shortcut) could not be sanitized there (no DOM).
    cleanUnsanitized((h) => sanitizeArticleHtml(h)).catch(() => undefined);
    return off;
  }, [fail]);

  const remove = useCallback(
    async (ids: number[]) => {
      try {
        const trash = await deleteArticles(ids);
        setSelected(new Set());
        setNotice({ text: tn('deletedCount', trash.rows.length), trash });
        reload();
      } catch (e) {
        fail(e);
      }
    },
    [reload, fail],
  );
  const undo = useCallback(
    async (trash: Trash) => {
      try {
        const n = await restoreArticles(trash);
        setNotice({ text: tn('restoredCount', n) });
        reload();
      } catch (e) {
        fail(e);
      }
    },
    [reload, fail],
  );

  const bulk = async (action: BulkAction) => {
    const ids = [...selected];
    if (action === 'delete') return remove(ids);
    const flags = {
      archive: { archived: 1 },
      unarchive: { archived: 0 },
      favourite: { favourite: 1 },
      unfavourite: { favourite: 0 },
      read: { read: 1 },
      unread: { read: 0, progress: 0 },
    } as const;
    await setFlags(ids, flags[action]).then(reload, fail);
  };

  const chosen = async (only?: number): Promise<SavedArticle[]> => {
    const ids = only !== undefined ? [only] : [...selected];
    return (await Promise.all(ids.map((id) => getArticle(id)))).filter((a): a is SavedArticle => !!a);
  };
  const exporting = (run: (list: SavedArticle[]) => Promise<void>) => async (only?: number) => {
    const list = await chosen(only);
    if (!list.length) return setNotice({ text: t('exportSelectionHint') });
    await run(list).catch((e: unknown) =>
      setNotice({ text: t('exportFailed', errorMessage(e)), alert: true }),
    );
  };
  const exportMarkdown = exporting(exports.exportMarkdown);
  const exportHtml = exporting(exports.exportHtml);
  const exportEpub = exporting(exports.exportEpub);
  const doImport = async (file: File) => {
    setImporting(0);
    try {
      // The parsers (streaming JSON, papaparse) load only when someone imports.
      const { importFile } = await import('../../utils/db/backup/import');
      const res = await importFile(await file.text(), {
        sanitize: (h) => sanitizeArticleHtml(h),
        onProgress: (f) => setImporting(f),
      });
      setNotice({ text: t('importDone', res.added, res.updated, res.unchanged) });
      reload();
      // Imported settings show at once (the image caps live in this page's state).
      getLibraryPrefs().then(setPrefs, fail);
    } catch (e) {
      setNotice({
        text: t('importFailed', problemDetail(e)),
        alert: true,
      });
    } finally {
      setImporting(null);
    }
  };

  if (articleId !== null)
    return (
      <SavedArticleReader
        key={articleId}
        id={articleId}
        onTrouble={fail}
        trouble={trouble}
        myCommunes={myCommunes}
        onExportMarkdown={() => void exportMarkdown(articleId)}
        onExportHtml={() => void exportHtml(articleId)}
        onExportEpub={() => void exportEpub(articleId)}
        onTags={async (edit) => {
          await editTags([articleId], edit);
          return (await getArticle(articleId))?.tags ?? [];
        }}
        onDelete={() => {
          location.hash = '#/';
          void remove([articleId]);
        }}
      />
    );

  return (
    <>
      {trouble && (
        <p class="library-trouble" role="alert">
          {trouble}
        </p>
      )}
      <LibrarySearch query={query} facets={facets} myCommunes={myCommunes} onChange={setQuery} />
      <BulkBar
        count={selected.size}
        tags={facets.tags}
        onAction={(a) => void bulk(a)}
        onTags={(edit) => void editTags([...selected], edit).then(reload, fail)}
        onSelectShown={() => setSelected(new Set((items ?? []).map((a) => a.id!)))}
        onClear={() => setSelected(new Set())}
      />
      {notice && (
        <Notice
          text={notice.text}
          role={notice.alert ? 'alert' : 'status'}
          onUndo={notice.trash ? () => void undo(notice.trash!) : undefined}
        />
      )}
      {items && counts[0] + counts[1] === 0 && <p class="library-empty">{t('libraryEmpty')}</p>}
      {items && counts[0] + counts[1] > 0 && (
        <>
          <p class="library-count">
            {query.archived ? tn('libraryCountArchived', counts[1]) : tn('libraryCountActive', counts[0])} ·{' '}
            {items.length === 0
              ? t('noResults')
              : next
                ? tn('resultsMore', items.length)
                : tn('resultsShown', items.length)}
          </p>
          <LibraryList
            articles={items}
            selected={selected}
            hasMore={!!next}
            onOpen={(id) => (location.hash = `#/article/${id}`)}
            onDelete={(id) => void remove([id])}
            onFlag={(id, flags) => void setFlags([id], flags).then(reload, fail)}
            onToggleSelect={(id, on) =>
              setSelected((prev) => {
                const s = new Set(prev);
                if (on) s.add(id);
                else s.delete(id);
                return s;
              })
            }
            onNearEnd={loadMore}
            myCommunes={myCommunes}
          />
        </>
      )}
      <BackupPanel
        storage={storage}
        prefs={prefs}
        onExportJson={(w) => void exports.exportJson(w).catch(fail)}
        onExportMarkdown={() => void exportMarkdown()}
        onExportHtml={() => void exportHtml()}
        onExportEpub={() => void exportEpub()}
        onImport={(f) => void doImport(f)}
        importing={importing}
        onPrefs={(p) => void setLibraryPrefs(p).then(() => setPrefs(p), fail)}
      />
    </>
  );
}
