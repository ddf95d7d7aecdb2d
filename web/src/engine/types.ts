// types.ts — hand-written types for the engine's Embind module and the metadata it returns.
//
// These mirror docs/ARCHITECTURE.md ("The Embind module"). The raw module is only touched by
// engine.ts; pages and widgets use `Engine` (same thread) or `EngineClient` (worker).

/** A tunable parameter of an activation, e.g. Leaky ReLU's α. */
export interface ParamMeta {
  /** Key used in `params` objects and URLs: "alpha", "beta". */
  name: string;
  /** The symbol in TeX, for KaTeX: "\\alpha". */
  tex: string;
  /** Value used when the parameter is not given. */
  default: number;
  /** Smallest accepted value (inclusive). */
  min: number;
  /** Largest accepted value (inclusive). */
  max: number;
  /** One line for people: what the parameter does. */
  doc: string;
}

/** One activation of the engine's registry, as listed by `activationsJson()`. */
export interface ActivationMeta {
  /** Stable key used in URLs, JSON and the CLI: "sigmoid", "leaky_relu". */
  id: string;
  /** Display name: "GELU (exact)". */
  name: string;
  /** The definition in TeX, as a whole equation: "f(x) = \\frac{1}{1 + e^{-x}}". */
  tex: string;
  /** The derivative in TeX, as a whole equation: "f'(x) = f(x)\\,(1 - f(x))". */
  dtex: string;
  /** Parameters in registry order: the first is the engine's p0, the second p1. */
  params: ParamMeta[];
  /** Output range in TeX, e.g. "(0, 1)". */
  range: string;
  /** Whether outputs are centred on zero. */
  zeroCentred: boolean;
  /** Whether f never decreases. */
  monotonic: boolean;
  /** Whether f is C¹ everywhere (its derivative is continuous). */
  smooth: boolean;
  /** Whether f is piecewise linear (results are exact). */
  piecewiseLinear: boolean;
  /** Where |f′| → 0, in words: "both tails", "x < 0", "never". */
  saturates: string;
  /** The largest |f′| ... */
  maxSlope: number;
  /** ... and where it is reached, in words with their preposition: "at x = 0", "for x > 0", "everywhere". */
  maxSlopeAt: string;
  /** Year of introduction. */
  year: number;
  /** Who introduced it. */
  origin: string;
  /** Where it is used today. */
  usedIn: string;
  /** A note on the derivative, e.g. step: "0 everywhere; undefined at the jump". May be "". */
  derivativeNote: string;
}

/**
 * A float buffer in wasm memory (Embind class). Its `view()` is a Float32Array onto wasm
 * memory that is invalidated whenever memory grows: take it again after every engine call.
 * Must be released with `delete()`.
 */
export interface F32Buffer {
  /** Number of floats (0 when the allocation was refused: see error()). */
  size(): number;
  /** "" or why the requested size could not be had (out of range, or out of memory). */
  error(): string;
  /** A live view onto wasm memory; valid only until the next engine call. */
  view(): Float32Array;
  /** Frees the wasm memory; the object must not be used afterwards. */
  delete(): void;
}

/** The raw Embind module returned by `createActlab()` (browser and Node flavours alike). */
export interface ActlabModule {
  /** Engine version string. */
  version(): string;
  /** JSON array of {@link ActivationMeta}, in the order the lab presents them. */
  activationsJson(): string;
  /** Allocates `n` floats in wasm memory. */
  F32Buffer: new (n: number) => F32Buffer;
  /**
   * f (or f′ when `derivative`) of `input` into `output` (same size or larger; may be the
   * same buffer). `p0`, `p1` are the parameters in registry order, NaN for "default".
   * `simd=false` runs the scalar back end. Returns "" or an error message.
   */
  apply(id: string, input: F32Buffer, output: F32Buffer, derivative: boolean,
        p0: number, p1: number, simd: boolean): string;
  /** Softmax (or log-softmax) of the whole input buffer. Returns "" or an error message. */
  softmax(input: F32Buffer, output: F32Buffer, temperature: number, log: boolean,
          simd: boolean): string;
  /**
   * A curve's features on [lo, hi] sampled at `points` grid points (cpp/actlab/probes/features.hpp):
   * fills x, f, df (each ≥ points long) and returns the JSON of {@link CurveFeatures}, or
   * `{"error": "..."}`. p0, p1 as in apply().
   */
  curveFeatures(id: string, p0: number, p1: number, lo: number, hi: number, points: number, threshold: number,
                x: F32Buffer, f: F32Buffer, df: F32Buffer): string;
}

/**
 * What the engine finds on a curve over an interval (curveFeatures): every number is a float32
 * engine value or grid point, except the dead-interval ends (bisected crossings, double).
 * Dead rule: |f′| < threshold strictly, with the threshold rounded to float32 like every engine
 * number — so a slope of exactly 0.01 (Leaky ReLU's default α) is alive.
 */
export interface CurveFeatures {
  /** The threshold as compared (float32, printed as its shortest decimal: 0.01). */
  threshold: number;
  /** f at the first and last grid point. */
  fFirst: number;
  fLast: number;
  /** The lowest and highest f on the grid, and the first grid point where each is reached. */
  fMin: number;
  fMinAt: number;
  fMax: number;
  fMaxAt: number;
  /** The largest |f′| on the grid, the first and the last grid point with that |f′| (a plateau when they differ). */
  maxAbsSlope: number;
  maxAbsSlopeAt: number;
  maxAbsSlopeLast: number;
  /** f′ (with its sign) where |f′| is largest. */
  slopeAtMax: number;
  /** Maximal intervals [from, to] where |f′| < threshold, ascending. */
  dead: [number, number][];
  /** Their total length over the interval's length (0..1): the share the table and the note print. */
  deadShare: number;
  /** The share of grid points with |f′| < threshold (the course's gradient-scan count). */
  deadPointShare: number;
  /** f on the grid: non-decreasing, non-increasing, constant, or neither. */
  shape: 'rising' | 'falling' | 'constant' | 'neither';
}

/** Options of {@link Engine.curveFeatures}. */
export interface FeatureOptions {
  /** Parameter values by name; missing ones default. */
  params?: Record<string, number>;
  lo: number;
  hi: number;
  /** Grid points, 2..100000. */
  points: number;
  /** |f′| below this is "dead" (0.01 in the course). */
  threshold: number;
}

/** The grid, f, f′ on it, and the features. */
export interface FeatureResult { x: Float32Array; f: Float32Array; df: Float32Array; features: CurveFeatures }

/**
 * The MODULARIZE factory exported by both builds of the glue. With Emscripten 3.1.6 the browser
 * build returns a Promise, the synchronous Node build the module itself: use instantiate.ts.
 */
export type ActlabFactory = (overrides?: Record<string, unknown>) => Promise<ActlabModule> | ActlabModule;

/** Which kernel family runs: the SIMD batch kernels (default) or the one-lane scalar ones. */
export type Backend = 'simd' | 'scalar';

/** Options of {@link Engine.apply}. */
export interface ApplyOptions {
  /** Compute f′ instead of f. Default false. */
  derivative?: boolean;
  /** Parameter values by name (see {@link ActivationMeta.params}); missing ones default. */
  params?: Record<string, number>;
  /** Default 'simd'. */
  backend?: Backend;
}

/** Options of {@link Engine.softmax}. */
export interface SoftmaxOptions {
  /** T in exp(z/T); must be finite and > 0. Default 1. */
  temperature?: number;
  /** Return log-softmax instead of probabilities. Default false. */
  log?: boolean;
  /** Default 'simd'. */
  backend?: Backend;
}
