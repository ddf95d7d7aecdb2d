// expr.ts — ExprEngine: the typed API over the engine's typed-activation bindings
// (cpp/bindings/expr.cpp; the language and its checks are in docs/expr.md).
//
// Same rules as engine.ts: no maths here, every number comes from the engine; results are
// copies; wasm buffers are deleted in a `finally`. Parse errors are values (`ExprError`, with the
// column for a caret) from check(); the other calls throw an EngineError whose message is the
// engine's caret display.

import { EngineError } from './errors.ts';
import type { CurveFeatures, F32Buffer, FeatureResult } from './types';

/** A parameter an expression may use: alpha and beta by default (alpha 0.25, beta 1, learnable). */
export interface ExprParam {
  name: string;
  value: number;
  learnable?: boolean;
  /** TeX for the name, e.g. "\\alpha"; default \mathrm{name}. */
  tex?: string;
}

/** Where and why the text was refused. `column` is 1-based (0: not about one place). */
export interface ExprError {
  message: string;
  column: number;
  /** The message, the text and a caret line under the column. */
  display: string;
}

export interface ExprInfo {
  /** 'x' or 'z', as typed. */
  input: string;
  /** f and f′ as TeX for KaTeX. */
  tex: string;
  dtex: string;
  /** The derivative conventions that apply (kinks: relu′(0) = 0 ...). */
  notes: string[];
  params: { name: string; value: number; learnable: boolean; used: boolean }[];
}

export type ExprCheck = ({ ok: true } & ExprInfo) | { ok: false; error: ExprError };

/** The cheat-sheet row on [lo, hi]; numbers the engine could not represent are null. */
export interface CheatRow {
  lo: number; hi: number;
  min: number | null; minAt: number | null; max: number | null; maxAt: number | null;
  monotonic: 'increasing' | 'decreasing' | 'constant' | 'no';
  maxAbsSlope: number | null; maxAbsSlopeAt: number | null;
  deadShare: number; deadThreshold: number;
  nonfinite: number; nonfiniteAt: number | null;
}

export interface PointCheck {
  /** The special input: a number, or 'NaN' / 'Infinity' / '-Infinity'. */
  x: number | string;
  answer: number | null;
  reference: number | null;
  ok: boolean;
}

export interface Comparison {
  pass: boolean;
  maxAbs: number; maxAbsAt: number;
  maxRel: number; maxRelAt: number;
  failures: number; firstFailureAt: number;
  special: PointCheck[];
  /** The grid and answer − reference on it (for a difference plot). */
  x: (number | null)[];
  difference: (number | null)[];
}

export interface DerivativeCheck {
  vsSymbolic: Comparison;
  maxFdError: number;
  maxFdErrorAt: number;
}

export interface GridOptions {
  lo?: number; hi?: number; points?: number;
}
export interface CompareOptions extends GridOptions {
  atol?: number; rtol?: number;
}

/** The raw bindings (cpp/bindings/expr.cpp), present on the full engine modules. */
export interface ExprModule {
  F32Buffer: new (n: number) => F32Buffer;
  exprCheck(text: string, params: string): string;
  exprEval(text: string, params: string, input: F32Buffer, output: F32Buffer, derivative: boolean): string;
  exprEvalBoth(text: string, params: string, input: F32Buffer, y: F32Buffer, dy: F32Buffer): string;
  exprCheatRow(text: string, params: string, lo: number, hi: number, n: number): string;
  exprCompare(answer: string, reference: string, params: string, lo: number, hi: number, n: number,
              atol: number, rtol: number): string;
  exprCurveFeatures(text: string, params: string, lo: number, hi: number, points: number, threshold: number,
                    x: F32Buffer, f: F32Buffer, df: F32Buffer): string;
  exprCheckDerivative(df: string, f: string, params: string, lo: number, hi: number, n: number,
                      atol: number, rtol: number): string;
}

type Reply<T> = { ok: true } & T | { ok: false; error: ExprError };

export class ExprEngine {
  readonly #module: ExprModule;

  constructor(module: ExprModule) {
    this.#module = module;
  }

  /** Parses and differentiates `text`: its TeX, conventions and parameters, or where it is wrong. */
  check(text: string, params?: ExprParam[]): ExprCheck {
    return JSON.parse(this.#module.exprCheck(text, encodeParams(params))) as ExprCheck;
  }

  /** f(x) (or f′(x) with `derivative`) for every x, as a new Float32Array. */
  evaluate(text: string, x: Float32Array, opts: { derivative?: boolean; params?: ExprParam[] } = {}): Float32Array {
    const derivative = opts.derivative === true;
    const p = encodeParams(opts.params);
    return this.#withBuffers(x, 1, ([inp, out]) => this.#module.exprEval(text, p, inp!, out!, derivative))[0]!;
  }

  /** f and f′ in one engine pass. */
  evaluateBoth(text: string, x: Float32Array, params?: ExprParam[]): { f: Float32Array; df: Float32Array } {
    const p = encodeParams(params);
    const [f, df] = this.#withBuffers(x, 2, ([inp, y, dy]) => this.#module.exprEvalBoth(text, p, inp!, y!, dy!));
    return { f: f!, df: df! };
  }

  /** The cheat-sheet row (default: the lessons' [-5, 5], 100 points). */
  cheatRow(text: string, opts: GridOptions & { params?: ExprParam[] } = {}): CheatRow {
    const r = JSON.parse(this.#module.exprCheatRow(text, encodeParams(opts.params), opts.lo ?? -5, opts.hi ?? 5,
      opts.points ?? 100)) as Reply<{ row: CheatRow }>;
    if (!r.ok) throw new EngineError(r.error.display);
    return r.row;
  }

  /**
   * The explorer's features of a typed activation on [lo, hi] — the same engine call and result as
   * Engine.curveFeatures of a registry id (range, steepest slope, dead-zone intervals and share) —
   * with the grid, f and f′. Throws EngineError with the caret display on a bad text.
   */
  curveFeatures(text: string, opts: { lo: number; hi: number; points: number; threshold: number; params?: ExprParam[] }): FeatureResult {
    const n = opts.points;
    if (!Number.isInteger(n) || n < 2 || n > 100_000) throw new EngineError(`points must be a whole number in [2, 100000] (got ${String(n)})`);
    const m = this.#module;
    const bufs = [new m.F32Buffer(n), new m.F32Buffer(n), new m.F32Buffer(n)] as const;
    try {
      const parsed = JSON.parse(m.exprCurveFeatures(text, encodeParams(opts.params), opts.lo, opts.hi, n, opts.threshold, ...bufs)) as
        CurveFeatures | { error: string };
      if ('error' in parsed) throw new EngineError(parsed.error);
      const [x, f, df] = bufs.map((b) => b.view().slice(0, n)) as [Float32Array, Float32Array, Float32Array];
      return { x, f, df, features: parsed };
    } finally {
      for (const b of bufs) b.delete();
    }
  }

  /** An answer against a reference on a grid and at special values (default [-6, 6], 1201 points). */
  compare(answer: string, reference: string, opts: CompareOptions & { params?: ExprParam[] } = {}): Comparison {
    const r = JSON.parse(this.#module.exprCompare(answer, reference, encodeParams(opts.params), opts.lo ?? -6,
      opts.hi ?? 6, opts.points ?? 1201, opts.atol ?? 1e-6, opts.rtol ?? 1e-5)) as Reply<{ result: Comparison }>;
    if (!r.ok) throw new EngineError(r.error.display);
    return r.result;
  }

  /** A learner's f′ `df` of `f` against the engine's symbolic derivative and finite differences. */
  checkDerivative(df: string, f: string, opts: CompareOptions & { params?: ExprParam[] } = {}): DerivativeCheck {
    const r = JSON.parse(this.#module.exprCheckDerivative(df, f, encodeParams(opts.params), opts.lo ?? -6,
      opts.hi ?? 6, opts.points ?? 1201, opts.atol ?? 1e-5, opts.rtol ?? 1e-4)) as Reply<{ result: DerivativeCheck }>;
    if (!r.ok) throw new EngineError(r.error.display);
    return r.result;
  }

  /** Copies x into wasm, allocates `outputs` result buffers, runs `call`, returns copies. */
  #withBuffers(x: Float32Array, outputs: number, call: (bufs: F32Buffer[]) => string): Float32Array[] {
    const bufs: F32Buffer[] = [];
    try {
      for (let i = 0; i <= outputs; i++) bufs.push(new this.#module.F32Buffer(x.length));
      bufs[0]!.view().set(x);
      const error = call(bufs);
      if (error) throw new EngineError(error);
      return bufs.slice(1).map((b) => b.view().slice(0, x.length));
    } finally {
      for (const b of bufs) b.delete();
    }
  }
}

function encodeParams(params: ExprParam[] | undefined): string {
  return params === undefined ? '' : JSON.stringify(params);
}
