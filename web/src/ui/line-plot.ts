// line-plot.ts — a uPlot chart of several series over x, each with its own colour AND dash pattern
// (colour is never the only cue), an optional vertical cursor at x = z, shaded x-intervals (e.g.
// where |f′| < 0.01), and a text alternative. It draws values it is given; it computes nothing.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from './format';
import { themeColour } from './theme';

/** Dash patterns by series index; the legend shows the same pattern. */
export const DASHES: readonly number[][] = [[], [9, 4], [2, 3], [12, 3, 2, 3], [5, 5], [14, 4, 4, 4]];
export const seriesColour = (i: number): string => themeColour(`--s${i % 6}`);

export interface LineSeries { label: string; values: Float32Array }

export interface LineData {
  x: Float32Array;
  series: LineSeries[];
  /** Vertical cursor position, or undefined for none. */
  cursor?: number;
  /** x-intervals [from, to] to shade. */
  shade?: [number, number][];
  /** Text alternative for the chart (role="img"). */
  label: string;
}

/** Non-finite engine values (step's f′ at the jump) become gaps. */
const gaps = (values: Float32Array): (number | null)[] => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

let firstPlotMarked = false;

export class LinePlot {
  #box: HTMLElement;
  #data: LineData;
  #plot: uPlot | undefined;
  #resize: ResizeObserver;
  #shape = '';

  constructor(box: HTMLElement, data: LineData) {
    this.#box = box;
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
    this.#plot.setScale('x', { min: data.x[0]!, max: data.x[data.x.length - 1]! });
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
    const axisStyle = { stroke: axis, font: '12px system-ui, sans-serif', grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const { width, height } = this.#size();
    this.#plot = new uPlot({
      width, height,
      legend: { show: false },
      cursor: { show: false },
      // The range reads the current data: update() may bring a longer x (the playground's epochs).
      scales: { x: { time: false, range: () => { const cur = this.#data.x; return [cur[0]!, Math.max(cur[cur.length - 1]!, cur[0]! + 1e-9)]; } } },
      axes: [{ ...axisStyle, size: 30, values: (_u: uPlot, splits: number[]) => splits.map((v) => formatNumber(v, 3)) },
        { ...axisStyle, size: 66, values: (_u: uPlot, splits: number[]) => splits.map((v) => formatNumber(v, 3)) }],
      series: [{}, ...this.#data.series.map((s, i) => ({ label: s.label, stroke: seriesColour(i), width: 2, dash: DASHES[i % DASHES.length] }))],
      hooks: { drawClear: [(u: uPlot) => this.#drawShade(u)], draw: [(u: uPlot) => this.#drawCursor(u)] },
    }, this.#columns(), this.#box);
    this.#label();
    if (!firstPlotMarked) { firstPlotMarked = true; performance.mark('actlab:first-plot'); }
  }

  destroy(): void {
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #columns(): uPlot.AlignedData {
    return [Array.from(this.#data.x), ...this.#data.series.map((s) => gaps(s.values))] as uPlot.AlignedData;
  }

  #label(): void {
    const canvas = this.#plot?.root.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', this.#data.label);
  }

  #drawShade(u: uPlot): void {
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = themeColour('--plot-shade');
    for (const [a, b] of this.#data.shade ?? []) {
      const x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
      ctx.fillRect(Math.min(x0, x1), u.bbox.top, Math.max(1, Math.abs(x1 - x0)), u.bbox.height);
    }
    ctx.restore();
  }

  #drawCursor(u: uPlot): void {
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
