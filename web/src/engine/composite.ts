// composite.ts — the explorer's engine requests, answered in the worker in one round trip each:
// f and f′ of several activations over a z grid with each curve's features (the engine's
// curveFeatures: range reached, steepest slope, the dead-zone intervals and their share), the values
// at one z, and the GELU exact-vs-tanh error. Every number is an engine result; this file only lays
// out the requests, calls the engine and subtracts two engine curves (the GELU error view).
import type { Engine } from './engine';
import type { ExprEngine } from './expr';
import type { CurveFeatures } from './types';

/** The explorer's pseudo-activation: softmax of the logits [z, 0] at temperature T (f only). */
export const SOFTMAX_ID = 'softmax';
/** The explorer's learner-written curve: the typed activation `fx` of the request, by the engine's expression engine. */
export const EXPR_ID = 'expr';

export interface CurvesRequest {
  /** Series keys: an activation id, or an id with a suffix from '-' on (registry ids use [a-z0-9_] only) ("leaky_relu-2": the same activation at other parameters). */
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
  /** The typed activation drawn for the series key EXPR_ID (docs/expr.md). */
  fx?: string;
}

export interface Curve {
  id: string;
  f: Float32Array;
  /** null for softmax (the engine has no softmax derivative). */
  df: Float32Array | null;
  /** The engine's features of the curve on the range; null for softmax. */
  features: CurveFeatures | null;
  /** Share of the range with |f′| < threshold (features.deadShare); null without f′. */
  deadShare: number | null;
  /** The intervals [from, to] in z where |f′| < threshold (features.dead). */
  deadRuns: [number, number][];
}

export interface CurvesResult { x: Float32Array; curves: Curve[] }

export interface PointValue { id: string; f: number; df: number | null }

export interface GeluErrorResult { x: Float32Array; exact: Float32Array; approx: Float32Array; diff: Float32Array; maxAbs: number; maxAt: number }

/** The engine's activation id of a series key: "leaky_relu-2" → "leaky_relu". */
const engineId = (key: string): string => key.split('-')[0]!;

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

/** `expr` answers the EXPR_ID series (the worker passes its expression engine when a request has one). */
export function curves(engine: Engine, req: CurvesRequest, expr?: ExprEngine): CurvesResult {
  const count = Math.max(2, Math.min(4001, Math.floor(req.n)));
  let x: Float32Array | undefined;
  const out: (Curve | typeof SOFTMAX_ID)[] = req.ids.map((id) => {
    if (id === SOFTMAX_ID) return SOFTMAX_ID;
    const r = id === EXPR_ID
      ? exprOnly(expr, req.fx).curveFeatures(req.fx!, { lo: req.zmin, hi: req.zmax, points: count, threshold: req.threshold })
      : engine.curveFeatures(engineId(id), { params: req.params[id] ?? {}, lo: req.zmin, hi: req.zmax, points: count, threshold: req.threshold });
    x ??= r.x;
    return { id, f: r.f, df: r.df, features: r.features, deadShare: r.features.deadShare, deadRuns: r.features.dead };
  });
  const grid_ = x ?? grid(req.zmin, req.zmax, count);
  return {
    x: grid_,
    curves: out.map((c) => (c === SOFTMAX_ID
      ? { id: SOFTMAX_ID, f: softmaxPair(engine, grid_, req.temperature), df: null, features: null, deadShare: null, deadRuns: [] }
      : c)),
  };
}

function exprOnly(expr: ExprEngine | undefined, fx: string | undefined): ExprEngine {
  if (expr === undefined || fx === undefined) throw new Error('the typed curve needs its text (fx) and the expression engine');
  return expr;
}

/** f(z) and f′(z) of each activation at the single point z (EXPR_ID: the typed activation `fx`). */
export function pointValues(engine: Engine, ids: string[], params: CurvesRequest['params'], z: number, temperature: number,
  fx?: string, expr?: ExprEngine): PointValue[] {
  const at = Float32Array.of(z);
  return ids.map((id) => {
    if (id === SOFTMAX_ID) return { id, f: engine.softmax(Float32Array.of(z, 0), { temperature })[0]!, df: null };
    if (id === EXPR_ID) {
      const both = exprOnly(expr, fx).evaluateBoth(fx!, at);
      return { id, f: both.f[0]!, df: both.df[0]! };
    }
    const p = params[id] ?? {};
    const e = engineId(id);
    return { id, f: engine.apply(e, at, { params: p })[0]!, df: engine.apply(e, at, { params: p, derivative: true })[0]! };
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
