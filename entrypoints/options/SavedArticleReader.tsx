// Reading a saved article in the library page: stored images only, the rest on request; progress
// saved as the reader scrolls and resumed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleView } from '../../components/ArticleView';
import { ReaderView } from '../../components/ReaderView';
import { getArticle, setFlags, setProgress } from '../../utils/db/articles';
import { getImages, imageSources, storeImages } from '../../utils/db/images';
import type { SavedArticle } from '../../utils/db/schema';
import { t } from '../../utils/ui/i18n';
import { useReaderSettings } from '../../utils/ui/use-reader-settings';

/** Reading a saved article: the same ArticleView, images from the database, progress saved and resumed. */
export function SavedArticleReader({
  id,
  onTrouble,
  trouble,
  onExportMarkdown,
  onExportHtml,
}: {
  id: number;
  onTrouble: (e: unknown) => void;
  trouble: string | null;
  onExportMarkdown: () => void;
  onExportHtml: () => void;
}) {
  const [settings] = useReaderSettings();
  const [article, setArticle] = useState<SavedArticle | null | undefined>(undefined);
  const [images, setImages] = useState<Map<string, string> | undefined>();
  const urls = useRef<string[]>([]);
  const show = useCallback((blobs: Map<string, Blob>) => {
    const made = [...blobs].map(([k, b]) => [k, URL.createObjectURL(b)] as const);
    urls.current.push(...made.map(([, u]) => u));
    setImages((prev) => new Map([...(prev ?? []), ...made]));
  }, []);
  useEffect(() => {
    Promise.all([getArticle(id), getImages(id)])
      .then(([a, blobs]) => {
        show(blobs);
        setArticle(a ?? null);
      })
      .catch(onTrouble);
    return () => urls.current.splice(0).forEach((u) => URL.revokeObjectURL(u));
  }, [id, onTrouble, show]);
  // Only stored copies show (this page's CSP allows no remote image); the others are fetched when the
  // reader asks, once, and kept within the caps.
  const policy = useMemo(() => images && { local: images, remote: 0 }, [images]);
  const showImages = useCallback(() => {
    if (!article || !images) return;
    const missing = imageSources(article.contentHtml).filter((u) => !images.has(u));
    storeImages(id, article.contentHtml, { only: missing }).then(show, onTrouble);
  }, [article, images, id, show, onTrouble]);

  // Resume where the reader stopped (once, when the article is first shown)…
  const restored = useRef(false);
  useEffect(() => {
    if (!article || restored.current) return;
    restored.current = true;
    const range = document.documentElement.scrollHeight - window.innerHeight;
    if (article.progress > 0 && article.progress < 0.95 && range > 0)
      window.scrollTo(0, article.progress * range);
  }, [article]);
  // …then save the position as they scroll, at most once a second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (timer || !restored.current) return;
      timer = setTimeout(() => {
        timer = undefined;
        const r = document.documentElement.scrollHeight - window.innerHeight;
        if (r > 0) void setProgress(id, window.scrollY / r).catch(() => undefined);
      }, 1000);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  const actions = useMemo(
    () =>
      article && (
        <p class="library-reader-actions">
          <button
            type="button"
            onClick={() =>
              void setFlags([id], { favourite: article.favourite ? 0 : 1 }).then(() =>
                setArticle({ ...article, favourite: article.favourite ? 0 : 1 }),
              )
            }
          >
            {article.favourite ? t('unfavourite') : t('favourite')}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              void setFlags([id], { read: article.read ? 0 : 1 }).then(() =>
                setArticle({ ...article, read: article.read ? 0 : 1 }),
              )
            }
          >
            {article.read ? t('markUnread') : t('markRead')}
          </button>{' '}
          <button type="button" class="export-md" onClick={onExportMarkdown}>
            {t('exportMarkdown')}
          </button>{' '}
          <button type="button" class="export-html" onClick={onExportHtml}>
            {t('exportHtml')}
          </button>
        </p>
      ),
    [article, id, onExportMarkdown, onExportHtml],
  );

  return (
    <>
      <p class="library-back">
        <a href="#/">{t('back')}</a>
      </p>
      {trouble && <p role="alert">{trouble}</p>}
      {article === null && <p role="alert">{t('savedArticleGone')}</p>}
      {article && images && (
        <ReaderView settings={settings}>
          <ArticleView article={article} images={policy} onShowImages={showImages} actions={actions} />
        </ReaderView>
      )}
    </>
  );
}
