// The Lisible backup: versioned JSON, lossless (every field, tags, flags, progress, preferences, images
// in base64). Export here; reading one back is ./lisible.ts, merging it into the library ./import.ts.
import {
  db,
  type ArticleRow,
  type HighlightRow,
  type ImageRow,
  type LisibleDB,
  type PrefRow,
  type SavedArticle,
} from '../schema';
import { blobBytes, toBase64 } from '../../core/bytes';
import { userRulesForBackup, type BackupUserRule } from '../user-rules-backup';

export const BACKUP_FORMAT = 'lisible-library';
export const BACKUP_VERSION = 1;

export interface BackupImage {
  url: string;
  type: string;
  /** base64 of the bytes. */
  data: string;
}
/** A highlight in a backup: the row without its ids (the article it sits in carries it). */
export type BackupHighlight = Omit<HighlightRow, 'id' | 'articleId'>;
export type BackupArticle = Omit<SavedArticle, 'words' | 'pwords' | 'facets'> & {
  images?: BackupImage[];
  highlights?: BackupHighlight[];
};
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  articles: BackupArticle[];
  prefs: PrefRow[];
  /** The reader's site rules (hide this block, not an ad, the text to read): full backups only. */
  userRules?: BackupUserRule[];
}

export const BATCH = 500;

/** Every article (all of them, or `ids`), with bodies and, unless `images: false`, image bytes. */
export async function exportBackup(
  { ids, images = true }: { ids?: number[]; images?: boolean } = {},
  database: LisibleDB = db(),
): Promise<Backup> {
  const articles: BackupArticle[] = [];
  const addBatch = async (rows: ArticleRow[]) => {
    const keys = rows.map((r) => r.id!);
    const bodies = await database.bodies.bulkGet(keys);
    const imgs = images ? await database.images.where('articleId').anyOf(keys).toArray() : [];
    const byArticle = new Map<number, ImageRow[]>();
    for (const i of imgs) byArticle.set(i.articleId, [...(byArticle.get(i.articleId) ?? []), i]);
    const notes = new Map<number, BackupHighlight[]>();
    for (const { id: _id, articleId, ...h } of await database.highlights
      .where('articleId')
      .anyOf(keys)
      .toArray())
      notes.set(articleId, [...(notes.get(articleId) ?? []), h]);
    for (const [n, { words: _w, pwords: _p, facets: _f, ...row }] of rows.entries()) {
      const a: BackupArticle = {
        ...row,
        contentHtml: bodies[n]?.contentHtml ?? '',
        textContent: bodies[n]?.textContent ?? '',
      };
      const marks = notes.get(row.id!);
      if (marks?.length) a.highlights = marks.sort((x, y) => x.start - y.start);
      const list = byArticle.get(row.id!);
      if (list?.length)
        a.images = await Promise.all(
          list.map(async (i) => ({ url: i.url, type: i.blob.type, data: toBase64(await blobBytes(i.blob)) })),
        );
      articles.push(a);
    }
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += BATCH)
      await addBatch(
        (await database.articles.bulkGet(ids.slice(i, i + BATCH))).filter((r): r is ArticleRow => !!r),
      );
  } else {
    // By primary key in batches: the whole library is never one toArray(). From -Infinity, so a row an
    // older version stored with an id ≤ 0 is not left out.
    let last = -Infinity;
    for (;;) {
      const rows = await database.articles.where(':id').above(last).limit(BATCH).toArray();
      if (rows.length === 0) break;
      last = rows[rows.length - 1]!.id!;
      await addBatch(rows);
    }
  }
  const prefs = ids ? [] : await database.prefs.toArray();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    articles,
    prefs,
    ...(ids ? {} : { userRules: await userRulesForBackup(database) }),
  };
}

export async function exportBackupJson(
  opts: { ids?: number[]; images?: boolean } = {},
  database: LisibleDB = db(),
): Promise<string> {
  return JSON.stringify(await exportBackup(opts, database));
}
