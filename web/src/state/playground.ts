// playground.ts — the training playground's state table (data, features, network, training, run
// speed, views) and the engine's trainer config built from it (docs/trainer.md, "Config JSON").
// Every value the engine range-checks is also bounded here so a link can never ask for more than
// the page offers (8 hidden layers × 16 units, as the issue sets).
import type { DatasetName, Feature, HeadName, TrainerConfig } from '../engine/trainer-types';
import type { Field, StateOf } from './schema';
import { wordsNumber as n } from './summary.ts';

/** The 2-D sets of the engine the playground offers (digits is the race's), with display names. */
export const DATASETS: Readonly<Record<string, string>> = {
  circle: 'Circle', xor: 'XOR', blobs: 'Gaussian blobs', spiral: 'Spiral', moons: 'Two moons',
  checkerboard: 'Checkerboard', plane: 'Regression: plane', bumps: 'Regression: bumps',
  own: 'Your own points (classes)', ownreg: 'Your own points (regression)',
};
/** The learner's own points: classes (K from the classes field) or regression targets. */
export const OWN_SETS: ReadonlySet<string> = new Set(['own', 'ownreg']);
/** Sets whose class count the learner chooses (K in 2..10). */
export const MULTICLASS_SETS: ReadonlySet<string> = new Set(['blobs', 'spiral']);
/** Regression sets (identity head, no accuracy). */
export const REGRESSION_SETS: ReadonlySet<string> = new Set(['plane', 'bumps', 'ownreg']);

export const FEATURES: Readonly<Record<Feature, string>> = { x: 'x', y: 'y', x2: 'x²', y2: 'y²', xy: 'x·y', sinx: 'sin x', siny: 'sin y' };
export const HEADS: Readonly<Record<HeadName, string>> = {
  auto: 'Automatic (from the data)', sigmoid_bce: 'Sigmoid + binary cross-entropy', softmax_ce: 'Softmax + cross-entropy',
  tanh_mse: 'Tanh + squared error (as TF Playground)', identity_mse: 'Identity + squared error (regression)',
};
export const INITS: Readonly<Record<string, string>> = { xavier: 'Xavier / Glorot', he: 'He', lecun: 'LeCun', uniform: 'Uniform ±0.5', zero: 'Zero' };
export const OPTIMISERS: Readonly<Record<string, string>> = { sgd: 'SGD', momentum: 'SGD + momentum 0.9', adam: 'Adam' };
export const REGULARISERS: Readonly<Record<string, string>> = { none: 'None', l1: 'L1', l2: 'L2' };
/** Training per animation frame: a time budget in the worker, or one batch (to watch each step). */
export const SCHEDULES: Readonly<Record<string, string>> = { constant: 'Constant', step: 'Step decay', cosine: 'Cosine annealing' };
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

/** Own points: the plane they live on (±OWN_LIMIT, the map's square), how many a link carries, how many a set holds. */
export const OWN_LIMIT = 2.5;
export const OWN_URL_POINTS = 200;
export const OWN_MAX_POINTS = 10000;
/** Decimals own points keep (clicks and files alike), so the link reproduces exactly what was trained. */
export const OWN_DECIMALS = 3;
const OWN_TARGET_LIMIT = 10000;

/** A value as own points keep it: rounded to OWN_DECIMALS, no −0. */
export function ownValue(v: number): number {
  const r = Number(v.toFixed(OWN_DECIMALS));
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The link's compact form of own points: `x_y_label` per point joined by `~` (URL-safe without
 * escaping), e.g. `-1.2_0.5_0~1_1_1`. Every value as ownValue() keeps it.
 */
export function encodePoints(points: ArrayLike<number>): string {
  const out: string[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) out.push(`${ownValue(points[i]!)}_${ownValue(points[i + 1]!)}_${ownValue(points[i + 2]!)}`);
  return out.join('~');
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads the link's own points: malformed points (not three decimal numbers, x or y outside
 * ±OWN_LIMIT, a label outside ±10000, beyond OWN_URL_POINTS) are dropped, each kind said once in
 * `notices`. Whether a label is a class is checked against the class count by ownPointProblems.
 */
export function decodePoints(raw: string, notices: string[] = []): number[] {
  const out: number[] = [];
  if (raw.trim() === '') return out;
  const items = raw.split('~');
  let bad = 0, far = 0, firstBad = '';
  for (const item of items) {
    const parts = item.split('_');
    if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) { if (bad++ === 0) firstBad = item; continue; }
    const [x, y, l] = parts.map(Number) as [number, number, number];
    if (Math.abs(x) > OWN_LIMIT || Math.abs(y) > OWN_LIMIT || Math.abs(l) > OWN_TARGET_LIMIT) { if (far++ === 0 && bad === 0) firstBad = item; continue; }
    if (out.length / 3 >= OWN_URL_POINTS) {
      notices.push(`Own points: a link carries at most ${OWN_URL_POINTS} points; the rest were ignored.`);
      break;
    }
    out.push(ownValue(x), ownValue(y), ownValue(l));
  }
  const shown = firstBad.length > 30 ? `${firstBad.slice(0, 30)}…` : firstBad;
  if (bad > 0) notices.push(`Own points: ${bad} point${bad === 1 ? '' : 's'} not written as x_y_label (the first: “${shown}”); dropped.`);
  if (far > 0) notices.push(`Own points: ${far} point${far === 1 ? '' : 's'} outside the plane (x and y within ±${OWN_LIMIT}); dropped.`);
  return out;
}

/** Own points whose label is not a class 0..classes−1 (classification), as a notice; "" when all fit. */
export function ownPointProblems(points: ArrayLike<number>, classes: number): string {
  let bad = 0;
  for (let i = 2; i < points.length; i += 3) if (!(Number.isInteger(points[i]) && points[i]! >= 0 && points[i]! < classes)) bad++;
  return bad === 0 ? '' : `Own points: ${bad} point${bad === 1 ? ' has a label' : 's have labels'} that ${bad === 1 ? 'is' : 'are'} not a class from 0 to ${classes - 1}; dropped.`;
}

/** Keeps only the points whose label is a class 0..classes−1. */
export function keepClasses(points: readonly number[], classes: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) if (Number.isInteger(points[i + 2]) && points[i + 2]! >= 0 && points[i + 2]! < classes) out.push(points[i]!, points[i + 1]!, points[i + 2]!);
  return out;
}

/** The own points a fresh page starts with: two groups of six, class 0 on the left, class 1 on the right. */
export const STARTER_POINTS = encodePoints([
  -1, -1, 0, -1.2, 0.5, 0, -0.8, 1, 0, -1.5, 0, 0, -0.9, -0.3, 0, -1.1, 1.3, 0,
  1, 1, 1, 1.2, -0.5, 1, 0.8, -1, 1, 1.5, 0, 1, 0.9, 0.3, 1, 1.1, -1.3, 1,
]);

export function playgroundTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  const actName = (id: string) => (id === EXPR_ACT ? 'the typed activation' : name(id));
  return {
    data: { kind: 'enum', default: 'circle', values: Object.keys(DATASETS), label: 'Data set', hideable: true,
      describe: (v: string) => `${DATASETS[v] ?? v} data` },
    pts: { kind: 'text', default: STARTER_POINTS, maxLength: 16 * OWN_URL_POINTS + 400, label: 'Own points', hideable: true,
      parse: (raw: string, notices: string[]) => encodePoints(decodePoints(raw, notices)),
      describe: (v: string) => (v === '' ? 'no own points in the link' : `${v.split('~').length} own points`) },
    pclass: { kind: 'number', default: 0, min: -10000, max: 10000, digits: 6, label: 'Class (or target) of a new point', hideable: true,
      describe: (v: number) => `new points of ${n(v)}` },
    classes: { kind: 'number', default: 3, min: 2, max: 10, integer: true, label: 'Classes (blobs, spiral, own points)', hideable: true,
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
    sched: { kind: 'enum', default: 'constant', values: Object.keys(SCHEDULES), label: 'Learning-rate schedule', hideable: true,
      describe: (v: string) => (v === 'constant' ? 'constant learning rate' : `${SCHEDULES[v] ?? v} schedule`) },
    every: { kind: 'number', default: 50, min: 1, max: 1000, integer: true, label: 'Decay every (epochs)', hideable: true,
      describe: (v: number) => `decay every ${v} epochs` },
    decay: { kind: 'number', default: 0.5, min: 0.01, max: 1, digits: 4, label: 'Decay factor', hideable: true,
      describe: (v: number) => `decay factor ${n(v)}` },
    period: { kind: 'number', default: 200, min: 1, max: 10000, integer: true, label: 'Cosine over (epochs)', hideable: true,
      describe: (v: number) => `cosine over ${v} epochs` },
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
    logloss: { kind: 'boolean', default: false, label: 'Log scale', hideable: true,
      describe: (v: boolean) => (v ? 'loss on a log scale' : 'loss on a linear scale') },
    // Classroom: `hide=wedit` hides the weight editor (the diagram stays, read-only); `lock=wedit` shows it locked.
    wedit: { kind: 'boolean', default: true, label: 'Edit weights and biases', hideable: true,
      describe: (v: boolean) => (v ? 'weights editable' : 'weights read-only') },
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
export function trainerConfig(state: PlaygroundState, own: readonly number[] = decodePoints(state.pts)): TrainerConfig {
  const acts = layerActivations(state);
  const ownSet = OWN_SETS.has(state.data);
  return {
    dataset: ownSet
      ? { name: 'custom', train_ratio: state.ratio, seed: state.dseed, features: state.feat as Feature[], points: [...own],
        ...(state.data === 'ownreg' ? { task: 'regression' } : { classes: state.classes }) }
      : {
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
      ...(state.sched === 'step' ? { schedule: 'step', decay_every: state.every, decay_rate: state.decay } as const
        : state.sched === 'cosine' ? { schedule: 'cosine', schedule_epochs: state.period } as const : {}),
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

/**
 * The page's settings for a model file's config (after an import), as far as the controls reach:
 * a value outside a control's range is clamped and said in `notes` (the loaded model still trains
 * exactly as saved; only Reset and the link use the page's settings). Own points come back in
 * `points` (x, y, label per point).
 */
export function stateFromConfig(config: TrainerConfig, current: PlaygroundState, table: PlaygroundTable = playgroundTable([...new Set([...current.act])]))
  : { state: Partial<PlaygroundState>; points?: number[]; notes: string[] } {
  const notes: string[] = [];
  const out: Partial<PlaygroundState> = {};
  const num = (key: 'samples' | 'noise' | 'ratio' | 'dseed' | 'classes' | 'lr' | 'batch' | 'lambda' | 'seed' | 'every' | 'decay' | 'period', v: number | undefined) => {
    if (v === undefined) return;
    const f = table[key];
    const c = Math.min(f.max, Math.max(f.min, v));
    if (c !== v) notes.push(`${f.label} ${v} is outside the control's ${f.min} to ${f.max}; Reset uses ${c}.`);
    out[key] = c;
  };
  const d = config.dataset ?? {}, n = config.network ?? {}, t = config.training ?? {};
  let points: number[] | undefined;
  if (d.name === 'custom') {
    out.data = d.task === 'regression' ? 'ownreg' : 'own';
    points = (d.points ?? []).map(ownValue);
  } else if (d.name !== undefined) {
    if (Object.hasOwn(DATASETS, d.name)) out.data = d.name;
    else notes.push(`The ${d.name} data set is not one the playground offers; Reset uses ${DATASETS[current.data] ?? current.data}.`);
  }
  if (d.samples !== undefined && d.samples > 0) num('samples', d.samples);
  num('noise', d.noise);
  num('ratio', d.train_ratio);
  num('dseed', d.seed);
  if (d.classes !== undefined && (MULTICLASS_SETS.has(d.name ?? '') || d.name === 'custom')) num('classes', d.classes);
  if (d.features !== undefined) out.feat = [...d.features];
  if (n.hidden !== undefined) {
    const hidden = n.hidden.slice(0, MAX_LAYERS);
    if (n.hidden.length > MAX_LAYERS) notes.push(`The model has ${n.hidden.length} hidden layers; the controls show the first ${MAX_LAYERS}.`);
    out.units = hidden.map((l) => String(Math.min(MAX_UNITS, Math.max(1, l.units ?? 8))));
    if (hidden.some((l) => (l.units ?? 8) > MAX_UNITS)) notes.push(`Layers wider than ${MAX_UNITS} units are shown as ${MAX_UNITS}.`);
    const acts = hidden.map((l) => l.activation ?? 'relu');
    out.act = acts.length === 0 ? [current.act[0] ?? 'tanh'] : acts.every((a) => a === acts[0]) ? [acts[0]!] : acts;
  }
  if (n.head !== undefined) out.head = n.head;
  if (n.init !== undefined) out.init = n.init;
  num('seed', n.seed);
  if (t.seed !== undefined && n.seed !== undefined && t.seed !== n.seed) notes.push(`The model's shuffle seed (${t.seed}) differs from its weight seed; Reset uses ${n.seed} for both.`);
  if (t.optimizer !== undefined) out.opt = t.optimizer;
  num('lr', t.learning_rate);
  num('batch', t.batch);
  if (t.regularization !== undefined) out.reg = t.regularization;
  if (t.regularization !== undefined && t.regularization !== 'none') num('lambda', t.lambda);
  if (t.schedule !== undefined) out.sched = t.schedule;
  num('every', t.decay_every);
  num('decay', t.decay_rate);
  num('period', t.schedule_epochs);
  if (points !== undefined) out.pts = points.length / 3 <= OWN_URL_POINTS ? encodePoints(points) : '';
  return { state: out, points, notes };
}
