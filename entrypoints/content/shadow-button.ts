// A button Lisible adds to a news page (collapsed-classifieds label, floating "Mode lecture"), inside
// a shadow root so the page's CSS leaves it alone (open, so assistive tech and tests see inside).
export function shadowButton(
  tag: string,
  css: string,
  content: Array<string | Node>,
  onClick: () => void,
): HTMLElement {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const button = document.createElement('button');
  button.type = 'button';
  button.append(...content);
  button.addEventListener('click', onClick);
  root.append(style, button);
  return host;
}
