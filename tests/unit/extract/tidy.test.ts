// The last tidy pass (utils/extract/tidy.ts dropEmptyNodes): what has neither text nor media goes,
// but what separates words or lines stays — a line break wrapped in an inline element (Google Docs
// pastes every <br> as <span><br></span>) is a line break, not an empty node. And the notices that
// close a page's copy go (trimTrailingLinkBlocks), but not the story's own last lines before them.
import { describe, expect, it } from 'vitest';
import { dropEmptyNodes, trimTrailingLinkBlocks } from '../../../utils/extract/tidy';
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

const trimmed = (html: string) => {
  const d = parseLikeBrowser(`<!doctype html><html><body><div id="r">${html}</div></body></html>`);
  const r = d.getElementById('r')!;
  trimTrailingLinkBlocks(r);
  return r.textContent;
};
const STORY =
  '<p>Le conseil municipal a voté mardi soir le rachat des anciennes halles pour y installer un centre de formation.</p>';

describe('trimTrailingLinkBlocks: notices after the story', () => {
  it('drops a copyright notice, a moderation notice and a syndication line, in a layout table too', () => {
    const t = trimmed(
      `<table><tbody><tr><td>${STORY}<p>Via AgenceCentre.info</p><p>© 2026 Le Veilleur du Cher — Tous droits réservés</p>` +
        '<p><b>ATENÇÃO:</b> Comentários ofensivos não serão aprovados pelo moderador.</p></td></tr></tbody></table>',
    );
    expect(t).toContain('centre de formation');
    expect(t).not.toMatch(/Tous droits|ATENÇÃO|Via Agence/);
  });
  it("drops a widget's label under the empty shells of widgets the cleaning emptied", () => {
    const t = trimmed(
      `${STORY}<div><h3><a href="/sci-tech">More News from Sci-Tech</a></h3></div>` +
        '<div></div><ul><li></li></ul><div><div></div></div><div></div><div> </div><p></p><div></div>',
    );
    expect(t).toContain('centre de formation');
    expect(t).not.toContain('More News');
  });
  it('drops a membership pitch with its price and a "follow @" line', () => {
    const t = trimmed(
      `${STORY}<p>Members get the quarterly print edition and early access to events. Membership starts at £5 a month.</p>` +
        '<p>Follow @PocketDeals on Twitter to keep up with the latest deals as we find them.</p>',
    );
    expect(t).not.toMatch(/Members get|Follow @/);
  });
  it("keeps the signature and the photo credit above a copyright line, and a story's own words", () => {
    const t = trimmed(
      `${STORY}<p>Jean Dupont</p><p>[Photo : mairie]</p><p>Copyright © 2026 Le Veilleur. All rights reserved.</p>`,
    );
    expect(t).toContain('Jean Dupont');
    expect(t).toContain('[Photo : mairie]');
    const own = trimmed(
      `${STORY}<p>« Toute reproduction demande une autorisation, même quand la légende dit “droits réservés”. »</p>`,
    );
    expect(own).toContain('droits réservés');
  });
});

describe('trimTrailingLinkBlocks: a short last sentence in a script with its own full stop', () => {
  // A widget label is a few words without sentence punctuation; written without spaces, a whole
  // Japanese sentence is one "word", and its 。 was not taken for a full stop (AEB f105de6e lost its
  // closing line). Devanagari's । and the Arabic-script ۔ ؟ end sentences too.
  const lead =
    '<p>ショートカットの欄を空欄にしただけでは、Kindle for PCがショートカットで起動しなくなるだけです。再びKeePassが起動するようになるには、一度PCを再起動する必要があります。</p>';
  for (const last of [
    'これでようやく元の操作性を取り戻せました。',
    '终于恢复了原来的操作！',
    'अब सब ठीक है।',
    'کیا یہ ٹھیک ہے؟',
  ])
    it(`keeps « ${last} »`, () => {
      expect(trimmed(`${lead}<p>${last}</p>`)).toContain(last);
    });
  it('still drops a widget label left last', () => {
    expect(trimmed(`${lead}<p>Top Video</p>`)).not.toContain('Top Video');
  });
});
