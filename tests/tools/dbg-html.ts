// Dev helper: print the start of Lisible contentHtml for an AEB page. Usage: dbg-html.ts <id-prefix> [chars]
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
import { loadAeb } from './corpora';
const p = loadAeb().find((x) => x.id.startsWith(process.argv[2]!))!;
const r = extractArticle(parseHTML(p.html).document as unknown as Document, p.url);
if (r.ok) console.log(r.article.contentHtml.slice(0, Number(process.argv[3] ?? 3000)));
