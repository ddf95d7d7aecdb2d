// x-axis.ts — the x scale of line-plot.ts, pure so Vitest can check it: the range the data spans,
// and for a whole-number x (epochs) tick steps that are whole numbers. At epoch 0 the data is one
// point; the range then has to be widened, and how decides the tick labels.

/** The x range [first, last] of `x`; a single point (or an empty series) is widened. */
export function xRange(x: ArrayLike<number>, whole = false): [number, number] {
  const first = x.length > 0 ? x[0]! : 0;
  const last = x.length > 0 ? x[x.length - 1]! : first;
  if (last > first) return [first, last];
  // One point: a whole-number x (epoch 0) gets one whole step to its right; a real x sits in the
  // middle of a unit span. (A 1e-9 span made uPlot label the ticks 2.00e−10, 4.00e−10, ….)
  return whole ? [first, first + 1] : [first - 0.5, first + 0.5];
}

/** Tick steps of a whole-number x axis (1, 2, 5 × 10^k): never a fractional epoch. */
export const WHOLE_STEPS: readonly number[] = Array.from({ length: 10 }, (_, k) => [1, 2, 5].map((m) => m * 10 ** k)).flat();
