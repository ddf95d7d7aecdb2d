// tex-lazy.ts — typesets TeX without shipping KaTeX's JS (≈75 KB gzipped). Every formula the pages
// build from the engine's registry (and the fixed ones in tex-sources.ts) was typeset at build time
// by web/tex-prerender.ts and arrives as HTML in `virtual:prerendered-tex`: those are filled at once.
// Any other string (a learner's own formula, say) falls back to KaTeX, fetched once on first use;
// the element is filled when it arrives, so plots never wait for it.
import 'katex/dist/katex.min.css'; // the prerendered markup needs KaTeX's CSS (and its fonts)
import prerendered from 'virtual:prerendered-tex';
import { watchOverflow } from './tex-overflow';

type TexModule = typeof import('./tex');
let loading: Promise<TexModule> | undefined;

/** Renders `tex` into `element` (now if prerendered, else when KaTeX is ready); `watch` keeps an overflowing formula focusable. */
export function texLater(element: HTMLElement, tex: string, watch = false): void {
  const html = prerendered.get(tex);
  if (html !== undefined) {
    // Built by KaTeX from the registry's own strings (trust off, input escaped): no markup from outside.
    element.innerHTML = html;
    if (watch) watchOverflow(element);
    return;
  }
  element.classList.add('tex-pending');
  loading ??= import('./tex');
  void loading.then((m) => {
    m.renderTex(element, tex);
    if (watch) watchOverflow(element);
    element.classList.remove('tex-pending');
  }, () => { element.textContent = tex; }); // KaTeX failed to load: show the source rather than nothing
}
