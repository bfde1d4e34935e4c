// A tiny static server for the bundled sample pages (localhost only, no network needed).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const SAMPLE_DIR = join(import.meta.dirname, '../fixtures/pages/tendance-ouest--seed');
const PAGES_DIR = join(import.meta.dirname, 'pages');
const HOSTILE_DIR = join(import.meta.dirname, '../fixtures/hostile');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

// A 1×1 PNG, served under /many/<n>.png (never cached: every request reaches the server and is counted).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Routes: /actualite/… → the sample article; /pages/<file> → tests/e2e/pages; /many/<n>.png → a tiny
 * image, counted in `hits`; sample assets by name.
 */
export async function startServer(port = 0) {
  const hits = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/many/')) {
      hits.set(path, (hits.get(path) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      return res.end(PNG);
    }
    let file;
    if (path.startsWith('/actualite/')) file = join(SAMPLE_DIR, 'source.html');
    else if (path.startsWith('/hostile/'))
      file = join(HOSTILE_DIR, normalize(path.slice('/hostile/'.length)).replace(/^(\.\.[/\\])+/, ''));
    else if (path.startsWith('/pages/'))
      file = join(PAGES_DIR, normalize(path.slice('/pages/'.length)).replace(/^(\.\.[/\\])+/, ''));
    else file = join(SAMPLE_DIR, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    // Assets referenced relatively from /actualite/… resolve under /actualite/ too.
    if (path.startsWith('/actualite/') && extname(path) && extname(path) !== '.html')
      file = join(SAMPLE_DIR, path.split('/').pop());
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  const origin = `http://127.0.0.1:${actual}`;
  return {
    server,
    origin,
    hits,
    articleUrl: `${origin}/actualite/normandie-la-region-veut-accueillir-des-data-centers-dedies-a-l-ia.html`,
    close: () => new Promise((r) => server.close(r)),
  };
}
