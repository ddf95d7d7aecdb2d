// exercise.ts — the typed wrapper of the engine's exercise checks (`exerciseCheck(kind, specJson)`,
// cpp/actlab/probes/exercise.hpp): numeric answers within a tolerance, a learner's gradient-health
// rule against the engine's, the depth sweep's "which layer reaches zero", the seeded training
// race. No maths here: every verdict and number comes from the engine.
import { EngineError } from './errors';
import type { ExprError } from './expr';

export interface NumberSpec { answer: string; reference: string; atol: number; rtol?: number }
export interface NumberResult { pass: boolean; answer: number | null; reference: number | null; absError: number | null; relError: number | null; atol: number; rtol: number }

export interface HealthRuleSpec { rule: string }
export interface HealthRun {
  name: string; activation: string; init: string; layers: number; width: number;
  /** Per layer 1..N: mean |∂L/∂z| of the depth sweep (null when not finite). */
  grad: (number | null)[];
  engine: boolean[]; learner: boolean[];
  missed: number; falseAlarms: number;
}
export interface HealthRuleResult {
  pass: boolean; missed: number; falseAlarms: number;
  /** The first disagreement: run index (−1: none) and 1-based layer. */
  firstRun: number; firstLayer: number;
  thresholds: [number, number];
  runs: HealthRun[];
}

export interface DepthAnswersSpec { activations: string[]; answers: number[]; layers?: number; width?: number; init?: string; seed?: number; tolerance?: number }
export interface DepthAnswersResult { pass: boolean; tolerance: number; rows: { activation: string; engine: number; answer: number; ok: boolean }[] }

export interface RaceSpec {
  dataset?: string; samples?: number; noise?: number; dataSeed?: number; hidden?: number[];
  activations: string[]; init?: string; optimizer?: string; lr?: number; batch?: number; seed?: number; epochs?: number; target?: number;
}
export interface RaceRun {
  activation: string;
  /** Training loss of each finished epoch. */
  loss: (number | null)[];
  /** First epoch whose training loss is at or below the target; 0 if none. */
  epochsToTarget: number;
  diverged: boolean; testLoss: number | null; testAccuracy: number | null;
  /** Per typed-activation layer: its learnable parameters' final values. */
  params: (number | null)[][];
}
export interface RaceResult { fastest: number; target: number; epochs: number; runs: RaceRun[] }

export interface ExerciseSpecs { number: NumberSpec; healthRule: HealthRuleSpec; depthAnswers: DepthAnswersSpec; race: RaceSpec }
export interface ExerciseResults { number: NumberResult; healthRule: HealthRuleResult; depthAnswers: DepthAnswersResult; race: RaceResult }
export type ExerciseKind = keyof ExerciseSpecs;
export const EXERCISE_KINDS: readonly ExerciseKind[] = ['number', 'healthRule', 'depthAnswers', 'race'];

/** An answer the engine could not read: where and why (column 0: not about one place). */
export type ExerciseReply<K extends ExerciseKind> = ({ ok: true } & ExerciseResults[K]) | { ok: false; error: ExprError };

export interface ExerciseModule { exerciseCheck?: (kind: string, specJson: string) => string }

/** Runs one check in the engine. A typed answer the engine cannot read is a value ({ok: false}), not a throw. */
export function runExercise<K extends ExerciseKind>(module: ExerciseModule, kind: K, spec: ExerciseSpecs[K]): ExerciseReply<K> {
  if (typeof module.exerciseCheck !== 'function') throw new EngineError('This engine build has no exercise checks (exerciseCheck is missing)');
  if (!EXERCISE_KINDS.includes(kind)) throw new EngineError(`Unknown exercise check '${String(kind)}'`);
  return JSON.parse(module.exerciseCheck(kind, JSON.stringify(spec))) as ExerciseReply<K>;
}
