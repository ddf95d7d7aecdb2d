// x-axis.test.ts — the loss charts' x scale (ui/x-axis.ts). At epoch 0 the playground and race
// charts hold one point; the range used to be widened by 1e-9, so uPlot labelled ticks "2.00e−10".
import { describe, expect, it } from 'vitest';
import { WHOLE_STEPS, xRange } from '../../web/src/ui/x-axis';
import { formatNumber } from '../../web/src/ui/format';

describe('x range of a line plot', () => {
  it('spans the data when it has two or more points', () => {
    expect(xRange(Float32Array.from([0, 1, 2, 7]))).toEqual([0, 7]);
    expect(xRange(Float32Array.from([-5, 5]))).toEqual([-5, 5]);
  });
  it('gives a whole-number x (epochs) a range of at least one step at epoch 0, so no tick is a fraction', () => {
    const [lo, hi] = xRange(Float32Array.from([0]), true);
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    // uPlot picks the smallest step that fits its spacing: with WHOLE_STEPS that is 1, labelled "0" and "1".
    const ticks = [lo, lo + WHOLE_STEPS[0]!].filter((v) => v <= hi).map((v) => formatNumber(v, 3));
    expect(ticks).toEqual(['0', '1']);
    expect(ticks.join(' ')).not.toMatch(/e/);
  });
  it('widens a single point of a real-valued x too, in the middle of a unit span', () => {
    const [lo, hi] = xRange(Float32Array.from([3]));
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
    expect(hi - lo).toBeGreaterThanOrEqual(1);
    expect(xRange(new Float32Array(0), true)).toEqual([0, 1]);
  });
  it('whole-number steps are whole numbers in 1-2-5 order', () => {
    expect(WHOLE_STEPS.slice(0, 6)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(WHOLE_STEPS.every((s) => Number.isInteger(s))).toBe(true);
  });
});
