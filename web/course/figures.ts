// figures.ts — the static figure of each widget directive, made at build time by the Node wasm
// engine from the directive's own state: what the page prints, and what a reader without
// JavaScript sees in place of the live widget. Plots are small inline SVGs (the explorer's f and f′,
// the depth sweep's gradient per layer, the 1-D fit, a playground's or race's loss per epoch, the
// art picture as a PNG); widgets that are not plots get a table of their numbers (softmax, census,
// chooser) or their text (an exercise, to answer on paper). Every number comes from the engine; the
// SVG only places it. A figure the engine cannot make throws, and the build reports file:line.
import { deflateSync } from 'node:zlib';
import { Art } from '../src/engine/art.ts';
import type { ArtModule } from '../src/engine/art-types';
import { runProbe } from '../src/engine/probes.ts';
import { Race } from '../src/engine/race.ts';
import type { RaceModule, RaceReport } from '../src/engine/race-types';
import { Trainer } from '../src/engine/trainer.ts';
import type { ActivationMeta } from '../src/engine/types';
import { artConfig, type ArtState } from '../src/state/art.ts';
import { recommend, type ChooseState } from '../src/state/choose.ts';
import { censusSpec, COMPARED, type DeadState } from '../src/state/dead-neurons.ts';
import { exerciseById, type ExercisesState } from '../src/state/exercises.ts';
import { baseOf, normaliseRange, paramsOf, SOFTMAX_ID, type ExplorerState } from '../src/state/explorer.ts';
import { depthSpecs, thresholdOf, type GradientsState } from '../src/state/gradients.ts';
import { collapseSpec, fitSpec, TARGETS, type NonlinearityState } from '../src/state/nonlinearity.ts';
import { trainerConfig, type PlaygroundState } from '../src/state/playground.ts';
import { raceSpec, type RaceState } from '../src/state/race.ts';
import { parseState } from '../src/state/schema.ts';
import { softmaxSpec, type SoftmaxState } from '../src/state/softmax.ts';
import type { LiveEngines } from './live';
import { memoPerEngine } from './engine-memo.ts';
import { widgetById } from './widgets.ts';

/** Epochs a playground figure trains for (from the link's seeded start). */
export const FIGURE_EPOCHS = 200;
/** Side of the art figure in pixels (a thumbnail: the page links the full picture). */
export const ART_SIDE = 96;
/** Points per curve: enough for a smooth line at print size, few enough to keep the page light. */
const CURVE_POINTS = 121;

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const minus = (s: string): string => s.replaceAll('-', '−');
/** A number for a table or a label: 4 significant digits, plain decimals where readable. */
export function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return minus(String(Number(v.toPrecision(digits))));
  const [m, e] = v.toExponential(digits - 1).split('e') as [string, string];
  return minus(`${Number(m)}e${Number(e)}`);
}
const pct = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`);

// ---- a line plot as SVG ----

interface Series { name: string; x: readonly number[]; y: readonly (number | null)[] }
interface PlotSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Base-10 logarithmic y axis (values ≤ 0 or missing are left out). */
  logY?: boolean;
  /** A vertical marker (the explorer's z). */
  markX?: number;
  /** Fixed y range (else the data's, padded). */
  yRange?: [number, number];
}

const W = 640, H = 230, L = 58, R = 12, T = 26, B = 36;
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 2', '1 2', '12 4', '6 2 2 2'];

function ticks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** One plot: axes with ticks, each series as a polyline in its palette colour and dash, a legend. */
export function linePlot(p: PlotSpec): string {
  const tf = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : p.logY ? (v > 0 ? Math.log10(v) : null) : v);
  const xs = p.series.flatMap((s) => s.x);
  const ys = p.series.flatMap((s) => s.y.map(tf)).filter((v): v is number => v !== null);
  if (xs.length === 0 || ys.length === 0) throw new Error(`the figure "${p.title}" has no finite values to plot`);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  let [y0, y1] = p.yRange ?? [Math.min(...ys), Math.max(...ys)];
  if (p.logY) { y0 = Math.floor(y0); y1 = Math.ceil(y1); }
  if (y1 - y0 < 1e-9) { y0 -= 0.5; y1 += 0.5; } else if (!p.logY && p.yRange === undefined) { const pad = (y1 - y0) * 0.06; y0 -= pad; y1 += pad; }
  const px = (x: number) => L + ((x - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (y: number) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  const r1 = (v: number) => String(Math.round(v * 10) / 10);
  const parts: string[] = [];
  const xt = ticks(x0, x1, 8), yt = p.logY ? ticks(y0, y1, 6).filter(Number.isInteger) : ticks(y0, y1, 5);
  for (const t of yt) parts.push(`<line class="fg-grid" x1="${L}" x2="${W - R}" y1="${r1(py(t))}" y2="${r1(py(t))}"/><text x="${L - 5}" y="${r1(py(t) + 4)}" text-anchor="end">${p.logY ? `10${supers(t)}` : fmt(t, 3)}</text>`);
  for (const t of xt) parts.push(`<text x="${r1(px(t))}" y="${H - B + 15}" text-anchor="middle">${fmt(t, 3)}</text>`);
  parts.push(`<rect class="fg-frame" x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/>`);
  if (!p.logY && y0 < 0 && y1 > 0) parts.push(`<line class="fg-axis" x1="${L}" x2="${W - R}" y1="${r1(py(0))}" y2="${r1(py(0))}"/>`);
  if (p.markX !== undefined) parts.push(`<line class="fg-mark" x1="${r1(px(p.markX))}" x2="${r1(px(p.markX))}" y1="${T}" y2="${H - B}"/>`);
  p.series.forEach((s, k) => {
    // A missing value breaks the line; values beyond a fixed range are clipped to it.
    let run: string[] = [];
    const flush = () => { if (run.length > 1) parts.push(`<polyline class="fg-s${k % 6}"${DASHES[k % 8] ? ` stroke-dasharray="${DASHES[k % 8]}"` : ''} points="${run.join(' ')}"/>`); run = []; };
    s.x.forEach((x, i) => {
      const v = tf(s.y[i] ?? null);
      if (v === null) { flush(); return; }
      run.push(`${r1(px(x))},${r1(py(Math.min(y1, Math.max(y0, v))))}`);
    });
    flush();
  });
  parts.push(`<text class="fg-title" x="${L}" y="${T - 9}">${esc(p.title)}</text>`);
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 4}" text-anchor="middle">${esc(p.xLabel)}</text>`);
  parts.push(`<text transform="rotate(-90)" x="${-(T + H - B) / 2}" y="13" text-anchor="middle">${esc(p.yLabel)}</text>`);
  const legend = p.series.map((s, k) => `<li><svg width="28" height="10" aria-hidden="true"><line class="fg-s${k % 6}"${DASHES[k % 8] ? ` stroke-dasharray="${DASHES[k % 8]}"` : ''} x1="1" x2="27" y1="5" y2="5"/></svg>${esc(s.name)}</li>`).join('');
  return `<svg class="fig-plot" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(p.title)}">${parts.join('')}</svg><ul class="fig-legend">${legend}</ul>`;
}

const SUP: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const supers = (n: number): string => String(n).split('').map((c) => SUP[c] ?? c).join('');

/** A table: header cells, then rows of cells (already text; escaped here). */
function table(caption: string, head: string[], rows: string[][]): string {
  return `<table class="fig-table"><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}
const note = (text: string): string => `<p class="fig-note">${esc(text)}</p>`;

// ---- the figure of each widget ----

type Maker = (state: never, e: LiveEngines, metas: readonly ActivationMeta[]) => string;
const nameOf = (metas: readonly ActivationMeta[], id: string): string => metas.find((m) => m.id === baseOf(id))?.name ?? id;
const grid = (lo: number, hi: number, n = CURVE_POINTS): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

function explorerFigure(s: ExplorerState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  normaliseRange(s, []);
  const xs = grid(s.zmin, s.zmax);
  const keys = s.act.filter((k) => k !== SOFTMAX_ID);
  if (keys.length === 0) return note('Softmax acts on a whole vector of logits, not on one z: see the softmax lab.');
  const rows: string[][] = [];
  const f: Series[] = [], df: Series[] = [];
  for (const key of keys) {
    const meta = metas.find((m) => m.id === baseOf(key));
    if (meta === undefined) throw new Error(`unknown activation "${key}"`);
    const params = paramsOf(s, meta, key);
    const name = key === meta.id ? meta.name : `${meta.name} (${Object.entries(params).map(([k, v]) => `${k} = ${fmt(v)}`).join(', ')})`;
    const y = e.engine.apply(meta.id, Float32Array.from(xs), { params });
    const dy = e.engine.apply(meta.id, Float32Array.from(xs), { params, derivative: true });
    f.push({ name, x: xs, y: Array.from(y) });
    df.push({ name, x: xs, y: Array.from(dy) });
    const at = Float32Array.of(s.z);
    rows.push([name, fmt(e.engine.apply(meta.id, at, { params })[0]!), fmt(e.engine.apply(meta.id, at, { params, derivative: true })[0]!)]);
  }
  return linePlot({ title: 'f(z)', xLabel: 'z', yLabel: 'f(z)', series: f, markX: s.z }) +
    linePlot({ title: 'f′(z), the slope', xLabel: 'z', yLabel: 'f′(z)', series: df, markX: s.z }) +
    table(`At z = ${fmt(s.z)} (the vertical line)`, ['Activation', 'f(z)', 'f′(z)'], rows);
}

function gradientsFigure(s: GradientsState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  const runs = depthSpecs(s).map((spec) => ({ spec, r: runProbe(e.module, 'depth', spec) }));
  const layers = Array.from({ length: s.layers }, (_, i) => i + 1);
  const th = thresholdOf(s);
  return linePlot({ title: `Mean |gradient| per layer, ${s.layers} layers of ${s.width}`, xLabel: 'layer (1 = next to the input)', yLabel: 'mean |∂L/∂z| (log)', logY: true,
    series: runs.map(({ spec, r }) => ({ name: nameOf(metas, spec.activation), x: layers, y: r.grad })) }) +
    table(`Where the signal and the gradient fall below ${fmt(th)}`, ['Activation', 'Gradient below it from layer (from the output)', 'Signal below it from layer'],
      runs.map(({ spec, r }) => [nameOf(metas, spec.activation), r.vanishBackward === 0 ? 'never' : String(r.vanishBackward), r.vanishForward === 0 ? 'never' : String(r.vanishForward)]));
}

function nonlinearityFigure(s: NonlinearityState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  const flat = runProbe(e.module, 'collapse', collapseSpec(s, false));
  const bent = runProbe(e.module, 'collapse', collapseSpec(s, true));
  const fit = runProbe(e.module, 'fit1d', fitSpec(s, false));
  return table(`${s.layers} layers of width ${s.width}: the stack against the one matrix it multiplies out to`, ['Layers', 'Largest |stack − one matrix| on the test inputs'],
    [['Without a bend (identity)', fmt(flat.maxAbsDiff)], [`With ${nameOf(metas, s.bend)} between them`, fmt(bent.maxAbsDiff)]]) +
    linePlot({ title: `Fitting ${TARGETS[s.target] ?? s.target} with ${s.units} ${nameOf(metas, s.fact)} units (RMS error ${fmt(fit.rmse, 3)})`, xLabel: 'x', yLabel: 'y',
      series: [{ name: 'target', x: fit.x, y: fit.target }, { name: `fit, ${s.units} units`, x: fit.x, y: fit.fit }] });
}

function playgroundFigure(s: PlaygroundState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  {
    const trainer = new Trainer(e.module);
    try {
      trainer.configure(trainerConfig(s));
      const epochs = [0], train = [trainer.metrics('train').loss], test = [trainer.metrics('test').loss];
      let diverged = 0;
      for (let k = 1; k <= FIGURE_EPOCHS; k++) {
        if (trainer.advance({ epochs: 1 }).diverged) { diverged = k; break; }
        epochs.push(k); train.push(trainer.metrics('train').loss); test.push(trainer.metrics('test').loss);
      }
      const tr = trainer.metrics('train'), te = trainer.metrics('test');
      const last = epochs[epochs.length - 1]!;
      return linePlot({ title: `Loss per epoch, ${s.units.join('–')} ${[...new Set(s.act)].map((a) => nameOf(metas, a)).join('/')} units`, xLabel: 'epoch', yLabel: 'loss', series: [{ name: 'training loss', x: epochs, y: train }, { name: 'test loss', x: epochs, y: test }] }) +
        (diverged > 0 ? note(`Training met NaN/Inf in epoch ${diverged}: the live playground shows where and why.`) : '') +
        table(`After ${last} epochs from the link's seeded start`, ['Set', 'Loss', 'Accuracy'], [['Training', fmt(tr.loss), pct(tr.accuracy)], ['Test', fmt(te.loss), pct(te.accuracy)]]);
    } finally {
      trainer.dispose();
    }
  }
}

const raceCache = new WeakMap<object, Map<string, RaceReport>>();
/** The race of `state` run to its end (cached per engine: a lesson's figure and live numbers share it). */
export function raceReport(s: RaceState, e: LiveEngines): RaceReport {
  const spec = raceSpec(s);
  return memoPerEngine(raceCache, e.module, JSON.stringify(spec), () => {
    const race = new Race(e.module as unknown as RaceModule);
    try {
      if (s.data === 'digits') {
        if (e.digits === undefined) throw new Error('the digits (public/data/digits8x8.bin) are not loaded');
        race.setDigits(e.digits);
      }
      race.configure(spec);
      while (!race.advance({ rounds: 100 }).finished);
      return race.report(0);
    } finally {
      race.dispose();
    }
  });
}

function raceFigure(s: RaceState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  const r = raceReport(s, e);
  const names = r.contestants.map((c) => nameOf(metas, c.activation));
  return linePlot({ title: `Training loss per epoch, ${r.dataset.name}`, xLabel: 'epoch', yLabel: 'training loss',
    series: r.contestants.map((c, i) => ({ name: names[i]!, x: c.history.trainLoss.map((_, k) => k), y: c.history.trainLoss })) }) +
    table(`After ${r.epoch} epochs from the same initial weights${r.seeds > 1 ? ` (seed 1 of ${r.seeds})` : ''}`, ['Activation', 'Test accuracy', `Epochs to ${pct(r.target)}`, 'Loss fell by'],
      r.ranking.map((i) => { const c = r.contestants[i]!; return [names[i]!, pct(c.testAccuracy), c.epochsToTarget === null ? 'not reached' : String(c.epochsToTarget), c.improvement === null ? '—' : `${c.improvement.toFixed(1)} %`]; }));
}

function deadFigure(s: DeadState, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  const acts = [s.act, ...COMPARED.filter((a) => a !== s.act)];
  return table(`${s.units} units, ${s.inputs} inputs, ${s.samples} samples, bias mean ${fmt(s.bias)}: units that never fire (dead), fire rarely, or are healthy`, ['Activation', 'Dead', 'Rarely', 'Healthy'],
    acts.map((a) => { const c = runProbe(e.module, 'census', censusSpec(s, a)); return [nameOf(metas, a), String(c.dead), String(c.weak), String(c.healthy)]; }));
}

function softmaxFigure(s: SoftmaxState, e: LiveEngines): string {
  const spec = softmaxSpec(s);
  const r = runProbe(e.module, 'softmax', spec);
  return table(`Softmax of ${spec.logits.length} logits at temperature T = ${fmt(spec.temperature)}, true class ${spec.target + 1}`,
    ['Class', 'z', 'Naive', 'Stable', 'p − y'],
    spec.logits.map((z, i) => [String(i + 1), fmt(z), r.naiveText[i] === undefined ? '—' : r.naive[i] === null ? r.naiveText[i]! : fmt(r.naive[i]), fmt(r.stable[i]), fmt(r.grad[i])])) +
    note(`Naive: exp(z/T)/Σ exp(z/T) as written, in float32; stable: the largest logit subtracted first. The stable probabilities sum to ${fmt(r.stableSum, 6)}; cross-entropy ${fmt(r.crossEntropy)}.`);
}

function artFigure(s: ArtState, e: LiveEngines): string {
  const art = new Art(e.module as unknown as ArtModule);
  const error = art.configure(artConfig(s));
  if (error) throw new Error(`the art renderer refused these settings: ${error}`);
  const rgba = art.render({ imageW: ART_SIDE, imageH: ART_SIDE, x: 0, y: 0, w: ART_SIDE, h: ART_SIDE, z: s.z });
  return `<img class="fig-art" width="${ART_SIDE * 2}" height="${ART_SIDE * 2}" alt="The picture of these settings (seed ${s.seed}), drawn by the engine at ${ART_SIDE} × ${ART_SIDE} pixels" src="data:image/png;base64,${png(ART_SIDE, ART_SIDE, rgba).toString('base64')}">`;
}

function chooseFigure(s: ChooseState): string {
  const a = recommend(s);
  return table('The chooser’s answer for these settings', ['', ''], [['Pick', a.pick], ['Why', a.reason], ...(a.also ? [['Also', a.also]] : [])]);
}

function exerciseFigure(s: ExercisesState): string {
  const ex = exerciseById(s.id);
  if (ex === undefined) throw new Error(`no exercise "${s.id}"`);
  const parts = ex.parts.map((p) => `<li>${esc(p.label)}${p.kind === 'depth' ? `: ${esc(p.activations.map((a) => a.name).join(', '))}` : ''} <span class="fig-blank" aria-hidden="true"></span></li>`).join('');
  return `<div class="fig-exercise"><p class="fig-ex-title">Exercise ${ex.number}: ${esc(ex.title)}</p>${ex.task.map((t) => `<p>${esc(t)}</p>`).join('')}<ol>${parts}</ol></div>`;
}

const MAKERS: Readonly<Record<string, Maker>> = {
  explorer: explorerFigure as Maker,
  gradients: gradientsFigure as Maker,
  nonlinearity: nonlinearityFigure as Maker,
  playground: playgroundFigure as Maker,
  race: raceFigure as Maker,
  'dead-neurons': deadFigure as Maker,
  softmax: softmaxFigure as Maker,
  art: artFigure as Maker,
  choose: chooseFigure as Maker,
  exercise: exerciseFigure as Maker,
};

/** Widget ids that have a static figure (every widget a directive may mount: a test checks). */
export const FIGURE_WIDGETS: readonly string[] = Object.keys(MAKERS);

/** The static figure of widget `id` at `query` (a valid preset), as HTML; throws with what is wrong. */
export function widgetFigure(id: string, query: string, e: LiveEngines, metas: readonly ActivationMeta[]): string {
  const entry = widgetById(id);
  const make = MAKERS[id];
  if (entry === undefined || make === undefined) throw new Error(`widget "${id}" has no static figure (add one to web/course/figures.ts)`);
  const parsed = parseState(entry.table(metas), query);
  return make(parsed.state as never, e, metas);
}

// ---- PNG (the art thumbnail): 8-bit RGBA, one IDAT, zlib from Node ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** Encodes w × h RGBA pixels as a PNG file (PNG spec, ISO/IEC 15948: filter 0 on every row). */
export function png(w: number, h: number, rgba: Uint8ClampedArray): Buffer {
  const raw = Buffer.alloc(h * (w * 4 + 1));
  for (let y = 0; y < h; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8 bits, RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}
