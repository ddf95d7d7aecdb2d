// tex.ts — KaTeX rendering in the browser, for a formula the build did not typeset (see tex-lazy.ts);
// a bad formula shows its source instead of breaking the page. KaTeX's CSS comes with tex-lazy.ts.
import katex from 'katex';
import { KATEX_OPTIONS } from './tex-options';

/** Renders TeX `tex` into `element` (inline style; KaTeX adds MathML for screen readers). */
export function renderTex(element: HTMLElement, tex: string): void {
  // KaTeX escapes its input and `trust` stays off, so this HTML never carries markup from `tex`.
  element.innerHTML = katex.renderToString(tex, KATEX_OPTIONS);
}
