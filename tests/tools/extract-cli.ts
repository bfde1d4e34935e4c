// npm run extract -- <file | dir> [--url URL] [--json] [--dom parse5|htmlparser2|happy-dom]
//
// Runs the extension's extraction engine in Node on saved pages (.html / .html.gz). A directory
// is processed as every .html/.html.gz file in it plus every */source.html one level down; with
// --json the output is one object keyed by file name without extension (or sub-folder name).
// The URL comes from --url, else the page's canonical / og:url. Pages are decoded as a browser
// would (BOM, <meta charset>, then utf-8 if valid, else windows-1252) and parsed as a browser would
// (parse5's tree construction into linkedom, tests/tools/parse-html.ts; `--dom htmlparser2` is
// linkedom's own parser, which loses the body of pages with markup before <!DOCTYPE>).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { extractArticle } from '../../utils/extract/index';
import { detectClassifieds } from '../../utils/classifieds/index';
import { readHtmlFile } from './decode';
import { parseLikeBrowser } from './parse-html';

interface Options {
  target: string;
  url: string | null;
  json: boolean;
  dom: 'parse5' | 'htmlparser2' | 'happy-dom';
}

function usage(msg?: string): never {
  if (msg) process.stderr.write(`extract: ${msg}\n`);
  process.stderr.write(
    'usage: npm run extract -- <file.html[.gz] | dir> [--url URL] [--json] [--dom parse5|htmlparser2|happy-dom]\n',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  let target: string | null = null;
  let url: string | null = null;
  let json = false;
  let dom: Options['dom'] = 'parse5';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--url') url = argv[++i] ?? usage('--url needs a value');
    else if (a === '--dom') {
      const v = argv[++i];
      if (v !== 'parse5' && v !== 'htmlparser2' && v !== 'happy-dom')
        usage('--dom must be parse5, htmlparser2 or happy-dom');
      dom = v;
    } else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (target) usage('only one file or directory');
    else target = a;
  }
  if (!target) usage('missing file or directory');
  if (url) {
    try {
      new URL(url);
    } catch {
      usage(`--url is not an absolute URL: ${url}`);
    }
  }
  return { target, url, json, dom };
}

/** Files to process, keyed as the JSON output names them. */
function inputs(target: string): Array<{ key: string; path: string }> {
  if (!existsSync(target)) throw new Error(`no such file or directory: ${target}`);
  const st = statSync(target);
  const keyOf = (p: string): string => basename(p).replace(/\.html?(\.gz)?$/i, '');
  if (st.isFile()) return [{ key: keyOf(target), path: target }];
  const out: Array<{ key: string; path: string }> = [];
  for (const e of readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(target, e.name);
    if (e.isFile() && /\.html?(\.gz)?$/i.test(e.name)) out.push({ key: keyOf(e.name), path: p });
    else if (e.isDirectory() && existsSync(join(p, 'source.html')))
      out.push({ key: e.name, path: join(p, 'source.html') });
  }
  if (out.length === 0) throw new Error(`no .html, .html.gz or */source.html in ${target}`);
  return out;
}

function pageUrl(doc: Document): string | null {
  const canon = Array.from(doc.getElementsByTagName('link')).find(
    (l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical',
  );
  const og = Array.from(doc.getElementsByTagName('meta')).find(
    (m) => m.getAttribute('property') === 'og:url',
  );
  const v = canon?.getAttribute('href') ?? og?.getAttribute('content') ?? null;
  if (!v) return null;
  try {
    return new URL(v).href;
  } catch {
    return null;
  }
}

function parse(html: string, dom: Options['dom'], url: string | null): { doc: Document; close(): void } {
  if (dom === 'happy-dom') {
    const win = new Window({
      url: url ?? 'https://localhost/',
      settings: {
        disableJavaScriptEvaluation: true,
        disableCSSFileLoading: true,
        disableJavaScriptFileLoading: true,
        disableIframePageLoading: true,
      },
    });
    const doc = new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return { doc, close: () => void win.happyDOM.close() };
  }
  if (dom === 'htmlparser2')
    return { doc: parseHTML(html).document as unknown as Document, close: () => undefined };
  return { doc: parseLikeBrowser(html), close: () => undefined };
}

function processFile(path: string, opt: Options): Record<string, unknown> {
  const { html, encoding } = readHtmlFile(path);
  let parsed = opt.dom === 'happy-dom' ? null : parse(html, opt.dom, null);
  const url = opt.url ?? pageUrl(parsed?.doc ?? parseLikeBrowser(html));
  // happy-dom needs the URL at construction (its window's location).
  parsed ??= parse(html, opt.dom, url);
  const { doc, close } = parsed;
  try {
    const res = extractArticle(doc, url ?? undefined);
    let classifieds: Array<{ category: string; selector: string; items: number; text: string }> = [];
    try {
      classifieds = detectClassifieds(doc).map(({ category, selector, items, text }) => ({
        category,
        selector,
        items,
        text,
      }));
    } catch (e) {
      process.stderr.write(`extract: classifieds detection failed on ${path}: ${(e as Error).message}\n`);
    }
    return res.ok
      ? { ok: true, encoding, ...res.article, classifieds }
      : { ok: false, encoding, url, reason: res.reason, detail: res.detail ?? null, classifieds };
  } finally {
    close();
  }
}

function main(): number {
  const opt = parseArgs(process.argv.slice(2));
  let files: Array<{ key: string; path: string }>;
  try {
    files = inputs(opt.target);
  } catch (e) {
    process.stderr.write(`extract: ${(e as Error).message}\n`);
    return 1;
  }
  const results: Record<string, Record<string, unknown>> = {};
  let failures = 0;
  for (const f of files) {
    try {
      results[f.key] = processFile(f.path, opt);
    } catch (e) {
      failures++;
      process.stderr.write(`extract: ${(e as Error).message}\n`);
      results[f.key] = { ok: false, reason: 'error', detail: (e as Error).message };
    }
  }
  if (opt.json) {
    const single = statSync(opt.target).isFile();
    process.stdout.write(JSON.stringify(single ? results[files[0]!.key] : results, null, 2) + '\n');
  } else {
    for (const f of files) {
      const r = results[f.key]!;
      if (files.length > 1) process.stdout.write(`\n===== ${f.key}\n`);
      if (!r.ok) {
        process.stdout.write(
          `(not extracted: ${String(r.reason)}${r.detail ? ` — ${String(r.detail)}` : ''})\n`,
        );
        continue;
      }
      const lines = [
        `# ${String(r.title)}`,
        [r.byline, r.siteName, r.publishedTime].filter(Boolean).join(' · '),
        r.excerpt ? `> ${String(r.excerpt)}` : '',
        '',
        String(r.textContent),
      ];
      process.stdout.write(lines.filter((l, i) => l !== '' || i === 3).join('\n') + '\n');
    }
  }
  // Unreadable inputs fail the run; "not an article" is a valid answer.
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
