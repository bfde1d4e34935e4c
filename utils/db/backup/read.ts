// Recognising an import file and turning it into articles, in slices: a 50 MB backup is parsed by a
// streaming JSON parser fed 128 kB at a time and checked article by article, giving the event loop a
// turn every ~30 ms, so the page never freezes and a progress bar can move.
import { JSONParser } from '@streamparser/json';
import { BACKUP_FORMAT } from './format';
import { fail, type Incoming } from './incoming';
import { backupPrefs, checkBackupHeader, fromBackupArticle } from './lisible';
import { csvHeader, fromPocketCsv, fromPocketHtml } from './pocket';
import type { PrefRow } from '../schema';
import { fromWallabagEntry, isWallabag } from './wallabag';

export type ImportFormat = 'lisible' | 'pocket-csv' | 'pocket-html' | 'wallabag';
export type Progress = (fraction: number) => void;

const SLICE_MS = 30;
const CHUNK = 128 * 1024;

/** Awaited between pieces of work: yields to the event loop once the current slice has run SLICE_MS. */
export function slicer(): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < SLICE_MS) return;
    await new Promise<void>((r) => setTimeout(r, 0));
    start = performance.now();
  };
}

type Raw = { top: Record<string, unknown>; articles: unknown[]; array: unknown[] | null };

/** Streams the JSON: keeps the backup's small fields, collects articles (or a top-level array's items). */
async function readJson(text: string, progress: Progress, pause: () => Promise<void>): Promise<Raw> {
  const isArray = text.trimStart().startsWith('[');
  const out: Raw = { top: {}, articles: [], array: isArray ? [] : null };
  const parser = new JSONParser({
    paths: isArray
      ? ['$.*']
      : ['$.format', '$.version', '$.articles', '$.articles.*', '$.prefs', '$.userRules'],
    keepStack: false,
  });
  parser.onValue = ({ value, key, parent, stack }) => {
    if (isArray) out.array!.push(value);
    else if (stack.length === 2 && typeof key === 'number') {
      out.articles.push(value);
      (parent as unknown[])[key] = 0; // not kept twice: the list itself only tells that it is a list
    } else if (typeof key === 'string') out.top[key] = value;
  };
  try {
    for (let i = 0; i < text.length; i += CHUNK) {
      parser.write(text.slice(i, i + CHUNK));
      progress((0.4 * i) / text.length);
      await pause();
    }
    if (!parser.isEnded) parser.end();
  } catch {
    return fail('This file is not valid JSON.');
  }
  return out;
}

export interface Parsed {
  format: ImportFormat;
  items: Incoming[];
  prefs: PrefRow[];
  /** A Lisible backup's `userRules`, as read (checked by user-rules-backup.ts before anything is written). */
  userRules?: unknown;
}

/** Recognizes the file and turns it into articles, or throws LibraryError('invalid') with the reason. */
export async function parseImport(
  text: string,
  sanitize: (h: string) => string,
  progress: Progress = () => undefined,
): Promise<Parsed> {
  const pause = slicer();
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('{') || head.startsWith('[')) {
    const raw = await readJson(text, progress, pause);
    const check = async (list: unknown[], one: (r: unknown, n: number) => Incoming) => {
      const items: Incoming[] = [];
      for (const [n, r] of list.entries()) {
        items.push(one(r, n + 1));
        if (n % 20 === 0) progress(0.4 + (0.4 * n) / list.length);
        await pause();
      }
      return items;
    };
    if (raw.top.format === BACKUP_FORMAT) {
      checkBackupHeader(raw.top.version);
      if (!Array.isArray(raw.top.articles)) fail('Lisible backup without an articles list.');
      const prefs = backupPrefs(raw.top.prefs);
      const items = await check(raw.articles, (r, n) => fromBackupArticle(r, n, sanitize));
      return { format: 'lisible', items, prefs, userRules: raw.top.userRules };
    }
    if (isWallabag(raw.array))
      return {
        format: 'wallabag',
        items: await check(raw.array, (r, n) => fromWallabagEntry(r, n, sanitize)),
        prefs: [],
      };
    return fail('This JSON file is neither a Lisible backup nor a wallabag export.');
  }
  const header = csvHeader(head);
  if (header.includes('url') && (header.includes('title') || header.includes('time_added')))
    return { format: 'pocket-csv', items: fromPocketCsv(text), prefs: [] };
  if (/<!DOCTYPE NETSCAPE-Bookmark|<title>Pocket Export<\/title>/i.test(head))
    return { format: 'pocket-html', items: fromPocketHtml(text), prefs: [] };
  return fail(
    'Unknown file: expected a Lisible backup, a Pocket export (CSV or HTML) or a wallabag JSON export.',
  );
}
