// @vitest-environment jsdom
// happy-dom 21 cannot host DOMPurify (it lets <script> through), so these run in jsdom, like DOMPurify's own tests.
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml, truncateSafeHtml } from '../../../utils/safety/sanitize';

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
