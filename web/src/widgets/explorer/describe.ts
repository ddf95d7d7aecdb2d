// describe.ts — the explorer's words: series names, readout sentences and the plots' text alternatives.
// Formatting only; every number it prints came from the engine.
import type { Curve, PointValue } from '../../engine/composite';
import type { ActivationMeta, CurveFeatures } from '../../engine/types';
import { SOFTMAX_ID, paramKey, paramSymbol } from '../../state/explorer';
import { formatNumber as fmt } from '../../ui/format';

/** A series' name as legends, readouts and text alternatives show it, with its parameters: "Leaky ReLU, α = 0.01". */
export function nameOf(id: string, metas: readonly ActivationMeta[], state: Record<string, unknown>): string {
  if (id === SOFTMAX_ID) return `Softmax of [z, 0], T = ${fmt(state.T as number)}`;
  const m = metas.find((x) => x.id === id);
  if (m === undefined) return id;
  const ps = m.params.map((p) => `${paramSymbol(p)} = ${fmt(state[paramKey(id, p.name)] as number, 6)}`);
  return ps.length === 0 ? m.name : `${m.name}, ${ps.join(', ')}`;
}

/** The dead-zone rule in words, shown next to the plot (the engine's rule: cpp/actlab/probes/features.hpp). */
export const RULE = 'The rule: |f′| < 0.01, strictly — a slope of exactly 0.01, like Leaky ReLU’s default α, is not shaded.';

/** A share as the table and the note both print it: whole percent, one decimal below 1 %. */
export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/** "Sigmoid: f(0.5) = 0.622, f′(0.5) = 0.235" for each activation. */
export function pointSentence(points: readonly PointValue[], z: number, names: (id: string) => string): string {
  return points.map((p) => `${names(p.id)}: f(${fmt(z)}) = ${fmt(p.f, 4)}${p.df === null ? '' : `, f′(${fmt(z)}) = ${fmt(p.df, 4)}`}`).join('; ');
}

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

export function plotLabel(kind: 'f' | 'f′', curves: readonly Curve[], zmin: number, zmax: number, z: number,
  points: readonly PointValue[], names: (id: string) => string, shaded?: string): string {
  const at = points.map((p) => {
    const v = kind === 'f' ? p.f : p.df;
    return `${names(p.id)} ${v === null ? 'not computed' : fmt(v, 4)}`;
  }).join(', ');
  const cursor = `Cursor at z = ${fmt(z)}: ${at}.`;
  if (kind === 'f') {
    const shapes = curves.map((c) => (c.features === null ? `${names(c.id)}: rises from ${fmt(c.f[0]!, 2)} to ${fmt(c.f[c.f.length - 1]!, 2)}` : curveSentence(names(c.id), c.features, zmin, zmax)));
    return `Plot of f(z) for z from ${fmt(zmin)} to ${fmt(zmax)}. ${shapes.join('. ')}. ${cursor}`;
  }
  const withDf = curves.filter((c) => c.df !== null).map((c) => names(c.id));
  let text = `Plot of the slope f′(z) of ${withDf.join(', ') || 'nothing (softmax has no f′ here)'}, z from ${fmt(zmin)} to ${fmt(zmax)}. ${cursor}`;
  if (shaded) text += ` ${shaded}`;
  return text;
}
