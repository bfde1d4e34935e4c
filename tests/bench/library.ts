// Library benchmark (fake-indexeddb in Node): 10 000 generated articles of realistic size against 100.
// Reports time to the first list page, search latency for a common and a rare word, every filter alone
// and in pairs (triples summed up in one line), export and import time — each with its ratio to the
// same operation on 100 articles — and the stored size per article.
//
// Usage: npm run bench:library [-- --json] [-- --n 10000] [-- --triples]
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { loadCommunes, setCommuneSource } from '../../utils/communes/load';
import type { LibraryQuery } from '../../utils/db/search';
import { officialIndexText } from '../unit/communes/official';
import { exportBackupJson } from '../../utils/db/backup/format';
import { importFile } from '../../utils/db/backup/import';
import { LisibleDB, toRow, type SavedArticle } from '../../utils/db/schema';
import { queryLibrary } from '../../utils/db/search';
import { articleKey } from '../../utils/db/articles';

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const BIG = Number(args[args.indexOf('--n') + 1]) || 10_000;
const SMALL = 100;

// Deterministic pseudo-random numbers, so two runs measure the same library.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const REAL = (
  'mairie conseil municipal commune habitants école collège lycée route travaux chantier pompiers ' +
  'gendarmerie accident tribunal marché festival concert association club football rugby handball ' +
  'vélo plage port pêche agriculteurs élevage lait récolte météo tempête pluie vent inondation ' +
  'département région préfecture maire adjoint élus budget impôts logement quartier centre-ville ' +
  'commerce boulangerie hôpital médecin santé entreprise emplois usine salariés grève retraite ' +
  'enfants parents bénévoles fête église patrimoine château musée exposition théâtre cinéma livre'
).split(' ');
const SITES = [
  'ouest-france.fr',
  'actu.fr',
  'letelegramme.fr',
  'tendanceouest.com',
  'lamanchelibre.fr',
  'sudouest.fr',
];
// Name and INSEE code (as actu.fr URLs carry it), resolved to the official commune at save.
const COMMUNES: Array<[string, string]> = [
  ['Caen', '14118'],
  ['Saint-Lô', '50502'],
  ['Cherbourg-en-Cotentin', '50129'],
  ['Rennes', '35238'],
  ['Brest', '29019'],
  ['La Baule', '44055'],
  ['Vannes', '56260'],
  ['Lorient', '56121'],
  ['Quimper', '29232'],
  ['Granville', '50218'],
];
const DAY = 86_400_000;
const BASE = 1_700_000_000_000;
// A long tail of made-up words, Zipf-like: most are rare, as in real text.
const TAIL = Array.from({ length: 20_000 }, (_, i) => `mot${i.toString(36)}`);
const word = () =>
  rand() < 0.6 ? REAL[Math.floor(rand() * REAL.length)]! : TAIL[Math.floor(rand() ** 3 * TAIL.length)]!;

function article(i: number): SavedArticle {
  const site = SITES[i % SITES.length]!;
  const [commune, insee] = COMMUNES[i % COMMUNES.length]!;
  const paragraphs: string[] = [];
  // ~600 words in 8 paragraphs: a typical regional news article (4-5 KB of text).
  for (let p = 0; p < 8; p++) paragraphs.push(Array.from({ length: 75 }, word).join(' ') + '.');
  if (i === 4242 % BIG) paragraphs.push('Un ornithorynque a été vu près du lavoir.'); // the rare word
  const title = `${commune} : ${Array.from({ length: 7 }, word).join(' ')} (${i})`;
  const url = `https://www.${site}/${commune.toLowerCase().replace(/\W+/g, '-')}/article-${i}.html`;
  const text = paragraphs.join('\n');
  const html =
    paragraphs.map((p) => `<p>${p}</p>`).join('') +
    `<figure><img src="https://img.${site}/${i}.jpg" alt=""></figure>`;
  const savedAt = BASE + i * 60_000;
  const tags = [...(i % 4 === 0 ? ['à lire'] : []), ...(i % 23 === 0 ? ['vélo'] : [])];
  const row = toRow({
    url,
    canonicalUrl: url,
    title,
    excerpt: paragraphs[0]!.slice(0, 200),
    byline: 'Rédaction',
    siteName: site,
    publishedTime: new Date(savedAt - (i % 30) * DAY).toISOString(),
    modifiedTime: null,
    lang: 'fr',
    leadImage: null,
    contentHtml: html,
    textContent: text,
    wordCount: 600,
    readingTimeMinutes: 3,
    teaser: false,
    commune: { name: commune, postcode: null, inseeCode: insee },
    tags,
    favourite: (i % 17 === 0 ? 1 : 0) as 0 | 1,
    archived: (i % 11 === 0 ? 1 : 0) as 0 | 1,
    key: articleKey(url),
    site,
    savedAt,
    updatedAt: savedAt,
    read: (i % 3 === 0 ? 1 : 0) as 0 | 1,
  });
  return { ...row, contentHtml: html, textContent: text };
}

async function fill(database: LisibleDB, n: number): Promise<number> {
  const t0 = performance.now();
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => article(start + k));
    await database.transaction('rw', database.articles, database.bodies, async () => {
      const ids = (await database.articles.bulkAdd(
        batch.map(({ contentHtml: _h, textContent: _t, ...r }) => r),
        { allKeys: true },
      )) as number[];
      await database.bodies.bulkAdd(
        batch.map((a, k) => ({ id: ids[k]!, contentHtml: a.contentHtml, textContent: a.textContent })),
      );
    });
  }
  return performance.now() - t0;
}

/** Median of several runs (the first is a warm-up), in ms. */
async function time(fn: () => Promise<unknown>, runs = 15): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

/** The filters a reader combines, each as it narrows a query. */
function filters(n: number): Array<[string, LibraryQuery]> {
  const span = n * 60_000;
  return [
    ['text "mairie"', { text: 'mairie' }],
    ['site', { site: 'actu.fr' }],
    ['commune', { communes: ['29019'] }],
    ['Ma commune (2)', { communes: ['29019', '50502'] }],
    ['tag "vélo"', { tag: 'vélo' }],
    ['unread', { read: 0 }],
    ['favourites', { favourite: true }],
    ['archived', { archived: true }],
    ['published, last 20 %', { dateField: 'published', from: BASE + span * 0.8 - 30 * DAY, to: BASE + span }],
  ];
}

/** Every single filter and every pair (and triple with --triples), as one query each. */
function combinations(n: number, size: number): Array<[string, LibraryQuery]> {
  const f = filters(n);
  const out: Array<[string, LibraryQuery]> = [];
  const pick = (start: number, names: string[], q: LibraryQuery) => {
    if (names.length === size) return void out.push([names.join(' + '), q]);
    for (let i = start; i < f.length; i++) {
      const [name, part] = f[i]!;
      // "commune" and "Ma commune" are the same filter.
      if (part.communes && q.communes) continue;
      pick(i + 1, [...names, name], { ...q, ...part });
    }
  };
  pick(0, [], {});
  return out;
}
const TRIPLES = args.includes('--triples');

async function measure(n: number) {
  const database = new LisibleDB(`bench-${n}-${Date.now()}`);
  await database.open();
  const insertMs = await fill(database, n);
  const list = await time(() => queryLibrary({}, { limit: 60 }, database));
  const common = await time(() => queryLibrary({ text: 'mairie' }, { limit: 60 }, database));
  const rare = await time(() =>
    queryLibrary({ text: n === BIG ? 'ornithorynque' : 'ornithorynque' }, { limit: 60 }, database),
  );
  const typing = await time(() => queryLibrary({ text: 'conseil mun' }, { limit: 60 }, database));
  const filtered = await time(() => queryLibrary({ communes: ['29019'], read: 0 }, { limit: 60 }, database));
  const combos = new Map<string, { ms: number; hits: number }>();
  for (const size of TRIPLES ? [1, 2, 3] : [1, 2])
    for (const [name, q] of combinations(n, size)) {
      const hits = (await queryLibrary(q, { limit: 60 }, database)).items.length;
      combos.set(name, { ms: await time(() => queryLibrary(q, { limit: 60 }, database), 7), hits });
    }
  let json = '';
  const exportMs = await time(async () => (json = await exportBackupJson({}, database)), n > 1000 ? 1 : 5);
  const target = new LisibleDB(`bench-import-${n}-${Date.now()}`);
  const t0 = performance.now();
  await importFile(json, { sanitize: (h) => h }, target);
  const importMs = performance.now() - t0;
  // Stored bytes: rows (with their word lists, which the *words index mirrors) and bodies, as UTF-8 JSON.
  let bytes = 0;
  await database.articles.each(
    (r) => (bytes += Buffer.byteLength(JSON.stringify(r)) + Buffer.byteLength(r.words.join(''))),
  );
  await database.bodies.each((b) => (bytes += Buffer.byteLength(JSON.stringify(b))));
  const rareHits = (await queryLibrary({ text: 'ornithorynque' }, {}, database)).items.length;
  await database.delete();
  await target.delete();
  return {
    n,
    insertMs,
    list,
    common,
    rare,
    typing,
    filtered,
    exportMs,
    importMs,
    bytesPerArticle: bytes / n,
    rareHits,
    exportBytes: json.length,
    combos,
  };
}

setCommuneSource(async () => officialIndexText());
await loadCommunes();
const small = await measure(SMALL);
const big = await measure(BIG);
const r = (k: 'list' | 'common' | 'rare' | 'typing' | 'filtered' | 'exportMs' | 'importMs') =>
  big[k] / small[k];
const result = {
  articles: BIG,
  baseline: SMALL,
  insertMsPerArticle: big.insertMs / BIG,
  listMs: big.list,
  searchCommonMs: big.common,
  searchRareMs: big.rare,
  searchTypingMs: big.typing,
  filterMs: big.filtered,
  exportMs: big.exportMs,
  importMs: big.importMs,
  listRatio: r('list'),
  searchRatio: Math.max(r('common'), r('rare')),
  searchCommonRatio: r('common'),
  searchRareRatio: r('rare'),
  searchTypingRatio: r('typing'),
  filterRatio: r('filtered'),
  exportRatio: r('exportMs'),
  importRatio: r('importMs'),
  bytesPerArticle: Math.round(big.bytesPerArticle),
  exportBytesPerArticle: Math.round(big.exportBytes / BIG),
  rareHits: big.rareHits,
  filterCombinations: Object.fromEntries(
    [...big.combos].map(([k, v]) => [k, { ms: v.ms, ratio: v.ms / small.combos.get(k)!.ms, hits: v.hits }]),
  ),
};
if (JSON_OUT) console.log(JSON.stringify(result));
else {
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  const rows: Array<[string, number, number]> = [
    ['first list page (60 rows)', small.list, big.list],
    ['search, common word "mairie"', small.common, big.common],
    ['search, rare word "ornithorynque"', small.rare, big.rare],
    ['search as typed "conseil mun"', small.typing, big.typing],
    ['filter commune + unread', small.filtered, big.filtered],
    ['export JSON (all)', small.exportMs, big.exportMs],
    ['import JSON (all, one transaction)', small.importMs, big.importMs],
  ];
  console.log(`Lisible library benchmark — fake-indexeddb, Node ${process.version}\n`);
  console.log(`| operation | ${SMALL} articles (ms) | ${BIG} articles (ms) | ratio |`);
  console.log('|---|---:|---:|---:|');
  for (const [name, a, b] of rows) console.log(`| ${name} | ${f(a)} | ${f(b)} | ${(b / a).toFixed(2)}× |`);
  console.log(
    `\ninsert: ${f(big.insertMs / BIG)} ms/article (batches of 500); stored ≈ ${(big.bytesPerArticle / 1024).toFixed(1)} KB/article (rows + word index + bodies, no images); JSON backup ${(big.exportBytes / BIG / 1024).toFixed(1)} KB/article`,
  );
  console.log(
    `listRatio ${result.listRatio.toFixed(2)} (target ≤ 3), searchRatio ${result.searchRatio.toFixed(2)} (target ≤ 3)`,
  );
  // Every filter alone and in pairs: first page (60 rows), median of 7 runs; hits at 10 000.
  console.log(`\n| filters (first page of 60) | ${SMALL} (ms) | ${BIG} (ms) | hits | ratio |`);
  console.log('|---|---:|---:|---:|---:|');
  let worst: [string, number] = ['', 0];
  for (const [name, b] of big.combos) {
    const a = small.combos.get(name)!;
    const ratio = b.ms / a.ms;
    if (ratio > worst[1]) worst = [name, ratio];
    if (name.split(' + ').length <= 2)
      console.log(`| ${name} | ${f(a.ms)} | ${f(b.ms)} | ${b.hits} | ${ratio.toFixed(2)}× |`);
  }
  console.log(`\n${big.combos.size} combinations; worst ratio ${worst[1].toFixed(2)}× (${worst[0]})`);
}
