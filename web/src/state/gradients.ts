// gradients.ts — the gradients lab's state table (which activations, depth, width, initialiser,
// samples, seed, the "effectively zero" threshold as a power of ten), its presets (the course's
// experiment, exploding ReLU, the fixes), and the depth-probe specs the state asks the engine for.
import type { DepthInit, DepthSpec } from '../engine/probes';
import type { Field, StateOf } from './schema';
import { andList, wordsNumber as n } from './summary.ts';

export const INIT_NAMES: Readonly<Record<DepthInit, string>> = {
  xavier: 'Xavier (uniform ±√(3/W))', he: 'He (normal, √(2/W))', lecun: 'LeCun (normal, √(1/W))', normal: 'N(0, 1), unscaled',
};
/** The course's depth-sweep activations (CURRICULUM "Experiments"): sigmoid, tanh, ReLU, GELU. */
const DEFAULT_ACTS = ['sigmoid', 'tanh', 'relu', 'gelu'];

/** The table for the registry's ids; `name` gives display names for the link's summary. */
export function gradientsTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  return {
    act: { kind: 'list', default: DEFAULT_ACTS.filter((id) => ids.includes(id)), values: ids, minItems: 1, maxItems: 4,
      label: 'Activations', hideable: true, describe: (v: readonly string[]) => andList(v.map(name)) },
    layers: { kind: 'number', default: 50, min: 2, max: 100, integer: true, label: 'Layers N', hideable: true,
      describe: (v: number) => `${v} layer${v === 1 ? '' : 's'}` },
    width: { kind: 'number', default: 32, min: 1, max: 256, integer: true, label: 'Width (units per layer)', hideable: true,
      describe: (v: number) => `width ${v}` },
    init: { kind: 'enum', default: 'xavier', values: Object.keys(INIT_NAMES), label: 'Initialiser', hideable: true,
      describe: (v: string) => `${INIT_NAMES[v as DepthInit] ?? v} weights` },
    samples: { kind: 'number', default: 64, min: 2, max: 1024, integer: true, label: 'Random inputs', hideable: true,
      describe: (v: number) => `${v} inputs` },
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed', hideable: true, describe: (v: number) => `seed ${v}` },
    th: { kind: 'number', default: -3, min: -12, max: 0, digits: 3, label: 'Effectively zero below 10^k, k', hideable: true,
      describe: (v: number) => `zero below 10^${n(v)}` },
  } as const satisfies Record<string, Field>;
}

export type GradientsTable = ReturnType<typeof gradientsTable>;
export type GradientsState = StateOf<GradientsTable>;

/** The threshold itself: 10^th. */
export const thresholdOf = (s: GradientsState): number => 10 ** s.th;

/** One depth-probe spec per chosen activation. */
export function depthSpecs(s: GradientsState): (DepthSpec & { activation: string })[] {
  return s.act.map((activation) => ({ activation, layers: s.layers, width: s.width, samples: s.samples,
    init: s.init as DepthInit, seed: s.seed, threshold: thresholdOf(s) }));
}

export interface Preset { id: string; label: string; values: Partial<GradientsState> }

/** The lab's presets: the course's own experiment (5 inputs, N(0, 1), 10 and 50 layers), exploding, the fixes. */
export function gradientPresets(ids: readonly string[]): Preset[] {
  const acts = (...want: string[]) => want.filter((id) => ids.includes(id));
  return [
    { id: 'course10', label: 'Course: 5 inputs, N(0, 1), 10 layers', values: { act: acts(...DEFAULT_ACTS), width: 5, init: 'normal', layers: 10 } },
    { id: 'course50', label: 'Course: 5 inputs, N(0, 1), 50 layers', values: { act: acts(...DEFAULT_ACTS), width: 5, init: 'normal', layers: 50 } },
    { id: 'explode', label: 'Exploding: ReLU with N(0, 1) weights', values: { act: acts('relu'), width: 32, init: 'normal', layers: 20 } },
    { id: 'reluhe', label: 'Fix: ReLU + He', values: { act: acts('relu'), width: 32, init: 'he', layers: 50 } },
    { id: 'tanhxavier', label: 'Fix: tanh + Xavier', values: { act: acts('tanh'), width: 32, init: 'xavier', layers: 50 } },
  ];
}
