// @vitest-environment jsdom
// Highlights in a backup are untrusted like the rest of it: every malformed field is refused with a
// message naming the article and the field, and nothing is written; what a record has no business
// setting (ids, the article it belongs to, unknown fields) is dropped.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../../utils/db/articles';
import { exportBackup } from '../../../utils/db/backup/format';
import { importFile } from '../../../utils/db/backup/import';
import { LibraryError } from '../../../utils/db/errors';
import { addHighlight, listHighlights } from '../../../utils/db/highlights';
import { LisibleDB } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { paragraphArticle } from './paragraph-article';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const sanitize = (h: string) => h;
const TEXT = 'Le conseil municipal a voté le budget de la commune lundi soir.';
const record = (url: string, highlights: unknown) => ({ ...paragraphArticle(url, TEXT), highlights });
const good = {
  exact: 'le budget',
  prefix: 'Le conseil municipal a voté ',
  suffix: ' de la commune lundi soir.',
  start: 28,
  end: 37,
  note: 'À suivre',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};
const backup = (records: unknown[]) =>
  JSON.stringify({ format: 'lisible-library', version: 1, exportedAt: '', articles: records, prefs: [] });

let database: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`hl-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});
const snapshot = async () => ({ ...(await exportBackup({}, database)), exportedAt: '' });

describe('highlights in an imported backup', () => {
  it.each([
    ['a string instead of a list', 'le budget', 'highlights must be a list of at most 1000'],
    ['a list too long', Array(1001).fill(good), 'highlights must be a list of at most 1000'],
    ['null in the list', [null], 'highlight must be an object'],
    ['a number in the list', [7], 'highlight must be an object'],
    ['no quote', [{ ...good, exact: undefined }], 'highlight quote (exact) must be text of 1 to 5000'],
    ['an empty quote', [{ ...good, exact: '' }], 'highlight quote (exact) must be text of 1 to 5000'],
    ['a quote that is a list', [{ ...good, exact: ['le'] }], 'highlight quote (exact) must be text'],
    ['a quote too long', [{ ...good, exact: 'x'.repeat(5001) }], 'highlight quote (exact) must be text'],
    ['a prefix too long', [{ ...good, prefix: 'x'.repeat(65) }], 'highlight context (prefix, suffix)'],
    ['a suffix that is a number', [{ ...good, suffix: 3 }], 'highlight context (prefix, suffix)'],
    ['no note', [{ ...good, note: undefined }], 'highlight note must be text of at most 5000'],
    ['a note too long', [{ ...good, note: 'x'.repeat(5001) }], 'highlight note must be text'],
    ['an object as note', [{ ...good, note: { html: '<img src=x onerror=alert(1)>' } }], 'highlight note'],
    ['a negative start', [{ ...good, start: -1 }], 'highlight offsets (start, end) must be whole numbers'],
    ['end before start', [{ ...good, start: 37, end: 28 }], 'highlight offsets (start, end)'],
    ['equal offsets', [{ ...good, end: 28 }], 'highlight offsets (start, end)'],
    ['a fractional offset', [{ ...good, end: 37.5 }], 'highlight offsets (start, end)'],
    ['offsets as strings', [{ ...good, start: '28', end: '37' }], 'highlight offsets (start, end)'],
    ['an absurd offset', [{ ...good, end: 2 ** 52 }], 'highlight offsets (start, end)'],
    ['no creation date', [{ ...good, createdAt: undefined }], 'highlight createdAt must be a date (ms)'],
    ['a date as text', [{ ...good, updatedAt: '2024-01-01' }], 'highlight updatedAt must be a date (ms)'],
    ['a far-future date', [{ ...good, createdAt: 9e15 }], 'highlight createdAt must be a date (ms)'],
    ['a date before 1990', [{ ...good, updatedAt: 1 }], 'highlight updatedAt must be a date (ms)'],
  ])('refuses %s with a clear message, and writes nothing', async (_name, highlights, message) => {
    const saved = await saveArticle(
      {
        ...record('https://www.ouest-france.fr/a.html', undefined),
        contentHtml: '<p>Déjà là.</p>',
        textContent: 'Déjà là.',
      },
      database,
    );
    if (!saved.ok) throw new Error(saved.message);
    await addHighlight(
      saved.id,
      { exact: 'Déjà', prefix: '', suffix: ' là.', start: 0, end: 4 },
      '',
      database,
    );
    const before = await snapshot();
    // The bad highlight sits on the SECOND record: the first (valid) one must not be written either.
    const text = backup([
      record('https://actu.fr/ok.html', [good]),
      record('https://actu.fr/bad.html', highlights),
    ]);
    const error = await importFile(text, { sanitize }, database).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as Error).message).toContain(`Article 2: ${message}`);
    expect(await snapshot()).toEqual(before);
    expect(await database.highlights.count()).toBe(1);
  });

  it('keeps only the known fields: a record cannot attach a highlight to another article', async () => {
    const victim = await saveArticle(record('https://www.ouest-france.fr/v.html', undefined), database);
    if (!victim.ok) throw new Error(victim.message);
    const hostile = {
      ...good,
      id: 1,
      articleId: victim.id,
      html: '<b>x</b>',
      ...JSON.parse('{"__proto__": {"polluted": 1}}'),
    };
    expect(JSON.stringify(hostile)).toContain('__proto__');
    const res = await importFile(
      backup([record('https://actu.fr/b.html', [hostile])]),
      { sanitize },
      database,
    );
    expect(res).toMatchObject({ added: 1 });
    expect(await listHighlights(victim.id, database)).toEqual([]);
    const [mark] = await database.highlights.toArray();
    expect(mark!.articleId).not.toBe(victim.id);
    expect(Object.keys(mark!).sort()).toEqual([
      'articleId',
      'createdAt',
      'end',
      'exact',
      'id',
      'note',
      'prefix',
      'start',
      'suffix',
      'updatedAt',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The imported note is searchable with the article, and counted on its row.
    const found = (await queryLibrary({ text: 'suivre' }, {}, database)).items;
    expect(found.map((r) => [r.url, r.highlightCount])).toEqual([['https://actu.fr/b.html', 1]]);
  });

  it('imports the same highlights twice only once', async () => {
    const other = {
      ...good,
      exact: 'lundi soir',
      prefix: 'le budget de la commune ',
      suffix: '.',
      start: 52,
      end: 62,
    };
    const text = backup([record('https://actu.fr/b.html', [good, other])]);
    await importFile(text, { sanitize }, database);
    await importFile(text, { sanitize }, database);
    expect((await database.highlights.toArray()).map((h) => h.exact).sort()).toEqual([
      'le budget',
      'lundi soir',
    ]);
  });
});
