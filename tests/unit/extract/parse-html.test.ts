// The CLI, the bench and the corpus tests parse pages with tests/tools/parse-html.ts. It must build
// the tree a browser builds where linkedom's own parser does not (issue 11: markup before
// <!DOCTYPE>, repeated <html> from IE conditional comments, no <html> at all left <body> empty).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseLikeBrowser } from '../../tools/parse-html';

const ARTICLE =
  '<h1>Le pont rouvre</h1><p>Après trois ans de travaux, le pont des Alpini rouvre samedi aux piétons.</p>';
const bodyText = (d: Document): string => (d.body?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('parseLikeBrowser', () => {
  it.each([
    [
      'a PHP warning before the doctype',
      `<b>Warning</b>: session_start()\n<!DOCTYPE html><html><head><title>t</title></head><body>${ARTICLE}</body></html>`,
    ],
    [
      'a script before the doctype',
      `<script>var a=1;</script><!DOCTYPE html><html><head></head><body>${ARTICLE}</body></html>`,
    ],
    ['no html, head or body tags', `<!DOCTYPE html><title>t</title><meta charset="utf-8">${ARTICLE}`],
    [
      'IE conditional comments opening <html> three times',
      `<!DOCTYPE html><!--[if IE 8]><html class="ie8"><![endif]--><!--[if gt IE 8]><!--><html lang="it"><!--<![endif]--><head><title>t</title></head><body>${ARTICLE}</body></html>`,
    ],
    [
      'two <html> start tags',
      `<!DOCTYPE html><html lang="it"><html class="x"><head></head><body>${ARTICLE}</body></html>`,
    ],
  ])('keeps the body of a page with %s', (_name, html) => {
    const doc = parseLikeBrowser(html);
    expect(bodyText(doc)).toContain('le pont des Alpini rouvre samedi');
    expect(doc.getElementsByTagName('h1')[0]?.parentElement).toBe(doc.body);
  });

  it('is the case linkedom alone gets wrong (so the test above can fail)', () => {
    const html = `<b>Warning</b>: x\n<!DOCTYPE html><html><head></head><body>${ARTICLE}</body></html>`;
    const ld = parseHTML(html).document as unknown as Document;
    expect(bodyText(ld)).not.toContain('rouvre samedi');
  });

  it('merges the attributes of a repeated <html> or <body> into the first, as browsers do', () => {
    const doc = parseLikeBrowser(
      '<!DOCTYPE html><html lang="fr"><html class="no-js" lang="en"><body id="a"><p>x</p><body class="b"></body></html>',
    );
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect(doc.documentElement.getAttribute('class')).toBe('no-js');
    expect(doc.body.getAttribute('id')).toBe('a');
    expect(doc.body.getAttribute('class')).toBe('b');
    expect(doc.getElementsByTagName('body')).toHaveLength(1);
  });

  it('applies the tree-construction rules: implied </p>, foster-parented text, misnested formatting', () => {
    const doc = parseLikeBrowser(
      '<p>un<div>deux</div><table>trois<tr><td>quatre</td></tr></table><b>cinq<i>six</b>sept</i>',
    );
    const ps = doc.getElementsByTagName('p');
    expect(ps[0]?.textContent).toBe('un');
    // Text inside <table> but outside a cell is moved before the table.
    expect(doc.getElementsByTagName('table')[0]?.previousSibling?.textContent).toBe('trois');
    expect(doc.getElementsByTagName('tbody')).toHaveLength(1);
    expect(bodyText(doc)).toBe('undeuxtroisquatrecinqsixsept');
  });

  it('keeps SVG in its namespace and <noscript> as a browser with scripting on', () => {
    const doc = parseLikeBrowser(
      '<body><svg viewBox="0 0 1 1"><path d="M0"/></svg><noscript><img src="a.jpg"></noscript></body>',
    );
    expect(doc.getElementsByTagName('svg')[0]?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // Scripting on: <noscript> content is raw text, as in a tab (the engine handles both forms).
    expect(doc.getElementsByTagName('noscript')[0]?.textContent).toBe('<img src="a.jpg">');
  });
});
