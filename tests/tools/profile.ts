// Dev helper: CPU profile of extractArticle over the AEB corpus (linkedom), top self-time functions.
// Usage: node --import tsx tests/tools/profile.ts [aeb-id-prefix]
import { Session } from 'node:inspector/promises';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../utils/extract/index';
import { loadAeb } from './corpora';

const only = process.argv[2];
const pages = loadAeb().filter((p) => !only || p.id.startsWith(only));
const reps = only ? 30 : 1;
const docs = pages.map((p) => parseHTML(p.html).document as unknown as Document);
for (let i = 0; i < Math.min(10, pages.length); i++) extractArticle(docs[i]!, pages[i]!.url);
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.start');
const t0 = performance.now();
for (let r = 0; r < reps; r++) pages.forEach((p, i) => extractArticle(docs[i]!, p.url));
const total = performance.now() - t0;
const { profile } = await s.post('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id)!;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(`total ${total.toFixed(0)} ms for ${pages.length} pages`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(v.toFixed(0).padStart(6), k);
