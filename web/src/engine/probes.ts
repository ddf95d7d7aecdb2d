// probes.ts — runProbe(): the typed wrapper of the engine's one experiment entry point
// (`runProbe(kind, specJson)`, cpp/actlab/probes/probe_json.hpp and lab_json.hpp). The spec goes
// to the engine as JSON, which validates every field and answers { error } naming it; that becomes
// a thrown EngineError. Results are the engine's JSON as typed objects; a non-finite number comes
// back as null. No maths here: the labs draw and format what this returns.
import { EngineError } from './errors.ts';

/** Initialisers of the depth sweep: Xavier uniform, He normal, LeCun normal, or N(0, 1) unscaled. */
export type DepthInit = 'xavier' | 'he' | 'lecun' | 'normal';
type Params = (number | null)[];

export interface ScanSpec { activation?: string; params?: Params; points?: number; lo?: number; hi?: number; threshold?: number }
export interface ScanResult { x: number[]; f: number[]; df: number[]; deadShare: number; minAbsDf: number; maxAbsDf: number }

export interface DepthSpec {
  activation?: string; params?: Params; layers?: number; width?: number; samples?: number; init?: DepthInit; seed?: number;
  /** "Effectively zero": the first layer below it is reported (default 1e-3). */
  threshold?: number;
}
export interface DepthResult {
  /** Per layer 1..N: mean over units of the standard deviation across samples. */
  signal: (number | null)[];
  meanAbs: (number | null)[];
  /** Per layer 1..N: mean |∂L/∂z_l|. */
  grad: (number | null)[];
  /** First layer (from the input) whose signal is below the threshold; 0 if none. */
  vanishForward: number;
  /** First layer (from the output) whose gradient is below the threshold; 0 if none. */
  vanishBackward: number;
}

export interface CensusSpec { activation?: string; params?: Params; inputs?: number; units?: number; samples?: number; biasMean?: number; seed?: number }
export interface UnitCensus { active: number; firing: number; saturated: number; state: string; saturation: string }
export interface CensusResult { units: UnitCensus[]; dead: number; weak: number; healthy: number; saturated: number; oftenSaturated: number }

export interface CollapseSpec { sizes?: number[]; samples?: number; seed?: number; activation?: string }
export interface CollapseResult { M: number[]; c: number[]; stack: number[]; collapsed: number[]; maxAbsDiff: number | null; maxAbsOut: number | null }

export interface DyingSpec {
  activation?: string; params?: Params; dataset?: string; samples?: number; units?: number; layers?: number; epochs?: number;
  batch?: number; learningRate?: number; biasInit?: number; seed?: number;
}
/** Per epoch from 0 (the initial network): the census of the hidden units on the whole training set (dying.hpp). */
export interface DyingResult {
  hiddenUnits: number;
  /** Hidden units with f′(z) = 0 on every training sample. */
  dead: number[];
  deadShare: number[];
  deadPerLayer: number[][];
  /** Mean training loss of each epoch (null at epoch 0). */
  loss: (number | null)[];
  /** Test accuracy after each epoch. */
  accuracy: (number | null)[];
  /** The most dead units of any epoch, and the first epoch with that many. */
  peakDead: number;
  peakEpoch: number;
  /** 0, or the epoch in which training met NaN/Inf (the series stop before it). */
  divergedAt: number;
  divergence: string;
}

export interface SoftmaxSpec { logits?: number[]; temperature?: number; target?: number }
export interface SoftmaxLabResult {
  /** exp(z/T)/Σexp(z/T) in float32 without the max subtracted (null where Inf/NaN). */
  naive: (number | null)[];
  /** The naive values as the float32 cells hold them: "NaN", "Infinity" or the number. */
  naiveText: string[];
  stable: number[];
  log: (number | null)[];
  sigmoid: number[];
  /** p − onehot(target). */
  grad: number[];
  naiveSum: number | null;
  stableSum: number;
  sigmoidSum: number;
  crossEntropy: number | null;
  naiveFinite: boolean;
}

export interface ChainSpec { factor?: number; layers?: number; series?: (number | null)[][] }
export interface ChainResult {
  /** factor^l for l = 1..layers. */
  product: (number | null)[];
  /** Per series: its measured factor per layer, (first/last)^(1/(n−1)); null when undefined. */
  factors: (number | null)[];
}

/** One hidden layer of `units` bent units fitted to a 1-D target on [−1, 1] (cpp/actlab/probes/fit1d.hpp). */
export interface Fit1dSpec { target?: string; drawn?: number[]; activation?: string; units?: number; points?: number; seed?: number; sweep?: boolean }
export interface Fit1dResult {
  x: number[]; target: number[]; fit: number[];
  /** [units][points]: each unit's v_i·g(w_i·x + b_i); their sum plus `c` is `fit`. */
  contrib: number[];
  kink: number[]; w: number[]; b: number[]; v: number[]; c: number;
  rmse: number; maxAbsErr: number;
  /** With `sweep`: the RMS error with n = 1..64 units (null where a fit failed). */
  sweep: (number | null)[];
}

/**
 * The softmax lab's calibration demo (cpp/actlab/probes/calibration.hpp): a small softmax classifier
 * trained (seeded) on overlapping classes, its test points' confidence at temperature T against
 * whether they were right.
 */
export interface CalibrationSpec {
  dataset?: 'blobs' | 'spiral'; classes?: number; samples?: number; noise?: number; activation?: string;
  units?: number; layers?: number; epochs?: number; learningRate?: number; temperature?: number; bins?: number; seed?: number;
}
export interface CalibrationBin { lo: number; hi: number; count: number; confidence: number; accuracy: number }
export interface CalibrationExample {
  index: number; x: number; y: number; label: number; predicted: number; confidence: number;
  /** The other classes' probabilities summed (tiny when the confidence rounds to 100 %). */
  others: number;
  logits: (number | null)[]; probs: (number | null)[];
}
export interface CalibrationResult {
  nTrain: number; nTest: number; classes: number; trainAccuracy: number; finalLoss: number | null;
  /** Test points: share right, mean confidence (largest probability), ECE, mean −log p_y. */
  accuracy: number; confidence: number; ece: number; nll: number | null;
  /** Test points with confidence ≥ 0.99, and how many of them are wrong. */
  confident: number; confidentWrong: number;
  bins: CalibrationBin[];
  /** The wrong test point with the highest confidence (null when none is wrong). */
  example: CalibrationExample | null;
  /** ECE of the same network at each temperature of the sweep, and the lowest. */
  sweepT: number[]; sweepEce: (number | null)[]; bestT: number; bestEce: number;
}

export interface ProbeSpecs { scan: ScanSpec; depth: DepthSpec; census: CensusSpec; collapse: CollapseSpec; softmax: SoftmaxSpec; chain: ChainSpec; fit1d: Fit1dSpec; dying: DyingSpec; calibration: CalibrationSpec }
export interface ProbeResults { scan: ScanResult; depth: DepthResult; census: CensusResult; collapse: CollapseResult; softmax: SoftmaxLabResult; chain: ChainResult; fit1d: Fit1dResult; dying: DyingResult; calibration: CalibrationResult }
export type ProbeKind = keyof ProbeSpecs;
export const PROBE_KINDS: readonly ProbeKind[] = ['scan', 'depth', 'census', 'collapse', 'softmax', 'chain', 'fit1d', 'dying', 'calibration'];

/** The part of the Embind module this file uses (the full builds have it; actlab_core does not). */
export interface ProbeModule { runProbe?: (kind: string, specJson: string) => string }

/** Runs one probe in the engine; throws EngineError with the engine's message on a bad spec. */
export function runProbe<K extends ProbeKind>(module: ProbeModule, kind: K, spec: ProbeSpecs[K]): ProbeResults[K] {
  if (typeof module.runProbe !== 'function') throw new EngineError('This engine build has no probes (runProbe is missing)');
  if (!PROBE_KINDS.includes(kind)) throw new EngineError(`Unknown probe '${String(kind)}' (accepted: ${PROBE_KINDS.join(', ')})`);
  const out = JSON.parse(module.runProbe(kind, JSON.stringify(spec ?? {}))) as ProbeResults[K] | { error: string };
  if (typeof (out as { error?: unknown }).error === 'string') throw new EngineError((out as { error: string }).error);
  return out as ProbeResults[K];
}
