// Reading a saved article in the library page: stored images only, the rest on request; progress
// saved as the reader scrolls and resumed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleView } from '../../components/ArticleView';
import { HighlightsPanel } from '../../components/HighlightsPanel';
import { NarrationBar, narrationBarProps } from '../../components/NarrationBar';
import { ReaderView } from '../../components/ReaderView';
import { ArticleTags, type TagEdit } from '../../components/TagEditor';
import { getArticle, setFlags, setProgress } from '../../utils/db/articles';
import { getImages, imageSources, storeImages } from '../../utils/db/images';
import type { SavedArticle } from '../../utils/db/schema';
import { t } from '../../utils/ui/i18n';
import { useNarration } from '../../utils/ui/use-narration';
import { useReaderSettings } from '../../utils/ui/use-reader-settings';
import { useHighlights } from './use-highlights';

/**
 * Reading a saved article: the same ArticleView, images from the database, progress saved and resumed;
 * favourite, read, archive, tags, highlights and notes, print, read-aloud, exports and delete.
 */
export function SavedArticleReader({
  id,
  onTrouble,
  trouble,
  onExportMarkdown,
  onExportHtml,
  onExportEpub,
  onTags,
  onDelete,
  myCommunes = [],
}: {
  id: number;
  onTrouble: (e: unknown) => void;
  trouble: string | null;
  onExportMarkdown: () => void;
  onExportHtml: () => void;
  onExportEpub: () => void;
  /** Applies a tag edit to this article; resolves to its tags afterwards. */
  onTags: (edit: TagEdit) => Promise<string[]>;
  /** Deletes the article (the list then offers "Annuler"). */
  onDelete: () => void;
  myCommunes?: string[];
}) {
  const [settings] = useReaderSettings();
  const bodyRef = useRef<HTMLDivElement>(null);
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

  const marks = useHighlights(id, bodyRef, images, onTrouble);
  const narration = useNarration(bodyRef, images ? (article ?? null) : null, settings.rate);

  const flip = useCallback(
    (k: 'favourite' | 'read' | 'archived') => {
      if (!article) return;
      const v = article[k] ? 0 : 1;
      void setFlags([id], { [k]: v }).then(() => setArticle({ ...article, [k]: v }), onTrouble);
    },
    [article, id, onTrouble],
  );
  const button = (cls: string, label: string, onClick: () => void, pressed?: boolean) => (
    <button type="button" class={cls} aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
  const actions = article && (
    <>
      <p class="library-reader-actions">
        {button('saved-favourite', t('favourite'), () => flip('favourite'), article.favourite === 1)}{' '}
        {button('saved-read', article.read ? t('markUnread') : t('markRead'), () => flip('read'))}{' '}
        {button('saved-archive', article.archived ? t('unarchive') : t('archive'), () => flip('archived'))}{' '}
        {button('saved-print', t('print'), () => window.print())}{' '}
        {button('export-md', t('exportMarkdown'), onExportMarkdown)}{' '}
        {button('export-html', t('exportHtml'), onExportHtml)}{' '}
        {button('export-epub', t('exportEpub'), onExportEpub)} {button('saved-delete', t('delete'), onDelete)}
      </p>
      <ArticleTags
        tags={article.tags}
        onTags={(edit) => void onTags(edit).then((tags) => setArticle({ ...article, tags }), onTrouble)}
      />
      <NarrationBar {...narrationBarProps(narration, settings.rate)} />
    </>
  );
  const commune = article?.commune && {
    name: article.commune.name,
    mine: !!article.communeInsee && myCommunes.includes(article.communeInsee),
  };

  return (
    <>
      <p class="library-back">
        <a href="#/">{t('back')}</a>
      </p>
      {trouble && <p role="alert">{trouble}</p>}
      {article === null && <p role="alert">{t('savedArticleGone')}</p>}
      {article && images && (
        <ReaderView settings={settings}>
          <ArticleView
            article={article}
            commune={commune}
            images={policy}
            onShowImages={showImages}
            actions={actions}
            bodyRef={bodyRef}
            footer={
              <HighlightsPanel
                highlights={marks.list}
                orphans={marks.orphans}
                canHighlight={marks.canHighlight}
                onHighlight={() => void marks.highlight()}
                onNote={marks.note}
                onDelete={marks.remove}
                onGoTo={marks.goTo}
              />
            }
          />
        </ReaderView>
      )}
    </>
  );
}
