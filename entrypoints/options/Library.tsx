// The library page: wires the display-only components to utils/db (read and written directly from
// this extension page; only saves coming from content scripts go through the background).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  BackupPanel,
  BulkBar,
  LibrarySearch,
  Notice,
  type BulkAction,
  type Facets,
  type StorageInfo,
} from '../../components/LibraryControls';
import { LibraryList } from '../../components/LibraryList';
import { SavedArticleReader } from './SavedArticleReader';
import { download, slug, stamp } from './download';
import {
  addTag,
  cleanUnsanitized,
  countArticles,
  deleteArticles,
  facets as loadFacets,
  getArticle,
  restoreArticles,
  setFlags,
  type Trash,
} from '../../utils/db/articles';
import { exportBackup, exportBackupJson, type BackupImage } from '../../utils/db/backup/format';
import { errorKind, errorMessage, onDatabaseTrouble } from '../../utils/db/errors';
import { getLibraryPrefs, setLibraryPrefs } from '../../utils/db/images';
import type { ArticleRow, LibraryPrefs, SavedArticle } from '../../utils/db/schema';
import { queryLibrary, type Cursor, type LibraryQuery } from '../../utils/db/search';
import { t, tn, uiLang } from '../../utils/ui/i18n';
import { sanitizeArticleHtml } from '../../utils/safety/sanitize';

const PAGE = 60;

/** The message a user sees for a database failure. */
export function troubleText(e: unknown): string {
  switch (errorKind(e)) {
    case 'quota':
      return t('errQuota');
    case 'unavailable':
      return t('errUnavailable');
    case 'blocked':
      return t('errBlocked');
    case 'versionchange':
      return t('errVersionchange');
    default:
      return t('errGeneric', errorMessage(e));
  }
}

type Notice = { text: string; trash?: Trash; alert?: boolean } | null;

export function Library({ articleId }: { articleId: number | null }) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [items, setItems] = useState<ArticleRow[] | null>(null);
  const [next, setNext] = useState<Cursor | null>(null);
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<Facets>({ sites: [], communes: [], tags: [] });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [prefs, setPrefs] = useState<LibraryPrefs | null>(null);
  const [importing, setImporting] = useState<number | null>(null);
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
    countArticles().then(setTotal, fail);
    loadFacets().then(setFacets, fail);
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
    const off = onDatabaseTrouble((kind) =>
      setTrouble(kind === 'blocked' ? t('errBlocked') : t('errVersionchange')),
    );
    // Ask the browser not to evict the library under storage pressure, then show where we stand.
    (async () => {
      const persisted =
        (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
      const est = await navigator.storage?.estimate?.();
      if (est) setStorage({ usage: est.usage ?? 0, quota: est.quota ?? 0, persisted });
    })().catch(() => undefined);
    getLibraryPrefs().then(setPrefs, fail);
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
  const exportMarkdown = async (only?: number) => {
    const list = await chosen(only);
    if (!list.length) return setNotice({ text: t('exportSelectionHint') });
    // turndown is loaded only when someone exports (it would weigh on every opening of the library).
    const { toMarkdown } = await import('../../utils/db/backup/markdown');
    download(
      list.length === 1 ? `${slug(list[0]!.title)}.md` : `lisible-${stamp()}.md`,
      list.map(toMarkdown).join('\n\n---\n\n'),
      'text/markdown',
    );
  };
  const exportHtml = async (only?: number) => {
    const list = await chosen(only);
    if (!list.length) return setNotice({ text: t('exportSelectionHint') });
    const backup = await exportBackup({ ids: list.map((a) => a.id!) });
    const images = new Map<number, BackupImage[]>(backup.articles.map((a) => [a.id!, a.images ?? []]));
    const { toStandaloneHtml } = await import('../../utils/db/backup/html');
    const html = await toStandaloneHtml(list, {
      images,
      // Inlined images swapped in, every other image held: the file loads nothing.
      sanitize: (h, local) => sanitizeArticleHtml(h, undefined, { local, remote: 0 }),
      lang: uiLang().slice(0, 2),
    });
    download(
      list.length === 1 ? `${slug(list[0]!.title)}.html` : `lisible-${stamp()}.html`,
      html,
      'text/html',
    );
  };
  const exportJson = async (withImages: boolean) => {
    try {
      download(`lisible-${stamp()}.json`, await exportBackupJson({ images: withImages }), 'application/json');
    } catch (e) {
      fail(e);
    }
  };
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
      const kind = errorKind(e);
      setNotice({
        text: t('importFailed', kind === 'invalid' || kind === 'unknown' ? errorMessage(e) : troubleText(e)),
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
        onExportMarkdown={() => void exportMarkdown(articleId).catch(fail)}
        onExportHtml={() => void exportHtml(articleId).catch(fail)}
      />
    );

  return (
    <>
      {trouble && (
        <p class="library-trouble" role="alert">
          {trouble}
        </p>
      )}
      <LibrarySearch query={query} facets={facets} onChange={setQuery} />
      <BulkBar
        count={selected.size}
        onAction={(a) => void bulk(a)}
        onTag={(tag) => void addTag([...selected], tag).then(reload, fail)}
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
      {items && total === 0 && <p class="library-empty">{t('libraryEmpty')}</p>}
      {items && total > 0 && (
        <>
          <p class="library-count">
            {tn('libraryCount', total)} ·{' '}
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
            onToggleSelect={(id, on) =>
              setSelected((prev) => {
                const s = new Set(prev);
                if (on) s.add(id);
                else s.delete(id);
                return s;
              })
            }
            onNearEnd={loadMore}
          />
        </>
      )}
      <BackupPanel
        storage={storage}
        prefs={prefs}
        onExportJson={(w) => void exportJson(w)}
        onExportMarkdown={() => void exportMarkdown().catch(fail)}
        onExportHtml={() => void exportHtml().catch(fail)}
        onImport={(f) => void doImport(f)}
        importing={importing}
        onPrefs={(p) => void setLibraryPrefs(p).then(() => setPrefs(p), fail)}
      />
    </>
  );
}
