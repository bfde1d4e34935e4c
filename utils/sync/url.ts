// The sync server's address: checked and normalized here, without the WebDAV client, so the options
// page can ask for the host permission of that one origin without loading the client.
import { SyncError } from './errors';

/** The configured URL as a folder URL, or SyncError('config'). Only http(s), no credentials in it. */
export function folderUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new SyncError('config', 'The server address is not a URL.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new SyncError('config', 'The server address must start with https:// (or http://).');
  if (u.username || u.password)
    throw new SyncError('config', 'Put the user name and password in their own fields, not in the address.');
  u.hash = '';
  u.search = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}

/**
 * The host-permission pattern for the server (permissions.request / contains): its scheme and host.
 * Without the port: Firefox's match patterns cannot carry one (and in Chrome a host pattern covers
 * every port), so this is the one host, whatever its port.
 */
export function originPattern(url: string): string {
  const u = folderUrl(url);
  return `${u.protocol}//${u.hostname}/*`;
}
