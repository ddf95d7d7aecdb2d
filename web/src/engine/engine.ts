// engine.ts — Engine: the typed, copy-returning API over a loaded Embind module.
//
// Rules it keeps (STYLE.md rule 8): it never holds a typed-array view of wasm memory across an
// engine call (views are taken again after every call, results are copies), and every wasm
// buffer is deleted in a `finally`. Engine error strings become thrown `EngineError`s.
// No maths here: every number comes from the engine.

import { bufferCall } from './buffer-call.ts';
import { EngineError } from './errors.ts';
import type { ActivationMeta, ActlabModule, ApplyOptions, Backend, CurveFeatures, F32Buffer, FeatureOptions, FeatureResult, SoftmaxOptions } from './types';

export { EngineError };

/** Deep-freezes parsed metadata so callers cannot change the shared copy. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The engine's `simd` flag for a backend name, rejecting anything else. */
function simdFlag(backend: Backend | undefined): boolean {
  if (backend === undefined || backend === 'simd') return true;
  if (backend === 'scalar') return false;
  throw new EngineError(`Unknown backend '${String(backend)}'; accepted: simd, scalar`);
}

/** A loaded engine. Create it with `loadNodeEngine()` (Node) or inside the worker (browser). */
export class Engine {
  readonly #module: ActlabModule;
  #list: readonly ActivationMeta[] | undefined;
  #byId: ReadonlyMap<string, ActivationMeta> | undefined;

  /** Wraps an already instantiated module (the value `createActlab()` resolves to). */
  constructor(module: ActlabModule) {
    this.#module = module;
  }

  /** The engine's version string. */
  version(): string {
    return this.#module.version();
  }

  /** Every activation in registry order. Parsed once; the objects are frozen. */
  activations(): readonly ActivationMeta[] {
    if (this.#list === undefined) {
      const list = JSON.parse(this.#module.activationsJson()) as ActivationMeta[];
      this.#list = deepFreeze(list);
      this.#byId = new Map(list.map((a) => [a.id, a]));
    }
    return this.#list;
  }

  /** The metadata of one activation; throws EngineError listing the valid ids when unknown. */
  activation(id: string): ActivationMeta {
    const meta = this.#lookup(id);
    if (meta === undefined) {
      throw new EngineError(`Unknown activation '${id}'; valid ids: ${this.activations().map((a) => a.id).join(', ')}`);
    }
    return meta;
  }

  /**
   * f(x) (or f′(x) with `derivative: true`) for every element of `x`, as a new Float32Array.
   * Parameters are given by name and map to the engine's p0/p1 in registry order; missing ones
   * use the registry default. Throws EngineError on an unknown id, an unknown parameter name,
   * a non-numeric parameter, or a value the engine rejects (out of range, not finite).
   */
  apply(id: string, x: Float32Array, opts: ApplyOptions = {}): Float32Array {
    const simd = simdFlag(opts.backend);
    const meta = this.#lookup(id);
    // An unknown id is reported by the engine itself (its message lists the valid ids).
    const [p0, p1] = meta === undefined ? [NaN, NaN] : this.#paramValues(meta, opts.params);
    const derivative = opts.derivative === true;
    const y = this.#withBuffer(x, (buf) => this.#module.apply(id, buf, buf, derivative, p0, p1, simd));
    if (meta === undefined) this.activation(id); // the engine accepted an id it does not list: refuse
    return y;
  }

  /**
   * Softmax of the whole vector `z` (or log-softmax with `log: true`) at temperature T
   * (default 1), as a new Float32Array. The engine subtracts the maximum first, so large
   * logits never overflow. Throws EngineError on an empty vector or a bad temperature.
   */
  softmax(z: Float32Array, opts: SoftmaxOptions = {}): Float32Array {
    const simd = simdFlag(opts.backend);
    const temperature = opts.temperature ?? 1;
    if (typeof temperature !== 'number') {
      throw new EngineError(`Temperature must be a number (got ${String(temperature)})`);
    }
    const log = opts.log === true;
    return this.#withBuffer(z, (buf) => this.#module.softmax(buf, buf, temperature, log, simd));
  }

  /**
   * The engine's features of `id` on [lo, hi] (range reached, steepest slope and where, the
   * intervals with |f′| < threshold and their share, monotonic or not) with the grid, f and f′
   * it sampled. Throws EngineError on an unknown id, a bad parameter, range, grid or threshold.
   */
  curveFeatures(id: string, opts: FeatureOptions): FeatureResult {
    const meta = this.activation(id);
    const [p0, p1] = this.#paramValues(meta, opts.params);
    const n = opts.points;
    if (!Number.isInteger(n) || n < 2 || n > 100_000) throw new EngineError(`points must be a whole number in [2, 100000] (got ${String(n)})`);
    const m = this.#module;
    const bufs = [new m.F32Buffer(n), new m.F32Buffer(n), new m.F32Buffer(n)] as const;
    try {
      const json = m.curveFeatures(id, p0, p1, opts.lo, opts.hi, n, opts.threshold, ...bufs);
      const parsed = JSON.parse(json) as CurveFeatures | { error: string };
      if ('error' in parsed) throw new EngineError(parsed.error);
      const [x, f, df] = bufs.map((b) => b.view().slice(0, n)) as [Float32Array, Float32Array, Float32Array];
      return { x, f, df, features: parsed };
    } finally {
      for (const b of bufs) b.delete();
    }
  }

  #lookup(id: string): ActivationMeta | undefined {
    this.activations();
    return this.#byId?.get(id);
  }

  /** [p0, p1] from named parameters; NaN means "use the default". */
  #paramValues(meta: ActivationMeta, params: Record<string, number> | undefined): [number, number] {
    const values: [number, number] = [NaN, NaN];
    const accepted = meta.params.map((p) => p.name).join(', ') || 'none';
    for (const [name, value] of Object.entries(params ?? {})) {
      const index = meta.params.findIndex((p) => p.name === name);
      if (index < 0) {
        throw new EngineError(`${meta.id} has no parameter '${name}'; accepted parameters: ${accepted}`);
      }
      if (typeof value !== 'number' || Number.isNaN(value)) {
        throw new EngineError(`Parameter '${name}' of ${meta.id} must be a number (got ${String(value)}); ` +
          `leave it out to use the default ${meta.params[index]!.default}`);
      }
      if (index > 1) throw new EngineError(`Parameter '${name}' of ${meta.id} is beyond the engine's two (p0, p1)`);
      values[index] = value;
    }
    return values;
  }

  /**
   * Copies `input` into a fresh wasm buffer, runs `call` in place, and returns a copy of the
   * result. The view is taken again after the call (memory may have grown) and the buffer is
   * always deleted.
   */
  #withBuffer(input: Float32Array, call: (buf: F32Buffer) => string): Float32Array {
    return bufferCall(this.#module, input.length, call, input);
  }
}
