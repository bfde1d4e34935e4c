// Highlights and notes of saved articles (their own table, keyed to the article). Their quotes and
// notes join the article's search words, so the library search finds an article by what was noted.
import type { TextAnchor } from '../highlights/anchor';
import { db, type HighlightRow, type LisibleDB } from './schema';
import { articleWords } from './text';
import { inDateRange } from './backup/incoming';

/** Caps on a highlight's strings (characters). */
export const HIGHLIGHT_MAX = {
  exact: 5000,
  context: 64,
  note: 5000,
  perArticle: 1000,
  /** Offsets count characters of one article's text: far below this. */
  offset: 100_000_000,
} as const;

export async function listHighlights(articleId: number, database: LisibleDB = db()): Promise<HighlightRow[]> {
  const list = await database.highlights.where('articleId').equals(articleId).toArray();
  return list.sort((a, b) => a.start - b.start || a.id! - b.id!);
}

/** Recomputes the article's search words (title, standfirst, notes, quotes, text) and highlight count. */
async function refresh(articleId: number, database: LisibleDB): Promise<void> {
  const [row, body, list] = await Promise.all([
    database.articles.get(articleId),
    database.bodies.get(articleId),
    database.highlights.where('articleId').equals(articleId).toArray(),
  ]);
  if (!row) return;
  const extra = [row.excerpt, ...list.flatMap((h) => [h.note, h.exact])].join('\n');
  row.words = articleWords(row.title, body?.textContent ?? '', extra);
  if (list.length) row.highlightCount = list.length;
  else delete row.highlightCount;
  await database.articles.put(row);
}

function write<T>(database: LisibleDB, fn: () => Promise<T>): Promise<T> {
  return database.transaction('rw', database.articles, database.bodies, database.highlights, fn);
}

export async function addHighlight(
  articleId: number,
  anchor: TextAnchor,
  note = '',
  database: LisibleDB = db(),
): Promise<number> {
  const now = Date.now();
  return write(database, async () => {
    const id = (await database.highlights.add({
      articleId,
      exact: anchor.exact.slice(0, HIGHLIGHT_MAX.exact),
      prefix: anchor.prefix.slice(-HIGHLIGHT_MAX.context),
      suffix: anchor.suffix.slice(0, HIGHLIGHT_MAX.context),
      start: anchor.start,
      end: anchor.end,
      note: note.slice(0, HIGHLIGHT_MAX.note),
      createdAt: now,
      updatedAt: now,
    })) as number;
    await refresh(articleId, database);
    return id;
  });
}

export async function setNote(id: number, note: string, database: LisibleDB = db()): Promise<void> {
  await write(database, async () => {
    const h = await database.highlights.get(id);
    if (!h) return;
    await database.highlights.update(id, { note: note.slice(0, HIGHLIGHT_MAX.note), updatedAt: Date.now() });
    await refresh(h.articleId, database);
  });
}

export async function deleteHighlight(id: number, database: LisibleDB = db()): Promise<void> {
  await write(database, async () => {
    const h = await database.highlights.get(id);
    if (!h) return;
    await database.highlights.delete(id);
    await refresh(h.articleId, database);
  });
}

/** Adds imported highlights to an article, skipping those it already has (same quote, same place). */
export async function mergeHighlights(
  articleId: number,
  incoming: Array<Omit<HighlightRow, 'id' | 'articleId'>>,
  database: LisibleDB,
): Promise<void> {
  if (!incoming.length) return;
  const have = await database.highlights.where('articleId').equals(articleId).toArray();
  const seen = new Set(have.map((h) => `${h.start}:${h.exact}`));
  const fresh = incoming.filter((h) => !seen.has(`${h.start}:${h.exact}`));
  await database.highlights.bulkAdd(fresh.map((h) => ({ ...h, articleId })));
  await refresh(articleId, database);
}

/** Why a backup's highlight is unusable, or null (every field checked, like the rest of a backup). */
export function highlightProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'highlight must be an object';
  const h = v as Record<string, unknown>;
  const str = (k: string, max: number) => typeof h[k] === 'string' && (h[k] as string).length <= max;
  if (!str('exact', HIGHLIGHT_MAX.exact) || !(h.exact as string))
    return `highlight quote (exact) must be text of 1 to ${HIGHLIGHT_MAX.exact} characters`;
  if (!str('prefix', HIGHLIGHT_MAX.context) || !str('suffix', HIGHLIGHT_MAX.context))
    return `highlight context (prefix, suffix) must be text of at most ${HIGHLIGHT_MAX.context} characters`;
  if (!str('note', HIGHLIGHT_MAX.note))
    return `highlight note must be text of at most ${HIGHLIGHT_MAX.note} characters`;
  const { start, end } = h;
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    (start as number) < 0 ||
    (end as number) <= (start as number) ||
    (end as number) > HIGHLIGHT_MAX.offset
  )
    return `highlight offsets (start, end) must be whole numbers with 0 ≤ start < end ≤ ${HIGHLIGHT_MAX.offset}`;
  for (const k of ['createdAt', 'updatedAt'])
    if (!inDateRange(h[k])) return `highlight ${k} must be a date (ms) between 1990 and 2200`;
  return null;
}

/** A checked backup highlight reduced to its known fields. */
export function cleanHighlight(h: Record<string, unknown>): Omit<HighlightRow, 'id' | 'articleId'> {
  return {
    exact: h.exact as string,
    prefix: h.prefix as string,
    suffix: h.suffix as string,
    start: h.start as number,
    end: h.end as number,
    note: h.note as string,
    createdAt: h.createdAt as number,
    updatedAt: h.updatedAt as number,
  };
}
