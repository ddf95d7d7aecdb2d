// gradients-state.test.ts — the gradients lab's state table: round trips, hostile values, the
// depth-probe specs it sends, and presets that name only real activations and in-range values.
import { describe, expect, it } from 'vitest';
import { depthSpecs, gradientPresets, gradientsTable, thresholdOf, type GradientsState } from '../../web/src/state/gradients';
import { parseState, serialiseState } from '../../web/src/state/schema';

const ids = ['sigmoid', 'tanh', 'relu', 'gelu', 'leaky_relu'];
const table = gradientsTable(ids);

describe('gradients state table', () => {
  it('defaults: the course activations at 50 layers, threshold 10^-3; an empty query', () => {
    const p = parseState(table, '');
    expect(p.state.act).toEqual(['sigmoid', 'tanh', 'relu', 'gelu']);
    expect(p.state.layers).toBe(50);
    expect(thresholdOf(p.state as GradientsState)).toBeCloseTo(1e-3, 12);
    expect(serialiseState(table, p.state)).toBe('');
  });

  it('round trip of every field, with hide and lock', () => {
    const q = 'act=relu,tanh&layers=30&width=16&init=he&samples=128&seed=7&th=-4.5&hide=seed&lock=layers';
    const p = parseState(table, q);
    expect(p.notices).toEqual([]);
    expect(serialiseState(table, p.state, p.hidden, p.locked)).toBe(q);
  });

  it('hostile values: clamped or ignored with a notice each', () => {
    const p = parseState(table, 'layers=9999&width=0&init=%3Cscript%3E&act=evil,relu,relu&th=nan&seed=-1');
    expect(p.state.layers).toBe(100);
    expect(p.state.width).toBe(1);
    expect(p.state.init).toBe('xavier');
    expect(p.state.act).toEqual(['relu']);
    expect(p.state.th).toBe(-3);
    expect(p.notices.length).toBeGreaterThanOrEqual(5);
  });

  it('depth specs: one per activation with the threshold as 10^th', () => {
    const s = parseState(table, 'act=sigmoid,relu&layers=10&th=-2').state as GradientsState;
    const specs = depthSpecs(s);
    expect(specs.map((x) => x.activation)).toEqual(['sigmoid', 'relu']);
    expect(specs[0]).toMatchObject({ layers: 10, width: 32, samples: 64, init: 'xavier', seed: 1 });
    expect(specs[0]!.threshold).toBeCloseTo(0.01, 12);
  });

  it('presets: the course experiment is 5 inputs, N(0, 1), 10 and 50 layers; every value fits the table', () => {
    const presets = gradientPresets(ids);
    expect(presets.find((p) => p.id === 'course50')!.values).toMatchObject({ width: 5, init: 'normal', layers: 50 });
    expect(presets.find((p) => p.id === 'course10')!.values.layers).toBe(10);
    for (const p of presets) {
      const v = p.values;
      for (const a of v.act ?? []) expect(ids).toContain(a);
      if (v.layers !== undefined) expect(v.layers).toBeLessThanOrEqual(table.layers.max);
      if (v.init !== undefined) expect(table.init.values).toContain(v.init);
    }
  });
});
