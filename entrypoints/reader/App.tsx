// Reading mode, running as an extension page inside the frame that the content script lays over the
// news page. It asks its tab's content script for the article, renders it with the shared reader
// components, and saves through the background like the popup does.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { ArticleView } from '../../components/ArticleView';
import { NarrationBar, narrationBarProps } from '../../components/NarrationBar';
import type { SaveState } from '../../utils/db/save';
import { ReaderSettingsPanel } from '../../components/ReaderSettingsPanel';
import { ReaderView } from '../../components/ReaderView';
import { SaveControls } from '../../components/SaveControls';
import type { Article } from '../../utils/extract/types';
import { t } from '../../utils/ui/i18n';
import { READER_PORT, READER_RELAY, type ReaderPortMessage } from '../../utils/messaging/messages';
import { useCommuneView } from '../../utils/ui/use-commune';
import { saveFromPage } from '../../utils/db/save';
import { MAX_IMAGES } from '../../utils/db/images';
import { useNarration } from '../../utils/ui/use-narration';
import { useReaderSettings } from '../../utils/ui/use-reader-settings';

type Load = { kind: 'loading' } | { kind: 'article'; article: Article } | { kind: 'none'; message: string };

/** The tab this frame is in, or null where the frame has no `tabs` API (Firefox): then the link is relayed. */
async function currentTabId(): Promise<number | null | undefined> {
  // The typings say `tabs` is always there; in Firefox a framed extension page does not have it.
  const tabs = browser.tabs as typeof browser.tabs | undefined;
  if (!tabs?.getCurrent) return null;
  return (await tabs.getCurrent())?.id;
}

function openLink(tabId: number | null): Browser.runtime.Port {
  return tabId === null
    ? browser.runtime.connect({ name: READER_RELAY })
    : browser.tabs.connect(tabId, { name: READER_PORT, frameId: 0 });
}

// Nonces posted to this window, collected from the moment the module runs: the content script posts its
// nonce on the frame's load event, before the tab id is known.
const nonces: string[] = [];
let onNonce: ((n: string) => void) | undefined;
window.addEventListener('message', (e: MessageEvent) => {
  const d = e.data as { lisible?: unknown; nonce?: unknown } | null;
  if (e.source !== window.parent || d?.lisible !== 'reader-nonce' || typeof d.nonce !== 'string') return;
  if (nonces.length >= 20) return;
  nonces.push(d.nonce);
  onNonce?.(d.nonce);
});

/**
 * Proves to the tab's content script that this page is the frame it opened: the nonce it posted to this
 * window (for our origin only) goes back over a runtime port, which page scripts cannot open. The page
 * may post fake nonces too; each is tried, and the content script drops the ports with a wrong one.
 */
function connectToTab(
  tabId: number | null,
  onArticle: (r: Extract<ReaderPortMessage, { type: 'article' }>['result']) => void,
  onRefused: () => void,
): { close: () => void; stop: () => void } {
  let port: Browser.runtime.Port | undefined;
  let ping: ReturnType<typeof setInterval> | undefined;
  const tryNonce = (nonce: string) => {
    if (port) return;
    const p = openLink(tabId);
    if (tabId === null) ping ??= setInterval(() => port?.postMessage({ type: 'ping' }), 20_000);
    p.onMessage.addListener((msg: ReaderPortMessage) => {
      if (msg.type !== 'article') return;
      port = p;
      onArticle(msg.result);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) {
        port = undefined;
        onRefused();
      }
    });
    p.postMessage({ type: 'hello', nonce } satisfies ReaderPortMessage);
  };
  nonces.forEach(tryNonce);
  onNonce = tryNonce;
  // Opened by anything but our content script (the page embedding reader.html): nothing to show.
  const timer = setTimeout(() => port || onRefused(), 5000);
  return {
    close: () => port?.postMessage({ type: 'close' } satisfies ReaderPortMessage),
    stop: () => {
      clearTimeout(timer);
      clearInterval(ping);
      onNonce = undefined;
    },
  };
}

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const link = useRef<{ close: () => void; stop: () => void } | undefined>(undefined);
  const [settings, changeSettings] = useReaderSettings();
  const [panelOpen, setPanelOpen] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const bodyRef = useRef<HTMLDivElement>(null);
  // As in the popup: the first MAX_IMAGES of the article's images, the rest when the reader asks.
  const [allImages, setAllImages] = useState(false);
  const images = useMemo(() => ({ remote: allImages ? Infinity : MAX_IMAGES }), [allImages]);
  const panelButton = useRef<HTMLButtonElement>(null);
  const commune = useCommuneView(load.kind === 'article' ? load.article : null);

  useEffect(() => {
    currentTabId()
      .then((id) => {
        if (id === undefined) throw new Error('no tab');
        link.current = connectToTab(
          id,
          (r) =>
            setLoad(
              r.ok
                ? { kind: 'article', article: r.article }
                : { kind: 'none', message: t('readerNotArticle') },
            ),
          () => setLoad((l) => (l.kind === 'loading' ? { kind: 'none', message: t('readerNotOurs') } : l)),
        );
      })
      .catch((e: unknown) =>
        setLoad({ kind: 'none', message: `${t('reasonError')} ${e instanceof Error ? e.message : ''}` }),
      );
    return () => link.current?.stop();
  }, []);

  const close = useCallback(() => {
    speechSynthesis?.cancel();
    link.current?.close();
  }, []);

  // Escape closes the settings panel first, then reading mode. The listener reads the panel state from
  // a ref: effects re-run only after a paint, so a listener re-registered on each change would see a
  // stale state when two Escapes come quickly (the second one then closed the panel "again").
  const panelOpenRef = useRef(panelOpen);
  panelOpenRef.current = panelOpen;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !e.isTrusted) return;
      e.preventDefault();
      if (panelOpenRef.current) {
        panelOpenRef.current = false;
        setPanelOpen(false);
        panelButton.current?.focus();
      } else close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  // Focus moves into reading mode: the headline is the first thing read.
  useEffect(() => {
    if (load.kind === 'article') document.querySelector<HTMLElement>('.lisible-title')?.focus();
  }, [load.kind]);

  // Narration: built once the body is rendered; voices may arrive later (voiceschanged).
  const narration = useNarration(bodyRef, load.kind === 'article' ? load.article : null, settings.rate);

  const onSave = useCallback(() => {
    if (load.kind !== 'article') return;
    setSave({ kind: 'saving' });
    void saveFromPage(load.article).then(setSave);
  }, [load]);

  const host = load.kind === 'article' ? new URL(load.article.url).hostname : undefined;
  const saveControls = (
    <SaveControls
      save={save}
      onSave={onSave}
      after={
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      }
    />
  );

  return (
    <ReaderView settings={settings} class="lisible-reading-mode">
      <div class="lisible-toolbar" role="toolbar" aria-label={t('readerToolbar')}>
        <button type="button" class="lisible-close" onClick={close} aria-label={t('closeReader')}>
          ✕
        </button>
        <button
          type="button"
          ref={panelButton}
          aria-expanded={panelOpen}
          aria-controls="lisible-settings-panel"
          onClick={() => setPanelOpen(!panelOpen)}
        >
          {t('displaySettings')}
        </button>
        {load.kind === 'article' && (
          <NarrationBar
            {...narrationBarProps(narration, settings.rate, (rate) => changeSettings({ ...settings, rate }))}
          />
        )}
      </div>
      {panelOpen && (
        <div
          id="lisible-settings-panel"
          class="lisible-settings-panel"
          role="dialog"
          aria-label={t('displaySettings')}
        >
          <ReaderSettingsPanel settings={settings} onChange={changeSettings} host={host} showPreview />
        </div>
      )}
      <main class="lisible-main">
        {load.kind === 'loading' && (
          <p role="status" aria-busy="true">
            {t('loading')}
          </p>
        )}
        {load.kind === 'none' && <p role="alert">{load.message}</p>}
        {load.kind === 'article' && (
          <ArticleView
            article={load.article}
            commune={commune}
            footer={saveControls}
            bodyRef={bodyRef}
            images={images}
            onShowImages={() => setAllImages(true)}
          />
        )}
      </main>
    </ReaderView>
  );
}
