// The generated library of the library benchmark (tests/bench/library.ts): deterministic articles of
// realistic size (~600 words, 4-5 KB of text), six sites, ten communes, two tags, flags, saved and
// publication dates — and the filters a reader combines on it.
import type { LibraryQuery } from '../../utils/db/search';
import { LisibleDB, toRow, type SavedArticle } from '../../utils/db/schema';
import { articleKey } from '../../utils/db/articles';

// Deterministic pseudo-random numbers, so two runs measure the same library.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
/** The generator's state now: a library generated from it again has the same articles. */
export const seedNow = () => seed;

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
export const DAY = 86_400_000;
export const BASE = 1_700_000_000_000;
// A long tail of made-up words, Zipf-like: most are rare, as in real text. TAIL[1000] ("motrs") is in
// about 12 % of the articles (1 159 of 10 000): more than a candidate set, fewer than "mairie".
const TAIL = Array.from({ length: 20_000 }, (_, i) => `mot${i.toString(36)}`);
export const MID_WORD = TAIL[1000]!;
const word = () =>
  rand() < 0.6 ? REAL[Math.floor(rand() * REAL.length)]! : TAIL[Math.floor(rand() ** 3 * TAIL.length)]!;

/**
 * Article `i` of a library of `n`; `match`: made to match this query (its site, commune, tag, flags,
 * a publication date in its range and its words), the rest as generated.
 */
function article(i: number, n: number, match?: LibraryQuery): SavedArticle {
  const site = match?.site ?? SITES[i % SITES.length]!;
  const wanted = match?.communes && COMMUNES.find(([, code]) => code === match.communes![0]);
  const [commune, insee] = wanted ?? COMMUNES[i % COMMUNES.length]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < 8; p++) paragraphs.push(Array.from({ length: 75 }, word).join(' ') + '.');
  if (i === 4242 % n) paragraphs.push('Un ornithorynque a été vu près du lavoir.'); // the rare word
  if (match?.text) paragraphs.push(`${match.text}.`);
  const title = `${commune} : ${Array.from({ length: 7 }, word).join(' ')} (${i})`;
  const url = `https://www.${site}/${commune.toLowerCase().replace(/\W+/g, '-')}/article-${i}.html`;
  const text = paragraphs.join('\n');
  const html =
    paragraphs.map((p) => `<p>${p}</p>`).join('') +
    `<figure><img src="https://img.${site}/${i}.jpg" alt=""></figure>`;
  const savedAt = BASE + i * 60_000;
  const tags = [...(i % 4 === 0 ? ['à lire'] : []), ...(i % 23 === 0 ? ['vélo'] : [])];
  if (match?.tag && !tags.includes(match.tag)) tags.push(match.tag);
  const flag = (x: boolean) => (x ? 1 : 0) as 0 | 1;
  // Ordered by publication date, the matching article is published when saved (inside the range).
  const published = match?.dateField === 'published' ? savedAt : savedAt - (i % 30) * DAY;
  const row = toRow({
    url,
    canonicalUrl: url,
    title,
    excerpt: paragraphs[0]!.slice(0, 200),
    byline: 'Rédaction',
    siteName: site,
    publishedTime: new Date(published).toISOString(),
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
    favourite: flag(match?.favourite || i % 17 === 0),
    archived: match ? flag(!!match.archived) : flag(i % 11 === 0),
    key: articleKey(url),
    site,
    savedAt,
    updatedAt: savedAt,
    read: match?.read ?? flag(i % 3 === 0),
  });
  return { ...row, contentHtml: html, textContent: text };
}

/**
 * What the libraries' queries read: rows, index keys, requests (counted below Dexie, as IndexedDB sees
 * them), and (v9) the light rows of `wordText` apart from the article rows.
 */
export const reads = { rows: 0, keys: 0, requests: 0, light: 0 };

export function counted(database: LisibleDB): void {
  database.use({
    stack: 'dbcore',
    name: 'bench-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          get: (req) => {
            reads.rows++;
            reads.requests++;
            return t.get(req);
          },
          getMany: (req) => {
            if (name === 'wordText') reads.light += req.keys.length;
            else reads.rows += req.keys.length;
            reads.requests++;
            return t.getMany(req);
          },
          // A cursor (an index's own keys, read one step at a time): one request, its first key counted.
          openCursor: (req) => {
            reads.requests++;
            return t.openCursor(req).then((c) => {
              if (c) reads.keys++;
              return c;
            });
          },
          query: (req) =>
            t.query(req).then((res) => {
              reads.requests++;
              if (req.values) reads.rows += res.result.length;
              else reads.keys += res.result.length;
              return res;
            }),
        };
      },
    }),
  });
}

/**
 * A library of `n` generated articles, written in bulk (transactions of 500 rows and bodies); `match`:
 * the newest article is made to match this query; `fromSeed`: the generator's state to start from.
 */
export async function generate(
  name: string,
  n: number,
  progress: (done: number) => void,
  match?: LibraryQuery,
  fromSeed?: number,
): Promise<LisibleDB> {
  if (fromSeed !== undefined) seed = fromSeed;
  const database = new LisibleDB(name);
  counted(database);
  await database.open();
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) =>
      article(start + k, n, start + k === n - 1 ? match : undefined),
    );
    await database.transaction('rw', database.articles, database.bodies, async () => {
      const ids = (await database.articles.bulkAdd(
        batch.map(({ contentHtml: _h, textContent: _t, ...r }) => r),
        { allKeys: true },
      )) as number[];
      await database.bodies.bulkAdd(
        batch.map((a, k) => ({ id: ids[k]!, contentHtml: a.contentHtml, textContent: a.textContent })),
      );
    });
    progress(start + batch.length);
  }
  return database;
}

/** The filters a reader combines, each as it narrows a query (`span`: the library's saved-date span). */
export function filters(span: number): Array<[string, LibraryQuery]> {
  return [
    ['text "mairie"', { text: 'mairie' }],
    [`text "${MID_WORD}" (~12 %)`, { text: MID_WORD }],
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

/** Every combination of `size` filters, as one query each ("commune" and "Ma commune", or two texts, excluded). */
export function combinations(span: number, size: number): Array<[string, LibraryQuery]> {
  const f = filters(span);
  const out: Array<[string, LibraryQuery]> = [];
  const pick = (start: number, names: string[], q: LibraryQuery) => {
    if (names.length === size) return void out.push([names.join(' + '), q]);
    for (let i = start; i < f.length; i++) {
      const [name, part] = f[i]!;
      if ((part.communes && q.communes) || (part.text && q.text)) continue;
      pick(i + 1, [...names, name], { ...q, ...part });
    }
  };
  pick(0, [], {});
  return out;
}
