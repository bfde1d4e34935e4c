// Types of webdav-server.mjs (plain JS so the e2e suites and the benchmark load it without a build).
export const RCLONE: string;
export function haveRclone(): boolean;
export interface WebdavServer {
  user: string;
  pass: string;
  dir: string;
  readonly port: number;
  readonly origin: string;
  readonly url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}
export function startWebdav(opts?: {
  user?: string;
  pass?: string;
  dir?: string;
  port?: number;
}): Promise<WebdavServer>;
export function filesUnder(dir: string): Array<{ path: string; size: number }>;
export function grepFiles(dir: string, needle: string): string[];
