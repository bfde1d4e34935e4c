// @vitest-environment jsdom
// v9: each article's words as one string in `wordText`, kept in step by a middleware under every write
// of an article row: a save, a new save of the same URL with another text, a highlight's note, flags
// and tags (rows rewritten whole), a delete and its undo, an import, a clear. Checked against the
// row's own words after each (the string is what a sparse filter's search reads instead of the row).
import { describe, expect, it } from 'vitest';
import { deleteArticles, restoreArticles, saveArticle, setFlags } from '../../../utils/db/articles';
import { exportBackupJson } from '../../../utils/db/backup/format';
import { importFile } from '../../../utils/db/backup/import';
import { addHighlight } from '../../../utils/db/highlights';
import { LisibleDB } from '../../../utils/db/schema';
import { addTag } from '../../../utils/db/tags';
import { plainWord } from '../../../utils/db/text';
import { hasTerms } from '../../../utils/db/word-text';
import { art, useLibrary } from './library-fixture';

const lib = useLibrary();

/** Every article's string is its row's words, and no string is left without its article. */
async function inStep(database: LisibleDB): Promise<Map<number, string>> {
  const rows = await database.articles.toArray();
  const texts = await database.wordText.toArray();
  expect(texts.map((t) => t.id).sort()).toEqual(rows.map((r) => r.id).sort());
  const byId = new Map(texts.map((t) => [t.id, t.text]));
  for (const r of rows) expect(byId.get(r.id!)).toBe(` ${r.words.map(plainWord).join(' ')} `);
  return byId;
}

describe('wordText (v9)', () => {
  it('follows every write of an article row', async () => {
    const a = await lib.save(art({ textContent: 'Le vélo électrique' }));
    const b = await lib.save(art({ textContent: 'Le marché du samedi' }));
    expect(hasTerms((await inStep(lib.database)).get(a), ['velo', 'elec'])).toBe(true);

    // A new save of the same URL with another text: the string follows the new words.
    const row = (await lib.database.articles.get(a))!;
    const again = await saveArticle(
      art({ url: row.url, title: row.title, textContent: 'La tempête au port' }),
      lib.database,
    );
    expect(again).toMatchObject({ ok: true, id: a, updated: true });
    const texts = await inStep(lib.database);
    expect(hasTerms(texts.get(a), ['tempete'])).toBe(true);
    expect(hasTerms(texts.get(a), ['velo'])).toBe(false);

    // A highlight's note is searchable: its words join the row's, and the string.
    await addHighlight(
      b,
      { exact: 'marché', prefix: 'Le ', suffix: ' du', start: 3, end: 9 },
      'ornithorynque',
      lib.database,
    );
    expect(hasTerms((await inStep(lib.database)).get(b), ['ornitho'])).toBe(true);

    // Flags and tags rewrite rows whole; the strings stay right.
    await setFlags([a, b], { favourite: 1 }, lib.database);
    await addTag([a], 'à lire', lib.database);
    await inStep(lib.database);

    // A delete takes the string away; its undo puts it back.
    const trash = await deleteArticles([a], lib.database);
    expect(await lib.database.wordText.get(a)).toBeUndefined();
    await inStep(lib.database);
    await restoreArticles(trash, lib.database);
    expect(hasTerms((await inStep(lib.database)).get(a), ['tempete'])).toBe(true);

    // An import into another library writes them too (the backup itself has no such field).
    const json = await exportBackupJson({}, lib.database);
    expect(json).not.toContain('wordText');
    const other = new LisibleDB(`word-text-${Math.random()}`);
    await importFile(json, { sanitize: (h) => h }, other);
    expect((await inStep(other)).size).toBe(2);

    // A clear of the table (Dexie's deleteRange) clears the strings.
    await other.articles.clear();
    expect(await other.wordText.count()).toBe(0);
    await other.delete();
  });
});
