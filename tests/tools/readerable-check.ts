// Dev helper: how many corpus pages isProbablyArticle() accepts, and its median cost (linkedom).
import { parseHTML } from 'linkedom';
import { isProbablyArticle } from '../../utils/extract/readerable';
import { loadAeb, loadFrNews } from './corpora';

for (const [name, pages] of [
  ['fr-news', loadFrNews()],
  ['aeb', loadAeb()],
] as const) {
  let yes = 0;
  const ms: number[] = [];
  for (const p of pages) {
    const doc = parseHTML(p.html).document as unknown as Document;
    const t0 = performance.now();
    if (isProbablyArticle(doc)) yes++;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${name}: ${yes}/${pages.length} accepted, median ${ms[Math.floor(ms.length / 2)]!.toFixed(2)} ms`,
  );
}
