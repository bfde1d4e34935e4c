// Dev helper: which pipeline stage drops a text? Usage: trace.ts <fr-news case id | AEB prefix> "<text>"
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { loadAeb, loadFrNews } from './corpora';
import { boilerplateClean, cleanContext } from '../../utils/extract/clean';
import { readMetadata } from '../../utils/extract/metadata';
import { collapse } from '../../utils/core/text';

const [key, needle] = process.argv.slice(2) as [string, string];
const fr = loadFrNews().find((c) => c.id === key);
const page = fr ?? loadAeb().find((x) => x.id.startsWith(key))!;
const doc = parseHTML(page.html).document as unknown as Document;
const has = (d: Document | Element): boolean => collapse(d.textContent).includes(needle);
console.log('parsed', has(doc));
const meta = readMetadata(doc, page.url);
const h1 = Array.from(doc.getElementsByTagName('h1'))[0] ?? null;
boilerplateClean(doc, cleanContext(doc, h1));
console.log('after clean', has(doc), meta.title);
const r = new Readability(doc, { serializer: (n) => n as Element }).parse();
console.log('after readability', r?.content ? has(r.content) : null);
