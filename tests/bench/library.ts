// Library benchmark (fake-indexeddb in Node): a library of 10 000 generated articles of realistic size
// against one of 100, both generated once per run and queried in turn (a run of the small library, a
// run of the large one, and so on: machine noise hits both alike). Reports the first list page, search
// (common, rare, commoner word, as typed), every filter alone, in pairs and in threes, export, import,
// and the stored size per article.
//
// A filter's ratio compares pages of the SAME size: as many rows as the filter gives at 100 articles (at
// most 60). At 100 articles « tag + favourites » has 2 rows; at 10 000 its first page has 60, and reading
// 60 rows costs more than reading 2 whatever the plan — the page of 60 is shown too, in ms. A combination
// no article of the 100 matches is compared on a page of one row, against the same 100 articles with
// the newest made to match it (hits « 1* »).
//
// Usage: npm run bench:library [-- --json] [-- --n 10000] [-- --runs 7]
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { loadCommunes, setCommuneSource } from '../../utils/communes/load';
import { exportBackupJson } from '../../utils/db/backup/format';
import { importFile } from '../../utils/db/backup/import';
import { LisibleDB } from '../../utils/db/schema';
import { queryLibrary, type LibraryQuery } from '../../utils/db/search';
import { officialIndexText } from '../unit/communes/official';
import { combinations, generate, reads, seedNow } from './library-data';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : NaN);
const JSON_OUT = args.includes('--json');
const BIG = opt('--n') || 10_000;
const SMALL = 100;
const RUNS = opt('--runs') || 7;
const PAGE = 60;
const started = performance.now();
const log = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${s}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function once(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
/**
 * A full collection, once after generation (npm run bench:library passes --expose-gc): fake-indexeddb
 * holds the whole library in this process's heap (~1.2 GB for 10 000 articles; a browser keeps it on
 * disk), and the collection the generation left owing would land inside the first timings. Not before
 * each pair: a forced full collection also drops compiled code, and the runs after it were slower
 * (tried: 3 combinations over 3× instead of 1, the run 4× longer).
 */
const collect = () => (globalThis as { gc?: () => void }).gc?.();
/** Median of `runs` runs after a warm-up. */
async function timed(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push(await once(fn));
  return median(ts);
}
/**
 * Medians of runs of a and b taken in turn, after one warm-up of each: at least `runs`, and more (up to
 * 25) while they took less than a second, so a query is not judged on a handful of noisy runs.
 */
async function pair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs = RUNS,
): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  let spent = 0;
  // (A second's worth: a page of 60 rows takes ~10 ms, and the collections of a heap holding 10 000
  // articles land in a few of its runs — seven runs of it gave medians 3× apart from one run to the next.)
  for (let i = 0; i < 25 && (i < runs || spent < 1000); i++) {
    ta.push(await once(a));
    tb.push(await once(b));
    spent += ta[i]! + tb[i]!;
  }
  return [median(ta), median(tb)];
}

/** Stored bytes per article, as UTF-8 JSON: rows, their index entries (words, facets), bodies. */
async function stored(database: LisibleDB, n: number) {
  let rows = 0;
  let facets = 0;
  let entries = 0;
  let bodies = 0;
  await database.articles.each((r) => {
    // (v8: the words by publication date are a second list of entries, in the row and in their index.)
    rows +=
      Buffer.byteLength(JSON.stringify(r)) + Buffer.byteLength(r.words.join('') + (r.pwords ?? []).join(''));
    // An index entry is its key and the row's id; the row itself holds the same list once more.
    facets += 2 * Buffer.byteLength(JSON.stringify(r.facets)) + 8 * r.facets.length;
    entries += r.facets.length;
  });
  await database.bodies.each((b) => (bodies += Buffer.byteLength(JSON.stringify(b))));
  // v9: each article's words once more, as one string (its own table, no index but its key).
  let light = 0;
  await database.wordText.each((t) => (light += Buffer.byteLength(JSON.stringify(t))));
  return {
    total: (rows + facets / 2 + bodies + light) / n,
    facets: facets / n,
    entries: entries / n,
    light: light / n,
  };
}

setCommuneSource(async () => officialIndexText());
await loadCommunes();
log(`generating ${SMALL} and ${BIG} articles`);
const smallSeed = seedNow();
const small = await generate(`bench-${SMALL}-${Date.now()}`, SMALL, () => {});
let lastLog = 0;
const big = await generate(`bench-${BIG}-${Date.now()}`, BIG, (done) => {
  if (performance.now() - lastLog < 15_000 && done !== BIG) return;
  lastLog = performance.now();
  log(`${done} written`);
});
const insertMs = performance.now() - started;
collect();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
log(`heap after generation: ${heapMb.toFixed(0)} MB`);
const span = (n: number) => n * 60_000;
const q =
  (database: LisibleDB, query: LibraryQuery, limit = PAGE) =>
  () =>
    queryLibrary(query, { limit }, database);

const operations: Array<[string, number, number, string?]> = [];
for (const [name, query] of [
  ['first list page (60 rows)', {}],
  ['search, common word "mairie"', { text: 'mairie' }],
  ['search, rare word "ornithorynque"', { text: 'ornithorynque' }],
  ['search as typed "conseil mun"', { text: 'conseil mun' }],
] as Array<[string, LibraryQuery]>)
  operations.push([name, ...(await pair(q(small, query), q(big, query)))]);
log('list and search done');

// Every filter alone, in pairs and in threes: pages of the same size at both sizes, then the page of 60.
// A combination no article of the small library matches has no page to compare (two empty ranges at
// 100 against the row a page must show at 10 000): its baseline is the same 100 articles with the
// newest one made to match it, a page of one row at both sizes (marked « 1* »).
type Combo = {
  name: string;
  hits: [number, number];
  ms: [number, number];
  page60: number;
  work: string;
  made?: boolean;
  /** The first measure, when it was over 3× by more than the floor and was measured again. */
  first?: [number, number];
};
const combos: Combo[] = [];
/**
 * Absolute floor of the 3× judgement: a combination is over 3× only if its page at 10 000 also takes
 * FLOOR_MS more than at 100. Below it the difference is a request or two (an empty range at 100, one
 * row and key at 10 000), which no plan can remove, and a ratio of two tiny timings says nothing: such
 * combinations are listed apart, with their reads, never left out.
 */
const FLOOR_MS = 0.25;
const ratio = (c: { ms: [number, number] }) => c.ms[1] / c.ms[0];
const overFloor = (c: { ms: [number, number] }) => c.ms[1] - c.ms[0] > FLOOR_MS;
/** Rows (+ light `wordText` rows, v9), keys and requests one run of a query reads (deterministic). */
async function work(run: () => Promise<unknown>): Promise<string> {
  const start = { ...reads };
  await run();
  const light = reads.light - start.light;
  return `${reads.rows - start.rows}${light ? `+${light}` : ''}/${reads.keys - start.keys}/${reads.requests - start.requests}`;
}
for (const size of [1, 2, 3]) {
  const smallQueries = new Map(combinations(span(SMALL), size));
  for (const [name, query] of combinations(span(BIG), size)) {
    const sq = smallQueries.get(name)!;
    let base = small;
    let hits = (await queryLibrary(sq, { limit: PAGE }, small)).items.length;
    const made = hits === 0;
    if (made) {
      base = await generate(`bench-${SMALL}-made-${Date.now()}`, SMALL, () => {}, sq, smallSeed);
      hits = (await queryLibrary(sq, { limit: PAGE }, base)).items.length;
      if (hits !== 1) throw new Error(`${name}: the article made to match gives ${hits} rows`);
    }
    let ms = await pair(q(base, sq), q(big, query, hits));
    // Over 3× is measured once more before it is reported: on this shared heap a page of 60 rows timed
    // 32 ms in one pair and 8 ms three runs later, with the same reads (the reads are the plan's proof;
    // both measures are in the JSON).
    let first: [number, number] | undefined;
    if (ratio({ ms }) > 3 && overFloor({ ms })) {
      first = ms;
      ms = await pair(q(base, sq), q(big, query, hits));
    }
    const page60 = await timed(q(big, query), 3);
    const hitsBig = (await queryLibrary(query, { limit: PAGE }, big)).items.length;
    const read = `${await work(q(base, sq))} → ${await work(q(big, query, hits))}`;
    if (made) await base.delete();
    combos.push({ name, hits: [hits, hitsBig], ms, page60, work: read, made, first });
  }
  log(`${combos.length} filter combinations done`);
}

// Export and import grow with the library, as they must: one run at 10 000 (minutes on fake-indexeddb).
let json = '';
const exportMs: [number, number] = [
  await once(async () => (json = await exportBackupJson({}, small))),
  await once(async () => (json = await exportBackupJson({}, big))),
];
log('export done');
const importTimes: number[] = [];
let jsonSmall = await exportBackupJson({}, small);
for (const [n, text] of [
  [SMALL, jsonSmall],
  [BIG, json],
] as Array<[number, string]>) {
  const target = new LisibleDB(`bench-import-${n}-${Date.now()}`);
  importTimes.push(await once(() => importFile(text, { sanitize: (h) => h }, target)));
  await target.delete();
}
jsonSmall = '';
log('import done');
operations.push(['export JSON (all, 1 run)', ...exportMs]);
operations.push(['import JSON (all, one transaction, 1 run)', importTimes[0]!, importTimes[1]!]);
const bytes = await stored(big, BIG);
const rareHits = (await queryLibrary({ text: 'ornithorynque' }, {}, big)).items.length;

const worstOf = (list: Combo[]) => list.reduce((w, c) => (ratio(c) > ratio(w) ? c : w));
const worst = worstOf(combos);
const judged = combos.filter((c) => overFloor(c) || ratio(c) <= 3);
const worstJudged = worstOf(judged.length ? judged : combos);
if (JSON_OUT) {
  console.log(
    JSON.stringify({
      articles: BIG,
      baseline: SMALL,
      insertMsPerArticle: insertMs / (BIG + SMALL),
      operations: Object.fromEntries(operations.map(([k, a, b]) => [k, { small: a, big: b, ratio: b / a }])),
      filterCombinations: Object.fromEntries(
        combos.map((c) => [
          c.name,
          {
            ms: c.ms,
            ratio: ratio(c),
            hits: c.hits,
            madeToMatch: !!c.made,
            firstMs: c.first ?? null,
            page60: c.page60,
            reads: c.work,
          },
        ]),
      ),
      worstFilterRatio: ratio(worst),
      floorMs: FLOOR_MS,
      worstFilterRatioOverFloor: ratio(worstJudged),
      over3: combos.filter((c) => ratio(c) > 3 && overFloor(c)).map((c) => c.name),
      over3WithinFloor: combos.filter((c) => ratio(c) > 3 && !overFloor(c)).map((c) => c.name),
      bytesPerArticle: Math.round(bytes.total),
      facetBytesPerArticle: Math.round(bytes.facets),
      wordTextBytesPerArticle: Math.round(bytes.light),
      exportBytesPerArticle: Math.round(json.length / BIG),
      rareHits,
    }),
  );
} else {
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  console.log(
    `Lisible library benchmark — fake-indexeddb, Node ${process.version}; medians of ${RUNS} to 25 runs taken in turn on both libraries (export and import: 1 run)\n`,
  );
  console.log(`| operation | ${SMALL} articles (ms) | ${BIG} articles (ms) | ratio |`);
  console.log('|---|---:|---:|---:|');
  for (const [name, a, b] of operations)
    console.log(`| ${name} | ${f(a)} | ${f(b)} | ${(b / a).toFixed(2)}× |`);
  console.log(
    `\nwritten in bulk: ${f(insertMs / (BIG + SMALL))} ms/article (transactions of 500); stored ≈ ${(bytes.total / 1024).toFixed(1)} KB/article (rows + index entries + bodies, no images), of which the facets index ${(bytes.facets / 1024).toFixed(2)} KB (${bytes.entries.toFixed(1)} entries) and the words as one string (wordText) ${(bytes.light / 1024).toFixed(2)} KB; JSON backup ${(json.length / BIG / 1024).toFixed(1)} KB/article; rare word found in ${rareHits} article(s)`,
  );
  console.log(
    `\n| filters | hits at ${SMALL} | ${SMALL} (ms) | ${BIG}, same page (ms) | ratio | rows(+light rows)/keys/requests read, ${SMALL} → ${BIG} | ${BIG}, page of 60 (ms) | hits at ${BIG} |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of combos)
    if (c.name.split(' + ').length <= 2)
      console.log(
        `| ${c.name} | ${c.hits[0]}${c.made ? '*' : ''} | ${f(c.ms[0])} | ${f(c.ms[1])} | ${ratio(c).toFixed(2)}× | ${c.work} | ${f(c.page60)} | ${c.hits[1]} |`,
      );
  const triples = combos.filter((c) => c.name.split(' + ').length === 3);
  const listed = (list: Combo[]) =>
    list
      .map(
        (c) =>
          `; ${c.name} ${ratio(c).toFixed(2)}× (${f(c.ms[0])} → ${f(c.ms[1])} ms, hits ${c.hits[0]}${c.made ? '*' : ''}, read ${c.work})`,
      )
      .join('');
  const over = triples.filter((c) => ratio(c) > 3 && overFloor(c));
  const floored = triples.filter((c) => ratio(c) > 3 && !overFloor(c));
  console.log(
    `\nthree filters: ${triples.length} combinations, median ratio ${median(triples.map(ratio)).toFixed(2)}×, ${over.length} over 3× by more than ${FLOOR_MS} ms${listed(over)}`,
  );
  console.log(
    `\nover 3× but within the absolute floor (10 000 takes less than ${FLOOR_MS} ms more than 100), all sizes: ${combos.filter((c) => ratio(c) > 3 && !overFloor(c)).length}, of which ${floored.length} triples${listed(combos.filter((c) => ratio(c) > 3 && !overFloor(c)))}`,
  );
  console.log(
    `\n${combos.length} combinations (${combos.filter((c) => c.made).length} compared with the newest of the 100 made to match: 1*), ${combos.filter((c) => c.first).length} over 3× at the first measure and measured again (${
      combos
        .filter((c) => c.first)
        .map((c) => `${c.name} ${(c.first![1] / c.first![0]).toFixed(2)}× → ${ratio(c).toFixed(2)}×`)
        .join('; ') || 'none'
    }), ${combos.filter((c) => ratio(c) > 3).length} over 3× (${combos.filter((c) => ratio(c) > 3 && overFloor(c)).length} by more than ${FLOOR_MS} ms); worst ratio ${ratio(worst).toFixed(2)}× (${worst.name}), worst over the floor ${ratio(worstJudged).toFixed(2)}× (${worstJudged.name}); run took ${((performance.now() - started) / 60_000).toFixed(1)} min`,
  );
}
await small.delete();
await big.delete();
