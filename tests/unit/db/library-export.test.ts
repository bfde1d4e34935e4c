// @vitest-environment jsdom
// The library's backups and exports on fake-indexeddb: export → import round trip, Markdown and
// standalone HTML, and imports of other tools' files (Pocket CSV and HTML, wallabag JSON).
import { describe, expect, it } from 'vitest';
import { getArticle, setProgress } from '../../../utils/db/articles';
import { exportBackup, exportBackupJson } from '../../../utils/db/backup/format';
import { toStandaloneHtml } from '../../../utils/db/backup/html';
import { importFile } from '../../../utils/db/backup/import';
import { toMarkdown } from '../../../utils/db/backup/markdown';
import { LibraryError } from '../../../utils/db/errors';
import { storeImages } from '../../../utils/db/images';
import { LisibleDB } from '../../../utils/db/schema';
import { addTag } from '../../../utils/db/tags';
import { queryLibrary } from '../../../utils/db/search';
import { art, useLibrary } from './library-fixture';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';

const lib = useLibrary();
const save = lib.save;

describe('export and import', () => {
  async function fill() {
    const html = sanitizeArticleHtml(
      '<h2>Titre</h2><p>Un <strong>texte</strong> <a href="https://x.fr">lien</a>.</p><img src="https://img.fr/a.jpg" alt="Photo">',
    );
    const id = await save(
      art({
        title: 'Fête à Caen & "ailleurs"',
        contentHtml: html,
        textContent: 'Titre Un texte lien.',
        commune: { name: 'Caen', postcode: '14000', inseeCode: '14118' },
        siteRule: 'ouest-france',
      }),
    );
    await storeImages(id, html, {
      prefs: { storeImages: true, maxImageBytes: 1e6, maxArticleImageBytes: 1e6 },
      fetcher: async () =>
        new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } }),
      database: lib.database,
    });
    await addTag([id], 'fête', lib.database);
    await setProgress(id, 0.3, lib.database);
    await save(art({ title: 'Deux' }));
    return id;
  }
  it('round trip: export → import into an empty library → identical library', async () => {
    await fill();
    const json = await exportBackupJson({}, lib.database);
    const fresh = new LisibleDB(`fresh-${Math.random()}`);
    try {
      const res = await importFile(json, { sanitize: (h) => sanitizeArticleHtml(h) }, fresh);
      expect(res).toEqual({ format: 'lisible', added: 2, updated: 0, unchanged: 0 });
      const a = await exportBackup({}, lib.database);
      const b = await exportBackup({}, fresh);
      expect({ ...b, exportedAt: '' }).toEqual({ ...a, exportedAt: '' });
      expect(await fresh.articles.toArray()).toEqual(await lib.database.articles.toArray());
      // Importing again merges: nothing added, nothing duplicated.
      expect(await importFile(json, { sanitize: (h) => h }, fresh)).toMatchObject({ added: 0, unchanged: 2 });
      expect(await fresh.articles.count()).toBe(2);
    } finally {
      await fresh.delete();
    }
  });
  it('Markdown and standalone HTML escape metadata and keep the body', async () => {
    const id = await fill();
    const a = (await getArticle(id, lib.database))!;
    const md = toMarkdown(a);
    expect(md).toMatch(/^# Fête à Caen & "ailleurs"/);
    expect(md).toContain('## Titre');
    expect(md).toContain('**texte**');
    expect(md).toContain('[lien](https://x.fr/)');
    expect(md).toContain('![Photo](https://img.fr/a.jpg)');
    const backup = await exportBackup({ ids: [id] }, lib.database);
    const html = await toStandaloneHtml([a], {
      images: new Map([[id, backup.articles[0]!.images!]]),
      sanitize: (h, local) => sanitizeArticleHtml(h, undefined, { local, remote: 0 }),
    });
    expect(html).toContain('<title>Fête à Caen &amp; &quot;ailleurs&quot;</title>');
    expect(html).toContain('src="data:image/png;base64,AQID"');
    expect(html).toContain('<strong>texte</strong>');
  });
  it('imports a Pocket CSV, a Pocket HTML and a wallabag JSON export', async () => {
    const csv =
      'title,url,time_added,cursor,tags,status\n"Le port, de nuit",https://www.ouest-france.fr/a.html,1700000000,,voile|mer,archive\nSans titre,https://actu.fr/b.html,1700000100,,,unread\n';
    expect(await importFile(csv, { sanitize: (h) => h }, lib.database)).toMatchObject({
      format: 'pocket-csv',
      added: 2,
    });
    const port = (await queryLibrary({ text: 'port', archived: true }, {}, lib.database)).items[0];
    expect(port).toMatchObject({
      title: 'Le port, de nuit',
      tags: ['voile', 'mer'],
      read: 1,
      savedAt: 1700000000000,
    });
    const html = `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>
<li><a href="https://www.letelegramme.fr/x.html" time_added="1700000200" tags="bretagne">Brest &amp; la mer</a></li></ul>
<h1>Read Archive</h1><ul><li><a href="https://actu.fr/b.html?utm_source=pocket" time_added="1700000100" tags="">Sans titre</a></li></ul></body></html>`;
    expect(await importFile(html, { sanitize: (h) => h }, lib.database)).toMatchObject({
      format: 'pocket-html',
      added: 1,
      updated: 1,
    });
    expect((await queryLibrary({ text: 'brest' }, {}, lib.database)).items[0]).toMatchObject({
      title: 'Brest & la mer',
      tags: ['bretagne'],
    });
    const wallabag = JSON.stringify([
      {
        id: 1,
        title: 'Écluses de Saint-Malo',
        url: 'https://www.ouest-france.fr/saint-malo-35400/ecluses.html',
        content: '<p>Les écluses <script>alert(1)</script>ferment.</p>',
        is_archived: 0,
        is_starred: 1,
        tags: [{ label: 'Port' }],
        created_at: '2024-05-01T10:00:00+02:00',
        reading_time: 2,
        domain_name: 'www.ouest-france.fr',
        published_by: ['Jean'],
      },
    ]);
    expect(
      await importFile(wallabag, { sanitize: (h) => sanitizeArticleHtml(h) }, lib.database),
    ).toMatchObject({
      format: 'wallabag',
      added: 1,
    });
    const w = (await queryLibrary({ text: 'ecluses' }, {}, lib.database)).items[0]!;
    expect(w).toMatchObject({ favourite: 1, tags: ['port'], communeInsee: '35288', byline: 'Jean' });
    const full = (await getArticle(w.id!, lib.database))!;
    expect(full.contentHtml).not.toContain('script');
    expect(full.textContent).toBe('Les écluses ferment.');
  });
  it('a malformed or foreign file gets a clear error and writes nothing', async () => {
    await save(art());
    const before = await exportBackup({}, lib.database);
    const bad = [
      '{"format":"lisible-library","version":1,"articles":[{"url":"javascript:alert(1)"}]}',
      '{"format":"lisible-library","version":99,"articles":[]}',
      '{"hello":"world"}',
      '{ not json',
      'just some text',
      JSON.stringify({
        ...before,
        articles: [
          ...before.articles.map((a) => ({
            ...a,
            id: 99,
            key: 'https://other.fr/x',
            url: 'https://other.fr/x',
            canonicalUrl: 'https://other.fr/x',
          })),
          { ...before.articles[0], title: '' },
        ],
      }),
    ];
    for (const text of bad) {
      await expect(importFile(text, { sanitize: (h) => h }, lib.database)).rejects.toBeInstanceOf(
        LibraryError,
      );
    }
    expect({ ...(await exportBackup({}, lib.database)), exportedAt: '' }).toEqual({
      ...before,
      exportedAt: '',
    });
  });
});
