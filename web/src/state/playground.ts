// playground.ts — the training playground's state table (data, features, network, training, run
// speed, views) and the engine's trainer config built from it (docs/trainer.md, "Config JSON").
// Every value the engine range-checks is also bounded here so a link can never ask for more than
// the page offers (8 hidden layers × 16 units, as the issue sets).
import type { DatasetName, Feature, HeadName, TrainerConfig } from '../engine/trainer-types';
import type { Field, StateOf } from './schema';
import { wordsNumber as n } from './summary';

/** The 2-D sets of the engine the playground offers (digits is the race's), with display names. */
export const DATASETS: Readonly<Record<string, string>> = {
  circle: 'Circle', xor: 'XOR', blobs: 'Gaussian blobs', spiral: 'Spiral', moons: 'Two moons',
  checkerboard: 'Checkerboard', plane: 'Regression: plane', bumps: 'Regression: bumps',
};
/** Sets whose class count the learner chooses (K in 2..10). */
export const MULTICLASS_SETS: ReadonlySet<string> = new Set(['blobs', 'spiral']);
/** Regression sets (identity head, no accuracy). */
export const REGRESSION_SETS: ReadonlySet<string> = new Set(['plane', 'bumps']);

export const FEATURES: Readonly<Record<Feature, string>> = { x: 'x', y: 'y', x2: 'x²', y2: 'y²', xy: 'x·y', sinx: 'sin x', siny: 'sin y' };
export const HEADS: Readonly<Record<HeadName, string>> = {
  auto: 'Automatic (from the data)', sigmoid_bce: 'Sigmoid + binary cross-entropy', softmax_ce: 'Softmax + cross-entropy',
  tanh_mse: 'Tanh + squared error (as TF Playground)', identity_mse: 'Identity + squared error (regression)',
};
export const INITS: Readonly<Record<string, string>> = { xavier: 'Xavier / Glorot', he: 'He', lecun: 'LeCun', uniform: 'Uniform ±0.5', zero: 'Zero' };
export const OPTIMISERS: Readonly<Record<string, string>> = { sgd: 'SGD', momentum: 'SGD + momentum 0.9', adam: 'Adam' };
export const REGULARISERS: Readonly<Record<string, string>> = { none: 'None', l1: 'L1', l2: 'L2' };
/** Training per animation frame: a time budget in the worker, or one batch (to watch each step). */
export const SPEEDS: Readonly<Record<string, string>> = { batch: 'One batch a frame', slow: 'One epoch a frame', normal: 'Normal (3 ms a frame)', fast: 'Fast (12 ms a frame)' };

/** Largest network the page offers. */
export const MAX_LAYERS = 8;
export const MAX_UNITS = 16;
const UNIT_CHOICES = Array.from({ length: MAX_UNITS }, (_, i) => String(i + 1));

/**
 * Half-width of each set's input domain (datasets.cpp: 2, 1 for xor and plane, 1.5 for moons);
 * the heatmap shows ±1.25 of it so noisy points stay inside.
 */
export function domainOf(dataset: string): number {
  const h = dataset === 'xor' || dataset === 'plane' ? 1 : dataset === 'moons' ? 1.5 : 2;
  return 1.25 * h;
}

/** The activation choice that means "the typed activation in `fx`" (docs/expr.md; sent to the engine as `expr:<fx>`). */
export const EXPR_ACT = 'expr';
export const EXPR_DEFAULT = 'x * sigmoid(1.702 * x)';

export function playgroundTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  const actName = (id: string) => (id === EXPR_ACT ? 'the typed activation' : name(id));
  return {
    data: { kind: 'enum', default: 'circle', values: Object.keys(DATASETS), label: 'Data set', hideable: true,
      describe: (v: string) => `${DATASETS[v] ?? v} data` },
    classes: { kind: 'number', default: 3, min: 2, max: 10, integer: true, label: 'Classes (blobs, spiral)', hideable: true,
      describe: (v: number) => `${v} classes` },
    noise: { kind: 'number', default: 0.05, min: 0, max: 1, label: 'Noise', hideable: true, describe: (v: number) => `noise ${n(v)}` },
    samples: { kind: 'number', default: 500, min: 20, max: 2000, integer: true, label: 'Samples', hideable: true,
      describe: (v: number) => `${v} samples` },
    ratio: { kind: 'number', default: 0.5, min: 0.05, max: 0.95, digits: 3, label: 'Training share', hideable: true,
      describe: (v: number) => `${Math.round(v * 100)} % for training` },
    dseed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Data seed', hideable: true,
      describe: (v: number) => `data seed ${v}` },
    feat: { kind: 'list', default: ['x', 'y'], values: Object.keys(FEATURES), minItems: 1, maxItems: 7, label: 'Input features', hideable: true,
      describe: (v: readonly string[]) => `features ${v.map((f) => FEATURES[f as Feature] ?? f).join(', ')}` },
    units: { kind: 'list', default: ['4', '4'], values: UNIT_CHOICES, minItems: 0, maxItems: MAX_LAYERS, repeats: true,
      label: 'Hidden layers (units each)', hideable: true,
      describe: (v: readonly string[]) => (v.length === 0 ? 'no hidden layer' : `hidden layers ${v.join('-')}`) },
    act: { kind: 'list', default: ['tanh'].filter((id) => ids.includes(id)), values: [...ids, EXPR_ACT], minItems: 1, maxItems: MAX_LAYERS, repeats: true,
      label: 'Activation', hideable: true,
      describe: (v: readonly string[]) => (v.every((a) => a === v[0]) ? `${actName(v[0]!)} on every layer` : `layers ${v.map(actName).join(', ')}`) },
    fx: { kind: 'text', default: EXPR_DEFAULT, maxLength: 300, label: 'Typed activation f(x)', hideable: true,
      describe: (v: string) => `typed activation f(x) = ${v}` },
    head: { kind: 'enum', default: 'auto', values: Object.keys(HEADS), label: 'Output and loss', hideable: true,
      describe: (v: string) => `output ${HEADS[v as HeadName] ?? v}` },
    init: { kind: 'enum', default: 'xavier', values: Object.keys(INITS), label: 'Initialiser', hideable: true,
      describe: (v: string) => `${INITS[v] ?? v} initialisation` },
    opt: { kind: 'enum', default: 'sgd', values: Object.keys(OPTIMISERS), label: 'Optimiser', hideable: true,
      describe: (v: string) => OPTIMISERS[v] ?? v },
    lr: { kind: 'number', default: 0.03, min: 0.00001, max: 10, digits: 4, label: 'Learning rate', hideable: true,
      describe: (v: number) => `learning rate ${n(v)}` },
    batch: { kind: 'number', default: 10, min: 1, max: 500, integer: true, label: 'Batch size', hideable: true,
      describe: (v: number) => `batch ${v}` },
    reg: { kind: 'enum', default: 'none', values: Object.keys(REGULARISERS), label: 'Regularisation', hideable: true,
      describe: (v: string) => (v === 'none' ? 'no regularisation' : `${REGULARISERS[v]} regularisation`) },
    lambda: { kind: 'number', default: 0.001, min: 0, max: 1, digits: 4, label: 'Regularisation rate', hideable: true,
      describe: (v: number) => `rate ${n(v)}` },
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Weight seed', hideable: true,
      describe: (v: number) => `weight seed ${v}` },
    speed: { kind: 'enum', default: 'slow', values: Object.keys(SPEEDS), label: 'Speed', hideable: true,
      describe: (v: string) => `speed ${SPEEDS[v] ?? v}` },
    test: { kind: 'boolean', default: false, label: 'Show test points', hideable: true,
      describe: (v: boolean) => (v ? 'test points shown' : 'test points hidden') },
    discrete: { kind: 'boolean', default: false, label: 'Discretise the output', hideable: true,
      describe: (v: boolean) => (v ? 'discretised output' : 'graded output') },
  } as const satisfies Record<string, Field>;
}

export type PlaygroundTable = ReturnType<typeof playgroundTable>;
export type PlaygroundState = StateOf<PlaygroundTable>;

/** One activation per hidden layer: a single entry applies to all; a list is cut or padded with its last entry. */
export function layerActivations(state: Pick<PlaygroundState, 'act' | 'units'>): string[] {
  const list = state.act;
  return state.units.map((_, i) => list[Math.min(i, list.length - 1)]!);
}

/** The engine's trainer config for `state` (the dataset, network and shuffle seeds as chosen). */
export function trainerConfig(state: PlaygroundState): TrainerConfig {
  const acts = layerActivations(state);
  return {
    dataset: {
      name: state.data as DatasetName, samples: state.samples, noise: state.noise, train_ratio: state.ratio, seed: state.dseed,
      features: state.feat as Feature[], ...(MULTICLASS_SETS.has(state.data) ? { classes: state.classes } : {}),
    },
    network: {
      hidden: state.units.map((u, i) => ({ units: Number(u), activation: acts[i] === EXPR_ACT ? `expr:${state.fx}` : acts[i]! })),
      head: state.head as HeadName, init: state.init as 'xavier', seed: state.seed,
    },
    training: {
      optimizer: state.opt as 'sgd', learning_rate: state.lr, batch: state.batch,
      regularization: state.reg as 'none', lambda: state.reg === 'none' ? 0 : state.lambda, seed: state.seed,
    },
  };
}

/** The engine slice one frame trains at a speed. */
export function sliceOf(speed: string): { batches: number } | { epochs: number } | { ms: number } {
  return speed === 'batch' ? { batches: 1 } : speed === 'slow' ? { epochs: 1 } : { ms: speed === 'fast' ? 12 : 3 };
}

/**
 * Presets: the course's experiments as settings (everything not named stays at its default).
 * The comparison circle with one hidden layer of 8 under sigmoid / ReLU / GELU is the
 * curriculum's; XOR without a bend cannot be learned (curriculum 1); a deep sigmoid stack shows
 * vanishing gradients (0.25 per layer at best); learning rate 3 with ReLU and SGD kills units.
 */
export const PRESETS: readonly { id: string; label: string; state: Partial<PlaygroundState> }[] = [
  { id: 'circle-sigmoid', label: 'Circle, 1 × 8, sigmoid', state: { data: 'circle', units: ['8'], act: ['sigmoid'] } },
  { id: 'circle-relu', label: 'Circle, 1 × 8, ReLU', state: { data: 'circle', units: ['8'], act: ['relu'], init: 'he' } },
  { id: 'circle-gelu', label: 'Circle, 1 × 8, GELU', state: { data: 'circle', units: ['8'], act: ['gelu'], init: 'he' } },
  { id: 'xor-linear', label: 'XOR with a linear network (no bend)', state: { data: 'xor', noise: 0, units: ['8', '8'], act: ['identity'] } },
  { id: 'xor-relu', label: 'XOR with ReLU', state: { data: 'xor', noise: 0, units: ['8', '8'], act: ['relu'], init: 'he' } },
  { id: 'spiral-tanh', label: 'Spiral with tanh', state: { data: 'spiral', classes: 2, noise: 0.02, units: ['16', '16', '16'], act: ['tanh'], opt: 'adam', lr: 0.01 } },
  { id: 'deep-sigmoid', label: 'A deep sigmoid stack that stalls', state: { data: 'circle', units: ['8', '8', '8', '8', '8', '8', '8', '8'], act: ['sigmoid'] } },
  { id: 'relu-killed', label: 'A ReLU net killed by a large learning rate', state: { data: 'circle', units: ['8', '8'], act: ['relu'], init: 'he', lr: 3 } },
];
