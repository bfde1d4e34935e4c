// The ONE message protocol of Lisible. Every message name says its direction
// (sender→receiver:verb), and every payload/response type is declared here, so a
// sender and a handler cannot disagree without the type checker noticing.
import { browser, type Browser } from 'wxt/browser';
import type { Article, ExtractResult } from '../extract/types';
import type { SaveResult } from '../db/articles';
import type { Category, ClassifiedsPrefs, Visibility } from '../classifieds/types';
import type { SyncReport } from '../sync/engine';
import type { ConnectResponse } from '../sync/run';
import type { UserRule } from '../settings/user-rules';
import type { OnDemandScript } from './on-demand';

/** One block the content script found on the page, as the popup lists it. */
export interface BlockReport {
  /** Handle for this page's life (describeBlock); not stored anywhere. */
  id: number;
  category: Category;
  items: number;
  /** First words of the block. */
  text: string;
  /** Found by shape, by a known-site rule, or by one of the reader's rules. */
  source: 'shape' | 'site' | 'user';
  /** Hidden or collapsed right now. */
  hidden: boolean;
}

/** What a tab's content script found and did about classifieds. */
export interface ClassifiedsReport {
  host: string;
  categories: Array<{ category: Category; blocks: number; items: number; visibility: Visibility }>;
  blocks: BlockReport[];
  /** Classified items currently hidden or collapsed on the page (the badge number). */
  hiddenItems: number;
}

/** "Masquer un bloc…" picks a block to hide; "Choisir le texte à lire" picks the article's text. */
export type PickerMode = 'hide' | 'content';

/** A block the reader picked (or cancelled) on the page. */
export type PickResult =
  { cancelled: true } | { cancelled?: false; selector: string; category?: Category; label: string };

export interface ProtocolMap {
  /** Popup or reading-mode frame asks the tab's content script for the extracted article. */
  'extension→content:getArticle': { req: Record<string, never>; res: ExtractResult };
  /** Popup / reading mode asks the background to store an article (the background is Dexie's writer). */
  'page→background:saveArticle': { req: { article: Article }; res: SaveResult };
  /** Popup asks the tab's content script what classifieds it found and hid. */
  'popup→content:getClassifieds': { req: Record<string, never>; res: ClassifiedsReport };
  /** Content script asks the background to inject an on-demand script (engine, picker, scanner) into its frame. */
  'content→background:inject': {
    req: { script: OnDemandScript };
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
  'extension→content:toggleReader': {
    /** `content`: the block the reader just chose to read (before the rules mirror has reached the tab). */
    req: { open?: boolean; content?: string };
    res: ReaderToggleResult;
  };
  /** The reading-mode frame asks its tab's content script to close it (Escape, close button). */
  'extension→content:closeReader': { req: Record<string, never>; res: { ok: boolean } };
  /** Popup: a robust selector for one listed block ("Ce n'est pas une annonce"). */
  'popup→content:describeBlock': {
    req: { id: number };
    res: { ok: true; rule: UserRule; ruleId?: number } | { ok: false };
  };
  /** Popup / options page store one of the reader's site rules (Dexie, mirrored to every tab). */
  'page→background:addUserRule': {
    req: { rule: UserRule };
    res: { ok: true; id: number } | { ok: false; message: string };
  };
  /** Popup / options page delete site rules (or all of them). */
  'page→background:deleteUserRules': { req: { ids: number[] | 'all' }; res: { ok: boolean } };
  /** Popup starts the block picker on a tab (the background injects it). */
  'page→background:startPicker': {
    req: { tabId: number; mode: PickerMode };
    res: { ok: true } | { ok: false; message: string };
  };
  /** The picker, in the tab the background started it in, reports the reader's pick. */
  'picker→background:picked': { req: { mode: PickerMode; result: PickResult }; res: { ok: boolean } };
}

/**
 * The reading-mode frame and its tab's content script talk over a runtime port of this name, opened by
 * the frame once it proved it is the frame the content script created (see entrypoints/content/reading-mode.ts).
 */
export const READER_PORT = 'lisible-reader';
/**
 * Firefox gives an extension page framed in a web page no `tabs` API, so there the frame opens a runtime
 * port of this name to the background, which relays it to the tab's content script (reader-relay.ts).
 */
export const READER_RELAY = 'lisible-reader-relay';
export type ReaderPortMessage =
  | { type: 'hello'; nonce: string }
  | { type: 'article'; result: ExtractResult }
  | { type: 'close' }
  /** Relayed ports only: keeps Firefox's event page from being suspended under an open reader. */
  | { type: 'ping' };

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

/**
 * Shape check for anything arriving through runtime.onMessage: other extensions' or pages' junk is
 * ignored. The type itself is checked against the receiver's handlers (onMessages), which is the list
 * of what that receiver accepts.
 */
export function isEnvelope(msg: unknown): msg is Envelope {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return m.lisible === 1 && typeof m.type === 'string' && typeof m.payload === 'object' && m.payload !== null;
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
  [T in K]: (payload: Req<T>, sender: Browser.runtime.MessageSender) => Res<T> | Promise<Res<T>>;
};

/**
 * Registers handlers for some message types. Listeners return a Promise (no sendResponse), which
 * both Chrome MV3 and Firefox accept; unknown messages return undefined so other listeners may answer.
 */
export function onMessages<K extends MessageType>(handlers: Handlers<K>): () => void {
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(msg) || !Object.prototype.hasOwnProperty.call(handlers, msg.type)) return undefined;
    const handler = handlers[msg.type as K] as (p: unknown, s: Browser.runtime.MessageSender) => unknown;
    // A handler that throws answers with a rejection, as an async one would.
    return Promise.resolve().then(() => handler(msg.payload, sender));
  };
  // The typings want sendResponse-style listeners; a returned Promise is the documented alternative.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(listener);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  return () => browser.runtime.onMessage.removeListener(listener);
}
