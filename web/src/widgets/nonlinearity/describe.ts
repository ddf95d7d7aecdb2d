// describe.ts — the nonlinearity lab's numbers in words (text alternatives and live summaries).
// Formatting only: every number comes from the engine's collapse, trainer and fit1d results.
import type { CollapseResult, Fit1dResult } from '../../engine/probes';
import { formatNumber as f } from '../../ui/format';

/** A vector as "(a, b, c)". */
export const vec = (v: readonly (number | null)[], digits = 4): string =>
  `(${v.map((x) => (x === null ? 'not finite' : f(x, digits))).join(', ')})`;

export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);

export function collapseWords(layers: number, width: number, lin: CollapseResult, bent: CollapseResult, bendName: string): string {
  const d = lin.maxAbsDiff, b = bent.maxAbsDiff;
  return `${layers} linear layer${layers === 1 ? '' : 's'} of width ${width} multiply into one layer W′ (${width} × ${width}) and b′. ` +
    `On ${lin.stack.length / width} random inputs the stack and the one layer differ by at most ${d === null ? 'a non-finite amount' : f(d)}` +
    ` (outputs up to ${lin.maxAbsOut === null ? '—' : f(lin.maxAbsOut)}): float rounding, the same outputs. ` +
    (layers === 1 ? 'With one layer there is no “between” for a bend: add layers to see one break the collapse.'
      : `With ${bendName} between the layers the one layer no longer describes the stack: the difference is ${b === null ? 'not finite' : f(b)}.`);
}

export interface XorSide { name: string; epoch: number; train: number | null | undefined; test: number | null | undefined }

export function mapWords(side: XorSide): string {
  return `Decision map of ${side.name} on XOR at epoch ${side.epoch}: blue where it says class 1 (quadrants I and III), ` +
    `orange where it says class 0; test accuracy ${pct(side.test)}.`;
}

export function fitWords(r: Fit1dResult, units: number, actName: string, targetName: string): string {
  const kinks = r.kink.map((k) => f(k, 2)).join(', ');
  return `${units} ${actName} unit${units === 1 ? '' : 's'} fitted to ${targetName} on [−1, 1]: RMS error ${f(r.rmse)}, largest error ${f(r.maxAbsErr)}. ` +
    `The units bend at x = ${kinks}.`;
}

export function sweepWords(sweep: readonly (number | null)[], actName: string): string {
  const at = (n: number) => { const v = sweep[n - 1]; return v === null || v === undefined ? '—' : f(v); };
  return `RMS error of ${actName} units as N grows: N = 1: ${at(1)}, 2: ${at(2)}, 4: ${at(4)}, 8: ${at(8)}, 16: ${at(16)}, 32: ${at(32)}, 64: ${at(64)}.`;
}
