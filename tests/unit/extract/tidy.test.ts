// The last tidy pass (utils/extract/tidy.ts dropEmptyNodes): what has neither text nor media goes,
// but what separates words or lines stays — a line break wrapped in an inline element (Google Docs
// pastes every <br> as <span><br></span>) is a line break, not an empty node.
import { describe, expect, it } from 'vitest';
import { dropEmptyNodes } from '../../../utils/extract/tidy';
import { parseLikeBrowser } from '../../tools/parse-html';

const body = (html: string) => {
  const d = parseLikeBrowser(`<!doctype html><html><body><div id="r">${html}</div></body></html>`);
  const r = d.getElementById('r')!;
  dropEmptyNodes(r);
  return r.innerHTML;
};

describe('dropEmptyNodes', () => {
  it('keeps a line break wrapped in a span', () => {
    expect(body('<p><span>Banc compact</span><span><br></span><span>Prix : 299 €</span></p>')).toBe(
      '<p><span>Banc compact</span><br><span>Prix : 299 €</span></p>',
    );
  });
  it('keeps a space-only inline element as a space, drops empty blocks and keeps media', () => {
    expect(body('<p>un<span> </span>deux</p><div><span></span></div><p><img src="a.jpg"></p>')).toBe(
      '<p>un deux</p><p><img src="a.jpg"></p>',
    );
  });
});
