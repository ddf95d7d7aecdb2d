// probes.test.ts — the typed probe API (web/src/engine/probes.ts) over the Node wasm build: the
// course's figures come back through JSON (0.25^10, [2.0, 1.0, 0.1] → [0.659, 0.242, 0.099], p − y,
// the naive softmax's overflow), the depth sweep's sizes and thresholds, the census counts, the
// collapse's agreement, and bad specs refused with the field named.
import { describe, expect, it } from 'vitest';
import { EngineError, loadNodeModule, runProbe } from '../../web/src/engine/node';

const module = await loadNodeModule();

function messageOf(fn: () => unknown): string {
  try { fn(); } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return (err as Error).message;
  }
  throw new Error('expected an EngineError');
}

describe('runProbe', () => {
  it('softmax: the course example, cross-entropy and p − y', () => {
    const r = runProbe(module, 'softmax', { logits: [2.0, 1.0, 0.1], target: 0 });
    expect(r.stable.map((p) => Number(p.toFixed(3)))).toEqual([0.659, 0.242, 0.099]);
    expect(r.grad[0]).toBeCloseTo(r.stable[0]! - 1, 6);
    expect(r.grad[1]).toBe(r.stable[1]);
    expect(r.crossEntropy).toBeCloseTo(-Math.log(0.659), 3);
    expect(r.naiveFinite).toBe(true);
    expect(r.sigmoidSum).toBeGreaterThan(1.5);
  });

  it('softmax: naive overflows past 88.7, stable holds', () => {
    const r = runProbe(module, 'softmax', { logits: [90, 1, 0] });
    expect(r.naiveFinite).toBe(false);
    expect(r.naive[0]).toBeNull();
    expect(r.naiveText[0]).toBe('NaN');
    expect(r.stable[0]).toBeCloseTo(1, 6);
    expect(runProbe(module, 'softmax', { logits: [88, 1, 0] }).naiveFinite).toBe(true);
  });

  it('chain: 0.25^10 = 2^-20 and the measured factor per layer', () => {
    const r = runProbe(module, 'chain', { factor: 0.25, layers: 10, series: [[1e-6, 1e-4, 1e-2], [0, 1]] });
    expect(r.product[9]).toBe(2 ** -20);
    expect(r.factors[0]).toBeCloseTo(0.01, 9);
    expect(r.factors[1]).toBeNull();
  });

  it('depth: one value per layer; sigmoid vanishes, ReLU with N(0,1) weights explodes', () => {
    const sig = runProbe(module, 'depth', { activation: 'sigmoid', layers: 50, width: 5, init: 'normal', seed: 1 });
    expect(sig.grad).toHaveLength(50);
    expect(sig.vanishBackward).toBeGreaterThan(0);
    const relu = runProbe(module, 'depth', { activation: 'relu', layers: 10, width: 32, init: 'normal' });
    expect(relu.grad[0]).toBeGreaterThan(100);
  });

  it('census and scan: the counts add up to the units; ReLU dead share 50 %', () => {
    const c = runProbe(module, 'census', { activation: 'relu', biasMean: -10 });
    expect(c.units).toHaveLength(20);
    expect(c.dead + c.weak + c.healthy).toBe(20);
    expect(c.dead).toBeGreaterThan(5);
    expect(runProbe(module, 'scan', { activation: 'relu' }).deadShare).toBe(0.5);
  });

  it('collapse: a linear stack equals its one layer', () => {
    const r = runProbe(module, 'collapse', { sizes: [3, 4, 4, 2], samples: 10, seed: 3 });
    expect(r.M).toHaveLength(6);
    expect(r.maxAbsDiff!).toBeLessThan(1e-4);
  });

  it('bad specs: EngineError naming the field; unknown kinds refused', () => {
    expect(messageOf(() => runProbe(module, 'depth', { init: 'zero' as never }))).toMatch(/^init:/);
    expect(messageOf(() => runProbe(module, 'softmax', { target: 9 }))).toMatch(/^target:/);
    expect(messageOf(() => runProbe(module, 'depth', { layers: 0 }))).toMatch(/^layers:/);
    expect(messageOf(() => runProbe(module, 'nope' as 'scan', {}))).toMatch(/Unknown probe/);
    expect(messageOf(() => runProbe({}, 'scan', {}))).toMatch(/no probes/);
  });
});
