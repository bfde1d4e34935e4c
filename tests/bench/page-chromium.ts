// What the Chromium timings share (classifieds-chromium.ts: the scan; extract-chromium.ts: the
// extraction): pages served from 127.0.0.1, cross-origin isolated so that performance.now() has 5 µs
// steps instead of 100; Debian's Chromium with the e2e flags, every other host failing at once, GC
// exposed; code evaluated in an isolated world of the page (as the extension's); CPU profiles walked
// sample by sample.
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/chromium.mjs';

/** Serves page i at `${origin}/p/${i}.html`. */
export async function servePages(htmls: readonly string[]): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const i = Number(/^\/p\/(\d+)\.html$/.exec(req.url ?? '')?.[1] ?? NaN);
    if (htmls[i] === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(htmls[i]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

export function launchForTimings(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--js-flags=--expose-gc',
    ],
  });
}

/** A new isolated world in the page's main frame: its execution context id. */
export async function isolatedWorld(cdp: CDPSession, name: string): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: name,
  });
  return executionContextId;
}

export async function evaluate(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const r = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (r.exceptionDetails)
    throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Profile {
  nodes: Array<{ id: number; children?: number[]; callFrame: CallFrame }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Each sample of a CDP CPU profile: its stack (innermost first) and the ms it stands for. */
export function forEachSample(profile: unknown, fn: (stack: CallFrame[], ms: number) => void): void {
  const p = profile as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n] as const));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  (p.samples ?? []).forEach((id, i) => {
    const stack: CallFrame[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
      stack.push(byId.get(n)!.callFrame);
    fn(stack, (p.timeDeltas?.[i] ?? 0) / 1000);
  });
}
