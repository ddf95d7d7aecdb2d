// composite.ts — the explorer's engine requests, answered in the worker in one round trip each:
// f and f′ of several activations over a z grid (plus the dead-zone share and its intervals), the
// values at one z, and the GELU exact-vs-tanh error. Every f, f′ and softmax value is an engine
// result; this file only lays out the grid, calls the engine, subtracts two engine curves and
// counts grid points with |f′| below the threshold (the engine's gradient scan, cpp/actlab/probes/
// scan.hpp, has no binding yet — when it does, deadShare should come from it).
import type { Engine } from './engine';

/** The explorer's pseudo-activation: softmax of the logits [z, 0] at temperature T (f only). */
export const SOFTMAX_ID = 'softmax';

export interface CurvesRequest {
  ids: string[];
  /** Parameters by activation id, then by name. */
  params: Record<string, Record<string, number>>;
  zmin: number;
  zmax: number;
  /** Grid points (2..4001). */
  n: number;
  temperature: number;
  /** |f′| below this counts as saturated / dead (0.01). */
  threshold: number;
}

export interface Curve {
  id: string;
  f: Float32Array;
  /** null for softmax (the engine has no softmax derivative). */
  df: Float32Array | null;
  /** Share of grid points with |f′| < threshold; null without f′. */
  deadShare: number | null;
  /** Runs of such points as [from, to] in z (half a grid step padded each side). */
  deadRuns: [number, number][];
}

export interface CurvesResult { x: Float32Array; curves: Curve[] }

export interface PointValue { id: string; f: number; df: number | null }

export interface GeluErrorResult { x: Float32Array; exact: Float32Array; approx: Float32Array; diff: Float32Array; maxAbs: number; maxAt: number }

/** n evenly spaced float32 points from lo to hi inclusive. */
export function grid(lo: number, hi: number, n: number): Float32Array {
  const count = Math.max(2, Math.min(4001, Math.floor(n)));
  return Float32Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/** softmax([z, 0] / T)[0] for every z, each from the engine's softmax. */
function softmaxPair(engine: Engine, x: Float32Array, temperature: number): Float32Array {
  const out = new Float32Array(x.length);
  const pair = new Float32Array(2);
  for (let i = 0; i < x.length; i++) {
    pair[0] = x[i]!;
    out[i] = engine.softmax(pair, { temperature })[0]!;
  }
  return out;
}

function deadRuns(x: Float32Array, dead: boolean[]): [number, number][] {
  const half = x.length > 1 ? (x[1]! - x[0]!) / 2 : 0;
  const runs: [number, number][] = [];
  for (let i = 0; i < dead.length; i++) {
    if (!dead[i]) continue;
    let j = i;
    while (j + 1 < dead.length && dead[j + 1]) j++;
    runs.push([Math.max(x[0]!, x[i]! - half), Math.min(x[x.length - 1]!, x[j]! + half)]);
    i = j;
  }
  return runs;
}

export function curves(engine: Engine, req: CurvesRequest): CurvesResult {
  const x = grid(req.zmin, req.zmax, req.n);
  const out: Curve[] = req.ids.map((id) => {
    if (id === SOFTMAX_ID) return { id, f: softmaxPair(engine, x, req.temperature), df: null, deadShare: null, deadRuns: [] };
    const params = req.params[id] ?? {};
    const f = engine.apply(id, x, { params });
    const df = engine.apply(id, x, { params, derivative: true });
    const dead = Array.from(df, (v) => Math.abs(v) < req.threshold);
    return { id, f, df, deadShare: dead.filter(Boolean).length / x.length, deadRuns: deadRuns(x, dead) };
  });
  return { x, curves: out };
}

/** f(z) and f′(z) of each activation at the single point z. */
export function pointValues(engine: Engine, ids: string[], params: CurvesRequest['params'], z: number, temperature: number): PointValue[] {
  const at = Float32Array.of(z);
  return ids.map((id) => {
    if (id === SOFTMAX_ID) return { id, f: engine.softmax(Float32Array.of(z, 0), { temperature })[0]!, df: null };
    const p = params[id] ?? {};
    return { id, f: engine.apply(id, at, { params: p })[0]!, df: engine.apply(id, at, { params: p, derivative: true })[0]! };
  });
}

/** GELU exact (erf) minus its tanh form over the grid, both from the engine, and the largest |difference|. */
export function geluError(engine: Engine, zmin: number, zmax: number, n: number): GeluErrorResult {
  const x = grid(zmin, zmax, n);
  const exact = engine.apply('gelu', x);
  const approx = engine.apply('gelu_tanh', x);
  const diff = new Float32Array(x.length);
  let maxAbs = 0, maxAt = x[0]!;
  for (let i = 0; i < x.length; i++) {
    diff[i] = approx[i]! - exact[i]!;
    if (Math.abs(diff[i]!) > maxAbs) { maxAbs = Math.abs(diff[i]!); maxAt = x[i]!; }
  }
  return { x, exact, approx, diff, maxAbs, maxAt };
}
