// nonlinearity-state.test.ts — the nonlinearity lab's table (web/src/state/nonlinearity.ts): round
// trips, hostile values, the drawn curve's bounds; the engine requests it builds; and the engine's
// answers to them through the Node build: ten linear layers collapse (float rounding only), a bend
// breaks it, more units fit better, and the configs train (linear < 75 %, bent ≥ 95 % on XOR).
import { describe, expect, it } from 'vitest';
import { loadNodeModule, runProbe, Trainer } from '../../web/src/engine/node';
import { bentConfig, collapseSpec, CURVE_POINTS, fitSpec, linearConfig, nonlinearityTable, type NonlinearityState } from '../../web/src/state/nonlinearity';
import { defaults, parseState, serialiseState } from '../../web/src/state/schema';

const ids = ['identity', 'relu', 'tanh', 'sigmoid', 'gelu', 'step'];
const table = nonlinearityTable(ids);
const module = await loadNodeModule();

describe('nonlinearity table', () => {
  it('defaults: 10 layers of width 3, tanh as the bend, sin with 8 ReLU units, a 17-point curve', () => {
    const d = defaults(table);
    expect(d.layers).toBe(10);
    expect(d.bend).toBe('tanh');
    expect(d.target).toBe('sin');
    expect(d.curve.length).toBe(CURVE_POINTS);
    expect(table.bend.values).not.toContain('identity');
  });

  it('round-trips a full state', () => {
    const s = { ...defaults(table), layers: 37, width: 5, bend: 'relu', xdepth: 0, xact: 'relu', target: 'drawn', units: 64,
      curve: Array.from({ length: CURVE_POINTS }, (_, i) => String(i % 2 === 0 ? 1 : -0.5)) } as NonlinearityState;
    const q = serialiseState(table, s);
    const back = parseState(table, q);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('hostile and out-of-range values become defaults or bounds, each with a notice', () => {
    const p = parseState(table, 'layers=1000&width=-3&bend=%3Cscript%3E&units=65&curve=1,2,3&target=cosh&xdepth=NaN');
    expect(p.state.layers).toBe(100);
    expect(p.state.width).toBe(1);
    expect(p.state.bend).toBe('tanh');
    expect(p.state.units).toBe(64);
    expect(p.state.curve).toEqual(table.curve.default);
    expect(p.state.target).toBe('sin');
    expect(p.notices.length).toBeGreaterThanOrEqual(6);
  });
});

describe('the engine requests and the Node engine’s answers', () => {
  it('ten linear layers collapse to float rounding; tanh between them does not', () => {
    const s = defaults(table);
    const spec = collapseSpec(s, false);
    expect(spec.sizes).toEqual(Array(11).fill(3));
    const lin = runProbe(module, 'collapse', spec);
    const bent = runProbe(module, 'collapse', collapseSpec(s, true));
    expect(lin.maxAbsDiff!).toBeLessThan(1e-5);
    expect(bent.maxAbsDiff!).toBeGreaterThan(1e-2);
    expect(bent.M).toEqual(lin.M);  // same weights: the collapsed matrix is the same, only the stack bends
  });

  it('fit1d: the state’s spec, more units fit better, a drawn curve is sent as numbers', () => {
    const s = defaults(table);
    const r = runProbe(module, 'fit1d', fitSpec(s, true));
    expect(r.fit.length).toBe(201);
    expect(r.contrib.length).toBe(8 * 201);
    expect(r.sweep.length).toBe(64);
    expect(r.sweep[63]!).toBeLessThan(r.sweep[0]!);
    expect(r.sweep[7]).toBe(r.rmse);
    const drawn = fitSpec({ ...s, target: 'drawn' }, false);
    expect(drawn.drawn).toEqual(s.curve.map(Number));
    expect(runProbe(module, 'fit1d', drawn).rmse).toBeLessThan(0.2);
  });

  it('XOR: the linear network stays below 75 %, the bent one reaches 95 % in the default 100 epochs', () => {
    const s = defaults(table);
    const acc = (config: ReturnType<typeof linearConfig>) => {
      const t = new Trainer(module);
      t.configure(config);
      for (let e = 0; e < s.epochs; e++) t.advance({ epochs: 1 });
      const m = t.metrics('test');
      t.dispose();
      return m.accuracy;
    };
    expect(acc(linearConfig(s))).toBeLessThan(0.75);
    expect(acc(linearConfig({ ...s, xdepth: 0 }))).toBeLessThan(0.75);
    expect(acc(bentConfig(s))).toBeGreaterThanOrEqual(0.95);
    expect(acc(bentConfig({ ...s, xact: 'relu' }))).toBeGreaterThanOrEqual(0.95);
  });
});
