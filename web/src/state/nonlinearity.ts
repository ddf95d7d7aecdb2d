// nonlinearity.ts — the "why nonlinearity" lab's state table and the engine requests built from it.
// Three parts share one link: the linear collapse (N layers of a small width, the bend inserted
// between them, seed), XOR trained twice (a linear network of some depth beside a bent one), and
// universal approximation (a 1-D target, N units of an activation, seed, the learner's drawn curve).
// CURRICULUM §1: any depth of linear layers is one linear layer; a bend breaks the collapse; one
// hidden layer of enough bent units approximates a continuous function on a bounded range.
import type { CollapseSpec } from '../engine/probes';
import type { TrainerConfig } from '../engine/trainer-types';
import type { Field, StateOf } from './schema';
import { wordsNumber as n } from './summary.ts';

/** The fit's targets on [−1, 1] (fit1d.hpp), with their names. */
export const TARGETS: Readonly<Record<string, string>> = {
  sin: 'sin(πx)', abs: '|x|', step: 'a step at 0', bump: 'a bump exp(−(x/0.3)²)', drawn: 'your drawn curve',
};
/** Points of the drawn curve, evenly spaced on [−1, 1]; each value is a tenth in [−1, 1]. */
export const CURVE_POINTS = 17;
export const CURVE_VALUES: readonly string[] = Array.from({ length: 21 }, (_, i) => String((i - 10) / 10));
/** The drawn curve before the learner touches it: a lopsided wave. */
const DEFAULT_CURVE = ['0', '0.3', '0.6', '0.8', '0.7', '0.4', '0', '-0.3', '-0.5', '-0.5', '-0.2', '0.2', '0.6', '0.9', '0.6', '0.2', '0'];
/** Bends the lab offers (when the engine has them). */
const BENDS = ['relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'gelu', 'swish', 'softplus', 'step'];

export const MAX_COLLAPSE_WIDTH = 6;

export function nonlinearityTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  const bends = BENDS.filter((id) => ids.includes(id));
  const first = (want: string) => (bends.includes(want) ? want : bends[0] ?? 'relu');
  return {
    layers: { kind: 'number', default: 10, min: 1, max: 100, integer: true, label: 'Linear layers N', hideable: true,
      describe: (v: number) => `${v} linear layer${v === 1 ? '' : 's'}` },
    width: { kind: 'number', default: 3, min: 1, max: MAX_COLLAPSE_WIDTH, integer: true, label: 'Width (inputs, units, outputs)', hideable: true,
      describe: (v: number) => `width ${v}` },
    bend: { kind: 'enum', default: first('tanh'), values: bends, label: 'Bend inserted between the layers', hideable: true,
      describe: (v: string) => `${name(v)} as the bend` },
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed (collapse)', hideable: true,
      describe: (v: number) => `collapse seed ${v}` },
    xdepth: { kind: 'number', default: 2, min: 0, max: 4, integer: true, label: 'Linear network: hidden layers', hideable: true,
      describe: (v: number) => `a linear network with ${v} hidden layer${v === 1 ? '' : 's'}` },
    xact: { kind: 'enum', default: first('tanh'), values: bends.filter((id) => id !== 'step'), label: 'Bent network: activation', hideable: true,
      describe: (v: string) => `a ${name(v)} network` },
    xunits: { kind: 'number', default: 8, min: 2, max: 16, integer: true, label: 'Bent network: hidden units', hideable: true,
      describe: (v: number) => `${v} hidden units` },
    epochs: { kind: 'number', default: 100, min: 10, max: 500, integer: true, label: 'Train for (epochs)', hideable: true,
      describe: (v: number) => `${v} epochs` },
    xseed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed (XOR)', hideable: true,
      describe: (v: number) => `XOR seed ${v}` },
    target: { kind: 'enum', default: 'sin', values: Object.keys(TARGETS), label: 'Target to fit', hideable: true,
      describe: (v: string) => `fit ${TARGETS[v] ?? v}` },
    fact: { kind: 'enum', default: first('relu'), values: bends, label: 'Hidden units’ activation', hideable: true,
      describe: (v: string) => `${name(v)} units` },
    units: { kind: 'number', default: 8, min: 1, max: 64, integer: true, label: 'Hidden units N', hideable: true,
      describe: (v: number) => `${v} unit${v === 1 ? '' : 's'}` },
    fseed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed (fit)', hideable: true,
      describe: (v: number) => `fit seed ${v}` },
    curve: { kind: 'list', default: DEFAULT_CURVE, values: CURVE_VALUES, minItems: CURVE_POINTS, maxItems: CURVE_POINTS, repeats: true,
      label: 'Drawn curve', hideable: true, describe: (v: readonly string[]) => `a drawn curve through ${v.map((s) => n(Number(s))).join(', ')}` },
  } as const satisfies Record<string, Field>;
}

export type NonlinearityTable = ReturnType<typeof nonlinearityTable>;
export type NonlinearityState = StateOf<NonlinearityTable>;

/** Random inputs each collapse compares on. */
export const COLLAPSE_SAMPLES = 8;

/** The collapse probe for the state: N layers of `width` → `width`, with the bend or without (identity). */
export function collapseSpec(s: NonlinearityState, bent: boolean): CollapseSpec & { activation: string } {
  return { sizes: Array.from({ length: s.layers + 1 }, () => s.width), samples: COLLAPSE_SAMPLES, seed: s.seed, activation: bent ? s.bend : 'identity' };
}

/** 400 XOR points (half for training), Adam 0.03, batch 10: the same for both networks but the hidden layers. */
function xorConfig(s: NonlinearityState, hidden: { units: number; activation: string }[]): TrainerConfig {
  return {
    dataset: { name: 'xor', samples: 400, noise: 0, train_ratio: 0.5, seed: s.xseed },
    network: { hidden, head: 'sigmoid_bce', init: 'xavier', seed: s.xseed },
    training: { optimizer: 'adam', learning_rate: 0.03, batch: 10, seed: s.xseed },
  };
}
/** The linear network: `xdepth` hidden layers of 4 identity units (0: logistic regression). */
export const linearConfig = (s: NonlinearityState): TrainerConfig =>
  xorConfig(s, Array.from({ length: s.xdepth }, () => ({ units: 4, activation: 'identity' })));
/** The bent network: one hidden layer of `xunits` units of `xact`. */
export const bentConfig = (s: NonlinearityState): TrainerConfig => xorConfig(s, [{ units: s.xunits, activation: s.xact }]);

/** The fit probe's spec (fit1d.hpp); `sweep` adds the error for every N = 1..64. */
export function fitSpec(s: NonlinearityState, sweep: boolean): { target: string; activation: string; units: number; seed: number; sweep: boolean; drawn?: number[] } {
  const spec: { target: string; activation: string; units: number; seed: number; sweep: boolean; drawn?: number[] } =
    { target: s.target, activation: s.fact, units: s.units, seed: s.fseed, sweep };
  if (s.target === 'drawn') spec.drawn = s.curve.map(Number);
  return spec;
}
