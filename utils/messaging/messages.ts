// The ONE message protocol of Lisible. Every message name says its direction
// (sender→receiver:verb), and every payload/response type is declared here, so a
// sender and a handler cannot disagree without the type checker noticing.
import { browser, type Browser } from 'wxt/browser';
import type { Article, ExtractResult } from '../extract/types';
import type { SaveResult } from '../db/articles';
import type { Category, ClassifiedsPrefs, Visibility } from '../classifieds/types';
import type { SyncReport } from '../sync/engine';
import type { ConnectResponse } from '../sync/run';

/** What a tab's content script found and did about classifieds. */
export interface ClassifiedsReport {
  host: string;
  categories: Array<{ category: Category; blocks: number; items: number; visibility: Visibility }>;
  /** Classified items currently hidden or collapsed on the page (the badge number). */
  hiddenItems: number;
}

export interface ProtocolMap {
  /** Popup or reading-mode frame asks the tab's content script for the extracted article. */
  'extension→content:getArticle': { req: Record<string, never>; res: ExtractResult };
  /** Popup / reading mode asks the background to store an article (the background is Dexie's writer). */
  'page→background:saveArticle': { req: { article: Article }; res: SaveResult };
  /** Popup asks the tab's content script what classifieds it found and hid. */
  'popup→content:getClassifieds': { req: Record<string, never>; res: ClassifiedsReport };
  /** Content script asks the background to inject the extraction engine into its frame. */
  'content→background:loadExtractor': {
    req: Record<string, never>;
    res: { ok: true } | { ok: false; message: string };
  };
  /** Content script tells the background how many classifieds it hides (toolbar badge). */
  'content→background:classifiedsCount': { req: { hiddenItems: number }; res: { ok: boolean } };
  /** Content script tells the background whether its page looks like an article (toolbar state). */
  'content→background:pageIsArticle': { req: { article: boolean }; res: { ok: boolean } };
  /** Popup / options page store new classifieds preferences (Dexie, mirrored to every tab). */
  'page→background:setClassifiedsPrefs': {
    req: { prefs: ClassifiedsPrefs };
    res: { ok: true } | { ok: false; message: string };
  };
  /** Popup, shortcut or context menu (via the background) turn reading mode on or off in a tab. */
  'extension→content:toggleReader': { req: { open?: boolean }; res: ReaderToggleResult };
  /** Options page: set up sync with a WebDAV server (the background checks the passphrase, keeps the keys). */
  'page→background:syncConnect': {
    req: { url: string; user: string; password: string; passphrase: string };
    res: ConnectResponse;
  };
  /** Options page: "Synchroniser maintenant". */
  'page→background:syncNow': { req: Record<string, never>; res: SyncReport };
  /** Options page: stop syncing on this device (the library stays). */
  'page→background:syncDisconnect': { req: Record<string, never>; res: { ok: boolean } };
  /** An extension page wrote to the library: sync soon (the background may have been asleep). */
  'page→background:syncSoon': { req: Record<string, never>; res: { ok: boolean } };
}

/**
 * The reading-mode frame and its tab's content script talk over a runtime port of this name, opened by
 * the frame once it proved it is the frame the content script created (see entrypoints/content/reading-mode.ts).
 */
export const READER_PORT = 'lisible-reader';
export type ReaderPortMessage =
  { type: 'hello'; nonce: string } | { type: 'article'; result: ExtractResult } | { type: 'close' };

export type ReaderToggleResult =
  { open: boolean } | { open: false; reason: 'not-article' | 'error'; detail?: string };

export type MessageType = keyof ProtocolMap;
export type Req<T extends MessageType> = ProtocolMap[T]['req'];
export type Res<T extends MessageType> = ProtocolMap[T]['res'];

export interface Envelope<T extends MessageType = MessageType> {
  lisible: 1;
  type: T;
  payload: Req<T>;
}

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'extension→content:getArticle',
  'page→background:saveArticle',
  'popup→content:getClassifieds',
  'content→background:classifiedsCount',
  'content→background:pageIsArticle',
  'content→background:loadExtractor',
  'page→background:setClassifiedsPrefs',
  'extension→content:toggleReader',
  'page→background:syncConnect',
  'page→background:syncNow',
  'page→background:syncDisconnect',
  'page→background:syncSoon',
]);

/** Shape check for anything arriving through runtime.onMessage: other extensions' or pages' junk is ignored. */
export function isEnvelope(msg: unknown): msg is Envelope {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return (
    m.lisible === 1 &&
    typeof m.type === 'string' &&
    TYPES.has(m.type) &&
    typeof m.payload === 'object' &&
    m.payload !== null
  );
}

export function envelope<T extends MessageType>(type: T, payload: Req<T>): Envelope<T> {
  return { lisible: 1, type, payload };
}

export async function sendToBackground<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  return (await browser.runtime.sendMessage(envelope(type, payload))) as Res<T>;
}

export async function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  payload: Req<T>,
): Promise<Res<T>> {
  return (await browser.tabs.sendMessage(tabId, envelope(type, payload))) as Res<T>;
}

export type Handlers<K extends MessageType> = {
  [T in K]: (payload: Req<T>, sender: Browser.runtime.MessageSender) => Promise<Res<T>>;
};

/**
 * Registers handlers for some message types. Listeners return a Promise (no sendResponse), which
 * both Chrome MV3 and Firefox accept; unknown messages return undefined so other listeners may answer.
 */
export function onMessages<K extends MessageType>(handlers: Handlers<K>): () => void {
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(msg) || !(msg.type in handlers)) return undefined;
    const handler = handlers[msg.type as K] as (
      p: unknown,
      s: Browser.runtime.MessageSender,
    ) => Promise<unknown>;
    return handler(msg.payload, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
