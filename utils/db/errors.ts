// What can go wrong with the library's database, as a small set of kinds the UI turns into messages.
import Dexie from 'dexie';
import { t } from '../ui/i18n';

export type DbErrorKind = 'quota' | 'unavailable' | 'blocked' | 'versionchange' | 'invalid' | 'unknown';

export class LibraryError extends Error {
  constructor(
    public kind: DbErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** Maps Dexie / IndexedDB / DOM errors to a kind. Dexie wraps the browser's error in `inner`. */
export function errorKind(e: unknown): DbErrorKind {
  if (e instanceof LibraryError) return e.kind;
  const err = e as { name?: string; inner?: { name?: string; inner?: { name?: string } } } | null;
  const names = [err?.name, err?.inner?.name, err?.inner?.inner?.name];
  if (names.includes('QuotaExceededError')) return 'quota';
  // Firefox private windows before 115, disabled storage, or no IndexedDB at all.
  if (names.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'SecurityError'))
    return 'unavailable';
  if (names.includes('VersionError') || names.includes('DatabaseClosedError')) return 'versionchange';
  if (e instanceof Dexie.OpenFailedError) return 'unavailable';
  return 'unknown';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A failed write as a result the message map can carry (an Error does not survive structured clone). */
export interface Failure {
  ok: false;
  error: DbErrorKind;
  message: string;
}
export function failure(e: unknown): Failure {
  const kind = errorKind(e);
  const message =
    kind === 'quota'
      ? 'Storage is full: the article was not saved.'
      : kind === 'unavailable'
        ? 'The library database cannot be opened here.'
        : errorMessage(e);
  return { ok: false, error: kind, message };
}

/**
 * The one place a database problem becomes words for the reader. Quota, a database that cannot open, an
 * upgrade blocked by another tab or done under us each get their own advice; anything else carries its
 * detail (`invalid`: what the validator said).
 */
export function troubleText(e: unknown): string {
  const f = e !== null && typeof e === 'object' && (e as Failure).ok === false ? (e as Failure) : failure(e);
  switch (f.error) {
    case 'quota':
      return t('errQuota');
    case 'unavailable':
      return t('errUnavailable');
    case 'blocked':
      return t('errBlocked');
    case 'versionchange':
      return t('errVersionchange');
    default:
      return t('errGeneric', f.message);
  }
}

/** Inside a sentence of our own ("L'import a échoué : …"): a refusal's own reason, else the advice. */
export function problemDetail(e: unknown): string {
  const kind = errorKind(e);
  return kind === 'invalid' || kind === 'unknown' ? errorMessage(e) : troubleText(e);
}

/** A failed save, in the words of the popup, reading mode and the toolbar badge's tooltip. */
export function saveFailureText(f: Failure): string {
  if (f.error === 'quota') return t('saveFailedQuota');
  if (f.error === 'invalid' || f.error === 'unknown') return t('saveFailed', f.message);
  return troubleText(f);
}

type Listener = (kind: 'blocked' | 'versionchange') => void;
const listeners = new Set<Listener>();

/** The UI subscribes to hear that another tab blocks an upgrade, or upgraded the database under it. */
export function onDatabaseTrouble(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Wires a database handle to those listeners (called on the shared handle and in tests). */
export function watchDatabase(database: Dexie): void {
  // Another tab (a newer Lisible after an update) wants to upgrade: close so it is not blocked, and tell
  // the user to reload rather than keep writing with an outdated schema.
  database.on('versionchange', () => {
    database.close({ disableAutoOpen: true });
    for (const fn of listeners) fn('versionchange');
    return false;
  });
  // We want to upgrade but an older tab keeps the old version open: Dexie waits; ask to close it.
  database.on('blocked', () => {
    for (const fn of listeners) fn('blocked');
  });
}
