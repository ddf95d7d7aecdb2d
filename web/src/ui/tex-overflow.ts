// tex-overflow.ts — keeps a sideways-scrolling formula reachable by keyboard. No KaTeX here: it
// works the same on prerendered HTML and on formulas typeset in the browser.

/**
 * Some formulas (a \left( … \right) group) cannot wrap and scroll sideways on a narrow screen.
 * Keyboard users must be able to scroll them too, so exactly those that overflow become tab stops.
 * A ResizeObserver on the container and its content covers layout changes. KaTeX's fonts are
 * another: when they arrive the content grows while the container keeps its size (and KaTeX's
 * inline spans report no size to an observer), so every watched formula is checked again whenever
 * fonts finish loading. Prerendered formulas are watched before they are even in the document, so
 * a one-off check at `document.fonts.ready` can come too early; the `loadingdone` event does not.
 */
function updateTabStop(container: Element): void {
  if (container.scrollWidth > container.clientWidth + 1) container.setAttribute('tabindex', '0');
  else container.removeAttribute('tabindex');
}

let overflowWatcher: ResizeObserver | undefined; // created on first use: importing this module touches no DOM API
const containers = new WeakSet<Element>();
const watched = new Set<WeakRef<HTMLElement>>(); // weak: the explorer replaces its formula cards

function recheckAll(): void {
  for (const ref of watched) {
    const element = ref.deref();
    if (element === undefined) watched.delete(ref);
    else if (element.isConnected) updateTabStop(element);
  }
}

/** Keeps `element` (styled overflow-x: auto) focusable while, and only while, it overflows. */
export function watchOverflow(element: HTMLElement): void {
  if (overflowWatcher === undefined) {
    overflowWatcher = new ResizeObserver((entries) => {
      for (const { target } of entries) {
        const container = containers.has(target) ? target : target.parentElement; // the container or its content
        if (container) updateTabStop(container);
      }
    });
    document.fonts?.addEventListener('loadingdone', recheckAll);
  }
  containers.add(element);
  watched.add(new WeakRef(element));
  overflowWatcher.observe(element);
  if (element.firstElementChild) overflowWatcher.observe(element.firstElementChild);
  void document.fonts?.ready.then(() => { if (element.isConnected) updateTabStop(element); });
}
