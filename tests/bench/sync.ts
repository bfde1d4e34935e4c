// Sync benchmark: a real WebDAV server (rclone serve webdav, started here on 127.0.0.1), two devices
// (fake-indexeddb in Node), libraries of 1 000 and 10 000 generated articles (~600 words each).
// Per size: first sync of device A (push of the whole library) and of device B (pull of it), bytes on
// the server per article; then rounds of 10 changes on A (tags, flags, progress, a new save, a re-save,
// a delete), each followed by A's sync (push) and B's sync (pull): median time, requests and bytes.
// The incremental cost must not grow with the library: ratio 10 000 / 1 000 ≤ 1.5×.
//
// Usage: npm run bench:sync [-- --json] [-- --sizes 1000,10000] [-- --rounds 5]
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { deleteArticles, saveArticle, setFlags, setProgress } from '../../utils/db/articles';
import { addTag } from '../../utils/db/tags';
import { quietly } from '../../utils/db/quiet';
import { LisibleDB, toRow } from '../../utils/db/schema';
import type { Article } from '../../utils/extract/types';
import { connect, syncNow, type SyncReport } from '../../utils/sync/engine';
import { filesUnder, startWebdav } from '../tools/webdav-server.mjs';

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (arg('--sizes') ?? '1000,10000').split(',').map(Number);
const ROUNDS = Number(arg('--rounds') ?? 5);
const log = (...a: unknown[]) => {
  if (!JSON_OUT) console.log(...a);
};

let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
// A French-looking vocabulary of 6 000 words (syllables), Zipf-like use: generated text that
// compresses about as well as real articles do, so the bytes on the server mean something.
const SYLLABLES =
  'ma ri e con seil mu ni ci pal com mu ne ha bi tant é co le rou te tra vaux pom pier gen dar me rie tri bu nal mar ché fes ti val as so ci a tion port pê che a gri cul teur mé té o dé par te ment pré fec tu re bud get lo ge ment quar tier hô pi tal en tre pri se en fant fê te mu sée'.split(
    ' ',
  );
const VOCAB = Array.from({ length: 6000 }, () =>
  Array.from(
    { length: 2 + Math.floor(rand() * 3) },
    () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)],
  ).join(''),
);
const word = () => VOCAB[Math.floor(rand() ** 2 * VOCAB.length)]!;

function generated(i: number, tag = ''): Article {
  const paragraphs = Array.from({ length: 8 }, () => Array.from({ length: 75 }, word).join(' ') + '.');
  const url = `https://www.ouest-france.fr/normandie/article-${i}${tag}.html`;
  return {
    url,
    canonicalUrl: url,
    title: `Caen : ${Array.from({ length: 7 }, word).join(' ')} (${i}${tag})`,
    excerpt: paragraphs[0]!.slice(0, 200),
    byline: 'Rédaction',
    siteName: 'Ouest-France',
    publishedTime: '2026-11-20T08:00:00.000Z',
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    textContent: paragraphs.join('\n'),
    wordCount: 600,
    readingTimeMinutes: 3,
    teaser: false,
    commune: null,
  };
}

/** A library that existed before sync was turned on (written quietly: its first sync reads it whole). */
async function fill(db: LisibleDB, n: number): Promise<void> {
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => generated(start + k));
    await quietly(db, ['articles', 'bodies'], async () => {
      const ids = (await db.articles.bulkAdd(
        batch.map((a, k) =>
          toRow({
            ...a,
            key: a.url.replace('www.', ''),
            site: 'ouest-france.fr',
            savedAt: 1_700_000_000_000 + (start + k) * 60_000,
            updatedAt: 1_700_000_000_000 + (start + k) * 60_000,
            read: 0,
          }),
        ),
        { allKeys: true },
      )) as number[];
      await db.bodies.bulkPut(
        batch.map((a, k) => ({ id: ids[k]!, contentHtml: a.contentHtml, textContent: a.textContent })),
      );
    });
  }
}

/** Ten changes of a reader's day. */
async function tenChanges(db: LisibleDB, n: number, round: number): Promise<void> {
  const ids = (await db.articles.orderBy(':id').limit(40).primaryKeys()) as number[];
  const pick = (k: number) => ids[(round * 7 + k) % ids.length]!;
  await addTag([pick(0)], `tag${round}a`, db);
  await addTag([pick(1)], `tag${round}b`, db);
  await addTag([pick(2)], `tag${round}c`, db);
  await setFlags([pick(3)], { favourite: 1 }, db);
  await setFlags([pick(4)], { archived: 1 }, db);
  await setProgress(pick(5), 0.3 + round / 100, db);
  await setProgress(pick(6), 0.6 + round / 100, db);
  await saveArticle(generated(n + round, '-nouveau'), db);
  const row = await db.articles.get(pick(8));
  if (row)
    await saveArticle(
      { ...generated(0), url: row.url, canonicalUrl: row.canonicalUrl, title: `${row.title} (mis à jour)` },
      db,
    );
  await deleteArticles([pick(9)], db);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const gc = (globalThis as { gc?: () => void }).gc;

async function timed(fn: () => Promise<SyncReport>): Promise<SyncReport & { wall: number }> {
  // A full collection before each measure: pauses caused by the other library's garbage are not billed here.
  gc?.();
  const t0 = performance.now();
  const r = await fn();
  if (!r.ok) throw new Error(`sync failed: ${r.error?.kind} ${r.error?.message}`);
  return { ...r, wall: performance.now() - t0 };
}

interface SizeResult {
  articles: number;
  firstPushMs: number;
  firstPullMs: number;
  serverBytesPerArticle: number;
  firstPushRequests: number;
  incPushMs: number;
  incPullMs: number;
  incRequests: number;
  incBytes: number;
  /** Of push + pull, the time inside local database transactions. */
  incDbMs: number;
  /** The same 10 changes written by the library itself (no sync): the database's own cost at this size. */
  localWriteMs: number;
}

interface Pair {
  n: number;
  a: LisibleDB;
  b: LisibleDB;
  first: { push: SyncReport & { wall: number }; pull: SyncReport & { wall: number }; bytes: number };
  rounds: Array<{ push: number; pull: number; db: number; local: number; requests: number; bytes: number }>;
}

async function main() {
  const server = await startWebdav();
  const auth = { authorization: `Basic ${btoa(`${server.user}:${server.pass}`)}` };
  const pairs: Pair[] = [];
  try {
    for (const n of SIZES) {
      const folder = `bench-${n}/`;
      await fetch(server.url + folder, { method: 'MKCOL', headers: auth });
      const cfg = { url: server.url + folder, user: server.user, password: server.pass };
      const a = new LisibleDB(`bench-a-${n}-${Math.random()}`);
      const b = new LisibleDB(`bench-b-${n}-${Math.random()}`);
      log(`\n${n} articles: filling device A…`);
      await fill(a, n);
      // The product's key derivation (600 000 PBKDF2 iterations), once per device, not in the sync times.
      await connect(a, cfg, 'une phrase de passe pour le banc', { settleMs: 0 });
      await connect(b, cfg, 'une phrase de passe pour le banc', { settleMs: 0 });
      const push = await timed(() => syncNow(a, { timeoutMs: 120_000 }));
      const bytes = filesUnder(server.dir + '/' + folder).reduce((s, f) => s + f.size, 0);
      log(
        `  first sync A (push): ${(push.wall / 1000).toFixed(1)} s, ${push.requests} requests, ${(bytes / n / 1024).toFixed(2)} KB/article on the server`,
      );
      const pull = await timed(() => syncNow(b, { timeoutMs: 120_000 }));
      log(`  first sync B (pull): ${(pull.wall / 1000).toFixed(1)} s, ${pull.requests} requests`);
      pairs.push({ n, a, b, first: { push, pull, bytes }, rounds: [] });
    }
    // Incremental rounds alternate between the sizes, so a busy machine slows both alike.
    for (let r = 0; r < ROUNDS; r++)
      for (const p of pairs) {
        gc?.();
        const t0 = performance.now();
        await tenChanges(p.a, p.n, r);
        const local = performance.now() - t0;
        const x = await timed(() => syncNow(p.a));
        const y = await timed(() => syncNow(p.b));
        if (x.pushed < 10 || y.pulled < 10)
          throw new Error(`round ${r}: pushed ${x.pushed}, pulled ${y.pulled}`);
        p.rounds.push({
          push: x.wall,
          pull: y.wall,
          db: (x.dbMs ?? 0) + (y.dbMs ?? 0),
          local,
          requests: x.requests + y.requests,
          bytes: x.bytesUp + y.bytesDown,
        });
      }
    for (const p of pairs) {
      const [ca, cb] = await Promise.all([p.a.articles.count(), p.b.articles.count()]);
      if (ca !== cb) throw new Error(`libraries differ: ${ca} vs ${cb}`);
      p.a.close();
      p.b.close();
    }
  } finally {
    await server.stop();
  }
  const results: SizeResult[] = pairs.map((p) => ({
    articles: p.n,
    firstPushMs: p.first.push.wall,
    firstPullMs: p.first.pull.wall,
    serverBytesPerArticle: p.first.bytes / p.n,
    firstPushRequests: p.first.push.requests,
    incPushMs: median(p.rounds.map((x) => x.push)),
    incPullMs: median(p.rounds.map((x) => x.pull)),
    incRequests: median(p.rounds.map((x) => x.requests)),
    incBytes: median(p.rounds.map((x) => x.bytes)),
    incDbMs: median(p.rounds.map((x) => x.db)),
    localWriteMs: median(p.rounds.map((x) => x.local)),
  }));
  const small = results.find((r) => r.articles === Math.min(...SIZES))!;
  const big = results.find((r) => r.articles === Math.max(...SIZES))!;
  const inc = (r: SizeResult) => r.incPushMs + r.incPullMs;
  const outside = (r: SizeResult) => Math.max(1, inc(r) - r.incDbMs);
  const ratio = {
    time: inc(big) / inc(small),
    syncWork: outside(big) / outside(small),
    localWrites: big.localWriteMs / small.localWriteMs,
    requests: big.incRequests / small.incRequests,
    bytes: big.incBytes / small.incBytes,
  };
  if (JSON_OUT) {
    console.log(
      JSON.stringify(
        { server: 'rclone serve webdav', rounds: ROUNDS, results, ratio, pass: ratio.time <= 1.5 },
        null,
        2,
      ),
    );
    return;
  }
  const f = (ms: number) =>
    ms >= 10_000
      ? `${(ms / 1000).toFixed(0)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(1)} s`
        : `${ms.toFixed(0)} ms`;
  const cols = results.map((r) => `${r.articles} articles`);
  const rows: Array<[string, ...string[]]> = [
    ['first sync, device A (push all)', ...results.map((r) => f(r.firstPushMs))],
    ['first sync, device B (pull all)', ...results.map((r) => f(r.firstPullMs))],
    [
      'bytes on the server per article',
      ...results.map((r) => `${(r.serverBytesPerArticle / 1024).toFixed(2)} KB`),
    ],
    ['10 changes: push (A)', ...results.map((r) => f(r.incPushMs))],
    ['10 changes: pull (B)', ...results.map((r) => f(r.incPullMs))],
    ['… of which local database (A + B)', ...results.map((r) => f(r.incDbMs))],
    ['the 10 changes written locally, no sync', ...results.map((r) => f(r.localWriteMs))],
    ['10 changes: requests (A + B)', ...results.map((r) => String(r.incRequests))],
    ['10 changes: bytes sent + received', ...results.map((r) => `${(r.incBytes / 1024).toFixed(1)} KB`)],
  ];
  console.log(`\n| operation | ${cols.join(' | ')} |`);
  console.log(`| --- | ${cols.map(() => '---:').join(' | ')} |`);
  for (const [name, ...v] of rows) console.log(`| ${name} | ${v.join(' | ')} |`);
  console.log(
    `\nIncremental cost ratio ${big.articles}/${small.articles}: time ${ratio.time.toFixed(2)}× ` +
      `(sync work outside the local database ${ratio.syncWork.toFixed(2)}×; the database's own writes of the same ` +
      `changes ${ratio.localWrites.toFixed(2)}×), requests ${ratio.requests.toFixed(2)}×, bytes ${ratio.bytes.toFixed(2)}× ` +
      `(target ≤ 1.5×: ${ratio.time <= 1.5 ? 'PASS' : 'FAIL'})`,
  );
}

await main();
