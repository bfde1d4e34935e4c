// Dev helper: the classifieds scan's text walk in Chromium, three ways, on the fr-news pages (scripts
// removed once loaded): a TreeWalker over text plus getElementsByTagName('a') (what utils/classifieds/scan.ts
// does), a firstChild/nextSibling walk collecting links on the way, and a TreeWalker over elements and
// text. Under linkedom the first is the costliest (its TreeWalker gathers the whole subtree up front); this
// says what changing it would cost in a browser. Usage: node tests/tools/walk-in-chromium.mjs
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const FR = join(import.meta.dirname, '../../../shared/corpus/fr-news');
const files = readdirSync(FR)
  .filter((d) => !d.endsWith('.md'))
  .map((d) => join(FR, d, 'source.html'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.route('**/*', (r) =>
  /^http:\/\/x\.test\/\d+$/.test(r.request().url())
    ? r.fulfill({
        body: readFileSync(files[Number(r.request().url().split('/').pop())]),
        contentType: 'text/html',
      })
    : r.abort(),
);
const res = [];
for (let i = 0; i < files.length; i++) {
  await page.goto(`http://x.test/${i}`, { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.evaluate(() => {
    for (const s of document.querySelectorAll('script')) s.remove();
  });
  res.push(
    await page.evaluate(() => {
      const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE']);
      const scope = document.body;
      const tw = () => {
        let n = 0;
        const w = document.createTreeWalker(scope, 4);
        for (let x = w.nextNode(); x; x = w.nextNode()) {
          const d = x.nodeValue;
          if (d.length < 2) continue;
          const p = x.parentElement;
          if (!p || SKIP.has(p.tagName)) continue;
          n += d.length;
        }
        const l = scope.getElementsByTagName('a');
        for (let i = 0; i < l.length; i++) n += l[i].getAttributeNode('href') ? 1 : 0;
        return n;
      };
      const manual = () => {
        let n = 0;
        const links = [];
        let node = scope.firstChild;
        while (node) {
          const t = node.nodeType;
          if (t === 3) {
            const d = node.nodeValue;
            if (d.length >= 2) {
              const p = node.parentElement;
              if (p && !SKIP.has(p.tagName)) n += d.length;
            }
          } else if (t === 1 && node.tagName === 'A') links.push(node);
          let next = t === 1 ? node.firstChild : null;
          if (!next) {
            let cur = node;
            while (cur !== scope && !(next = cur.nextSibling)) cur = cur.parentNode;
          }
          node = next;
        }
        for (const a of links) n += a.getAttributeNode('href') ? 1 : 0;
        return n;
      };
      const tw5 = () => {
        let n = 0;
        const links = [];
        const w = document.createTreeWalker(scope, 5);
        for (let x = w.nextNode(); x; x = w.nextNode()) {
          if (x.nodeType === 1) {
            if (x.tagName === 'A') links.push(x);
            continue;
          }
          const d = x.nodeValue;
          if (d.length < 2) continue;
          const p = x.parentElement;
          if (!p || SKIP.has(p.tagName)) continue;
          n += d.length;
        }
        for (const a of links) n += a.getAttributeNode('href') ? 1 : 0;
        return n;
      };
      const time = (f) => {
        const t0 = performance.now();
        for (let r = 0; r < 20; r++) f();
        return (performance.now() - t0) / 20;
      };
      for (let k = 0; k < 5; k++) {
        tw();
        manual();
        tw5();
      }
      const a = [],
        b = [],
        c = [];
      for (let k = 0; k < 7; k++) {
        a.push(time(tw));
        b.push(time(manual));
        c.push(time(tw5));
      }
      const med = (x) => x.sort((p, q) => p - q)[3];
      return { tw: med(a), manual: med(b), tw5: med(c), same: tw() === manual() && tw() === tw5() };
    }),
  );
}
await browser.close();
const med = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log(
  'chrome: treewalker+gEBTN median',
  med(res.map((r) => r.tw)).toFixed(3),
  'ms; manual',
  med(res.map((r) => r.manual)).toFixed(3),
  'ms; per-page manual/tw median',
  med(res.map((r) => r.manual / r.tw)).toFixed(2),
  'tw5',
  med(res.map((r) => r.tw5)).toFixed(3),
  'tw5/tw',
  med(res.map((r) => r.tw5 / r.tw)).toFixed(2),
  'all same',
  res.every((r) => r.same),
);
