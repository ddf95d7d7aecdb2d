// tex-sources.ts — every TeX string the pages typeset, in one place: the browser builds them from the
// engine's metadata with these functions, and the build (web/tex-prerender.ts) builds the very same
// strings to typeset them ahead of time. No DOM, no KaTeX: safe to import from Node.
import type { ActivationMeta, ParamMeta } from '../engine/types';
import { formatNumber } from './format.ts';

/** The explorer's softmax pseudo-entry's definition (two logits [z, 0] at temperature T). */
export const SOFTMAX_TEX = 'f(z) = \\operatorname{softmax}\\!\\left(\\tfrac{[z,\\,0]}{T}\\right)_1 = \\frac{e^{z/T}}{e^{z/T} + 1}';

/** Fixed formulas of the pages (not from the registry). */
export const FIXED_TEX: readonly string[] = [SOFTMAX_TEX];

/** A parameter with its default, "\alpha = 0.01"; '-' keeps TeX's own minus sign. */
export function paramDefaultTex(p: ParamMeta): string {
  return `${p.tex} = ${formatNumber(p.default, 6).replaceAll('−', '-')}`;
}

/** Every TeX string a page may show for `metas` (tex, dtex, range, parameter defaults) plus the fixed ones. */
export function pageTexSources(metas: readonly ActivationMeta[]): string[] {
  const all = new Set<string>(FIXED_TEX);
  for (const m of metas) {
    all.add(m.tex).add(m.dtex).add(m.range);
    for (const p of m.params) all.add(paramDefaultTex(p));
  }
  return [...all];
}
