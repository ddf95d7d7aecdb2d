// describe.ts — the explorer's words: series names, readout sentences and the plots' text alternatives.
// Formatting only; every number it prints came from the engine.
import type { Curve, PointValue } from '../../engine/composite';
import type { ActivationMeta } from '../../engine/types';
import { SOFTMAX_ID } from '../../state/explorer';
import { formatNumber as fmt } from '../../ui/format';

export function nameOf(id: string, metas: readonly ActivationMeta[], T: number): string {
  if (id === SOFTMAX_ID) return `Softmax of [z, 0], T = ${fmt(T)}`;
  return metas.find((m) => m.id === id)?.name ?? id;
}

/** The dead-zone rule in words, shown next to the plot (the engine's rule: cpp/actlab/probes/features.hpp). */
export const RULE = 'The rule: |f′| < 0.01, strictly — a slope of exactly 0.01, like Leaky ReLU’s default α, is not shaded.';

/** A share as the table and the note both print it: whole percent, one decimal below 1 %. */
export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/** "Sigmoid: f(0.5) = 0.622, f′(0.5) = 0.235" for each activation. */
export function pointSentence(points: readonly PointValue[], z: number, names: (id: string) => string): string {
  return points.map((p) => `${names(p.id)}: f(${fmt(z)}) = ${fmt(p.f, 4)}${p.df === null ? '' : `, f′(${fmt(z)}) = ${fmt(p.df, 4)}`}`).join('; ');
}

export function plotLabel(kind: 'f' | 'f′', curves: readonly Curve[], zmin: number, zmax: number, z: number,
  points: readonly PointValue[], names: (id: string) => string): string {
  const which = curves.map((c) => names(c.id)).join(', ');
  const at = points.map((p) => {
    const v = kind === 'f' ? p.f : p.df;
    return `${names(p.id)} ${v === null ? 'not computed' : fmt(v, 4)}`;
  }).join(', ');
  let text = `Plot of ${kind} for ${which}, z from ${fmt(zmin)} to ${fmt(zmax)}. At the cursor z = ${fmt(z)}: ${at}.`;
  if (kind === 'f′') {
    const dead = curves.filter((c) => c.deadShare !== null).map((c) => `${names(c.id)} ${percent(c.deadShare!)}`);
    if (dead.length > 0) text += ` Shaded (for ${names(curves.find((c) => c.deadShare !== null)!.id)}): |f′| < 0.01. Share of the range with |f′| < 0.01: ${dead.join(', ')}.`;
  }
  return text;
}
