// composite.test.ts — the explorer's and art studio's engine requests (web/src/engine/composite.ts,
// art.ts) over the Node wasm build: curves equal the engine's own apply(), dead-zone shares and runs,
// softmax of [z, 0], the GELU error view, and the Art wrapper (copies, tiles, hash, refusals).
import { describe, expect, it } from 'vitest';
import { Art } from '../../web/src/engine/art';
import type { ArtModule } from '../../web/src/engine/art-types';
import { curves, EXPR_ID, geluError, grid, pointValues, SOFTMAX_ID } from '../../web/src/engine/composite';
import { ExprEngine, type ExprModule } from '../../web/src/engine/expr';
import { loadNodeModule } from '../../web/src/engine/node';
import { EngineError, loadNodeEngine } from '../../web/src/engine/node';
import { instantiate } from '../../web/src/engine/instantiate';
import { defaultNodeModulePath } from '../../web/src/engine/node';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const engine = await loadNodeEngine();
const base = { params: {}, zmin: -5, zmax: 5, n: 101, temperature: 1, threshold: 0.01 };
const expr = new ExprEngine((await loadNodeModule()) as unknown as ExprModule);

describe('the typed activation as an explorer curve (EXPR_ID with fx)', () => {
  it('is the expression engine’s f and f′ with the same features as a registry curve: max(0, x) is ReLU', () => {
    const r = curves(engine, { ...base, ids: ['relu', EXPR_ID], fx: 'max(0, x)' }, expr);
    const [relu, typed] = r.curves;
    expect(typed!.id).toBe(EXPR_ID);
    expect(typed!.f).toEqual(relu!.f);
    expect(typed!.df).toEqual(relu!.df);
    expect(typed!.deadShare).toBe(0.5);
    expect(typed!.deadRuns).toEqual(relu!.deadRuns);
    expect(typed!.features!.shape).toBe('rising');
  });
  it('x * sigmoid(1.702 * x) sits within 0.03 of GELU (the engine computes both), and its point values are the tape’s', () => {
    const r = curves(engine, { ...base, ids: ['gelu', EXPR_ID], fx: 'x * sigmoid(1.702 * x)' }, expr);
    const [gelu, typed] = r.curves;
    expect(typed!.f).toEqual(expr.evaluate('x * sigmoid(1.702 * x)', r.x));
    const gap = Math.max(...typed!.f.map((v, i) => Math.abs(v - gelu!.f[i]!)));
    expect(gap).toBeGreaterThan(0.001);
    expect(gap).toBeLessThan(0.03);
    const [p] = pointValues(engine, [EXPR_ID], {}, 1, 1, 'x * sigmoid(1.702 * x)', expr);
    const both = expr.evaluateBoth('x * sigmoid(1.702 * x)', Float32Array.of(1));
    expect(p).toEqual({ id: EXPR_ID, f: both.f[0], df: both.df[0] });
  });
  it('a typo is refused with its caret display; without its text the request is refused too', () => {
    expect(() => curves(engine, { ...base, ids: [EXPR_ID], fx: 'sigmod(x)' }, expr)).toThrow(/unknown function "sigmod"[^]*\^/);
    expect(() => curves(engine, { ...base, ids: [EXPR_ID] }, expr)).toThrow(/needs its text/);
  });
});

describe('curves', () => {
  it('are the engine’s f and f′ on the grid, bit for bit', () => {
    const r = curves(engine, { ...base, ids: ['sigmoid', 'relu'] });
    expect(r.x).toEqual(grid(-5, 5, 101));
    expect(r.x[50]).toBe(0);
    for (const c of r.curves) {
      expect(c.f).toEqual(engine.apply(c.id, r.x));
      expect(c.df).toEqual(engine.apply(c.id, r.x, { derivative: true }));
    }
  });
  it('take the dead zone from the engine: ReLU is dead on exactly the negative half, tanh only in the tails', () => {
    const r = curves(engine, { ...base, ids: ['relu', 'tanh', 'identity'] });
    const [relu, tanh, identity] = r.curves;
    expect(relu!.deadShare).toBe(0.5); // [−5, 0]: the crossing is bisected on the kernel, not half a grid step off
    expect(relu!.deadRuns).toEqual([[-5, expect.closeTo(0, 30)]]);
    expect(relu!.features!.deadPointShare).toBeCloseTo(51 / 101, 8); // the course's grid-point count (f′(0) = 0, like PyTorch)
    expect(tanh!.deadRuns).toHaveLength(2);
    expect(identity!.deadShare).toBe(0);
  });
  it('carry the engine’s curve features: sigmoid steepest at 0 with slope 0.25, rising', () => {
    const r = curves(engine, { ...base, n: 401, ids: ['sigmoid'] });
    const f = r.curves[0]!.features!;
    expect(f.maxAbsSlope).toBe(0.25);
    expect(f.maxAbsSlopeAt).toBe(0);
    expect(f.shape).toBe('rising');
    expect(f.threshold).toBe(0.01);
    const edge = Math.log((1 + Math.sqrt(0.96)) / (1 - Math.sqrt(0.96))); // σ′ = s(1 − s) = 0.01
    expect(f.dead[1]![0]).toBeCloseTo(edge, 5);
    expect(f.deadShare).toBeCloseTo((5 - edge) / 5, 6); // 8.3 %
  });
  it('count Leaky ReLU at its default α = 0.01 as alive: 0 % dead zone (issue 7, bug 2)', () => {
    // The slope for z < 0 is α itself; |f′| < 0.01 is strict, so a slope of exactly the threshold is alive.
    const r = curves(engine, { ...base, ids: ['leaky_relu'], params: { leaky_relu: { alpha: 0.01 } } });
    expect(r.curves[0]!.deadShare).toBe(0);
    expect(r.curves[0]!.deadRuns).toEqual([]);
    const d = curves(engine, { ...base, ids: ['leaky_relu'] }); // the registry default, as the page starts
    expect(d.curves[0]!.deadShare).toBe(0);
  });
  it('pass parameters through (Leaky ReLU with α = 0.5 is never dead)', () => {
    const r = curves(engine, { ...base, ids: ['leaky_relu'], params: { leaky_relu: { alpha: 0.5 } } });
    expect(r.curves[0]!.deadShare).toBe(0);
    expect(r.curves[0]!.f[0]).toBe(-2.5);
  });
  it('softmax of [z, 0] is the engine’s softmax, with no f′', () => {
    const r = curves(engine, { ...base, ids: [SOFTMAX_ID], temperature: 2 });
    const c = r.curves[0]!;
    expect(c.df).toBeNull();
    expect(c.f[70]).toBe(engine.softmax(Float32Array.of(r.x[70]!, 0), { temperature: 2 })[0]);
  });
  it('refuse an unknown activation with the engine’s message', () => {
    expect(() => curves(engine, { ...base, ids: ['nope'] })).toThrow(EngineError);
  });
  it('clamp the grid size', () => {
    expect(grid(0, 1, 1)).toHaveLength(2);
    expect(grid(0, 1, 1e9)).toHaveLength(4001);
  });
});

describe('pointValues and the GELU error', () => {
  it('gives f(z), f′(z) at one point', () => {
    const [s] = pointValues(engine, ['sigmoid'], {}, 0, 1);
    expect(s).toEqual({ id: 'sigmoid', f: 0.5, df: 0.25 });
    expect(pointValues(engine, [SOFTMAX_ID], {}, 0, 1)[0]).toEqual({ id: SOFTMAX_ID, f: 0.5, df: null });
  });
  it('is GELU-tanh minus GELU, small, and largest away from 0', () => {
    const g = geluError(engine, -5, 5, 201);
    expect(g.diff[100]).toBe(0);
    expect(g.maxAbs).toBeGreaterThan(1e-5);
    expect(g.maxAbs).toBeLessThan(1e-3);
    expect(Math.abs(g.maxAt)).toBeGreaterThan(1);
    for (const i of [0, 37, 150]) expect(g.diff[i]).toBe(Math.fround(g.approx[i]! - g.exact[i]!));
  });
});

describe('Art (the ArtRenderer wrapper)', async () => {
  const module = await instantiate(createRequire(import.meta.url)(defaultNodeModulePath)) as unknown as ArtModule;
  const hasArt = module.ArtRenderer !== undefined;
  it.runIf(hasArt)('renders tiles that join into the full image, whose hash is the engine’s', () => {
    const art = new Art(module);
    expect(art.configure(JSON.stringify({ seed: 5, activation: 'step' }))).toBe('');
    const full = art.render({ imageW: 64, imageH: 64, x: 0, y: 0, w: 64, h: 64, z: 0 });
    const tile = art.render({ imageW: 64, imageH: 64, x: 32, y: 16, w: 32, h: 16, z: 0 });
    expect(full).toHaveLength(64 * 64 * 4);
    for (let row = 0; row < 16; row++) {
      expect(tile.subarray(row * 128, row * 128 + 128)).toEqual(full.subarray(((16 + row) * 64 + 32) * 4, ((16 + row) * 64 + 64) * 4));
    }
    expect(art.hash(64, 64, 0)).toMatch(/^[0-9a-f]{16}$/);
    expect(full[3]).toBe(255);
  });
  it.runIf(hasArt)('refuses bad configs and sizes with messages', () => {
    const art = new Art(module);
    expect(() => art.hash(8, 8, 0)).toThrow(/not configured/);
    expect(art.configure('{"depth": 1000}')).toMatch(/depth/);
    art.configure('{}');
    expect(() => art.render({ imageW: 0, imageH: 8, x: 0, y: 0, w: 8, h: 8, z: 0 })).toThrow(EngineError);
    expect(() => art.hash(-1, 8, 0)).toThrow(EngineError);
  });
  const goldenFile = new URL('../golden/art_hashes.txt', import.meta.url);
  const golden = existsSync(goldenFile) ? readFileSync(goldenFile, 'utf8').split('\n').filter((l) => /^[0-9a-f]{16} /.test(l)) : [];
  it.runIf(hasArt && golden.length > 0).each(golden)('through the TS wrapper equals the native golden hash: %s', (line) => {
    const [hash, w, h, z, ...json] = line.split(' ');
    const art = new Art(module);
    expect(art.configure(json.join(' '))).toBe('');
    expect(art.hash(Number(w), Number(h), Number(z))).toBe(hash);
  });
  it('says so when the engine build has no art renderer', () => {
    expect(() => new Art({})).toThrow(/no art renderer/);
  });
});
