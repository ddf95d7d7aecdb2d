// decision-view.ts — the playground's output picture: the engine's decision grid as colours (two
// classes: orange ↔ blue by probability; K classes: each class its hue, confidence as strength;
// regression: a diverging scale around 0), optionally discretised, with the training points
// (filled circles) and test points (hollow squares) on top. It draws engine values; the only
// arithmetic is the colour mapping of each value and the map from data to canvas coordinates.
import type { Grid } from '../../engine/trainer-types';
import { el } from '../../ui/dom';
import { isDark } from '../../ui/theme';

/** Class colours (TF Playground's orange and blue first), each ≥ 3:1 against both page surfaces. */
export const CLASS_COLOURS: readonly [number, number, number][] = [
  [232, 119, 34], [8, 119, 189], [46, 160, 67], [163, 73, 164], [200, 60, 60],
  [110, 110, 110], [190, 150, 0], [0, 150, 150], [120, 80, 40], [90, 90, 200],
];
export const CLASS_NAMES = ['orange', 'blue', 'green', 'purple', 'red', 'grey', 'gold', 'teal', 'brown', 'indigo'];

/** How the grid's values are read: one probability, one ±1 value (tanh), K probabilities, or a regression value. */
export type OutputKind = 'prob' | 'tanh' | 'softmax' | 'regression';

export interface DecisionData {
  grid: Grid;
  kind: OutputKind;
  discrete: boolean;
  /** Half-width of the square domain shown: [−d, d]². */
  domain: number;
  train: Float32Array;
  test: Float32Array | undefined;
}

const mix = (c: readonly number[], bg: readonly number[], t: number): [number, number, number] =>
  [bg[0]! + (c[0]! - bg[0]!) * t, bg[1]! + (c[1]! - bg[1]!) * t, bg[2]! + (c[2]! - bg[2]!) * t];

export class DecisionView {
  readonly canvas = el('canvas', 'decision-canvas');
  readonly #ctx: CanvasRenderingContext2D;
  readonly #cell = document.createElement('canvas');
  /** The points drawn once onto a transparent layer, redrawn only when they, the size or the theme change. */
  readonly #layer = document.createElement('canvas');
  #layerOf: { train: Float32Array; test: Float32Array | undefined; key: string } | undefined;
  #data: DecisionData | undefined;

  /** The canvas's CSS width, kept by a ResizeObserver: reading clientWidth in draw() forced a layout per map per frame. */
  #cssWidth = 0;

  constructor(label: string) {
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.#ctx = this.canvas.getContext('2d')!;
    new ResizeObserver((entries) => { this.#cssWidth = entries.at(-1)?.contentRect.width ?? 0; }).observe(this.canvas);
  }

  setLabel(label: string): void { this.canvas.setAttribute('aria-label', label); }

  /** The data coordinates under a canvas offset (CSS pixels), for click-to-add. */
  toData(offsetX: number, offsetY: number): { x: number; y: number } | undefined {
    if (this.#data === undefined) return undefined;
    const w = this.canvas.clientWidth || 1, h = this.canvas.clientHeight || 1, d = this.#data.domain;
    return { x: -d + (2 * d * offsetX) / w, y: d - (2 * d * offsetY) / h };
  }

  draw(data: DecisionData): void {
    this.#data = data;
    if (this.#cssWidth === 0) this.#cssWidth = this.canvas.clientWidth; // before the observer's first report
    const size = Math.max(100, Math.round((this.#cssWidth || 320) * devicePixelRatio));
    if (this.canvas.width !== size) { this.canvas.width = size; this.canvas.height = size; }
    const { res, outputs, values } = data.grid;
    const bg = isDark() ? [27, 29, 35] : [255, 255, 255];
    const img = new ImageData(res, res);
    for (let i = 0; i < res * res; i++) {
      const rgb = this.#colour(data, values, i, outputs, bg);
      img.data[4 * i] = rgb[0]; img.data[4 * i + 1] = rgb[1]; img.data[4 * i + 2] = rgb[2]; img.data[4 * i + 3] = 255;
    }
    if (this.#cell.width !== res) { this.#cell.width = res; this.#cell.height = res; } // resizing a canvas reallocates it
    this.#cell.getContext('2d')!.putImageData(img, 0, 0);
    const ctx = this.#ctx;
    ctx.imageSmoothingEnabled = !data.discrete;
    ctx.drawImage(this.#cell, 0, 0, size, size);
    // The points are the same frame after frame while training (the race draws 8 maps of 250 each
    // per frame): draw them onto the layer once, then copy the layer (profiled: the arcs were most
    // of the race page's drawing time).
    const key = `${size}|${isDark()}|${data.domain}|${data.kind}`;
    const cached = this.#layerOf;
    if (cached === undefined || cached.train !== data.train || cached.test !== data.test || cached.key !== key) {
      this.#layer.width = size; this.#layer.height = size;
      const lctx = this.#layer.getContext('2d')!;
      lctx.clearRect(0, 0, size, size);
      this.#points(lctx, data.train, data, size, false);
      if (data.test) this.#points(lctx, data.test, data, size, true);
      this.#layerOf = { train: data.train, test: data.test, key };
    }
    ctx.drawImage(this.#layer, 0, 0);
  }

  #colour(data: DecisionData, v: Float32Array, i: number, k: number, bg: readonly number[]): [number, number, number] {
    // Colours are mixed towards the surface so a confident region is strong and an unsure one pale.
    const strength = 0.75;
    if (data.kind === 'softmax') {
      let best = 0;
      for (let c = 1; c < k; c++) if (v[i * k + c]! > v[i * k + best]!) best = c;
      const p = v[i * k + best]!;
      const t = data.discrete ? 1 : Math.max(0, (p - 1 / k) / (1 - 1 / k));
      return mix(CLASS_COLOURS[best % CLASS_COLOURS.length]!, bg, strength * t);
    }
    const raw = v[i]!;
    if (!Number.isFinite(raw)) return [128, 128, 128];
    // Two classes and regression: a value s in [−1, 1]; its sign picks orange or blue.
    let s = data.kind === 'prob' ? 2 * raw - 1 : data.kind === 'tanh' ? raw : Math.tanh(raw);
    s = Math.max(-1, Math.min(1, s));
    if (data.discrete) s = s >= 0 ? 1 : -1;
    return mix(CLASS_COLOURS[s >= 0 ? 1 : 0]!, bg, strength * Math.abs(s));
  }

  #points(ctx: CanvasRenderingContext2D, pts: Float32Array, data: DecisionData, size: number, hollow: boolean): void {
    const d = data.domain;
    const r = Math.max(2.5, size / 110);
    const edge = isDark() ? '#111216' : '#ffffff';
    ctx.lineWidth = Math.max(1, r / 3);
    for (let i = 0; i + 2 < pts.length; i += 3) {
      const px = ((pts[i]! + d) / (2 * d)) * size, py = ((d - pts[i + 1]!) / (2 * d)) * size;
      const label = pts[i + 2]!;
      // A real target (regression data, whatever the head: identity, or tanh as TF Playground) is
      // coloured on the diverging scale; only a class number picks a class colour.
      const isClass = data.kind !== 'regression' && Number.isInteger(label) && label >= 0;
      const c = !isClass
        ? mix(CLASS_COLOURS[label >= 0 ? 1 : 0]!, [128, 128, 128], Math.min(1, Math.abs(label)))
        : CLASS_COLOURS[Math.round(label) % CLASS_COLOURS.length]!;
      const fill = `rgb(${c[0]},${c[1]},${c[2]})`;
      ctx.beginPath();
      if (hollow) ctx.rect(px - r, py - r, 2 * r, 2 * r); else ctx.arc(px, py, r, 0, 2 * Math.PI);
      if (hollow) {
        ctx.strokeStyle = edge; ctx.lineWidth = r / 1.2; ctx.stroke();
        ctx.strokeStyle = fill; ctx.lineWidth = r / 2; ctx.stroke();
      } else {
        ctx.fillStyle = fill; ctx.fill();
        ctx.strokeStyle = edge; ctx.lineWidth = Math.max(1, r / 3); ctx.stroke();
      }
    }
  }
}
