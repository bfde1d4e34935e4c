// Dev helper: print the ancestor chain (tag, class, id, role) of the deepest element holding a
// text, in an AEB page (id prefix), a WCXB page (id), an fr-news case (case id) or a file.
// Usage: node --import tsx tests/tools/ancestors.ts <id-prefix|wcxb-id|case-id|file> "<text>"
import { parseHTML } from 'linkedom';
import { existsSync, readFileSync } from 'node:fs';
import { loadAeb, loadFrNews, loadWcxb } from './corpora';

const [key, needle] = process.argv.slice(2);
const fr = loadFrNews().find((c) => c.id === key);
const html = fr
  ? fr.html
  : existsSync(key!)
    ? readFileSync(key!, 'utf8')
    : (loadWcxb()
        .find((x) => x.id === key)
        ?.html() ?? loadAeb().find((x) => x.id.startsWith(key!))!.html);
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
