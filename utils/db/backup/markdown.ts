// Markdown of saved articles, by turndown (GFM tables and strikethrough through its plugin) from the
// stored sanitized HTML. Markdown is untrusted output: whatever viewer opens it, it must not run.
//  - Text is escaped, `<`, `>` and entity-like `&` included: article text "&lt;img onerror=…&gt;" stays text
//    (turndown reads DOM text, so entities are never decoded into markup).
//  - Only http(s) links and images survive; any other link keeps its text, any other image is dropped.
//  - Nothing is ever passed through as raw HTML (no `keep`): an element without a rule gives its text.
import TurndownService from 'turndown';
import { strikethrough, tables } from 'turndown-plugin-gfm';
import { collapse } from '../../core/text';
import type { HighlightRow, SavedArticle } from '../schema';

/** An http(s) URL made safe as a Markdown link destination, or null. */
export function markdownUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // The serializer percent-encodes spaces, quotes and angle brackets; parentheses would end the link.
  return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  const td = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    // Never raw HTML, even for what a plugin asks to keep.
    keepReplacement: (content, node) =>
      (node as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content,
  });
  const base = td.escape.bind(td);
  // Angle brackets would open raw HTML; `&` only where it would start an entity; `|` a table cell.
  td.escape = (s: string) => base(s).replace(/[<>|]|&(?=#?[a-z0-9]+;)/gi, '\\$&');
  td.use([tables, strikethrough]);
  td.remove(['script', 'style', 'noscript', 'template']);
  // The article title is the document's h1: body headings move one level down.
  td.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) =>
      `\n\n${'#'.repeat(Math.min(6, Number(node.nodeName[1]) + 1))} ${collapse(content)}\n\n`,
  });
  td.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = markdownUrl(node.getAttribute('href'));
      return href && content.trim() ? `[${content}](${href})` : content;
    },
  });
  td.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = markdownUrl(node.getAttribute('src'));
      return src ? `![${td.escape(collapse(node.getAttribute('alt')))}](${src})` : '';
    },
  });
  // A table without a heading row is written with its first row as the heading (GFM needs one), rather
  // than kept as HTML.
  td.addRule('headlessTable', {
    filter: (node) => node.nodeName === 'TABLE' && !(node as HTMLTableElement).querySelector('th'),
    replacement: (content, node) => {
      const lines = content.trim().split('\n');
      const cols = (node as HTMLTableElement).rows[0]?.cells.length ?? 0;
      if (!lines.length || !cols) return content;
      return `\n\n${lines[0]}\n${'| --- '.repeat(cols)}|\n${lines.slice(1).join('\n')}\n\n`;
    },
  });
  service = td;
  return td;
}

/** Text of one line of Markdown: collapsed and escaped. */
const line = (s: string | null | undefined) => turndown().escape(collapse(s));

/** Markdown of one article: title, metadata, link to the original, standfirst, tags, body, highlights. */
export function toMarkdown(
  a: SavedArticle,
  highlights: Array<Pick<HighlightRow, 'exact' | 'note'>> = [],
  heading = 'Highlights',
): string {
  const meta = [
    a.siteName ?? a.site,
    a.byline,
    a.publishedTime?.slice(0, 10),
    a.commune ? `${a.commune.name}${a.commune.postcode ? ` (${a.commune.postcode})` : ''}` : null,
  ]
    .filter(Boolean)
    .map(line);
  const url = markdownUrl(a.url);
  const head = [`# ${line(a.title)}`, '', meta.join(' · ')];
  if (url) head.push('', `<${url}>`);
  if (a.excerpt) head.push('', `> ${line(a.excerpt)}`);
  if (a.tags.length) head.push('', a.tags.map((t) => `#${line(t.replace(/\s+/g, '-'))}`).join(' '));
  const body = a.contentHtml ? turndown().turndown(a.contentHtml) : '';
  // Quotes and notes are text: escaped like every other line, each quote a block quote.
  const marks = highlights.map(
    (h) => `> ${line(h.exact)}${h.note ? `\n\n${h.note.split('\n').map(line).join('  \n')}` : ''}`,
  );
  const tail = marks.length ? `\n\n## ${line(heading)}\n\n${marks.join('\n\n')}\n` : '\n';
  return `${head.join('\n')}\n\n${body.replace(/\n{3,}/g, '\n\n').trim()}${tail}`;
}
