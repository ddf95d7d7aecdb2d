// tex-lazy.ts — typesets TeX once KaTeX (≈75 KB gzipped) has loaded, so plots never wait for it:
// the element is filled as soon as the KaTeX chunk arrives (fetched once, on first use).
type TexModule = typeof import('./tex');
let loading: Promise<TexModule> | undefined;

/** Renders `tex` into `element` when KaTeX is ready; `watch` keeps an overflowing formula focusable. */
export function texLater(element: HTMLElement, tex: string, watch = false): void {
  element.classList.add('tex-pending');
  loading ??= import('./tex');
  void loading.then((m) => {
    m.renderTex(element, tex);
    if (watch) m.watchOverflow(element);
    element.classList.remove('tex-pending');
  }, () => { element.textContent = tex; }); // KaTeX failed to load: show the source rather than nothing
}
