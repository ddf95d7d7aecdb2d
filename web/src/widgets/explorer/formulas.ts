// formulas.ts — the chosen activations' definitions and derivatives, typeset with KaTeX (at build
// time: tex-lazy.ts), with the registry's notes (derivative caveats, parameter meanings, origin).
import type { ExprInfo } from '../../engine/expr';
import type { ActivationMeta } from '../../engine/types';
import { EXPR_ID, SOFTMAX_ID } from '../../state/explorer';
import { el } from '../../ui/dom';
import { texLater } from '../../ui/tex-lazy';
import { SOFTMAX_TEX } from '../../ui/tex-sources';

function formula(source: string, extra = ''): HTMLDivElement {
  const d = el('div', `formula ${extra}`);
  texLater(d, source, true);
  return d;
}

/** `typed`: the engine's TeX of f and f′ of the typed activation (series EXPR_ID) and its kink conventions. */
export function buildFormulas(ids: readonly string[], metas: readonly ActivationMeta[], typed?: ExprInfo): HTMLElement[] {
  return ids.map((id) => {
    const item = el('article', 'formula-card');
    if (id === EXPR_ID && typed !== undefined) {
      item.dataset.formula = EXPR_ID;
      item.append(el('h3', undefined, 'Your activation'), formula(`f(${typed.input}) = ${typed.tex}`), formula(`f'(${typed.input}) = ${typed.dtex}`, 'formula-d'),
        el('p', 'hint', 'Parsed, differentiated and typeset by the engine (symbolic derivative; the curves come from its compiled tape).'),
        ...typed.notes.map((n) => el('p', 'hint', n)));
      return item;
    }
    if (id === SOFTMAX_ID) {
      item.append(el('h3', undefined, 'Softmax of [z, 0]'), formula(SOFTMAX_TEX),
        el('p', 'hint', 'The probability of the first of two classes whose logits are z and 0. Softmax is a vector operation; the engine computes it with the maximum subtracted, so it never overflows. Its derivative is a Jacobian and is not plotted here.'));
      return item;
    }
    const m = metas.find((x) => x.id === id)!;
    item.append(el('h3', undefined, m.name), formula(m.tex), formula(m.dtex, 'formula-d'));
    if (m.derivativeNote) item.append(el('p', 'hint', `Derivative: ${m.derivativeNote}.`));
    item.append(el('p', 'hint', `${m.origin}. Used in: ${m.usedIn}.`));
    return item;
  });
}
