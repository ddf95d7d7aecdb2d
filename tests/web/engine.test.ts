// engine.test.ts — the typed TS API (web/src/engine) over the Node wasm build:
// metadata, golden bit patterns on both back ends, softmax numerics, and refused input.
import { describe, expect, it } from 'vitest';
import { EngineError, loadNodeEngine } from '../../web/src/engine/node';
import type { ActivationMeta, Backend } from '../../web/src/engine/types';
import { goldenPath, readGolden, showBits, type GoldenRows } from './golden';

const engine = await loadNodeEngine();
const activations = engine.activations();
const backends: Backend[] = ['simd', 'scalar'];

/** The golden file, or the reason it could not be read (reported by each golden test). */
const golden: Map<string, GoldenRows> | Error = (() => {
  try { return readGolden(); } catch (err) { return err as Error; }
})();

/** The message `fn` throws, asserting it is an EngineError. */
function engineErrorOf(fn: () => unknown): string {
  try { fn(); } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return (err as Error).message;
  }
  throw new Error('expected an EngineError, nothing was thrown');
}

const xs = Float32Array.from({ length: 41 }, (_, i) => -5 + i / 4);

describe('activation metadata', () => {
  it('states parameter defaults and ranges as written, not as float32 noise (issue 7, bug 2)', () => {
    const alpha = activations.find((a) => a.id === 'leaky_relu')!.params[0]!;
    expect(alpha.default).toBe(0.01); // not 0.00999999978
    for (const a of activations) {
      for (const p of a.params) {
        for (const v of [p.default, p.min, p.max]) expect(String(v).length, `${a.id}.${p.name} = ${v}`).toBeLessThanOrEqual(8);
      }
    }
  });

  it('lists at least one activation, with unique ids', () => {
    expect(activations.length).toBeGreaterThan(0);
    expect(new Set(activations.map((a) => a.id)).size).toBe(activations.length);
  });

  const strings: (keyof ActivationMeta)[] = ['id', 'name', 'tex', 'dtex', 'range', 'saturates', 'maxSlopeAt', 'origin', 'usedIn', 'derivativeNote'];
  const booleans: (keyof ActivationMeta)[] = ['zeroCentred', 'monotonic', 'smooth', 'piecewiseLinear'];
  it.each(activations.map((a) => [a.id, a] as const))('%s has every metadata field', (_, a) => {
    for (const key of strings) expect(typeof a[key], key).toBe('string');
    for (const key of ['id', 'name', 'tex', 'dtex', 'range'] as const) expect(a[key], key).not.toBe('');
    for (const key of booleans) expect(typeof a[key], key).toBe('boolean');
    expect(typeof a.maxSlope).toBe('number');
    expect(Number.isInteger(a.year)).toBe(true);
    expect(Array.isArray(a.params)).toBe(true);
    for (const p of a.params) {
      for (const key of ['name', 'tex', 'doc'] as const) expect(typeof p[key], `param ${key}`).toBe('string');
      expect(p.name).not.toBe('');
      for (const key of ['default', 'min', 'max'] as const) expect(typeof p[key], `param ${key}`).toBe('number');
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
  });

  it('finds one activation by id, and refuses an unknown one listing the valid ids', () => {
    const first = activations[0]!;
    expect(engine.activation(first.id)).toBe(first);
    const message = engineErrorOf(() => engine.activation('no-such-activation'));
    for (const a of activations) expect(message).toContain(a.id);
  });
});

describe('golden bit patterns (tests/golden/activations.golden, written natively)', () => {
  it('covers exactly the activations of the registry', () => {
    if (golden instanceof Error) throw new Error(`cannot read ${goldenPath}: ${golden.message}`);
    expect([...golden.keys()].sort()).toEqual(activations.map((a) => a.id).sort());
  });

  const cases = activations.flatMap((a) => backends.flatMap((backend) =>
    [false, true].map((derivative) => [a.id, derivative ? "f'" : 'f', backend, derivative] as const)));
  it.each(cases)('%s %s on %s equals the native result bit for bit', (id, _, backend, derivative) => {
    if (golden instanceof Error) throw new Error(`cannot read ${goldenPath}: ${golden.message}`);
    const rows = golden.get(id);
    if (rows === undefined) throw new Error(`${goldenPath} has no rows for '${id}'`);
    expect(rows.x.length).toBeGreaterThan(0);
    const x = new Float32Array(rows.x.slice().buffer); // the exact input bits
    const y = engine.apply(id, x, { derivative, backend });
    const got = new Uint32Array(y.buffer, y.byteOffset, y.length);
    const want = derivative ? rows.df : rows.f;
    const mismatches: string[] = [];
    // Any NaN matches any NaN: IEEE 754 and wasm leave a NaN's sign and payload unspecified
    // (the wasm scalar back end returns ffc00000 where SSE2 gives 7fc00000); the C++ golden
    // test uses the same rule. Every other bit must match.
    const isNaNBits = (b: number) => (b & 0x7f800000) === 0x7f800000 && (b & 0x007fffff) !== 0;
    for (let i = 0; i < want.length; i++) {
      if (got[i] !== want[i] && !(isNaNBits(got[i]!) && isNaNBits(want[i]!))) mismatches.push(`x=${showBits(rows.x[i]!)}: got ${showBits(got[i]!)}, want ${showBits(want[i]!)}`);
    }
    expect(mismatches.slice(0, 8), `${mismatches.length} of ${want.length} differ`).toEqual([]);
  });
});

describe('apply', () => {
  it('returns a copy that later engine calls do not change', () => {
    const id = activations[0]!.id;
    const first = engine.apply(id, xs);
    const snapshot = first.slice();
    expect(first.buffer.byteLength).toBe(first.byteLength); // its own buffer, not wasm memory
    engine.apply(id, new Float32Array(100_000).fill(3));
    engine.apply(id, xs, { derivative: true });
    expect(first).toEqual(snapshot);
  });

  it('handles an empty input', () => {
    expect(engine.apply(activations[0]!.id, new Float32Array(0))).toEqual(new Float32Array(0));
  });

  const withParams = activations.filter((a) => a.params.length > 0);
  it('knows at least one activation with a parameter', () => expect(withParams.length).toBeGreaterThan(0));

  it.each(withParams.map((a) => [a.id, a] as const))('%s: a named parameter reaches the engine', (id, a) => {
    const p = a.params[0]!;
    const byDefault = engine.apply(id, xs);
    expect(engine.apply(id, xs, { params: { [p.name]: p.default } })).toEqual(byDefault);
    // Another valid value must change f somewhere on [-5, 5].
    const other = p.default !== p.max ? (p.default + Math.min(p.max, p.default + 1)) / 2 : (p.default + p.min) / 2;
    expect(engine.apply(id, xs, { params: { [p.name]: other } })).not.toEqual(byDefault);
  });
});

describe('softmax', () => {
  it.each(backends)('softmax([1000, 1000]) = [0.5, 0.5] on %s (no overflow)', (backend) => {
    expect(engine.softmax(Float32Array.of(1000, 1000), { backend })).toEqual(Float32Array.of(0.5, 0.5));
  });

  it.each(backends)('a -Infinity logit gets probability 0 on %s', (backend) => {
    const p = engine.softmax(Float32Array.of(1, -Infinity, 1), { backend });
    expect(Array.from(p)).toEqual([0.5, 0, 0.5]);
  });

  it.each(backends)('softmax([2, 1, 0.1]) ≈ [0.659, 0.242, 0.099] on %s', (backend) => {
    const p = engine.softmax(Float32Array.of(2, 1, 0.1), { backend });
    expect(p.length).toBe(3);
    [0.659, 0.242, 0.099].forEach((want, i) => expect(p[i]).toBeCloseTo(want, 3));
  });

  it('log-softmax([0, 0]) = [-ln 2, -ln 2]', () => {
    const out = engine.softmax(Float32Array.of(0, 0), { log: true });
    expect(out[0]).toBeCloseTo(-Math.LN2, 6);
    expect(out[1]).toBeCloseTo(-Math.LN2, 6);
  });

  it('a high temperature flattens the distribution', () => {
    const sharp = engine.softmax(Float32Array.of(2, 1, 0.1));
    const flat = engine.softmax(Float32Array.of(2, 1, 0.1), { temperature: 100 });
    expect(flat[0]!).toBeLessThan(sharp[0]!);
    expect(flat[0]!).toBeCloseTo(1 / 3, 2);
  });

  it('refuses an empty vector and a non-positive temperature', () => {
    expect(engineErrorOf(() => engine.softmax(new Float32Array(0)))).not.toBe('');
    expect(engineErrorOf(() => engine.softmax(Float32Array.of(1, 2), { temperature: 0 }))).toMatch(/temperature/i);
  });
});

describe('bad input', () => {
  it('an unknown id throws EngineError listing the valid ids', () => {
    const message = engineErrorOf(() => engine.apply('relu7', xs));
    expect(message).toContain('relu7');
    for (const a of activations) expect(message).toContain(a.id);
  });

  const ranged = activations.flatMap((a) => a.params.map((p) => [a.id, p.name, p] as const));
  it.each(ranged)('%s: an out-of-range %s throws naming it', (id, name, p) => {
    const above = p.max + Math.max(1, Math.abs(p.max));
    const below = p.min - Math.max(1, Math.abs(p.min));
    for (const value of [above, below, Infinity]) {
      if (!Number.isFinite(p.max) && value === above) continue;
      if (!Number.isFinite(p.min) && value === below) continue;
      expect(engineErrorOf(() => engine.apply(id, xs, { params: { [name]: value } }))).toContain(name);
    }
  });

  it('an unknown parameter name throws naming it and the accepted ones', () => {
    const a = activations.find((x) => x.params.length > 0)!;
    const message = engineErrorOf(() => engine.apply(a.id, xs, { params: { gamma_bogus: 1 } }));
    expect(message).toContain('gamma_bogus');
    for (const p of a.params) expect(message).toContain(p.name);
    const plain = activations.find((x) => x.params.length === 0)!;
    expect(engineErrorOf(() => engine.apply(plain.id, xs, { params: { alpha: 1 } }))).toContain('alpha');
  });

  it('a parameter that is not a number throws', () => {
    const a = activations.find((x) => x.params.length > 0)!;
    const name = a.params[0]!.name;
    expect(engineErrorOf(() => engine.apply(a.id, xs, { params: { [name]: NaN } }))).toContain(name);
    expect(engineErrorOf(() => engine.apply(a.id, xs, { params: { [name]: '1' as unknown as number } }))).toContain(name);
  });

  it('an unknown backend throws', () => {
    expect(engineErrorOf(() => engine.apply(activations[0]!.id, xs, { backend: 'gpu' as Backend }))).toContain('gpu');
  });
});

describe('curveFeatures (the engine’s curve features through the Node module)', () => {
  it('returns the grid, f and f′ bit for bit as apply() gives them, and the features', () => {
    const r = engine.curveFeatures('sigmoid', { lo: -5, hi: 5, points: 401, threshold: 0.01 });
    expect(r.x).toHaveLength(401);
    expect(r.x[200]).toBe(0);
    expect(r.f).toEqual(engine.apply('sigmoid', r.x));
    expect(r.df).toEqual(engine.apply('sigmoid', r.x, { derivative: true }));
    expect(r.features.maxAbsSlope).toBe(0.25);
    expect(r.features.maxAbsSlopeAt).toBe(0);
    expect(Math.fround(r.features.fFirst)).toBe(r.f[0]); // printed as the shortest decimal of the float32
    expect(Math.fround(r.features.fLast)).toBe(r.f[400]);
  });
  it('counts Leaky ReLU at α = 0.01 alive and ReLU dead on half a symmetric range', () => {
    expect(engine.curveFeatures('leaky_relu', { lo: -5, hi: 5, points: 401, threshold: 0.01 }).features.deadShare).toBe(0);
    expect(engine.curveFeatures('leaky_relu', { params: { alpha: 0.0099 }, lo: -5, hi: 5, points: 401, threshold: 0.01 }).features.deadShare).toBe(0.5);
    expect(engine.curveFeatures('relu', { lo: -3, hi: 3, points: 100, threshold: 0.01 }).features.deadShare).toBe(0.5);
  });
  it('refuses bad requests with a message naming what is wrong', () => {
    expect(engineErrorOf(() => engine.curveFeatures('nope', { lo: -5, hi: 5, points: 10, threshold: 0.01 }))).toMatch(/Unknown activation 'nope'/);
    expect(engineErrorOf(() => engine.curveFeatures('relu', { lo: 5, hi: -5, points: 10, threshold: 0.01 }))).toMatch(/range/);
    expect(engineErrorOf(() => engine.curveFeatures('relu', { lo: -5, hi: 5, points: 1, threshold: 0.01 }))).toMatch(/points/);
    expect(engineErrorOf(() => engine.curveFeatures('relu', { lo: -5, hi: 5, points: 10, threshold: NaN }))).toMatch(/threshold/);
    expect(engineErrorOf(() => engine.curveFeatures('elu', { params: { alpha: 99 }, lo: -5, hi: 5, points: 10, threshold: 0.01 }))).toMatch(/alpha/);
  });
});
