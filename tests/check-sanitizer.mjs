// CI check: untrusted HTML reaches our pages only through utils/safety/sanitize.ts (DOMPurify) and the one
// component that renders its output. Any other HTML sink in shipped code fails the build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const ALLOWED = new Set(['utils/safety/sanitize.ts', 'components/ArticleBody.tsx']);
const SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment|srcdoc|DOMParser)\b/;
const SCAN = ['entrypoints', 'components', 'utils'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield p;
  }
}

const problems = [];
for (const top of SCAN) {
  for (const file of files(join(root, top))) {
    const rel = relative(root, file);
    if (ALLOWED.has(rel)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        // Pure extraction works on a detached clone that is never rendered: reading innerHTML is allowed there,
        // writing it is not.
        const m = SINKS.exec(code);
        if (!m) return;
        if (rel.startsWith('utils/extract/') || rel.startsWith('utils/classifieds/')) {
          if (
            !/(innerHTML|outerHTML)\s*=[^=]|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(
              code,
            )
          )
            return;
          // Writes into the detached clone (never rendered) are tolerated only when marked so.
          if (/lisible-allow-clone-html/.test(line)) return;
        }
        problems.push(`${rel}:${i + 1}: ${m[1]} outside the sanitizer module`);
      });
  }
}
if (problems.length) {
  console.error(
    'HTML sinks outside utils/safety/sanitize.ts / components/ArticleBody.tsx:\n' + problems.join('\n'),
  );
  process.exit(1);
}
console.log(
  'check-sanitizer: ok (HTML is written only by utils/safety/sanitize.ts and components/ArticleBody.tsx)',
);
