// @vitest-environment jsdom
// happy-dom 21 cannot host DOMPurify (it lets <script> through; see tests/unit/sanitize.test.ts),
// so the engine -> sanitizer path runs under jsdom, which also checks the engine on a third DOM.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/extract/index';
import { sanitizeArticleHtml } from '../../../utils/safety/sanitize';

const para = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraphe ${i} : ${'un texte assez long pour compter comme article, '.repeat(6)}fin.</p>`,
  ).join('\n');
const html = (body: string, head = ''): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html lang="fr"><head><title>Titre de test | Site</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

describe('hostile input comes out inert after sanitizeArticleHtml', () => {
  it('scripts, handlers, javascript: URLs, SVG/MathML tricks, srcdoc iframes', () => {
    const doc = html(
      `<article><h1>Titre de test</h1>${para(3)}
       <p>Texte <a href="javascript:alert(1)">lien piégé</a> et <a href="JaVaScRiPt&colon;alert(2)">autre</a>.</p>
       <p onclick="alert(3)" onmouseover="alert(4)">Paragraphe avec gestionnaires qui reste un paragraphe assez long pour compter.</p>
       <img src="x" onerror="alert(5)"><script>alert(6)</script>
       <svg><script>alert(7)</script><a xlink:href="javascript:alert(8)"><text>svg</text></a><animate onbegin="alert(9)"/></svg>
       <math><mtext><table><mglyph><style><img src=x onerror=alert(10)></style></mglyph></table></mtext></math>
       <iframe srcdoc="<script>alert(11)</script>"></iframe>
       <form action="javascript:alert(12)"><button formaction="javascript:alert(13)">go</button></form>
       <a href="data:text/html,<script>alert(14)</script>">data</a>
       ${para(3)}</article>`,
    );
    const res = extractArticle(doc, 'https://example.fr/a');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const clean = sanitizeArticleHtml(res.article.contentHtml);
    expect(clean).not.toMatch(/<script/i);
    expect(clean).not.toMatch(/\son\w+\s*=/i);
    expect(clean).not.toMatch(/javascript:/i);
    expect(clean).not.toMatch(/srcdoc|<iframe|<form|formaction|data:text/i);
    expect(clean).toContain('Paragraphe avec gestionnaires');
    // And the raw engine output already has no script elements.
    expect(res.article.contentHtml).not.toMatch(/<script/i);
  });
});
