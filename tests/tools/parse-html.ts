// Parses a page the way a browser does, into a linkedom Document.
//
// linkedom's own parser (htmlparser2) is not the HTML standard's: markup before <!DOCTYPE> (a
// PHP warning, a script, a comment), repeated <html> tags from IE conditional comments, or no
// <html>/<body> tags at all leave it with an empty <body> where every browser shows the page.
// The extension runs on the browser's tree, so the CLI, the bench and the tests must too, or
// their figures say nothing about it. parse5 implements the standard's tree construction
// (implied html/head/body, foster parenting, adoption agency, html/body attribute merging); this
// tree adapter makes it build linkedom nodes directly, so there is no serialize-and-reparse and
// the DOM the engine runs on stays linkedom (fast, and what the engine's timings are measured on).

import { parse, type DefaultTreeAdapterMap, type TreeAdapter, type Token } from 'parse5';
import { parseHTML } from 'linkedom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

interface Info {
  tag: string;
  ns: string;
}

/** A parse5 tree adapter over one linkedom document (every node is created by it). */
function linkedomAdapter(doc: Document): TreeAdapter {
  const info = new WeakMap<Node, Info>();
  const templates = new WeakMap<Node, Node>();
  const setAttrs = (el: Element, attrs: Token.Attribute[]): void => {
    for (const a of attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
      if (el.hasAttribute(name)) continue;
      try {
        el.setAttribute(name, a.value);
      } catch {
        /* a name the DOM refuses (browsers keep it; no extractor reads it) */
      }
    }
  };
  const adapter = {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),
    createElement(tag: string, ns: string, attrs: Token.Attribute[]) {
      const el = ns === SVG_NS ? doc.createElementNS(SVG_NS, tag) : doc.createElement(tag);
      info.set(el, { tag, ns });
      setAttrs(el, attrs);
      return el;
    },
    createCommentNode: (data: string) => doc.createComment(data),
    createTextNode: (value: string) => doc.createTextNode(value),
    appendChild: (parent: Node, node: Node) => void parent.appendChild(node),
    insertBefore: (parent: Node, node: Node, ref: Node) => void parent.insertBefore(node, ref),
    // A <template>'s contents go to a fragment of their own, as in a browser: they are not part of
    // the page (no walk, query or text read reaches them).
    setTemplateContent: (template: Node, content: Node) => void templates.set(template, content),
    getTemplateContent: (template: Node) => {
      let content = templates.get(template);
      if (!content) templates.set(template, (content = doc.createDocumentFragment()));
      return content;
    },
    setDocumentType: () => undefined,
    setDocumentMode: () => undefined,
    getDocumentMode: () => 'no-quirks',
    detachNode: (node: Node) => void node.parentNode?.removeChild(node),
    insertText(parent: Node, text: string) {
      const last = parent.lastChild;
      if (last && last.nodeType === 3) last.nodeValue = (last.nodeValue ?? '') + text;
      else parent.appendChild(doc.createTextNode(text));
    },
    insertTextBefore(parent: Node, text: string, ref: Node) {
      const prev = ref.previousSibling;
      if (prev && prev.nodeType === 3) prev.nodeValue = (prev.nodeValue ?? '') + text;
      else parent.insertBefore(doc.createTextNode(text), ref);
    },
    // A second <html> or <body> tag adds its attributes to the first (the IE-conditional pattern).
    adoptAttributes: (el: Element, attrs: Token.Attribute[]) => setAttrs(el, attrs),
    getFirstChild: (node: Node) => node.firstChild,
    getChildNodes: (node: Node) => Array.from(node.childNodes),
    getParentNode: (node: Node) => node.parentNode,
    getAttrList: (el: Element) =>
      Array.from(el.attributes, (a) => ({ name: a.name, value: a.value }) as Token.Attribute),
    getTagName: (el: Element) => info.get(el)?.tag ?? el.localName,
    getNamespaceURI: (el: Element) => info.get(el)?.ns ?? HTML_NS,
    getTextNodeContent: (node: Node) => node.nodeValue ?? '',
    getCommentNodeContent: (node: Node) => node.nodeValue ?? '',
    getDocumentTypeNodeName: () => 'html',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node: Node) => node.nodeType === 3,
    isCommentNode: (node: Node) => node.nodeType === 8,
    isDocumentTypeNode: (node: Node) => node.nodeType === 10,
    isElementNode: (node: Node) => node.nodeType === 1,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
  return adapter as unknown as TreeAdapter;
}

/** The page as a browser's parser builds it (scripting on, like a tab), as a linkedom Document. */
export function parseLikeBrowser(html: string): Document {
  const doc = parseHTML('').document as unknown as Document;
  parse(html, { treeAdapter: linkedomAdapter(doc) as TreeAdapter<DefaultTreeAdapterMap> });
  return doc;
}
