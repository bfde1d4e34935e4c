// Text offsets ↔ DOM ranges in a rendered article body, and the rendering of highlights with the CSS
// Custom Highlight API: ranges are painted by the browser, the article's DOM is never changed (no
// wrapper element, no HTML written).

/** The text nodes of `root` in document order with the offset each starts at. */
function textNodes(root: Node): Array<{ node: Text; at: number }> {
  const out: Array<{ node: Text; at: number }> = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    out.push({ node: n, at });
    at += n.data.length;
  }
  return out;
}

/** The text a highlight's offsets count in: the body's textContent. */
export const bodyText = (root: Node): string => root.textContent ?? '';

/** Offsets of a range inside `root`, or null when it is not inside it. */
export function offsetsOf(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const at = (container: Node, offset: number): number => {
    const probe = root.ownerDocument!.createRange();
    probe.setStart(root, 0);
    probe.setEnd(container, offset);
    return probe.toString().length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** A range over [start, end) of the body's text. */
export function rangeOf(root: Node, start: number, end: number): Range | null {
  const nodes = textNodes(root);
  const find = (pos: number, isEnd: boolean) => {
    for (const t of nodes) {
      const len = t.node.data.length;
      if (pos < t.at + len || (isEnd && pos === t.at + len)) return { node: t.node, offset: pos - t.at };
    }
    return null;
  };
  const a = find(start, false);
  const b = find(end, true);
  if (!a || !b) return null;
  const range = root.ownerDocument!.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Name of the highlight registry entry (styled by ::highlight(lisible-note) in components/reader.css). */
export const HIGHLIGHT_NAME = 'lisible-note';

/** Paints `ranges` (replacing what was painted before); false where the API is missing. */
export function paintHighlights(ranges: Range[], name = HIGHLIGHT_NAME): boolean {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Ctor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !Ctor) return false;
  if (ranges.length) registry.set(name, new Ctor(...ranges));
  else registry.delete(name);
  return true;
}
