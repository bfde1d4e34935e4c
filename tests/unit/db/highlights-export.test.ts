// @vitest-environment jsdom
// Highlights and notes leave the library the two ways the issue asks: in the JSON backup (and come back
// on import, re-attached to the same article by its URL) and in the Markdown export, as block quotes
// with their notes under a heading, escaped like every other line.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle, saveArticle } from '../../../utils/db/articles';
import { exportBackup, exportBackupJson } from '../../../utils/db/backup/format';
import { importFile } from '../../../utils/db/backup/import';
import { toMarkdown } from '../../../utils/db/backup/markdown';
import { addHighlight, listHighlights, setNote } from '../../../utils/db/highlights';
import { LisibleDB } from '../../../utils/db/schema';
import { queryLibrary } from '../../../utils/db/search';
import { describeText } from '../../../utils/highlights/anchor';
import { paragraphArticle } from './paragraph-article';

globalThis.Blob = NodeBlob as unknown as typeof Blob;

const TEXT =
  'Le conseil municipal de Saint-Lô a voté le budget lundi soir. Les travaux de la place commenceront en mars.';
const URL_ = 'https://www.ouest-france.fr/normandie/saint-lo/budget.html';

let database: LisibleDB;
let fresh: LisibleDB;
beforeEach(() => {
  database = new LisibleDB(`hx-${Math.random()}`);
  fresh = new LisibleDB(`hx-fresh-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
  await fresh.delete();
});

async function savedWithHighlights(): Promise<number> {
  const saved = await saveArticle(paragraphArticle(URL_, TEXT, 'Budget voté à Saint-Lô'), database);
  if (!saved.ok) throw new Error(saved.message);
  const at = (quote: string) => describeText(TEXT, TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length);
  await addHighlight(saved.id, at('Les travaux de la place'), '', database);
  const first = await addHighlight(saved.id, at('a voté le budget'), '', database);
  // A note with Markdown syntax in it: text, not markup, in the export.
  await setNote(first, 'À vérifier : *combien* ?\n# pas un titre', database);
  return saved.id;
}

describe('highlights leave the library', () => {
  it('in the JSON backup, in text order, and come back on import to the same article', async () => {
    const id = await savedWithHighlights();
    const backup = await exportBackup({}, database);
    expect(backup.articles[0]!.highlights!.map((h) => [h.exact, h.note])).toEqual([
      ['a voté le budget', 'À vérifier : *combien* ?\n# pas un titre'],
      ['Les travaux de la place', ''],
    ]);
    // Ids are the library's own: the backup carries none for highlights.
    expect(JSON.stringify(backup.articles[0]!.highlights)).not.toMatch(/"articleId"|"id"/);

    await importFile(await exportBackupJson({}, database), { sanitize: (h) => h }, fresh);
    const [row] = await fresh.articles.toArray();
    const strip = (list: Awaited<ReturnType<typeof listHighlights>>) =>
      list.map(({ id: _i, articleId: _a, ...h }) => h);
    expect(strip(await listHighlights(row!.id!, fresh))).toEqual(strip(await listHighlights(id, database)));
    // The imported note is found by the library search, on its article.
    expect((await queryLibrary({ text: 'verifier' }, {}, fresh)).items.map((r) => r.url)).toEqual([URL_]);
  });

  it('in Markdown: a heading, each quote a block quote with its note under it, escaped', async () => {
    const id = await savedWithHighlights();
    const md = toMarkdown(
      (await getArticle(id, database))!,
      await listHighlights(id, database),
      'Surlignages',
    );
    const tail = md.slice(md.indexOf('## Surlignages'));
    expect(tail).toMatch(/^## Surlignages\n\n> a voté le budget\n\nÀ vérifier : \\\*combien\\\* \?/);
    // The note's "# " line stays text (escaped), never a heading of the export.
    expect(tail).not.toMatch(/\n# pas un titre/);
    expect(tail).toContain('> Les travaux de la place');
    expect(tail.indexOf('a voté le budget')).toBeLessThan(tail.indexOf('Les travaux'));
    // No highlight, no heading.
    expect(toMarkdown((await getArticle(id, database))!, [], 'Surlignages')).not.toContain('Surlignages');
  });
});
