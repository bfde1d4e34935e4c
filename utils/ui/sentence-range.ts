// Maps a sentence of a paragraph element to a DOM Range, so the sentence being read aloud can be
// highlighted with the CSS Custom Highlight API (no change to the article DOM).

/** Range covering `sentence` inside `el`, comparing text with whitespace collapsed. */
export function rangeForSentence(el: Element, sentence: string): Range | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  // Collapsed text, and for each of its characters the text node and offset it came from.
  let text = '';
  const map: Array<[Text, number]> = [];
  let lastSpace = true;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const v = n.data;
    for (let i = 0; i < v.length; i++) {
      const space = /\s/.test(v[i]!);
      if (space && lastSpace) continue;
      text += space ? ' ' : v[i];
      map.push([n, i]);
      lastSpace = space;
    }
  }
  const needle = sentence.replace(/\s+/g, ' ').trim();
  const at = text.indexOf(needle);
  if (at < 0 || needle.length === 0) return null;
  const start = map[at]!;
  const end = map[at + needle.length - 1]!;
  const range = doc.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1] + 1);
  return range;
}

/** Block elements read as paragraphs, in order; containers of other blocks are skipped. */
export function readableBlocks(body: Element): Element[] {
  const blocks = Array.from(body.querySelectorAll('p, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre'));
  return blocks.filter(
    (b) => !b.querySelector('p, li, blockquote, h2, h3, h4') && (b.textContent ?? '').trim() !== '',
  );
}
