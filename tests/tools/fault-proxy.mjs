// A small HTTP proxy in front of the test WebDAV server that injects the faults a real server or
// network produces: a status on some requests (401, 403, 507…), an HTML page for everything (a login
// portal), garbage bytes, or a connection that stalls in the middle of an upload. 127.0.0.1 only.
import { createServer, request } from 'node:http';

/**
 * `fault(req)` returns null (pass through) or one of {status}, {html}, {garbage}, {stall}. `delayMs`
 * slows every forwarded request (a slow link, so a test can act in the middle of a sync). When the
 * server behind is down, the connection is dropped, as the server itself would.
 */
export async function startFaultProxy(target, fault = () => null, { delayMs = 0 } = {}) {
  const t = new URL(target);
  const seen = [];
  const server = createServer((req, res) => {
    const f = fault(req);
    seen.push({ method: req.method, url: req.url, fault: f ? Object.keys(f)[0] : null });
    if (f?.status) {
      req.resume();
      res.writeHead(f.status, { 'content-type': 'text/plain' });
      return res.end(`injected ${f.status}`);
    }
    if (f?.html) {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        '<!doctype html><html><head><title>Connexion</title></head><body><form>Identifiant</form></body></html>',
      );
    }
    if (f?.garbage) {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(Buffer.from('LSB1 this is not what you wrote \u0000\u0001\u0002'));
    }
    if (f?.stall) {
      // Read part of the body, then never answer: the client's timeout must fire.
      req.once('data', () => req.pause());
      return;
    }
    const forward = () => {
      const up = request(
        {
          host: t.hostname,
          port: t.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: t.host },
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    };
    if (delayMs) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    seen,
    setFault(f) {
      fault = f;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}
