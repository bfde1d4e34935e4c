// DOM reads every pure layer needs (extraction and classifieds detection), kept cheap on linkedom.

/**
 * Class attribute without going through `getAttribute('class')`: linkedom builds a DOMTokenList
 * for that call, which made class reads the main cost of the scan (and a visible one in extraction).
 */
export function classAttr(el: Element): string {
  return el.getAttributeNode('class')?.value ?? '';
}
