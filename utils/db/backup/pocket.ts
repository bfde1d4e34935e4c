// Pocket's exports: the CSV (2024 on: title,url,time_added,tags,status) read by papaparse, and the older
// HTML (<h1>Unread|Read Archive</h1><ul><li><a href time_added tags>title</a>) read by the platform's
// DOMParser into an inert document (nothing runs, nothing loads; its nodes are only read).
import Papa from 'papaparse';
import { inertDocument } from '../../safety/sanitize';
import { emptyArticle, fail, isHttp, saved, tagsOf, time, type Incoming } from './incoming';

function item(url: string, title: string, added: unknown, tags: string[], read: 0 | 1): Incoming {
  return {
    article: saved(emptyArticle(url, title), {
      savedAt: time(added),
      read,
      archived: read,
      tags: tagsOf(tags),
    }),
    images: [],
  };
}

/** The header row of a CSV file, lower case (for recognising a Pocket export). */
export function csvHeader(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (Papa.parse<string[]>(first).data[0] ?? []).map((h) => h.trim().toLowerCase());
}

export function fromPocketCsv(text: string): Incoming[] {
  const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!data.length || !('url' in data[0]!)) fail('Pocket CSV without a url column.');
  return data.map((r, n) => {
    if (!isHttp(r.url)) return fail(`Pocket line ${n + 2}: no http(s) url.`);
    const read = r.status === 'archive' ? 1 : 0;
    return item(r.url, r.title ?? '', r.time_added, (r.tags ?? '').split('|'), read);
  });
}

export function fromPocketHtml(html: string): Incoming[] {
  const doc = inertDocument(html);
  const out: Incoming[] = [];
  // Each list follows the <h1> that says whether it holds unread or archived items.
  let read: 0 | 1 = 0;
  for (const el of doc.body.querySelectorAll('h1, a[href]')) {
    if (el.tagName === 'H1') {
      read = /archive/i.test(el.textContent ?? '') ? 1 : 0;
      continue;
    }
    const url = el.getAttribute('href') ?? '';
    if (!isHttp(url)) continue;
    const tags = (el.getAttribute('tags') ?? '').split(',');
    out.push(item(url, el.textContent ?? '', el.getAttribute('time_added'), tags, read));
  }
  if (out.length === 0) fail('No Pocket link found in this HTML file.');
  return out;
}
