// race.ts — the activation race's state table (contestants and their parameter, data, network,
// training, the race's length, target and seeds, speed, which loss the chart shows), its presets,
// and the engine's race spec built from it (cpp/actlab/nn/race.hpp, docs/trainer.md "Race").
import type { RaceSpec } from '../engine/race-types';
import type { DatasetName } from '../engine/trainer-types';
import type { Field, StateOf } from './schema';
import { andList, wordsNumber as n } from './summary.ts';

/** The race's data sets (the course's circle, XOR, the spiral and the 8×8 digits). */
export const RACE_DATASETS: Readonly<Record<string, string>> = { circle: 'Circle', xor: 'XOR', spiral: 'Spiral', digits: '8×8 digits' };
export const RACE_INITS: Readonly<Record<string, string>> = { xavier: 'Xavier / Glorot', he: 'He', lecun: 'LeCun', uniform: 'Uniform ±0.5' };
export const RACE_OPTIMISERS: Readonly<Record<string, string>> = { sgd: 'SGD', momentum: 'SGD + momentum 0.9', adam: 'Adam' };
/** Racing per animation frame: one round (every contestant one epoch), or whole rounds for 12 ms. */
export const RACE_SPEEDS: Readonly<Record<string, string>> = { round: 'One epoch a frame', fast: 'Fast (12 ms a frame)' };
export const LOSS_SPLITS: Readonly<Record<string, string>> = { train: 'Training set', test: 'Test set' };

export const MAX_CONTESTANTS = 8;
export const MAX_RACE_LAYERS = 4;
export const MAX_RACE_UNITS = 32;
const UNIT_CHOICES = Array.from({ length: MAX_RACE_UNITS }, (_, i) => String(i + 1));
/**
 * One value per parameter: "d" = the activation's default, otherwise a number in steps of 0.01 on
 * [−10, 10] (the registry's parameters span at most [0, 10]; the engine checks each one's own
 * range). A contestant's entry in `par` lists its parameters in registry order joined by "_"
 * ("0.2", "d_1.5"); trailing defaults are left out, so one-parameter links read as before.
 */
export const PARAM_DEFAULT = 'd';
export const PARAM_LIMIT = 10;
/** Separates a contestant's parameters in its `par` entry. */
export const PARAM_JOIN = '_';
const PARAM_CHOICES = [PARAM_DEFAULT, ...Array.from({ length: 200 * PARAM_LIMIT + 1 }, (_, i) => String(Number(((i - 100 * PARAM_LIMIT) / 100).toFixed(2))))];
const PARAM_SET: ReadonlySet<string> = new Set(PARAM_CHOICES);
/** Parameters a contestant may carry (the engine's kMaxParams). */
export const MAX_PARAMS = 2;

/** The parameter choice nearest to a typed value (steps of 0.01, clamped to [−10, 10]). */
export function paramChoice(v: number): string {
  if (!Number.isFinite(v)) return PARAM_DEFAULT;
  return String(Number((Math.round(Math.min(PARAM_LIMIT, Math.max(-PARAM_LIMIT, v)) * 100) / 100).toFixed(2)));
}

/** Whether `item` is a contestant's `par` entry: 1 to MAX_PARAMS choices joined by "_". */
export function isParamEntry(item: string): boolean {
  const parts = item.split(PARAM_JOIN);
  return parts.length <= MAX_PARAMS && parts.every((p) => PARAM_SET.has(p));
}

/** A contestant's `par` entry from its parameters (null = default), trailing defaults dropped. */
export function paramEntry(values: readonly (number | null)[]): string {
  const parts = values.map((v) => (v === null ? PARAM_DEFAULT : paramChoice(v)));
  while (parts.length > 0 && parts.at(-1) === PARAM_DEFAULT) parts.pop();
  return parts.length === 0 ? PARAM_DEFAULT : parts.join(PARAM_JOIN);
}

export function raceTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  return {
    act: { kind: 'list', default: ['sigmoid', 'relu', 'gelu'].filter((id) => ids.includes(id)), values: ids, minItems: 2,
      maxItems: MAX_CONTESTANTS, repeats: true, label: 'Contestants', hideable: true,
      describe: (v: readonly string[]) => andList(v.map(name)) },
    par: { kind: 'list', default: [], values: PARAM_CHOICES, accepts: isParamEntry, minItems: 0, maxItems: MAX_CONTESTANTS, repeats: true,
      label: 'Contestants’ parameters', hideable: true,
      describe: (v: readonly string[]) => (v.every((p) => p === PARAM_DEFAULT) ? 'default parameters'
        : `parameters ${v.map((p) => p.split(PARAM_JOIN).map((q) => (q === PARAM_DEFAULT ? 'default' : n(Number(q)))).join(' and ')).join(', ')}`) },
    data: { kind: 'enum', default: 'circle', values: Object.keys(RACE_DATASETS), label: 'Data set', hideable: true,
      describe: (v: string) => `${RACE_DATASETS[v] ?? v} data` },
    noise: { kind: 'number', default: 0, min: 0, max: 1, label: 'Noise (2-D sets)', hideable: true, describe: (v: number) => `noise ${n(v)}` },
    units: { kind: 'list', default: ['8'], values: UNIT_CHOICES, minItems: 1, maxItems: MAX_RACE_LAYERS, repeats: true,
      label: 'Hidden layers (units each)', hideable: true, describe: (v: readonly string[]) => `hidden layers ${v.join('-')}` },
    init: { kind: 'enum', default: 'xavier', values: Object.keys(RACE_INITS), label: 'Initialiser (the same for everyone)', hideable: true,
      describe: (v: string) => `${RACE_INITS[v] ?? v} initialisation` },
    opt: { kind: 'enum', default: 'adam', values: Object.keys(RACE_OPTIMISERS), label: 'Optimiser', hideable: true,
      describe: (v: string) => RACE_OPTIMISERS[v] ?? v },
    lr: { kind: 'number', default: 0.01, min: 0.00001, max: 10, digits: 4, label: 'Learning rate', hideable: true,
      describe: (v: number) => `learning rate ${n(v)}` },
    batch: { kind: 'number', default: 16, min: 1, max: 512, integer: true, label: 'Batch size', hideable: true, describe: (v: number) => `batch ${v}` },
    epochs: { kind: 'number', default: 100, min: 1, max: 2000, integer: true, label: 'Epochs (the race’s length)', hideable: true,
      describe: (v: number) => `${v} epochs` },
    target: { kind: 'number', default: 0.95, min: 0.5, max: 1, digits: 3, label: 'Target test accuracy', hideable: true,
      describe: (v: number) => `target ${n(v * 100)} %` },
    seeds: { kind: 'number', default: 1, min: 1, max: 10, integer: true, label: 'Seeds (runs per contestant)', hideable: true,
      describe: (v: number) => (v === 1 ? 'one seed' : `${v} seeds`) },
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed', hideable: true, describe: (v: number) => `seed ${v}` },
    speed: { kind: 'enum', default: 'round', values: Object.keys(RACE_SPEEDS), label: 'Speed', hideable: true,
      describe: (v: string) => `speed ${RACE_SPEEDS[v] ?? v}` },
    loss: { kind: 'enum', default: 'test', values: Object.keys(LOSS_SPLITS), label: 'Loss chart shows', hideable: true,
      describe: (v: string) => `${v === 'test' ? 'test' : 'training'} loss charted` },
  } as const satisfies Record<string, Field>;
}

export type RaceTable = ReturnType<typeof raceTable>;
export type RaceState = StateOf<RaceTable>;

/** Contestant i's parameter k (null = the activation's default). */
export function paramOf(state: Pick<RaceState, 'par'>, i: number, k = 0): number | null {
  const p = state.par[i]?.split(PARAM_JOIN)[k];
  return p === undefined || p === PARAM_DEFAULT ? null : Number(p);
}

/** Contestant i's parameters in registry order, null for each default; [] when all are defaults. */
export function paramsOf(state: Pick<RaceState, 'par'>, i: number): (number | null)[] {
  const out = Array.from({ length: MAX_PARAMS }, (_, k) => paramOf(state, i, k));
  while (out.length > 0 && out.at(-1) === null) out.pop();
  return out;
}

/** What the race needs to know of an activation's parameters (ActivationMeta fits). */
export interface ParamInfo { id: string; name: string; params: readonly { name: string }[] }

/**
 * Drops the parameters a contestant's activation does not have (ReLU given α, Swish given a
 * second value), with a notice naming the contestant and the value, and trims the list (no
 * trailing defaults, no entries beyond the contestants). The range of each kept value is the
 * engine's to check (race.cpp names the contestant and parameter).
 */
export function fitParams(state: Pick<RaceState, 'act' | 'par'>, metas: readonly ParamInfo[]): string[] {
  const notices: string[] = [];
  if (state.par.length > state.act.length) {
    notices.push(`Contestants’ parameters: ${state.par.length} entries for ${state.act.length} contestants; the extra ones are ignored.`);
  }
  state.par = state.act.map((id, i) => {
    const m = metas.find((x) => x.id === id);
    const have = m?.params.length ?? 0;
    const values = paramsOf(state, i);
    values.slice(have).forEach((v, k) => {
      if (v === null) return;
      const what = have === 0 ? 'takes no parameter' : `takes ${have} parameter${have === 1 ? '' : 's'} (${m!.params.map((p) => p.name).join(', ')})`;
      notices.push(`Contestant ${i + 1} (${m?.name ?? id}) ${what}: ${n(v)} as parameter ${have + k + 1} is ignored.`);
    });
    return paramEntry(values.slice(0, have));
  });
  while (state.par.length > 0 && state.par.at(-1) === PARAM_DEFAULT) state.par.pop();
  return notices;
}

/** The engine's race spec for `state`: the data seed, weights seed and shuffle seed are all `seed`. */
export function raceSpec(state: RaceState): RaceSpec {
  const digits = state.data === 'digits';
  return {
    config: {
      dataset: { name: state.data as DatasetName, seed: state.seed, ...(digits ? { train_ratio: 0.7 } : { noise: state.noise }) },
      network: { hidden: state.units.map((u) => ({ units: Number(u) })), init: state.init as 'xavier', seed: state.seed },
      training: { optimizer: state.opt as 'adam', learning_rate: state.lr, batch: state.batch, seed: state.seed },
    },
    contestants: state.act.map((activation, i) => {
      const ps = paramsOf(state, i);
      return ps.length === 0 ? { activation } : { activation, params: ps };
    }),
    seeds: state.seeds,
    target: state.target,
    epochs: state.epochs,
  };
}

/** Racing per frame at a speed. */
export const raceSliceOf = (speed: string): { rounds: number } | { ms: number } => (speed === 'fast' ? { ms: 12 } : { rounds: 1 });

/**
 * Presets (everything not named returns to its default). The circle with one hidden layer of 8
 * under sigmoid, ReLU and GELU is the curriculum's training comparison; XOR is its exercise 5;
 * the digits are the lab's own "activation choice is a real swing" (CURRICULUM 7).
 */
export const RACE_PRESETS: readonly { id: string; label: string; state: Partial<RaceState> }[] = [
  { id: 'course', label: 'Course: circle, 1 × 8, sigmoid vs ReLU vs GELU', state: {} },
  { id: 'course-seeds', label: 'The same over 5 seeds', state: { seeds: 5 } },
  { id: 'xor', label: 'XOR: which converges fastest?', state: { data: 'xor', units: ['8', '8'], act: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], epochs: 60 } },
  { id: 'spiral', label: 'Spiral, eight activations', state: { data: 'spiral', noise: 0.02, units: ['16', '16'],
    act: ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'swish', 'softplus'], epochs: 200, target: 0.9 } },
  { id: 'digits', label: 'Digits: sigmoid vs ReLU vs GELU', state: { data: 'digits', units: ['32'], act: ['sigmoid', 'relu', 'gelu'],
    batch: 32, lr: 0.003, epochs: 30, target: 0.95 } },
];
