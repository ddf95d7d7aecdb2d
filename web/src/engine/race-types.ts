// race-types.ts — types of the activation race's part of the Embind module (cpp/bindings/nn.cpp)
// and of what Race (race.ts) and the worker protocol return. The report mirrors the engine's JSON
// (cpp/actlab/nn/race.cpp, report_json) exactly.
import type { Grid, GridRequest, Points, TrainerConfig } from './trainer-types';
import type { F32Buffer } from './types';

/** The raw Embind `Race`. Errors come back as strings. */
export interface RaceHandle {
  configure(json: string): string;
  setDigits(bytes: Uint8Array): void;
  step(rounds: number): number;
  stepMs(ms: number): number;
  epoch(): number;
  contestants(): number;
  outputs(): number;
  reportJson(from: number): string;
  pointCount(test: boolean): number;
  points(test: boolean, out: F32Buffer): number;
  grid(contestant: number, res: number, x0: number, x1: number, y0: number, y1: number, out: F32Buffer): string;
  delete(): void;
}

export interface RaceModule {
  Race?: new () => RaceHandle;
  F32Buffer: new (n: number) => F32Buffer;
}

export interface ContestantSpec {
  /** A registry id. */
  activation: string;
  /** p0, p1 in registry order; null = the activation's default. */
  params?: (number | null)[];
}

/** The race's spec (race.hpp "JSON spec"); the engine validates it and names the field. */
export interface RaceSpec {
  /** The trainer config; the hidden layers' activations are replaced by each contestant's. */
  config?: TrainerConfig;
  contestants: ContestantSpec[];
  /** 1..10; seed k trains with network.seed + k and training.seed + k on the same data. */
  seeds?: number;
  /** Test accuracy a contestant must reach (0..1, default 0.95). */
  target?: number;
  /** The race's length in epochs (1..5000, default 100). */
  epochs?: number;
}

/** A slice of racing: whole rounds, or whole rounds for a time budget (at least one). */
export type RaceSlice = { rounds: number } | { ms: number };

export interface RaceHistory { trainLoss: (number | null)[]; testLoss: (number | null)[]; trainAccuracy: (number | null)[]; testAccuracy: (number | null)[] }

export interface RaceSpread {
  min: number | null; mean: number | null; max: number | null;
  /** Seeds that reached the target, and their mean epochs to it. */
  reached: number; meanEpochsToTarget: number | null;
  diverged: number;
}

export interface ContestantReport {
  activation: string;
  params: (number | null)[];
  /** FNV-1a 64 of the initial W and b (seed 0), 16 hex digits: equal for every contestant. */
  initialHash: string;
  /** Epochs this contestant has trained (stops at divergence). */
  epoch: number;
  diverged: boolean;
  divergence: string | null;
  initialLoss: number | null;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** 100 · (L0 − L) / L0 of the training loss, L0 before training. */
  improvement: number | null;
  /** First epoch whose test accuracy reached the target (seed 0), or null. */
  epochsToTarget: number | null;
  spread: RaceSpread;
  /** By epoch from the report's `from` (entry 0 of a full history is before training). */
  history: RaceHistory;
}

export interface RaceReport {
  ready: boolean;
  epoch: number;
  epochs: number;
  finished: boolean;
  seeds: number;
  target: number;
  from: number;
  dataset: { name: string; classes: number; nTrain: number; nTest: number };
  sameInitialWeights: boolean;
  contestants: ContestantReport[];
  /** Contestant indices, winner first (race.hpp: target first, then accuracy, then loss). */
  ranking: number[];
}

export interface RaceProgress { epoch: number; rounds: number; finished: boolean }

/** What one raceAdvance reads back: history from epoch `from`, and each contestant's grid when `grid` is set. */
export interface RaceFrameRequest {
  from?: number;
  grid?: GridRequest;
  /** Also the race's points (the same data for every contestant). */
  points?: boolean;
}

/** The answer to raceAdvance / raceConfigure. */
export interface RaceAdvance {
  progress: RaceProgress;
  report: RaceReport;
  /** One per contestant, in contestant order, when asked for (not for digits). */
  grids?: Grid[];
  points?: Points;
}
