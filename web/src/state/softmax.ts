// softmax.ts — the softmax lab's state table: K logits (2–10, each −100…100 so a drag can pass the
// naive form's overflow at z/T ≈ 88.7), temperature T, the true class for the cross-entropy, and
// the log-softmax view. Default: the course's example [2.0, 1.0, 0.1] (CURRICULUM §6). Then the
// calibration demo's temperature, training length and seed ("a confident 99 % is not a calibrated 99 %").
import type { Field, NumberField, StateOf } from './schema';
import { wordsNumber as n } from './summary.ts';

export const MAX_K = 10;
const DEFAULT_LOGITS = [2.0, 1.0, 0.1, 0, 0, 0, 0, 0, 0, 0];
/** URL key of logit i (0-based): z1 … z10. */
export const logitKey = (i: number): string => `z${i + 1}`;

function logitRows(): Record<string, NumberField> {
  const rows: Record<string, NumberField> = {};
  for (let i = 0; i < MAX_K; i++) {
    rows[logitKey(i)] = { kind: 'number', default: DEFAULT_LOGITS[i]!, min: -100, max: 100, digits: 5, label: `Logit z${i + 1}`,
      hideable: true, describe: (v: number) => `z${i + 1} = ${n(v)}` };
  }
  return rows;
}

export function softmaxTable() {
  return {
    K: { kind: 'number', default: 3, min: 2, max: MAX_K, integer: true, label: 'Classes K', hideable: true, describe: (v: number) => `${v} classes` },
    ...logitRows(),
    T: { kind: 'number', default: 1, min: 0.05, max: 20, digits: 4, label: 'Temperature T', hideable: true, describe: (v: number) => `T = ${n(v)}` },
    target: { kind: 'number', default: 1, min: 1, max: MAX_K, integer: true, label: 'True class y', hideable: true,
      describe: (v: number) => `true class ${v}` },
    log: { kind: 'boolean', default: false, label: 'Show log-softmax', hideable: true, describe: (v: boolean) => (v ? 'log-softmax shown' : 'log-softmax off') },
    // The calibration demo (cpp/actlab/probes/calibration.hpp): a small trained model's confidence.
    calT: { kind: 'number', default: 1, min: 0.05, max: 20, digits: 4, label: 'Temperature on the trained model', hideable: true,
      describe: (v: number) => `the trained model read at T = ${n(v)}` },
    calEpochs: { kind: 'number', default: 200, min: 1, max: 1000, integer: true, label: 'Training epochs', hideable: true,
      describe: (v: number) => `trained for ${v} epochs` },
    calSeed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed (data, weights, shuffle)', hideable: true,
      describe: (v: number) => `seed ${v}` },
  } as const satisfies Record<string, Field>;
}

export type SoftmaxTable = ReturnType<typeof softmaxTable>;
export type SoftmaxState = StateOf<SoftmaxTable> & Record<string, number | boolean>;

/** The engine's calibration spec: the probe's model and data (its defaults), read at calT. */
export function calibrationSpec(s: SoftmaxState): { temperature: number; epochs: number; seed: number } {
  return { temperature: s.calT as number, epochs: s.calEpochs as number, seed: s.calSeed as number };
}

/** The first K logits, in order. */
export const logitsOf = (s: SoftmaxState): number[] => Array.from({ length: s.K }, (_, i) => s[logitKey(i)] as number);

/** The engine's softmax-lab spec (target 0-based, moved inside 1..K with a notice when needed). */
export function softmaxSpec(s: SoftmaxState, notices?: string[]): { logits: number[]; temperature: number; target: number } {
  if (s.target > s.K) {
    notices?.push(`True class ${s.target} is beyond K = ${s.K}; using class ${s.K}.`);
    s.target = s.K;
  }
  return { logits: logitsOf(s), temperature: s.T, target: s.target - 1 };
}
