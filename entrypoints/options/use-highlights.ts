// Highlights of the saved article on screen: loaded from Dexie, re-anchored in the rendered body's
// text (utils/highlights/anchor.ts) and painted with the CSS Custom Highlight API; a selection in the
// body becomes a new highlight. The article's DOM is never modified.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { anchorText, describeText } from '../../utils/highlights/anchor';
import { bodyText, offsetsOf, paintHighlights, rangeOf } from '../../utils/highlights/dom';
import { addHighlight, deleteHighlight, listHighlights, setNote } from '../../utils/db/highlights';
import type { HighlightRow } from '../../utils/db/schema';

export function useHighlights(
  id: number,
  body: { current: HTMLDivElement | null },
  /** Changes whenever the body is rendered again (article loaded, images swapped in). */
  rendered: unknown,
  onTrouble: (e: unknown) => void,
) {
  const [list, setList] = useState<HighlightRow[]>([]);
  const [orphans, setOrphans] = useState<ReadonlySet<number>>(new Set());
  const [canHighlight, setCanHighlight] = useState(false);
  const reload = useCallback(() => listHighlights(id).then(setList, onTrouble), [id, onTrouble]);
  useEffect(() => void reload(), [reload]);

  // Where each highlight is in the body's text now; those whose quote is gone are listed as orphans.
  const ranges = useCallback((): Map<number, Range> => {
    const out = new Map<number, Range>();
    const root = body.current;
    if (!root) return out;
    const text = bodyText(root);
    for (const h of list) {
      const at = anchorText(text, h);
      const range = at && rangeOf(root, at.start, at.end);
      if (range) out.set(h.id!, range);
    }
    return out;
  }, [list, body]);
  useEffect(() => {
    if (!body.current) return;
    const found = ranges();
    paintHighlights([...found.values()]);
    setOrphans(new Set(list.filter((h) => !found.has(h.id!)).map((h) => h.id!)));
  }, [ranges, rendered, list, body]);
  useEffect(() => () => void paintHighlights([]), []);

  const selected = useCallback((): Range | null => {
    const sel = document.getSelection();
    const root = body.current;
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !root) return null;
    const r = sel.getRangeAt(0);
    return root.contains(r.commonAncestorContainer) ? r : null;
  }, [body]);
  useEffect(() => {
    const onSel = () => setCanHighlight(selected() !== null);
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, [selected]);

  const highlight = useCallback(async () => {
    const r = selected();
    const root = body.current;
    const at = r && root && offsetsOf(root, r);
    if (!at || !root) return;
    const anchor = describeText(bodyText(root), at.start, at.end);
    if (!anchor.exact.trim()) return;
    await addHighlight(id, anchor).catch(onTrouble);
    document.getSelection()?.removeAllRanges();
    await reload();
  }, [selected, body, id, onTrouble, reload]);

  return {
    list,
    orphans,
    canHighlight,
    highlight,
    note: (hid: number, note: string) => void setNote(hid, note).then(reload, onTrouble),
    remove: (hid: number) => void deleteHighlight(hid).then(reload, onTrouble),
    goTo: (hid: number) =>
      ranges().get(hid)?.startContainer.parentElement?.scrollIntoView({ block: 'center' }),
  };
}
