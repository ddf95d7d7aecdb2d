// views.ts — the playground's extra views, each drawing engine numbers: a thumbnail per hidden
// neuron (its output over the input plane, from one engine call) that enlarges on hover or
// focus, dead neurons marked (never active on the training set, counted by the engine); the
// gradient-health bars per layer (mean |∂L/∂W| on a log scale, the engine's warning below 1e-3
// or above 1e2); the pre-activation histograms per layer (the engine's 20 bins on [−5, 5]); and
// the confusion matrix for K classes. The only arithmetic here is colour and bar-length mapping.
import type { Confusion, LayerHealth, NeuronGrids, UnitActivity } from '../../engine/trainer-types';
import { el } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { createTable } from '../../ui/table';
import { isDark } from '../../ui/theme';
import { CLASS_COLOURS } from './decision-view';

const mix = (c: readonly number[], bg: readonly number[], t: number): [number, number, number] =>
  [bg[0]! + (c[0]! - bg[0]!) * t, bg[1]! + (c[1]! - bg[1]!) * t, bg[2]! + (c[2]! - bg[2]!) * t];

const list = (xs: readonly number[]): string => (xs.length <= 1 ? String(xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** Dead neurons per layer in words (1-based neuron numbers), from the engine's activity counts. */
export function describeDead(units: UnitActivity, names: readonly string[]): string {
  if (units.layers.length === 0) return 'No hidden layer, so no hidden neurons.';
  const parts = units.layers.map((l, i) => {
    const dead = l.dead.map((j) => j + 1);
    const what = dead.length === 0 ? 'no dead neuron' : dead.length === l.units ? `all ${l.units} neurons dead` : `${dead.length === 1 ? 'neuron' : 'neurons'} ${list(dead)} dead`;
    return `layer ${i + 1} (${names[i] ?? '?'}): ${what}`;
  });
  return `Dead neurons (never active on the ${units.samples} training points): ${parts.join('; ')}.`;
}

/**
 * The network drawn as TF Playground does: a column of input features, a column of neuron
 * thumbnails per hidden layer, the output's thumbnail, and (WeightEdges, edges.ts) the weights
 * as edges between them. `nodes()` gives each column's boxes, left to right, for the edges.
 */
export class NeuronsView {
  readonly root = el('div', 'pg-neurons');
  /** The scroller (one tab stop: the edges' keyboard lives here) and the diagram inside it. */
  readonly scroller = el('div', 'pg-net-scroll');
  readonly diagram = el('div', 'pg-net');
  readonly #summary = el('p', 'hint pg-dead-summary');
  readonly #layers = el('div', 'pg-neuron-layers');
  /**
   * The hovered or focused thumbnail, enlarged: an overlay outside the scroller (which would clip it
   * at its top and bottom), over the diagram; a copy of the thumbnail's canvas, kept live.
   */
  readonly #zoom = el('div', 'pg-zoom');
  readonly #zoomCanvas = el('canvas');
  #zoomed: { canvas: HTMLCanvasElement; box: HTMLElement } | undefined;
  #hovered: HTMLElement | undefined;
  /** A key was pressed after the pointer last moved: the focused thumbnail, not the hovered one, is enlarged. */
  #keyboard = false;
  #shape = '';
  #cells: { canvas: HTMLCanvasElement; box: HTMLElement }[][] = [];
  #columns: HTMLElement[][] = [];
  /** Called after the columns were rebuilt (new shape): the edges re-lay themselves. */
  onBuild: (() => void) | undefined;

  constructor() {
    this.diagram.append(this.#layers);
    this.scroller.append(this.diagram);
    this.root.append(this.scroller, this.#zoom, this.#summary);
    this.#zoom.hidden = true;
    this.#zoom.setAttribute('aria-hidden', 'true');
    this.#zoom.append(this.#zoomCanvas, el('span', 'pg-dead-mark', '✕'));
    const cellOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>('.pg-neuron, .pg-neuron-out') : null);
    // Focus wins over a pointer that has not moved since the last key press: when Tab scrolls the
    // page under a resting pointer, the browser sends pointerover for whatever is now beneath it,
    // and the thumbnail the learner tabbed to must stay the enlarged one.
    this.root.ownerDocument.addEventListener('keydown', () => { this.#keyboard = true; }, true);
    this.scroller.addEventListener('focusin', (e) => this.#zoomTo(cellOf(e.target) ?? this.#hovered));
    this.scroller.addEventListener('focusout', () => this.#zoomTo(this.#hovered));
    this.scroller.addEventListener('pointerover', (e) => {
      this.#hovered = cellOf(e.target) ?? undefined;
      this.#zoomTo(this.#keyboard ? this.#focused() ?? this.#hovered : this.#hovered ?? this.#focused());
    });
    this.scroller.addEventListener('pointermove', (e) => {
      if (e.movementX === 0 && e.movementY === 0) return;
      this.#keyboard = false;
      this.#hovered = cellOf(e.target) ?? undefined;
      if (this.#zoomed?.box !== (this.#hovered ?? this.#focused())) this.#zoomTo(this.#hovered ?? this.#focused());
    });
    this.scroller.addEventListener('pointerleave', () => { this.#hovered = undefined; this.#zoomTo(this.#focused()); });
    this.scroller.addEventListener('scroll', () => this.#zoomTo(this.#zoomed?.box));
  }

  #focused(): HTMLElement | undefined {
    const a = document.activeElement;
    return a instanceof HTMLElement && this.scroller.contains(a) && a.matches('.pg-neuron, .pg-neuron-out') ? a : undefined;
  }

  /** Shows `box` enlarged 3.2× around its centre (kept inside the box's width), or hides the overlay. */
  #zoomTo(box: HTMLElement | null | undefined): void {
    const cell = box ? this.#cells.flat().find((c) => c.box === box) : undefined;
    this.#zoomed = cell;
    if (cell === undefined) { this.#zoom.hidden = true; return; }
    const size = 3.2 * cell.box.offsetWidth;
    const base = this.root.getBoundingClientRect(), r = cell.box.getBoundingClientRect();
    const left = Math.max(0, Math.min(this.root.clientWidth - size, r.left + r.width / 2 - base.left - size / 2));
    Object.assign(this.#zoom.style, { width: `${size}px`, height: `${size}px`, left: `${left}px`, top: `${r.top + r.height / 2 - base.top - size / 2}px` });
    this.#zoom.hidden = false;
    this.#copyZoom();
  }

  #copyZoom(): void {
    const cell = this.#zoomed;
    if (cell === undefined) return;
    if (this.#zoomCanvas.width !== cell.canvas.width) { this.#zoomCanvas.width = cell.canvas.width; this.#zoomCanvas.height = cell.canvas.height; }
    this.#zoomCanvas.getContext('2d')!.drawImage(cell.canvas, 0, 0);
    this.#zoom.classList.toggle('dead', cell.box.classList.contains('dead'));
  }

  /** Each column's node boxes: inputs, every hidden layer, the outputs. */
  nodes(): readonly HTMLElement[][] { return this.#columns; }

  draw(grids: NeuronGrids, units: UnitActivity | undefined, names: readonly string[], features: readonly string[] = []): void {
    const hidden = grids.units.slice(0, -1);
    const outputs = grids.units.at(-1) ?? 1;
    const shape = `${grids.res}:${grids.units.join(',')}:${names.join(',')}:${features.join(',')}`;
    if (shape !== this.#shape) this.#build(hidden, outputs, names, features, grids.res, shape);
    const bg = isDark() ? [27, 29, 35] : [255, 255, 255];
    const n = grids.res * grids.res;
    let u = 0;
    grids.units.forEach((count, layer) => {
      for (let j = 0; j < count; j++, u++) {
        const cell = this.#cells[layer]![j]!;
        const img = new ImageData(grids.res, grids.res);
        for (let i = 0; i < n; i++) {
          const v = grids.values[u * n + i]!;
          // TF Playground's scale: −1 orange … 0 surface … +1 blue (clamped); NaN grey.
          const s = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : NaN;
          const rgb = Number.isNaN(s) ? [128, 128, 128] : mix(CLASS_COLOURS[s >= 0 ? 1 : 0]!, bg, 0.85 * Math.abs(s));
          img.data[4 * i] = rgb[0]!; img.data[4 * i + 1] = rgb[1]!; img.data[4 * i + 2] = rgb[2]!; img.data[4 * i + 3] = 255;
        }
        cell.canvas.getContext('2d')!.putImageData(img, 0, 0);
        if (layer >= hidden.length) continue; // the outputs: no dead mark
        const act = units?.layers[layer]?.active[j];
        const dead = units !== undefined && units.samples > 0 && act === 0;
        cell.box.classList.toggle('dead', dead);
        const label = `Layer ${layer + 1} neuron ${j + 1} (${names[layer] ?? '?'}): ` +
          (units === undefined ? 'output over the input plane' : dead ? `dead, never active on the ${units.samples} training points`
            : `active on ${act ?? 0} of ${units.samples} training points`);
        // Written only when it changes: attribute writes each frame cost style work for nothing.
        if (cell.box.getAttribute('aria-label') !== label) cell.box.setAttribute('aria-label', label);
      }
    });
    this.#copyZoom();
    const summary = units === undefined ? '' : describeDead(units, names);
    if (this.#summary.textContent !== summary) this.#summary.textContent = summary;
  }

  #build(hidden: readonly number[], outputs: number, names: readonly string[], features: readonly string[], res: number, shape: string): void {
    this.#shape = shape;
    this.#zoomTo(undefined);
    this.#layers.textContent = '';
    const column = (title: string, cls = '') => {
      const row = el('div', `pg-neuron-layer ${cls}`.trim());
      row.append(el('p', 'pg-neuron-title', title));
      const cells = el('div', 'pg-neuron-cells');
      row.append(cells);
      this.#layers.append(row);
      return cells;
    };
    const inputs = column('Inputs', 'pg-inputs');
    const inputNodes = features.map((f) => {
      const box = el('div', 'pg-input-node', f);
      inputs.append(box);
      return box;
    });
    const thumbs = (cells: HTMLElement, count: number, cls: string, label: (j: number) => string) => Array.from({ length: count }, (_, j) => {
      const box = el('div', cls);
      box.tabIndex = 0;
      box.setAttribute('role', 'img');
      box.setAttribute('aria-label', label(j));
      const canvas = el('canvas');
      canvas.width = res; canvas.height = res;
      canvas.setAttribute('aria-hidden', 'true');
      box.append(canvas, el('span', 'pg-dead-mark', '✕'));
      cells.append(box);
      return { canvas, box };
    });
    this.#cells = hidden.map((count, layer) => thumbs(column(`Layer ${layer + 1} · ${names[layer] ?? ''}`), count, 'pg-neuron',
      (j) => `Layer ${layer + 1} neuron ${j + 1}`));
    this.#cells.push(thumbs(column('Output', 'pg-outputs'), outputs, 'pg-neuron-out', (j) => `Output ${outputs > 1 ? `${j + 1} ` : ''}over the input plane`));
    this.#columns = [inputNodes, ...this.#cells.map((c) => c.map((x) => x.box))];
    this.onBuild?.();
  }
}

/** Decades the health bars span: 1e-6 … 1e3 (the warnings sit at 1e-3 and 1e2). */
const LOG_LO = -6, LOG_HI = 3;

/** Gradient health: one bar per layer, mean |∂L/∂W| on a log scale, warning from the engine. */
export class HealthView {
  readonly root = el('div', 'pg-health');
  readonly #rows = el('ul', 'pg-health-rows');
  readonly #scale = el('p', 'hint', 'Mean |∂L/∂W| per layer, log scale 10⁻⁶ to 10³; the marks are the warning lines 10⁻³ (vanishing) and 10² (exploding).');
  #shape = '';
  #parts: { li: HTMLElement; bar: HTMLElement; value: HTMLElement; warning: HTMLElement }[] = [];

  constructor() { this.root.append(this.#rows, this.#scale); }

  draw(health: readonly LayerHealth[], names: readonly string[]): void {
    // Rows are built once per network shape and then updated in place (the playground draws every frame).
    const shape = `${health.map((h) => h.activation).join(',')}|${names.join(',')}`;
    if (shape !== this.#shape) this.#build(health, names, shape);
    health.forEach((h, i) => {
      const p = this.#parts[i]!;
      const g = h.meanAbsGrad;
      const pos = g === null || !(g > 0) ? 0 : (Math.log10(g) - LOG_LO) / (LOG_HI - LOG_LO);
      setText(p.value, g === null ? 'not a number' : fmt(g, 3));
      const w = `${(100 * Math.max(0, Math.min(1, pos))).toFixed(1)}%`;
      if (p.bar.style.width !== w) p.bar.style.width = w;
      p.li.classList.toggle('warn', Boolean(h.warning));
      p.warning.hidden = !h.warning;
      setText(p.warning, h.warning ? `⚠ ${h.warning}` : '');
    });
  }

  #build(health: readonly LayerHealth[], names: readonly string[], shape: string): void {
    this.#shape = shape;
    this.#rows.textContent = '';
    this.#parts = health.map((h, i) => {
      const li = el('li', 'pg-health-row');
      const last = i === health.length - 1;
      const name = last ? `Output (${h.activation})` : `Layer ${i + 1} (${names[i] ?? h.activation})`;
      const track = el('div', 'pg-health-track');
      track.setAttribute('aria-hidden', 'true');
      const bar = el('div', 'pg-health-bar');
      for (const t of [-3, 2]) {
        const tick = el('span', 'pg-health-tick');
        tick.style.left = `${(100 * (t - LOG_LO)) / (LOG_HI - LOG_LO)}%`;
        track.append(tick);
      }
      track.prepend(bar);
      const value = el('span', 'pg-health-value mono');
      const warning = el('span', 'pg-health-warning');
      warning.hidden = true;
      li.append(el('span', 'pg-health-name', name), track, value, warning);
      this.#rows.append(li);
      return { li, bar, value, warning };
    });
  }
}

/** Sets text only when it changed (no needless style and layout work per frame). */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Pre-activation histograms per hidden layer: where the inputs of each layer's activation fall. */
export class HistogramView {
  readonly root = el('div', 'pg-hists');
  #shape = '';
  #parts: { fig: HTMLElement; bars: HTMLElement[]; hint: HTMLElement }[] = [];

  draw(health: readonly LayerHealth[], names: readonly string[]): void {
    const layers = health.slice(0, -1);
    const shape = `${layers.map((h) => `${h.activation}:${h.histogram.length}`).join(',')}|${names.join(',')}`;
    if (shape !== this.#shape) this.#build(layers, names, shape);
    layers.forEach((h, i) => {
      const p = this.#parts[i]!;
      const top = Math.max(1, ...h.histogram);
      h.histogram.forEach((c, k) => {
        const height = `${((100 * c) / top).toFixed(1)}%`;
        if (p.bars[k]!.style.height !== height) p.bars[k]!.style.height = height;
      });
      const total = h.histogram.reduce((a, b) => a + b, 0) + h.below + h.above + h.nonfinite;
      const [lo, hi] = h.histRange;
      const width = (hi - lo) / h.histogram.length;
      const most = Math.max(0, ...h.histogram);
      const peak = most > 0 ? h.histogram.indexOf(most) : -1;
      const words = `Layer ${i + 1} (${names[i] ?? h.activation}): ${total} pre-activations z in ${h.histogram.length} bins from ${lo} to ${hi}` +
        (peak >= 0 ? `; the fullest bin, ${fmt(lo + peak * width, 3)} to ${fmt(lo + (peak + 1) * width, 3)}, holds ${most}` : '') +
        `; ${h.below} below ${lo}, ${h.above} above ${hi}.`;
      if (p.fig.getAttribute('aria-label') !== words) p.fig.setAttribute('aria-label', words);
      setText(p.hint, `z from ${lo} to ${hi} · ${h.below} below, ${h.above} above`);
    });
  }

  #build(layers: readonly LayerHealth[], names: readonly string[], shape: string): void {
    this.#shape = shape;
    this.root.textContent = '';
    this.#parts = layers.map((h, i) => {
      const fig = el('figure', 'pg-hist');
      const bars = el('div', 'pg-hist-bars');
      bars.setAttribute('aria-hidden', 'true');
      const spans = h.histogram.map(() => { const b = el('span'); bars.append(b); return b; });
      const hint = el('p', 'hint');
      fig.setAttribute('role', 'img');
      fig.append(el('figcaption', 'pg-neuron-title', `Layer ${i + 1} · ${names[i] ?? h.activation}`), bars, hint);
      this.root.append(fig);
      return { fig, bars: spans, hint };
    });
    if (layers.length === 0) this.root.append(el('p', 'hint', 'No hidden layer.'));
  }
}

/** The confusion matrix of the test split (K classes): rows true class, columns predicted. */
export function confusionTable(c: Confusion, classNames: readonly string[]): HTMLElement {
  const K = c.classes;
  const rows = Array.from({ length: K }, (_, i) => i);
  const name = (k: number) => `${k} (${classNames[k] ?? ''})`;
  return createTable(`Confusion matrix, ${c.test ? 'test' : 'training'} points: rows are the true class, columns the predicted class`, [
    { header: 'True \\ predicted', cell: (r: number) => name(r), rowHeader: true },
    ...rows.map((k) => ({ header: name(k), numeric: true, cell: (r: number) => String(c.counts[r * K + k] ?? 0) })),
  ], rows);
}
