// describe.ts — the race in words, from the engine's report: the verdict ("ReLU reached 95 %
// first, at epoch 38; sigmoid never did"), the spread over seeds, and the charts' and heatmaps'
// text alternatives. Every number is the engine's (race.hpp report); nothing is computed here
// but formatting.
import type { ContestantReport, RaceReport } from '../../engine/race-types';
import type { ActivationMeta } from '../../engine/types';
import { paramOf, type RaceState } from '../../state/race';
import { formatNumber as fmt } from '../../ui/format';

export const pct = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`);
export const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : fmt(v, 4));
const target = (r: RaceReport): string => `${Number((100 * r.target).toFixed(1))} %`;

/** One contestant's part of the verdict. */
function reachedWords(r: RaceReport, c: ContestantReport, name: string, first: boolean): string {
  if (c.diverged) return `${name} broke at epoch ${c.epoch} (a NaN or infinity; see the table)`;
  if (r.seeds > 1) {
    const s = c.spread;
    const when = s.meanEpochsToTarget === null ? '' : `, at epoch ${fmt(s.meanEpochsToTarget, 3)} on average`;
    return `${name} reached ${target(r)} in ${s.reached} of ${r.seeds} seeds${when} (test accuracy ${pct(s.min)} to ${pct(s.max)}, mean ${pct(s.mean)})`;
  }
  if (c.epochsToTarget === null) return `${name} never did (${pct(c.testAccuracy)} at epoch ${c.epoch})`;
  return first ? `${name} reached ${target(r)} first, at epoch ${c.epochsToTarget}` : `${name} at epoch ${c.epochsToTarget}`;
}

/** The plain-words verdict, contestants in the engine's ranking order. */
export function verdict(r: RaceReport, names: readonly string[]): string {
  if (!r.ready || r.contestants.length === 0) return 'The race has not started.';
  const order = r.ranking.map((i) => ({ c: r.contestants[i]!, name: names[i] ?? r.contestants[i]!.activation }));
  const when = r.epoch === 0 ? 'Before the start: ' : r.finished ? `After ${r.epoch} epochs: ` : `After ${r.epoch} of ${r.epochs} epochs: `;
  if (r.epoch === 0) return `${when}${order.length} contestants from the same initial weights, racing to ${target(r)} test accuracy. Press Race.`;
  if (r.seeds > 1) {
    return `${when}over ${r.seeds} seeds, ${order.map((o) => reachedWords(r, o.c, o.name, false)).join('; ')}. ` +
      'Where two ranges overlap, the difference may be the seed’s rather than the activation’s.';
  }
  const reached = order.filter((o) => !o.c.diverged && o.c.epochsToTarget !== null);
  if (reached.length === 0) {
    return `${when}nobody ${r.finished ? 'reached' : 'has reached'} ${target(r)} test accuracy${r.finished ? '' : ' yet'}. Best: ${order.map((o) => (o.c.diverged ? `${o.name} broke` : `${o.name} ${pct(o.c.testAccuracy)}`)).join(', ')}.`;
  }
  const parts = order.map((o, i) => reachedWords(r, o.c, o.name, i === 0));
  return `${when}${parts.join('; ')}.`;
}

/** The loss chart's text alternative. */
export function describeLossChart(r: RaceReport, names: readonly string[], split: 'train' | 'test', start: readonly (number | null)[]): string {
  if (!r.ready) return 'Loss chart: no race yet.';
  const words = r.contestants.map((c, i) => `${names[i]} from ${num(start[i])} to ${num(split === 'train' ? c.trainLoss : c.testLoss)}`);
  return `${split === 'train' ? 'Training' : 'Test'} loss per epoch, epochs 0 (before training) to ${r.epoch}: ${words.join('; ')}.`;
}

/** The accuracy chart's text alternative. */
export function describeAccuracyChart(r: RaceReport, names: readonly string[]): string {
  if (!r.ready) return 'Accuracy chart: no race yet.';
  return `Test accuracy per epoch, epochs 0 to ${r.epoch}, target ${target(r)} (dashed line): ` +
    `${r.contestants.map((c, i) => `${names[i]} ${pct(c.testAccuracy)}`).join('; ')}.`;
}

/** One contestant's heatmap in words. */
export function describeMap(r: RaceReport, c: ContestantReport, name: string): string {
  return `Decision map of ${name} after ${c.epoch} epochs on the ${r.dataset.name} data (orange = class 0, blue = class 1, ` +
    `stronger colour where the network is surer; filled circles are the training points): test accuracy ${pct(c.testAccuracy)}.`;
}

/** A parameter's name as a symbol where it has one (alpha → α). */
const SYMBOLS: Readonly<Record<string, string>> = { alpha: 'α', beta: 'β', lambda: 'λ', gamma: 'γ' };

/** Display names with every parameter that is set (registry order), numbered when two would read the same. */
export function contestantNames(state: Pick<RaceState, 'act' | 'par'>, metas: readonly ActivationMeta[]): string[] {
  const names = state.act.map((id, i) => {
    const m = metas.find((x) => x.id === id);
    const set = m?.params.map((p, k) => ({ sym: SYMBOLS[p.name] ?? p.name, v: paramOf(state, i, k) })) ?? [];
    const shown = set.some((p) => p.v !== null)
      ? ` (${set.filter((p) => p.v !== null).map((p) => `${p.sym} = ${fmt(p.v!, 3)}`).join(', ')})` : '';
    return `${m?.name ?? id}${shown}`;
  });
  return names.map((n, i) => (names.filter((x) => x === n).length > 1 ? `${n} #${names.slice(0, i + 1).filter((x) => x === n).length}` : n));
}
