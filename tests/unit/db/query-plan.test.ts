// The library's query plan against a brute-force answer, on a generated library small enough to read
// whole: every kind of query (rare, commoner and common terms; site, commune, "Ma commune", tag, their
// pairs and the triple; flags; saved or publication date ranges), paged three rows at a time through
// runs of equal dates. The caps are lowered so a 150-article library reaches every path of the plan:
// candidate set, a term read by windows of dates, key filter on the walk, row check after a sample,
// pair ranges, the triple's range, merged communes. Every query twice: with the term read by windows
// only, and with the base range walked and checked on `wordText` after the first window (v9), which
// the real cost picks for sparse ranges only (the real caps test below mixes both).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bases, facetsOf } from '../../../utils/db/facets';
import { LisibleDB, type ArticleRow } from '../../../utils/db/schema';
import { queryLibrary, type LibraryQuery, type PlanCaps } from '../../../utils/db/search';
import { makeRow } from './article';

let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SITES = ['ouest-france.fr', 'actu.fr', 'letelegramme.fr'];
const COMMUNES = ['14118', '50502', '29019', '2A004'];
const TAGS = ['à lire', 'vélo', 'x|**0']; // a tag shaped like a flags suffix must not collide
const caps: PlanCaps = { candidates: 12, keys: 45, direct: 4 };
const DAY = 86_400_000;

function row(i: number): ArticleRow {
  const words = ['texte', `n${i}`];
  if (rand() < 0.9) words.push('commun'); // > keys cap: checked on rows
  if (rand() < 0.2) words.push('moyen'); // between the caps: a key filter
  if (i % 37 === 0) words.push('rare'); // a small candidate set: its rows are the answer
  if (i % 14 === 0) words.push('peu'); // a candidate set larger than a page: filters the walk's keys
  const published = rand();
  const savedAt = 1e12 + Math.floor(i / 4) * 1000; // four articles per saved second
  // Published up to 12 minutes before the save, to the minute (many equal: runs of ties across pages),
  // some missing, and a few (a wrong clock) two days after it: outliers of the lead bound.
  const publishedAt =
    published > 0.95 ? savedAt + 2 * DAY : Math.floor((savedAt - published * 12 * 60_000) / 60_000) * 60_000;
  return makeRow({
    url: `https://x/${i}`,
    title: `Article ${i}`,
    siteName: null,
    publishedTime: published < 0.2 ? null : new Date(publishedAt).toISOString(),
    wordCount: 1,
    key: `k${i}`,
    site: pick(SITES),
    ...(rand() < 0.8 ? { communeInsee: pick(COMMUNES) } : {}),
    savedAt,
    updatedAt: 0,
    read: rand() < 0.4 ? 1 : 0,
    favourite: rand() < 0.3 ? 1 : 0,
    archived: rand() < 0.2 ? 1 : 0,
    tags: TAGS.filter(() => rand() < 0.35),
    words,
  });
}

type Row = ArticleRow & { id: number };
const dateOf = (r: Row, q: LibraryQuery) => {
  const p = r.publishedTime ? Date.parse(r.publishedTime) : NaN;
  return q.dateField === 'published' && Number.isFinite(p) ? p : r.savedAt;
};
/** What a query must give, written independently of the plan: filter everything, sort, done. */
function expected(all: Row[], q: LibraryQuery): number[] {
  const terms = (q.text ?? '').split(' ').filter(Boolean);
  return all
    .filter(
      (r) =>
        terms.every((t) => r.words.some((w) => w.startsWith(t))) &&
        (q.site === undefined || r.site === q.site) &&
        (q.communes === undefined || q.communes.includes(r.communeInsee ?? '')) &&
        (q.tag === undefined || r.tags.includes(q.tag)) &&
        (q.read === undefined || r.read === q.read) &&
        (!q.favourite || r.favourite === 1) &&
        (q.archived ? r.archived === 1 : r.archived === 0) &&
        (q.from === undefined || dateOf(r, q) >= q.from) &&
        (q.to === undefined || dateOf(r, q) <= q.to),
    )
    .sort((a, b) => dateOf(b, q) - dateOf(a, q) || b.id - a.id)
    .map((r) => r.id);
}

let database: LisibleDB;
let all: Row[];
beforeAll(async () => {
  database = new LisibleDB(`plan-${Math.random()}`);
  const rows = Array.from({ length: 150 }, (_, i) => ({ ...row(i), facets: [] as Array<[string, number]> }));
  for (const r of rows) r.facets = facetsOf(r);
  await database.articles.bulkAdd(rows);
  all = (await database.articles.toArray()) as Row[];
});
afterAll(async () => {
  await database.delete();
});

function queries(): LibraryQuery[] {
  const out: LibraryQuery[] = [];
  const mid = 1e12 - 6 * 60_000;
  for (let k = 0; k < 300; k++) {
    const q: LibraryQuery = {};
    const text = pick([
      undefined,
      'rare',
      'peu',
      'moyen',
      'commun',
      'moyen commun',
      'peu commun',
      'rare moyen',
      'absent',
    ]);
    if (text) q.text = text;
    if (rand() < 0.5) q.site = pick(SITES);
    const c = rand();
    if (c < 0.3) q.communes = [pick(COMMUNES)];
    else if (c < 0.5) q.communes = [COMMUNES[0]!, COMMUNES[3]!];
    else if (c < 0.53) q.communes = [];
    if (rand() < 0.4) q.tag = pick(TAGS);
    const read = rand();
    if (read < 0.25) q.read = 0;
    else if (read < 0.5) q.read = 1;
    if (rand() < 0.3) q.favourite = true;
    if (rand() < 0.3) q.archived = true;
    if (rand() < 0.5) q.dateField = 'published';
    const range = rand();
    if (range < 0.2) q.from = q.dateField ? mid : 1e12 + 10_000;
    else if (range < 0.4) q.to = q.dateField ? mid : 1e12 + 20_000;
    out.push(q);
  }
  return out;
}

describe('query plan', () => {
  it.each([
    ['the term read by windows only', { ...caps, lightRow: Infinity }, 0],
    ['the range checked on wordText', { ...caps, lightRow: 0 }, 1],
  ])(
    'gives exactly the brute-force answer, page after page, for every kind of query (%s)',
    async (_, c, light) => {
      const checks = vi.spyOn(database.wordText, 'bulkGet');
      let nonEmpty = 0;
      for (const q of queries()) {
        const got: number[] = [];
        let page = await queryLibrary(q, { limit: 3, caps: c }, database);
        for (let guard = 0; ; guard++) {
          got.push(...page.items.map((r) => r.id!));
          if (!page.next || guard > 60) break;
          page = await queryLibrary(q, { limit: 3, after: page.next, caps: c }, database);
          // A cursor is given only when something follows: "load more" never shows an empty page.
          expect(page.items.length, JSON.stringify(q)).toBeGreaterThan(0);
        }
        const want = expected(all, q);
        if (want.length) nonEmpty++;
        expect(got, JSON.stringify(q)).toEqual(want);
      }
      // The generated queries are not all empty (a test that cannot fail would pass on empty answers).
      expect(nonEmpty).toBeGreaterThan(120);
      // The light walk is taken when asked to, and only then.
      if (light) expect(checks.mock.calls.length).toBeGreaterThan(100);
      else expect(checks).not.toHaveBeenCalled();
      checks.mockRestore();
    },
  );

  it('gives the same first page with the real caps', async () => {
    for (const q of queries().slice(0, 60))
      expect((await queryLibrary(q, { limit: 10 }, database)).items.map((r) => r.id)).toEqual(
        expected(all, q).slice(0, 10),
      );
  });

  it('indexes each pair of base filters and the triple, and nothing else per row', () => {
    const r = { site: 'actu.fr', communeInsee: '50502', tags: ['vélo', 'à lire'] };
    expect(bases(r)).toEqual([
      'all',
      's:actu.fr',
      'c:50502',
      'sc:actu.fr|50502',
      't:vélo',
      'st:actu.fr|vélo',
      'ct:50502|vélo',
      'sct:actu.fr|50502|vélo',
      't:à lire',
      'st:actu.fr|à lire',
      'ct:50502|à lire',
      'sct:actu.fr|50502|à lire',
    ]);
    expect(bases({ site: 'actu.fr', tags: ['vélo'] })).toEqual([
      'all',
      's:actu.fr',
      't:vélo',
      'st:actu.fr|vélo',
    ]);
  });
});
