// What can go wrong with sync, as a small set of kinds the options page turns into messages. Every
// failure leaves the local library as it was and the pending changes pending: the next sync resumes.
export type SyncErrorKind =
  | 'config' // settings incomplete or invalid
  | 'permission' // the reader did not grant access to the server's origin
  | 'unreachable' // network error, server down, DNS
  | 'timeout' // no answer in time (mid-upload included)
  | 'auth' // 401: wrong user or password
  | 'forbidden' // 403
  | 'quota' // 507 Insufficient Storage (or 413 on a too large upload)
  | 'not-webdav' // an answer that is not WebDAV (HTML page, garbage, redirect elsewhere)
  | 'server' // other 4xx/5xx
  | 'passphrase' // the passphrase does not open this server's sync folder
  | 'no-vault' // the sync folder on the server is gone (emptied or reset)
  | 'vault-changed' // the sync folder was set up again with another passphrase/salt
  | 'corrupt' // a file that does not decrypt (tampered, truncated): nothing from it is applied
  | 'busy' // another sync of this profile is running
  | 'local'; // the local database failed (quota, closed)

export class SyncError extends Error {
  constructor(
    public kind: SyncErrorKind,
    message: string,
    public status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function syncErrorKind(e: unknown): SyncErrorKind {
  return e instanceof SyncError ? e.kind : 'local';
}
