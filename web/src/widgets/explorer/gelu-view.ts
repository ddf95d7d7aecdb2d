// gelu-view.ts — GELU exact (erf) vs its tanh approximation: the difference tanh-form − exact over the
// z range, both curves from the engine, with the largest |difference| in words.
import type { GeluErrorResult } from '../../engine/composite';
import { el } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { LinePlot } from '../../ui/line-plot';

export class GeluView {
  readonly root = el('section', 'panel gelu-view');
  readonly #summary = el('p', 'gelu-summary');
  readonly #box = el('div', 'plot-box small');
  #plot: LinePlot | undefined;

  constructor() {
    this.root.setAttribute('aria-labelledby', 'gelu-heading');
    const h = el('h2', undefined, 'GELU: exact vs tanh approximation');
    h.id = 'gelu-heading';
    this.root.append(h, el('p', 'hint', 'The curve is GELU-tanh(z) − GELU(z): how far the popular tanh approximation is from x·Φ(x), both computed by the engine.'),
      this.#box, this.#summary);
  }

  update(r: GeluErrorResult): void {
    const sentence = `Largest |GELU-tanh − GELU| on z from ${fmt(r.x[0]!)} to ${fmt(r.x[r.x.length - 1]!)}: ${fmt(r.maxAbs, 3)} at z = ${fmt(r.maxAt, 3)}.`;
    this.#summary.textContent = sentence;
    const data = { x: r.x, series: [{ label: 'GELU-tanh − GELU', values: r.diff }], label: `Plot of the error of the tanh approximation of GELU. ${sentence}` };
    if (this.#plot === undefined) this.#plot = new LinePlot(this.#box, data); else this.#plot.update(data);
  }

  rebuild(): void { this.#plot?.rebuild(); }
}
