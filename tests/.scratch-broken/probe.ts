import { parseHTML } from 'linkedom';
import { detectClassifieds } from '/work/main/utils/classifieds/index';
import { isProbablyArticle } from '/work/main/utils/extract/index';
import { deepPage } from '/work/main/tests/fixtures/broken/make';
const d = parseHTML('').document as unknown as Document;
console.log('body', d.body, d.documentElement);
try {
  isProbablyArticle(d);
} catch (e) {
  console.log('readerable', (e as Error).stack?.split('\n').slice(0, 5).join('\n'));
}
try {
  detectClassifieds(d);
} catch (e) {
  console.log('classif', (e as Error).stack?.split('\n').slice(0, 5).join('\n'));
}
