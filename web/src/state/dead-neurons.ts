// dead-neurons.ts — the dying-ReLU lab's state table and the specs it asks the engine for:
//   census   one random layer (inputs → units, weights N(0, 1), biases N(bias mean, 1), random
//            inputs N(0, 1); CURRICULUM §4's dead-neuron detector: 5 → 20, 1000 inputs), the
//            activation whose per-unit bars are drawn, and the same layer for the five compared;
//   training a small network trained by SGD at a too-high and a lower learning rate (probe "dying");
//   scan     the gradient scan's range, points and threshold (CURRICULUM "Experiments": 100 points on
//            [−5, 5], |f′| < 0.01) and the scan table's sort order.
// Presets: the course's detector, "kill half the layer with the bias", "revive with Leaky ReLU".
// The sort of the scan table is layout (TS); every number in it is the engine's.
import type { CensusSpec, DyingSpec, ScanResult, ScanSpec } from '../engine/probes';
import type { Field, StateOf } from './schema';
import { wordsNumber as n } from './summary.ts';

/** The activations the lab compares side by side (issue 10 §3). */
export const COMPARED = ['relu', 'leaky_relu', 'elu', 'gelu', 'swish'] as const;
/** The runs of "dying by training": ReLU at the high rate, Leaky ReLU at the high rate, ReLU at the low rate. */
export const RUNS = [
  { id: 'relu-high', activation: 'relu', rate: 'lr' },
  { id: 'leaky-high', activation: 'leaky_relu', rate: 'lr' },
  { id: 'relu-low', activation: 'relu', rate: 'lowLr' },
] as const;

export const SORT_KEYS = ['dead', 'name', 'minDf', 'maxDf'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function deadTable(name: (id: string) => string = (id) => id) {
  return {
    act: { kind: 'enum', default: 'relu', values: COMPARED, label: 'Activation of the census', hideable: true, describe: (v: string) => name(v) },
    inputs: { kind: 'number', default: 5, min: 1, max: 64, integer: true, label: 'Inputs', hideable: true, describe: (v: number) => `${v} inputs` },
    units: { kind: 'number', default: 20, min: 1, max: 64, integer: true, label: 'Units in the layer', hideable: true, describe: (v: number) => `${v} units` },
    samples: { kind: 'number', default: 1000, min: 10, max: 20000, integer: true, label: 'Random inputs', hideable: true,
      describe: (v: number) => `${v} random inputs` },
    bias: { kind: 'number', default: 0, min: -10, max: 10, digits: 4, label: 'Bias mean', hideable: true, describe: (v: number) => `bias mean ${n(v)}` },
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed', hideable: true, describe: (v: number) => `seed ${v}` },
    lr: { kind: 'number', default: 2, min: 0.01, max: 10, digits: 4, label: 'Too-high learning rate', hideable: true,
      describe: (v: number) => `learning rate ${n(v)}` },
    lowLr: { kind: 'number', default: 0.05, min: 0.01, max: 10, digits: 4, label: 'Lower learning rate', hideable: true,
      describe: (v: number) => `lower rate ${n(v)}` },
    epochs: { kind: 'number', default: 40, min: 1, max: 200, integer: true, label: 'Epochs', hideable: true, describe: (v: number) => `${v} epochs` },
    lo: { kind: 'number', default: -5, min: -100, max: 99, digits: 5, label: 'Scan from z', hideable: true, describe: (v: number) => `scan from ${n(v)}` },
    hi: { kind: 'number', default: 5, min: -99, max: 100, digits: 5, label: 'Scan to z', hideable: true, describe: (v: number) => `to ${n(v)}` },
    points: { kind: 'number', default: 100, min: 2, max: 10000, integer: true, label: 'Scan points', hideable: true, describe: (v: number) => `${v} points` },
    th: { kind: 'number', default: 0.01, min: 0, max: 1, digits: 4, label: 'Dead below |f′| <', hideable: true, describe: (v: number) => `|f′| < ${n(v)}` },
    sort: { kind: 'enum', default: 'dead', values: SORT_KEYS, label: 'Sort the scan by', hideable: true, describe: (v: string) => `sorted by ${v}` },
    asc: { kind: 'boolean', default: false, label: 'Ascending', hideable: true, describe: (v: boolean) => (v ? 'ascending' : 'descending') },
  } as const satisfies Record<string, Field>;
}

export type DeadTable = ReturnType<typeof deadTable>;
export type DeadState = StateOf<DeadTable>;

/** The census spec of the layer for one activation (the same layer, weights and inputs for every activation). */
export function censusSpec(s: DeadState, activation: string = s.act): CensusSpec & { activation: string } {
  return { activation, inputs: s.inputs, units: s.units, samples: s.samples, biasMean: s.bias, seed: s.seed };
}

/** The three "dying by training" runs: two layers of 32 ReLU / Leaky ReLU units on the circle, SGD, batch 16 (dying.hpp). */
export function dyingSpecs(s: DeadState): (DyingSpec & { id: string; activation: string; learningRate: number })[] {
  return RUNS.map((r) => ({ id: r.id, activation: r.activation, learningRate: r.rate === 'lr' ? s.lr : s.lowLr, epochs: s.epochs, seed: s.seed }));
}

/** The scan range, with lo < hi enforced (swapped or widened, with a notice). */
export function scanRange(s: DeadState, notices?: string[]): { lo: number; hi: number } {
  if (s.lo < s.hi) return { lo: s.lo, hi: s.hi };
  if (s.lo > s.hi) { notices?.push(`Scan from ${n(s.lo)} to ${n(s.hi)}: the ends were swapped.`); return { lo: s.hi, hi: s.lo }; }
  notices?.push(`Scan from ${n(s.lo)} to ${n(s.hi)} is empty; scanning ${n(s.lo)} to ${n(s.lo + 1)}.`);
  return { lo: s.lo, hi: s.lo + 1 };
}

export function scanSpec(s: DeadState, activation: string, notices?: string[]): ScanSpec & { activation: string; lo: number; hi: number } {
  return { activation, ...scanRange(s, notices), points: s.points, threshold: s.th };
}

export interface ScanRow { id: string; name: string; deadShare: number; minAbsDf: number | null; maxAbsDf: number | null }

export const scanRow = (id: string, name: string, r: ScanResult): ScanRow =>
  ({ id, name, deadShare: r.deadShare, minAbsDf: r.minAbsDf ?? null, maxAbsDf: r.maxAbsDf ?? null });

/** The scan table's rows in the chosen order; ties (and missing values, last) keep the name order. */
export function sortScanRows(rows: readonly ScanRow[], key: SortKey, ascending: boolean): ScanRow[] {
  const byName = (a: ScanRow, b: ScanRow) => a.name.localeCompare(b.name, 'en');
  const value = (r: ScanRow): number | null => (key === 'dead' ? r.deadShare : key === 'minDf' ? r.minAbsDf : key === 'maxDf' ? r.maxAbsDf : null);
  return [...rows].sort((a, b) => {
    if (key === 'name') return ascending ? byName(a, b) : byName(b, a);
    const va = value(a), vb = value(b);
    if (va === null || vb === null || Number.isNaN(va) || Number.isNaN(vb)) {
      const na = va === null || Number.isNaN(va), nb = vb === null || Number.isNaN(vb);
      return na === nb ? byName(a, b) : na ? 1 : -1;
    }
    return va === vb ? byName(a, b) : ascending ? va - vb : vb - va;
  });
}

export interface Preset { id: string; label: string; values: Partial<DeadState> }

/** The course's detector (5 → 20, 1000 inputs, ReLU); half the layer killed by the bias; revived with Leaky ReLU. */
export const DEAD_PRESETS: readonly Preset[] = [
  { id: 'course', label: 'Course: the dead-neuron detector', values: { act: 'relu', inputs: 5, units: 20, samples: 1000, bias: 0, seed: 1 } },
  { id: 'kill', label: 'Kill half the layer with the bias', values: { act: 'relu', inputs: 5, units: 20, samples: 1000, bias: -6, seed: 1 } },
  { id: 'revive', label: 'Revive with Leaky ReLU', values: { act: 'leaky_relu', inputs: 5, units: 20, samples: 1000, bias: -6, seed: 1 } },
];
