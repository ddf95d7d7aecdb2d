// protocol.ts — the typed request/response messages between a page (EngineClient) and the worker.
//
//   page → worker   { id, op, args }                 one request; `id` pairs it with its answer
//   worker → page   { id, ok: true, result }         result Float32Arrays are transferred
//                   { id, ok: false, error }         error.name is 'EngineError' for bad requests
//
// Adding an operation: add a line to `Ops`, a handler in worker.ts and a method in client.ts.

import type { ArtTile } from './art-types';
import type { CsvOptions, CsvPoints, Points, Progress, Slice, Snapshot, SnapshotRequest, TrainerConfig, TrainerStatus, WeightEdit } from './trainer-types';
import type { CurvesRequest, CurvesResult, GeluErrorResult, PointValue } from './composite';
import type { ActivationMeta, ApplyOptions, FeatureOptions, FeatureResult, SoftmaxOptions } from './types';
import type { ProbeKind, ProbeResults, ProbeSpecs } from './probes';
import type { CheatRow, Comparison, CompareOptions, DerivativeCheck, ExprCheck, ExprParam, GridOptions } from './expr';
import type { ExerciseKind, ExerciseReply, ExerciseSpecs } from './exercise';
import type { RaceAdvance, RaceFrameRequest, RaceSlice, RaceSpec } from './race-types';

/** Every operation: its argument tuple and its result. */
export interface Ops {
  /** The engine's version string; the client's `ready` waits for this. */
  version: { args: []; result: string };
  activations: { args: []; result: ActivationMeta[] };
  apply: { args: [id: string, x: Float32Array, opts?: ApplyOptions]; result: Float32Array };
  softmax: { args: [z: Float32Array, opts?: SoftmaxOptions]; result: Float32Array };
  /** A curve's features on an interval, with its grid, f and f′ (Engine.curveFeatures). */
  curveFeatures: { args: [id: string, opts: FeatureOptions]; result: FeatureResult };
  /** The explorer's curves (composite.ts). */
  curves: { args: [req: CurvesRequest]; result: CurvesResult };
  points: { args: [ids: string[], params: CurvesRequest['params'], z: number, temperature: number, fx?: string]; result: PointValue[] };
  geluError: { args: [zmin: number, zmax: number, n: number]; result: GeluErrorResult };
  /** Art studio (art-types.ts): configure the worker's one ArtRenderer; "" or an error message. */
  artConfigure: { args: [json: string]; result: string };
  /** One tile of the image as RGBA bytes (transferred). */
  artRender: { args: [tile: ArtTile]; result: Uint8ClampedArray };
  /** FNV-1a 64 hash (16 hex digits) of the full image's RGBA bytes. */
  artHash: { args: [imageW: number, imageH: number, z: number]; result: string };
  /**
   * Trainers (trainer.ts): the worker keeps any number, each named by the id trainerCreate
   * returns. `digits` are the bytes of public/data/digits8x8.bin (needed for the digits set).
   * Bad configs and model files reject with EngineError; the trainer keeps its previous state.
   */
  trainerCreate: { args: [config: TrainerConfig, digits?: Uint8Array]; result: number };
  trainerConfigure: { args: [id: number, config: TrainerConfig, digits?: Uint8Array]; result: TrainerStatus };
  /** Trains one slice (epochs, batches or ms); with `snapshot`, reads one afterwards in the same message. */
  trainerAdvance: { args: [id: number, slice: Slice, snapshot?: SnapshotRequest]; result: TrainerAdvance };
  /** Status, and the grid / weights / health when asked; the arrays are transferred. */
  trainerSnapshot: { args: [id: number, req?: SnapshotRequest]; result: Snapshot };
  trainerExport: { args: [id: number]; result: string };
  trainerImport: { args: [id: number, text: string]; result: TrainerStatus };
  /**
   * Sets one weight or bias, then reads `snapshot`. Safe while a page plays: the worker answers in
   * order, so the edit lands between two slices, never inside one.
   */
  trainerEdit: { args: [id: number, edit: WeightEdit, snapshot: SnapshotRequest]; result: Snapshot };
  /** Each split's raw 2-D points and labels (x, y, label per sample); the arrays are transferred. */
  trainerPoints: { args: [id: number]; result: Points };
  /** Every sample of the trainer (train, then test) as x,y,label CSV text. */
  trainerPointsCsv: { args: [id: number]; result: string };
  /** Frees the trainer; resolves false when the id was unknown. */
  trainerDispose: { args: [id: number]; result: boolean };
  /**
   * Activation races (race.ts): the worker keeps any number, by the id raceCreate returns. A bad
   * spec rejects with EngineError naming the field; raceConfigure then keeps the previous race.
   */
  raceCreate: { args: [spec: RaceSpec, digits?: Uint8Array]; result: number };
  raceConfigure: { args: [id: number, spec: RaceSpec, digits?: Uint8Array]; result: RaceAdvance };
  /** Races one slice, then reports (history from `frame.from`) and draws the grids asked for (transferred). */
  raceAdvance: { args: [id: number, slice: RaceSlice, frame?: RaceFrameRequest]; result: RaceAdvance };
  raceDispose: { args: [id: number]; result: boolean };
  /** Own points from CSV text (no trainer needed); a bad row rejects with EngineError naming line and column. */
  trainerReadCsv: { args: [text: string, opts: CsvOptions]; result: CsvPoints };
  /** One experiment of the engine's probes (probes.ts); a bad spec rejects with EngineError naming the field. */
  probe: { args: [kind: ProbeKind, spec: ProbeSpecs[ProbeKind]]; result: ProbeResults[ProbeKind] };
  /** Typed activations (expr.ts, docs/expr.md): parse + TeX, or the error with its column (a value, not a throw). */
  exprCheck: { args: [text: string, params?: ExprParam[]]; result: ExprCheck };
  /** f and f′ of a typed activation on an n-point grid over [lo, hi] (the grid too). */
  exprCurves: { args: [text: string, lo: number, hi: number, n: number, params?: ExprParam[]]; result: { x: Float32Array; f: Float32Array; df: Float32Array } };
  exprCheatRow: { args: [text: string, opts: GridOptions & { params?: ExprParam[] }]; result: CheatRow };
  exprCompare: { args: [answer: string, reference: string, opts: CompareOptions & { params?: ExprParam[] }]; result: Comparison };
  exprCheckDerivative: { args: [df: string, f: string, opts: CompareOptions & { params?: ExprParam[] }]; result: DerivativeCheck };
  /** One of the exercises' engine checks (exercise.ts); an unreadable answer is {ok: false, error}. */
  exercise: { args: [kind: ExerciseKind, spec: ExerciseSpecs[ExerciseKind]]; result: ExerciseReply<ExerciseKind> };
}

/** The answer to trainerAdvance. */
export interface TrainerAdvance {
  progress: Progress;
  snapshot?: Snapshot;
}

export type Op = keyof Ops;

/** page → worker. */
export interface Request<K extends Op = Op> {
  id: number;
  op: K;
  args: Ops[K]['args'];
}

/** A serialisable error: `name` 'EngineError' for refused requests, anything else for faults. */
export interface WireError {
  name: string;
  message: string;
}

/** worker → page. */
export type Response<K extends Op = Op> =
  | { id: number; ok: true; result: Ops[K]['result'] }
  | { id: number; ok: false; error: WireError };
