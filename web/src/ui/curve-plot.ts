// curve-plot.ts — a small uPlot chart of f (solid) and f′ (dashed) over x, grey bands where the
// engine found |f′| below the dead-zone threshold (as the explorer shades them), and a text alternative.
//
// The values come from the engine; this file only draws them. Colours are read from the theme's
// CSS variables each time the plot is (re)built, so `rebuild()` after a colour-scheme change.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fitPadding, fitYAxis } from './axis-fit';
import { tickLabels } from './tick-labels';

/** What one plot shows. */
export interface CurveData {
  x: Float32Array;
  f: Float32Array;
  df: Float32Array;
  /** x-intervals to shade grey (the engine's dead-zone intervals). */
  shade?: [number, number][];
  /** Text alternative for the canvas (role="img"). */
  label: string;
}

/** uPlot draws gaps for null: non-finite engine values (step's f′ at the jump, say) become gaps. */
function series(values: Float32Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

function themeColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** A chart that fills `container`'s width and follows its size. */
export class CurvePlot {
  #container: HTMLElement;
  #data: CurveData;
  #plot: uPlot | undefined;
  #resize: ResizeObserver;

  constructor(container: HTMLElement, data: CurveData) {
    this.#container = container;
    this.#data = data;
    this.#resize = new ResizeObserver(() => this.#fit());
    this.rebuild();
    this.#resize.observe(container);
  }

  /** Draws the chart again from scratch (e.g. with the other theme's colours). */
  rebuild(): void {
    this.#plot?.destroy();
    const axis = themeColour('--plot-axis');
    const grid = themeColour('--plot-grid');
    const font = '11px system-ui, sans-serif';
    // Labels with one minus sign (formatNumber's U+2212), axes sized to them (axis-fit.ts).
    const axisStyle = { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1, size: 5 }, gap: 4,
      values: (_u: uPlot, splits: number[]) => tickLabels(splits) };
    const { width, height } = this.#size();
    this.#plot = new uPlot({
      width,
      height,
      legend: { show: false },
      cursor: { show: false },
      padding: fitPadding(font),
      scales: { x: { time: false, range: [-5, 5] } },
      axes: [{ ...axisStyle, size: 28 }, { ...axisStyle, size: fitYAxis(font, 30) }],
      series: [
        {},
        { label: 'f', stroke: themeColour('--plot-f'), width: 2 },
        { label: 'f′', stroke: themeColour('--plot-df'), width: 2, dash: [6, 4] },
      ],
      hooks: { drawClear: [(u: uPlot) => {
        u.ctx.save();
        u.ctx.fillStyle = themeColour('--plot-shade');
        for (const [a, b] of this.#data.shade ?? []) {
          const x0 = u.valToPos(a, 'x', true), x1 = u.valToPos(b, 'x', true);
          u.ctx.fillRect(Math.min(x0, x1), u.bbox.top, Math.max(1, Math.abs(x1 - x0)), u.bbox.height);
        }
        u.ctx.restore();
      }] },
    }, [Array.from(this.#data.x), series(this.#data.f), series(this.#data.df)], this.#container);
    const canvas = this.#plot.root.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', this.#data.label);
  }

  /** Stops following the container and frees the chart. */
  destroy(): void {
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  #size(): { width: number; height: number } {
    return { width: Math.max(160, Math.floor(this.#container.clientWidth)), height: Math.max(120, this.#container.clientHeight) };
  }

  #fit(): void {
    if (this.#plot === undefined) return;
    const size = this.#size();
    if (size.width !== this.#plot.width || size.height !== this.#plot.height) this.#plot.setSize(size);
  }
}
