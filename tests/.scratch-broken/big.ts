import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
import { bigArticlePage, boilerplatePage } from '../fixtures/broken/make';
const which = process.argv[2] ?? 'a';
const d = parseHTML(which === 'a' ? bigArticlePage() : boilerplatePage()).document as unknown as Document;
const t = performance.now();
const r = extractArticle(d, 'https://x.fr/a');
console.log(which, r.ok, performance.now() - t);
