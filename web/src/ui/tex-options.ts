// tex-options.ts — KaTeX's options, shared by the build-time typesetting (web/tex-prerender.ts) and
// the in-browser fallback (tex.ts), so both give the same markup.
import type { KatexOptions } from 'katex';

/** Inline style; a bad formula shows its source in red; MathML alongside the HTML for screen readers. */
export const KATEX_OPTIONS: KatexOptions = { throwOnError: false, output: 'htmlAndMathml' };
