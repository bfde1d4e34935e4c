import { parseHTML } from 'linkedom';
import { detectClassifieds } from '../../utils/classifieds/index';
import { extractArticle } from '../../utils/extract/index';
import { Readability } from '@mozilla/readability';
import { deepPage } from '../fixtures/broken/make';
const d = parseHTML(deepPage()).document as unknown as Document;
detectClassifieds(d);
const r = extractArticle(d, 'https://x.fr/a');
console.log(r.ok ? 'ok' : r.reason + r.detail);
// find stack by unwrapping: call internal steps
Error.stackTraceLimit = 30;
try {
  const c = d.cloneNode(true);
  console.log('clone ok');
  new Readability(c as Document).parse();
  console.log('rd ok');
} catch (e) {
  console.log(
    (e as Error).stack
      ?.split('\n')
      .filter((l, i) => i < 4 || i % 3 == 0)
      .slice(0, 30)
      .join('\n'),
  );
}
