// line-plot.ts — a uPlot chart of several series over x, each with its own colour AND dash pattern
// (colour is never the only cue), an optional vertical cursor at x = z, shaded x-intervals (e.g.
// where |f′| < 0.01) either grey over the full height or one lane per series in its colour, pointer
// input (press or drag picks an x, hover reports one; touch drags sideways, vertical swipes scroll),
// optionally a log y axis and a threshold line, and a text alternative. It draws values it is given;
// it computes nothing.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fitPadding, fitYAxis } from './axis-fit';
import { formatNumber } from './format';
import { tickLabels } from './tick-labels';
import { WHOLE_STEPS, xRange } from './x-axis';
import { themeColour } from './theme';

/** Dash patterns by series index; the legend shows the same pattern. */
// Eight patterns for six colours: series 7 and 8 (the race's eight contestants) reuse colours 1 and 2 with their own dashes.
export const DASHES: readonly number[][] = [[], [9, 4], [2, 3], [12, 3, 2, 3], [5, 5], [14, 4, 4, 4], [1, 5], [20, 4, 1, 4]];
export const seriesColour = (i: number): string => themeColour(`--s${i % 6}`);

export interface LineSeries { label: string; values: Float32Array }

export interface LineData {
  x: Float32Array;
  series: LineSeries[];
  /** Vertical cursor position, or undefined for none. */
  cursor?: number;
  /** x-intervals [from, to] to shade grey over the full height. */
  shade?: [number, number][];
  /** Per-series shading: bar k of `lanes.length` along the bottom (top to bottom) marks `runs` in series `series`' colour and dashes. */
  lanes?: { series: number; runs: [number, number][] }[];
  /** Text alternative for the chart (role="img"). */
  label: string;
  /** A base-10 log y axis (values <= 0 become gaps), e.g. the gradients lab's magnitudes per layer. */
  logY?: boolean;
  /** A horizontal dashed line at this y (a threshold). */
  hline?: number;
  /** x is a whole number (epochs): ticks only on whole numbers, and one point spans [x, x + 1]. */
  xWhole?: boolean;
}

/** Non-finite engine values (step's f′ at the jump) become gaps. */
const gaps = (values: Float32Array, log = false): (number | null)[] =>
  Array.from(values, (v) => (!Number.isFinite(v) ? null : !log ? v : v > 0 ? Math.log10(v) : null));

let firstPlotMarked = false;

/** Pointer input on the plot area, in data units of x. */
export interface PlotPointer {
  /** Press or drag (mouse, pen, touch) at x. */
  pick?: (x: number) => void;
  /** Hover at x (mouse and pen, without a button), or null when the pointer leaves. */
  hover?: (x: number | null, clientX: number, clientY: number) => void;
}

export class LinePlot {
  #box: HTMLElement;
  #pointer: PlotPointer;
  #data: LineData;
  #plot: uPlot | undefined;
  #resize: ResizeObserver;
  #shape = '';

  constructor(box: HTMLElement, data: LineData, pointer: PlotPointer = {}) {
    this.#box = box;
    this.#pointer = pointer;
    this.#data = data;
    this.#resize = new ResizeObserver(() => this.#fit());
    this.#resize.observe(box);
    this.update(data);
  }

  /** New values: rebuilds when the series set changed, otherwise only sets data. */
  update(data: LineData): void {
    this.#data = data;
    const shape = data.series.map((s) => s.label).join('|');
    if (this.#plot === undefined || shape !== this.#shape) {
      this.#shape = shape;
      this.rebuild();
      return;
    }
    const [min, max] = xRange(data.x, data.xWhole === true);
    this.#plot.setScale('x', { min, max });
    this.#plot.setData(this.#columns(), true);
    this.#label();
  }

  /** Moves only the cursor (no new values). */
  setCursor(x: number | undefined, label: string): void {
    this.#data = { ...this.#data, cursor: x, label };
    this.#plot?.redraw(false, false);
    this.#label();
  }

  /** Draws from scratch (e.g. after a theme change). */
  rebuild(): void {
    this.#plot?.destroy();
    const axis = themeColour('--plot-axis');
    const grid = themeColour('--plot-grid');
    const font = '12px system-ui, sans-serif';
    const axisStyle = { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1, size: 5 }, gap: 5 };
    const { width, height } = this.#size();
    this.#plot = new uPlot({
      width, height,
      legend: { show: false },
      cursor: { show: false },
      padding: fitPadding(font),
      // The x range reads the current data: update() may bring a longer x (the playground's epochs).
      scales: { x: { time: false, range: () => xRange(this.#data.x, this.#data.xWhole === true) },
        ...(this.#data.logY ? { y: { range: () => this.#logRange() } } : {}) },
      // Axis sizes follow the labels (axis-fit.ts): no minus sign or exponent is ever cut at the edge; at
      // least 56 px, so stacked plots with labels up to "−0.25" keep their x axes aligned.
      axes: [{ ...axisStyle, size: 30, values: (_u: uPlot, splits: number[]) => tickLabels(splits),
        ...(this.#data.xWhole ? { incrs: [...WHOLE_STEPS] } : {}) },
        { ...axisStyle, size: fitYAxis(font, this.#data.logY ? 66 : 56), values: (_u: uPlot, splits: number[]) => tickLabels(splits),
          // Log axis: the plot holds log10 of each value (uPlot's own log scale breaks below ~1e-16, and
          // a sigmoid gradient at 50 layers is ~1e-32); ticks sit on whole decades, labelled 10^k.
          ...(this.#data.logY ? { splits: () => this.#logSplits(), values: (_u: uPlot, splits: number[]) => splits.map((e) => formatNumber(10 ** e, 1)) } : {}) }],
      series: [{}, ...this.#data.series.map((s, i) => ({ label: s.label, stroke: seriesColour(i), width: 2, dash: DASHES[i % DASHES.length],
        // A lone point (epoch 0, before any training) is drawn as a dot: a line needs two.
        points: { show: (u: uPlot) => (u.data[0]?.length ?? 0) === 1, size: 7, width: 2 } }))],
      hooks: { drawClear: [(u: uPlot) => this.#drawShade(u)], draw: [(u: uPlot) => this.#drawCursor(u)] },
    }, this.#columns(), this.#box);
    this.#label();
    this.#listen(this.#plot);
    if (!firstPlotMarked) { firstPlotMarked = true; performance.mark('actlab:first-plot'); }
  }

  destroy(): void {
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #columns(): uPlot.AlignedData {
    return [Array.from(this.#data.x), ...this.#data.series.map((s) => gaps(s.values, this.#data.logY))] as uPlot.AlignedData;
  }

  /** Whole decades (as exponents) around the positive finite values; [−3, 0] when there are none. */
  #logRange(): [number, number] {
    let lo = Infinity, hi = -Infinity;
    const all = [...this.#data.series.flatMap((x) => Array.from(x.values)), this.#data.hline ?? NaN];
    for (const v of all) if (Number.isFinite(v) && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!Number.isFinite(lo)) return [-3, 0];
    const a = Math.floor(Math.log10(lo)), b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    return [a, b];
  }

  /** At most ~7 whole-decade ticks. */
  #logSplits(): number[] {
    const [a, b] = this.#logRange();
    const step = Math.max(1, Math.ceil((b - a) / 6));
    const out: number[] = [];
    for (let e = b; e >= a; e -= step) out.unshift(e);
    return out;
  }

  #label(): void {
    const canvas = this.#plot?.root.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', this.#data.label);
  }

  #drawShade(u: uPlot): void {
    // Nothing to shade (the loss charts): no getComputedStyle either, which would force a style
    // recalculation on every redraw of a chart that updates each frame.
    if ((this.#data.shade ?? []).length === 0 && (this.#data.lanes ?? []).length === 0) return;
    const ctx = u.ctx;
    ctx.save();
    const span = (a: number, b: number, top: number, height: number) => {
      const x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
      ctx.fillRect(Math.min(x0, x1), top, Math.max(1, Math.abs(x1 - x0)), height);
    };
    ctx.fillStyle = themeColour('--plot-shade');
    for (const [a, b] of this.#data.shade ?? []) span(a, b, u.bbox.top, u.bbox.height);
    // Lanes: one bar per series along the bottom of the plot area, in legend order from the top, each
    // filled in the series' colour and crossed by its dash pattern (position and pattern, not colour alone).
    const lanes = this.#data.lanes ?? [];
    const dpr = devicePixelRatio;
    const laneH = Math.min(9 * dpr, u.bbox.height / (3 * Math.max(1, lanes.length))), gap = 2 * dpr;
    lanes.forEach((lane, k) => {
      const top = u.bbox.top + u.bbox.height - (lanes.length - k) * (laneH + gap);
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = seriesColour(lane.series);
      for (const [a, b] of lane.runs) span(a, b, top, laneH);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = seriesColour(lane.series);
      ctx.lineWidth = 2 * dpr;
      ctx.setLineDash((DASHES[lane.series % DASHES.length] ?? []).map((d) => d * dpr));
      for (const [a, b] of lane.runs) {
        ctx.beginPath();
        ctx.moveTo(u.valToPos(a, 'x', true), top + laneH / 2);
        ctx.lineTo(u.valToPos(b, 'x', true), top + laneH / 2);
        ctx.stroke();
      }
    });
    ctx.restore();
  }

  /** Pointer input on uPlot's overlay: press/drag picks x (captured, so a drag may leave the plot), hover reports it. */
  #listen(u: uPlot): void {
    const over = u.over;
    const { pick, hover } = this.#pointer;
    if (pick === undefined && hover === undefined) return;
    over.classList.add('plot-input');
    const xAt = (e: PointerEvent) => {
      const r = over.getBoundingClientRect();
      const x = u.posToVal(Math.min(r.width, Math.max(0, e.clientX - r.left)), 'x');
      const d = this.#data.x;
      return Math.min(d[d.length - 1]!, Math.max(d[0]!, x));
    };
    let dragging = false;
    over.addEventListener('pointerdown', (e) => {
      if (pick === undefined || (e.pointerType === 'mouse' && e.button !== 0)) return;
      dragging = true;
      over.setPointerCapture(e.pointerId);
      pick(xAt(e));
      e.preventDefault();
    });
    over.addEventListener('pointermove', (e) => {
      if (dragging) pick?.(xAt(e));
      else if (e.pointerType !== 'touch') hover?.(xAt(e), e.clientX, e.clientY);
    });
    const stop = () => { dragging = false; };
    over.addEventListener('pointerup', stop);
    over.addEventListener('pointercancel', stop);
    over.addEventListener('pointerleave', () => { if (!dragging) hover?.(null, 0, 0); });
  }

  #drawCursor(u: uPlot): void {
    const h = this.#data.hline;
    if (h !== undefined && Number.isFinite(h)) {
      const py = u.valToPos(this.#data.logY ? Math.log10(h) : h, 'y', true);
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = themeColour('--plot-cursor');
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, py);
      ctx.lineTo(u.bbox.left + u.bbox.width, py);
      ctx.stroke();
      ctx.restore();
    }
    const z = this.#data.cursor;
    if (z === undefined) return;
    const px = u.valToPos(z, 'x', true);
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = themeColour('--plot-cursor');
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(px, u.bbox.top);
    ctx.lineTo(px, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  #size(): { width: number; height: number } {
    return { width: Math.max(200, Math.floor(this.#box.clientWidth)), height: Math.max(160, Math.floor(this.#box.clientHeight)) };
  }

  #fit(): void {
    if (this.#plot === undefined) return;
    const s = this.#size();
    if (s.width !== this.#plot.width || s.height !== this.#plot.height) this.#plot.setSize(s);
  }
}
