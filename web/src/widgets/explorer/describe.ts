// describe.ts — the explorer's words: series names, readout sentences and the plots' text alternatives.
// Formatting only; every number it prints came from the engine.
import type { Curve, PointValue } from '../../engine/composite';
import type { ActivationMeta } from '../../engine/types';
import { EXPR_ID, SOFTMAX_ID, baseOf, paramKey, paramSymbol, shortFx } from '../../state/explorer';
import { curveSentence } from '../../ui/curve-words';
import { formatNumber as fmt } from '../../ui/format';

export { curveSentence, deadWords, percent, RULE } from '../../ui/curve-words';

/** A series' name as legends, readouts and text alternatives show it, with its parameters: "Leaky ReLU, α = 0.01". */
export function nameOf(id: string, metas: readonly ActivationMeta[], state: Record<string, unknown>): string {
  if (id === SOFTMAX_ID) return `Softmax of [z, 0], T = ${fmt(state.T as number)}`;
  if (id === EXPR_ID) return `your f(z) = ${shortFx(String(state.fx))}`;
  const m = metas.find((x) => x.id === baseOf(id));
  if (m === undefined) return id;
  const ps = m.params.map((p) => `${paramSymbol(p)} = ${fmt(state[paramKey(id, p.name)] as number, 6)}`);
  return ps.length === 0 ? m.name : `${m.name}, ${ps.join(', ')}`;
}

/** "Sigmoid: f(0.5) = 0.622, f′(0.5) = 0.235" for each activation. */
export function pointSentence(points: readonly PointValue[], z: number, names: (id: string) => string): string {
  return points.map((p) => `${names(p.id)}: f(${fmt(z)}) = ${fmt(p.f, 4)}${p.df === null ? '' : `, f′(${fmt(z)}) = ${fmt(p.df, 4)}`}`).join('; ');
}

export function plotLabel(kind: 'f' | 'f′', curves: readonly Curve[], zmin: number, zmax: number, z: number,
  points: readonly PointValue[], names: (id: string) => string, shaded?: string): string {
  const at = points.map((p) => {
    const v = kind === 'f' ? p.f : p.df;
    return `${names(p.id)} ${v === null ? 'not computed' : fmt(v, 4)}`;
  }).join(', ');
  const cursor = `Cursor at z = ${fmt(z)}: ${at}.`;
  if (kind === 'f') {
    const shapes = curves.map((c) => (c.features === null ? `${names(c.id)}: goes from ${fmt(c.f[0]!, 2)} to ${fmt(c.f[c.f.length - 1]!, 2)}` : curveSentence(names(c.id), c.features, zmin, zmax)));
    return `Plot of f(z) for z from ${fmt(zmin)} to ${fmt(zmax)}. ${shapes.join('. ')}. ${cursor}`;
  }
  const withDf = curves.filter((c) => c.df !== null).map((c) => names(c.id));
  let text = `Plot of the slope f′(z) of ${withDf.join(', ') || 'nothing (softmax has no f′ here)'}, z from ${fmt(zmin)} to ${fmt(zmax)}. ${cursor}`;
  if (shaded) text += ` ${shaded}`;
  return text;
}
