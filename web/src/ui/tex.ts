// tex.ts — KaTeX rendering into an element; a bad formula shows its source instead of breaking the page.
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Renders TeX `tex` into `element` (inline style; KaTeX adds MathML for screen readers). */
export function renderTex(element: HTMLElement, tex: string): void {
  // KaTeX escapes its input and `trust` stays off, so this HTML never carries markup from `tex`.
  element.innerHTML = katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml' });
}

/**
 * Some formulas (a \left( … \right) group) cannot wrap and scroll sideways on a narrow screen.
 * Keyboard users must be able to scroll them too, so exactly those that overflow become tab stops.
 * Both the container and the typeset content are observed: when KaTeX's fonts arrive the content
 * grows while the container keeps its size, and only the content's observer sees that.
 */
function updateTabStop(container: Element): void {
  if (container.scrollWidth > container.clientWidth + 1) container.setAttribute('tabindex', '0');
  else container.removeAttribute('tabindex');
}

const watched = new WeakSet<Element>();
const overflowWatcher = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const container = watched.has(target) ? target : target.parentElement;
    if (container) updateTabStop(container);
  }
});

/** Keeps `element` (styled overflow-x: auto) focusable while, and only while, it overflows. */
export function watchOverflow(element: HTMLElement): void {
  watched.add(element);
  overflowWatcher.observe(element);
  if (element.firstElementChild) overflowWatcher.observe(element.firstElementChild);
  void document.fonts?.ready.then(() => updateTabStop(element));
}
