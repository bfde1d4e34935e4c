// Dev helper: print the ancestor chain (tag, class, id, role) of the deepest element holding a
// text, in an AEB page (id prefix) or an fr-news case (case id).
// Usage: node --import tsx tests/tools/ancestors.ts <id-prefix|case-id> "<text>"
import { parseHTML } from 'linkedom';
import { loadAeb, loadFrNews } from './corpora';

const [key, needle] = process.argv.slice(2);
const fr = loadFrNews().find((c) => c.id === key);
const html = fr ? fr.html : loadAeb().find((x) => x.id.startsWith(key!))!.html;
const { document } = parseHTML(html);
const all = Array.from(document.querySelectorAll('*')).filter((e) => (e.textContent ?? '').includes(needle!));
let el: Element | null = all[all.length - 1] ?? null;
while (el) {
  console.log(
    el.tagName,
    JSON.stringify(el.getAttribute('class')),
    el.getAttribute('id') ?? '',
    el.getAttribute('role') ?? '',
  );
  el = el.parentElement;
}
