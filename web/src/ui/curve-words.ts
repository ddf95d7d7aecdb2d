// curve-words.ts — a curve's shape in words for text alternatives, from the engine's curve features
// (cpp/actlab/probes/features.hpp): how it rises or falls, where it is steepest, where its slope is
// below the dead-zone threshold and what share of the range that is. Formatting only: every number
// it prints is an engine value. Shared by the explorer and the home page's cards.
import type { CurveFeatures } from '../engine/types';
import { formatNumber as fmt } from './format';

/** The dead-zone rule in words, shown next to the plot (the engine's rule: cpp/actlab/probes/features.hpp). */
export const RULE = 'The rule: |f′| < 0.01, strictly — a slope of exactly 0.01, like Leaky ReLU’s default α, is not shaded.';

/** A share as the table and the note both print it: whole percent, one decimal below 1 %. */
export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/** Where the slope is below the threshold, in words, from the engine's intervals: "for |z| > 4.6". */
export function deadWords(dead: readonly [number, number][], zmin: number, zmax: number): string {
  if (dead.length === 0) return 'never';
  // Two significant digits; an end within a millionth of the range of 0 (ReLU's bisected kink, 7e−46) reads as 0.
  const at = (v: number) => fmt(Math.abs(v) < (zmax - zmin) * 1e-6 ? 0 : v, 2);
  const parts = dead.map(([a, b]) => {
    const fromStart = a <= zmin, toEnd = b >= zmax;
    if (fromStart && toEnd) return 'everywhere on this range';
    if (fromStart) return `for z < ${at(b)}`;
    if (toEnd) return `for z > ${at(a)}`;
    return `for ${at(a)} < z < ${at(b)}`;
  });
  // Two tails at the same distance from 0 read as one condition: "for |z| > 4.6".
  if (dead.length === 2 && dead[0]![0] <= zmin && dead[1]![1] >= zmax && at(-dead[0]![1]) === at(dead[1]![0])) {
    return `for |z| > ${at(dead[1]![0])}`;
  }
  return parts.join(' and ');
}

/**
 * What a sighted learner sees in one curve, from the engine's features:
 * "Sigmoid (logistic): rises from 0.0067 to 0.99, steepest at z = 0 (slope 0.25); slope below 0.01 for |z| > 4.6 (8% of this range)".
 */
export function curveSentence(name: string, f: CurveFeatures, zmin: number, zmax: number): string {
  const v = (x: number) => fmt(x, 2);
  let shape: string;
  if (f.shape === 'rising') shape = `rises from ${v(f.fFirst)} to ${v(f.fLast)}`;
  else if (f.shape === 'falling') shape = `falls from ${v(f.fFirst)} to ${v(f.fLast)}`;
  else if (f.shape === 'constant') shape = `is constant at ${v(f.fFirst)}`;
  else if (f.fMinAt > zmin && f.fMinAt < zmax && f.fMax === f.fLast) {
    shape = `falls from ${v(f.fFirst)} to its lowest, ${v(f.fMin)} at z = ${v(f.fMinAt)}, then rises to ${v(f.fLast)}`;
  } else shape = `goes from ${v(f.fFirst)} to ${v(f.fLast)}, lowest ${v(f.fMin)} at z = ${v(f.fMinAt)}, highest ${v(f.fMax)} at z = ${v(f.fMaxAt)}`;
  let steep: string;
  if (f.maxAbsSlope === 0) steep = 'flat (slope 0)';
  else if (f.maxAbsSlopeAt === f.maxAbsSlopeLast) steep = `steepest at z = ${v(f.maxAbsSlopeAt)} (slope ${v(f.slopeAtMax)})`;
  else if (f.maxAbsSlopeAt <= zmin && f.maxAbsSlopeLast >= zmax) steep = `slope ${v(f.slopeAtMax)} everywhere`;
  else steep = `steepest (slope ${v(f.slopeAtMax)}) from z = ${v(f.maxAbsSlopeAt)} to ${v(f.maxAbsSlopeLast)}`;
  const threshold = fmt(f.threshold);
  const dead = f.dead.length === 0 ? `slope never below ${threshold} here`
    : `slope below ${threshold} ${deadWords(f.dead, zmin, zmax)} (${percent(f.deadShare)} of this range)`;
  return `${name}: ${shape}, ${steep}; ${dead}`;
}

