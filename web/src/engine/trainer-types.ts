// trainer-types.ts — types of the MLP trainer's part of the Embind module (cpp/bindings/nn.cpp)
// and of what the typed API (trainer.ts) and the worker protocol return. The config mirrors the
// engine's JSON exactly (snake_case, docs/trainer.md "Config JSON"): the engine validates it and
// names the offending field; nothing is checked or defaulted here.
import type { F32Buffer } from './types';

/** The raw Embind `Trainer` (cpp/bindings/nn.cpp). Errors come back as strings, never thrown. */
export interface TrainerHandle {
  configure(json: string): string;
  setDigits(bytes: Uint8Array): void;
  stepEpochs(n: number): boolean;
  stepBatches(n: number): number;
  /** Batches done, or -1 when `ms` is not a number in [0, 60000] (NaN, Infinity, 1e300). */
  stepMs(ms: number): number;
  epoch(): number;
  steps(): number;
  lastEpochLoss(): number;
  loss(test: boolean): number;
  accuracy(test: boolean): number;
  outputs(): number;
  grid(res: number, x0: number, x1: number, y0: number, y1: number, out: F32Buffer): string;
  statusJson(): string;
  healthJson(): string;
  weightsJson(): string;
  /** The model file, or (never starting with "{") why the state cannot be written. */
  exportJson(): string;
  importJson(text: string): string;
  /** Sets W[layer][row][col] (row = input unit, col = output unit); "" or a message naming the index or value. */
  setWeight(layer: number, row: number, col: number, value: number): string;
  /** Sets b[layer][unit]; "" or a message naming the index or value. */
  setBias(layer: number, unit: number, value: number): string;
  /** Samples in a split that have 2-D points (0 for digits or before configure). */
  pointCount(test: boolean): number;
  /** Writes x, y, label per sample of the split into `out`; returns the samples written. */
  points(test: boolean, out: F32Buffer): number;
  /** "" or why `n` epochs (or batches) are too much work for one call (docs/limits.md). */
  stepCheck(epochs: boolean, n: number): string;
  /** Hidden units plus outputs: the grids neuronGrids writes. */
  neuronCount(): number;
  /** Every neuron's output on a res × res grid (res ≤ 100), neuron after neuron; "" or an error. */
  neuronGrids(res: number, x0: number, x1: number, y0: number, y1: number, out: F32Buffer): string;
  /** {samples, layers: [{units, active, dead}]}: each hidden unit's activity on the training set. */
  unitsJson(): string;
  /** {classes, test, counts: [K·K]}: row = true class, column = predicted. */
  confusionJson(test: boolean): string;
  /** Every sample (train, then test) as x,y,label CSV. */
  pointsCsv(): string;
  delete(): void;
}

/** The raw Embind `PointsCsv` (cpp/bindings/nn.cpp): the reader's answer in wasm memory. */
export interface PointsCsvHandle {
  /** "" or the first problem, naming its line and column. */
  error(): string;
  rows(): number;
  header(): boolean;
  classes(): number;
  /** x, y, label per point: a view of wasm memory, valid until the next allocation (copy it). */
  points(): Float32Array;
  delete(): void;
}

/** The module's trainer exports (absent from engine builds without the trainer). */
export interface TrainerModule {
  Trainer?: new () => TrainerHandle;
  F32Buffer: new (n: number) => F32Buffer;
  /** Own points read from CSV text by the engine (cpp/actlab/data/csv.hpp); free with delete(). */
  PointsCsv?: new (text: string, regression: boolean, classes: number, coordLimit: number) => PointsCsvHandle;
}

export type DatasetName = 'circle' | 'xor' | 'blobs' | 'spiral' | 'moons' | 'checkerboard' | 'plane' | 'bumps' | 'digits' | 'custom';
export type Feature = 'x' | 'y' | 'x2' | 'y2' | 'xy' | 'sinx' | 'siny';
export type HeadName = 'auto' | 'sigmoid_bce' | 'softmax_ce' | 'identity_mse' | 'tanh_mse';

/** `dataset` of the config; every field optional (engine defaults in docs/trainer.md). */
export interface DatasetConfig {
  name?: DatasetName;
  /** Samples before the split; 0 = 500 for 2-D sets, all 1,797 for digits. */
  samples?: number;
  noise?: number;
  classes?: number;
  train_ratio?: number;
  seed?: number;
  features?: Feature[];
  /** The custom set only: x, y, label per point (label a class 0..classes−1, or the target). */
  points?: number[];
  /** The custom set only: what the label is. */
  task?: 'classification' | 'regression';
}

/** One hidden layer. `params` are p0, p1 in registry order; null = the activation's default. */
export interface HiddenLayerConfig {
  units?: number;
  activation?: string;
  params?: (number | null)[];
}

export interface NetworkConfig {
  hidden?: HiddenLayerConfig[];
  head?: HeadName;
  init?: 'zero' | 'uniform' | 'xavier' | 'he' | 'lecun';
  init_scale?: number;
  bias_init?: number;
  prelu_alpha?: 'layer' | 'unit';
  seed?: number;
}

export interface TrainingConfig {
  optimizer?: 'sgd' | 'momentum' | 'adam';
  learning_rate?: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  regularization?: 'none' | 'l1' | 'l2';
  lambda?: number;
  batch?: number;
  shuffle?: boolean;
  seed?: number;
  /** Learning-rate schedule by finished epoch (docs/trainer.md). */
  schedule?: 'constant' | 'step' | 'cosine';
  /** Step decay: epochs between decays, and the factor. */
  decay_every?: number;
  decay_rate?: number;
  /** Cosine: epochs T to anneal over, and the floor. */
  schedule_epochs?: number;
  min_learning_rate?: number;
}

/** A whole training run, as the engine's config JSON. */
export interface TrainerConfig {
  dataset?: DatasetConfig;
  network?: NetworkConfig;
  training?: TrainingConfig;
}

/** Which part of the data: the training or the held-out test samples. */
export type Split = 'train' | 'test';

/** Mean loss and accuracy over a split. Accuracy is NaN for regression (null in status JSON). */
export interface Metrics {
  loss: number;
  accuracy: number;
}

/** How far to advance in one call: whole epochs, a number of mini-batches, or a time budget. */
export type Slice = { epochs: number } | { batches: number } | { ms: number };

/** Where training stands after an advance. */
export interface Progress {
  /** Finished epochs. */
  epoch: number;
  /** Optimiser steps (mini-batches) since configure. */
  steps: number;
  /** Steps this advance added to `steps` (the engine counts a step that diverged too). */
  batches: number;
  /** Mean training loss of the last finished epoch (NaN before the first). */
  lastEpochLoss: number;
  /** Training stopped at a NaN/Inf; see {@link TrainerStatus.divergence}. */
  diverged: boolean;
}

/** The first non-finite value found while training (cpp/actlab/probes/divergence.hpp). */
export interface Divergence {
  step: number;
  epoch: number;
  layer: number;
  what: string;
  cause: string;
  message: string;
}

/** `statusJson()` (cpp/actlab/nn/report.hpp); null where the engine wrote NaN/Inf. */
export interface TrainerStatus {
  ready: boolean;
  epoch?: number;
  steps?: number;
  lastEpochLoss?: number | null;
  /** The learning rate the next step uses (the schedule's value at this epoch). */
  learningRate?: number | null;
  train?: { loss: number | null; accuracy: number | null };
  test?: { loss: number | null; accuracy: number | null };
  diverged?: boolean;
  divergence?: Divergence | null;
  dataset?: { name: string; task: string; classes: number; inputs: number; nTrain: number; nTest: number };
  outputs?: number;
  params?: number;
}

/** One layer's gradient health (`healthJson()`). */
export interface LayerHealth {
  layer: number;
  units: number;
  activation: string;
  meanAbsGrad: number | null;
  meanAbsFprime: number | null;
  deadShare: number | null;
  saturatedShare: number | null;
  histogram: number[];
  histRange: [number, number];
  below: number;
  above: number;
  nonfinite: number;
  warning: string;
}

/** One dense layer's parameters; W is row-major [in][out]. `activation` is the head's name for the last layer. */
export interface LayerWeights {
  in: number;
  out: number;
  activation: string;
  W: Float32Array;
  b: Float32Array;
  /** PReLU's learned α (one per layer or per unit); empty otherwise. */
  alpha: Float32Array;
}

/**
 * One edited parameter (the playground's editable edges): the weight W[layer][row][col] from input
 * unit `row` to output unit `col` of dense layer `layer` (layer 0 reads the input features, the
 * last is the head), or that unit's bias when `row` is 'bias'. `value` must be a finite float32.
 */
export interface WeightEdit {
  layer: number;
  row: number | 'bias';
  col: number;
  value: number;
}

/** A decision-boundary grid request over the raw 2-D input domain [x0, x1] × [y0, y1]. */
export interface GridRequest {
  /** Points per side (1..2048). */
  res: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** res·res·outputs head outputs, top row first (row r is y = y1 − (r + ½)(y1 − y0)/res). */
export interface Grid {
  res: number;
  outputs: number;
  values: Float32Array;
}

/** A split's samples as the playground draws them: x, y, label per sample (label: class index or target). */
export interface Points {
  train: Float32Array;
  test: Float32Array;
}

/** Every neuron's output over the plane: `units` per layer (hidden layers, then the outputs), res² values each. */
export interface NeuronGrids {
  res: number;
  units: number[];
  values: Float32Array;
}

/** Each hidden unit's activity on the whole training set: on how many samples f′(z) ≠ 0; dead = none. */
export interface UnitActivity {
  samples: number;
  layers: { units: number; active: number[]; dead: number[] }[];
}

/** K × K counts, row = true class, column = predicted class; classes 0 for regression. */
export interface Confusion {
  classes: number;
  test: boolean;
  counts: number[];
}

/** What one snapshot request asks for (status is always included). */
export interface SnapshotRequest {
  grid?: GridRequest;
  /**
   * Every layer's weights: `true` always, `{ since: v }` only when they changed after version `v`
   * (the {@link Snapshot.version} of the weights the page last drew).
   */
  weights?: boolean | { since: number };
  health?: boolean;
  /** Every neuron's grid (res ≤ 100). */
  neurons?: GridRequest;
  /** Dead units on the training set. */
  units?: boolean;
  /** The confusion matrix of a split. */
  confusion?: Split;
}

/** One frame's worth of trainer state, read in one call. */
export interface Snapshot {
  status: TrainerStatus;
  /**
   * The parameters' version: bumped by every training step, edit, import and configure (reset),
   * so equal versions mean equal weights.
   */
  version: number;
  grid?: Grid;
  weights?: LayerWeights[];
  health?: LayerHealth[];
  neurons?: NeuronGrids;
  units?: UnitActivity;
  confusion?: Confusion;
}

/** Own points read from CSV text (data/csv.hpp): x, y, label per point. */
export interface CsvPoints {
  points: Float32Array;
  rows: number;
  header: boolean;
  /** Classification: the largest label + 1 (at least 2); 1 for regression. */
  classes: number;
}

/** How to read a CSV of own points. */
export interface CsvOptions {
  regression: boolean;
  /** Classification: labels must be 0..classes−1. */
  classes: number;
  /** |x| and |y| at most this. */
  coordLimit: number;
}
