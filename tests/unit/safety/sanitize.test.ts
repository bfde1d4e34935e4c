// @vitest-environment jsdom
// happy-dom 21 cannot host DOMPurify (it lets <script> through), so these run in jsdom, like DOMPurify's own tests.
import { describe, expect, it } from 'vitest';
import { heldImages, sanitizeArticleHtml, truncateSafeHtml } from '../../../utils/safety/sanitize';

describe('sanitizeArticleHtml', () => {
  it('keeps article structure: headings, paragraphs, figures, links, images', () => {
    const out = sanitizeArticleHtml(
      '<h2>Titre</h2><p>Un <a href="https://a.fr/x">lien</a>.</p><figure><img src="https://a.fr/i.jpg" alt="x"><figcaption>Légende</figcaption></figure>',
    );
    const div = new DOMParser().parseFromString(out, 'text/html').body;
    expect(div.querySelector('h2')?.textContent).toBe('Titre');
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://a.fr/x');
    expect(div.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(div.querySelector('figcaption')?.textContent).toBe('Légende');
    expect(div.querySelector('img')?.getAttribute('src')).toBe('https://a.fr/i.jpg');
  });

  it.each([
    ['<p>a</p><script>window.pwned=1</script>', /script|pwned/],
    ['<img src=x onerror="window.pwned=1">', /onerror/],
    ['<a href="javascript:window.pwned=1">x</a>', /javascript:/],
    ['<a href="data:text/html,<script>1</script>">x</a>', /data:/],
    ['<svg><script>window.pwned=1</script></svg>', /script/],
    ['<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>', /onerror|foreignObject/i],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /onerror/],
    ['<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>', /iframe|srcdoc/],
    ['<form action="https://evil"><input name=q><button>go</button></form>', /form|input|button/],
    ['<p style="position:fixed;inset:0">overlay</p>', /style/],
    ['<meta http-equiv="refresh" content="0;url=https://evil">', /meta|refresh/],
    ['<base href="https://evil/">', /base/],
  ])('neutralises %s', (input, forbidden) => {
    expect(sanitizeArticleHtml(input)).not.toMatch(forbidden);
  });
});

describe('truncateSafeHtml', () => {
  it('cuts a long body after a closing block tag, and says so', () => {
    const safe = sanitizeArticleHtml(
      Array.from({ length: 50 }, (_, i) => `<p>Paragraphe ${i}.</p>`).join(''),
    );
    const { html, truncated } = truncateSafeHtml(safe, 100);
    expect(truncated).toBe(true);
    expect(html.endsWith('</p>')).toBe(true);
    expect(html.length).toBeGreaterThanOrEqual(100);
    expect(html.length).toBeLessThan(safe.length);
  });
  it('leaves a short body whole', () => {
    const safe = sanitizeArticleHtml('<p>Court.</p>');
    expect(truncateSafeHtml(safe, 1000)).toEqual({ html: safe, truncated: false });
  });
});

describe('article markup cannot pose as our UI or load from anywhere (issue 10, items 7 and 9)', () => {
  it('drops role and every aria-* attribute, keeps alt, title, lang and dir', () => {
    const out = sanitizeArticleHtml(
      '<a href="https://a.fr" role="button" aria-label="Enregistrer" title="t" lang="br" dir="ltr">x</a>' +
        '<p role="alert" aria-live="assertive" aria-atomic="true" aria-hidden="false">Session expirée</p>' +
        '<img src="https://a.fr/i.jpg" alt="Photo" aria-describedby="d" role="presentation">',
    );
    expect(out).not.toMatch(/role=|aria-/);
    const doc = new DOMParser().parseFromString(out, 'text/html');
    expect(doc.querySelector('a')?.getAttribute('title')).toBe('t');
    expect(doc.querySelector('a')?.getAttribute('lang')).toBe('br');
    expect(doc.querySelector('a')?.getAttribute('dir')).toBe('ltr');
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Photo');
  });
  it('drops video posters and remote media', () => {
    const out = sanitizeArticleHtml(
      '<video poster="https://tracker.example/p.jpg" src="https://v.example/v.mp4"><source src="https://v.example/v.webm">Vidéo</video><p>Après</p>',
    );
    expect(out).not.toMatch(/poster|video|source|https:/);
    expect(out).toBe('<p>Après</p>');
  });
  it('holds remote images beyond the policy, swaps stored ones, and counts what it held', () => {
    const html = Array.from({ length: 5 }, (_, i) => `<img src="https://img.fr/${i}.jpg" alt="${i}">`).join(
      '',
    );
    const out = sanitizeArticleHtml(html, undefined, {
      local: new Map([['https://img.fr/4.jpg', 'blob:x/4']]),
      remote: 2,
    });
    const doc = new DOMParser().parseFromString(out, 'text/html');
    expect([...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'https://img.fr/0.jpg',
      'https://img.fr/1.jpg',
      null,
      null,
      'blob:x/4',
    ]);
    expect(heldImages(out)).toBe(2);
    expect(heldImages(sanitizeArticleHtml(html))).toBe(0);
  });
});
