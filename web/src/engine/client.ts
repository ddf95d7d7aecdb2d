// client.ts — EngineClient: the promise-based engine API that pages use; the work runs in worker.ts.
//
//   const engine = new EngineClient();
//   await engine.ready;                        // rejects with EngineLoadError if the engine can't start
//   const y = await engine.apply('sigmoid', x, { derivative: true });
//
// Methods mirror Engine (engine.ts). Refused requests reject with EngineError; a worker that
// fails to load, crashes or stops answering rejects everything with EngineLoadError.

import { EngineError, EngineLoadError } from './errors';
import type { Op, Ops, Response, TrainerAdvance, WireError } from './protocol';
import type { CsvOptions, CsvPoints, Points, Slice, Snapshot, SnapshotRequest, TrainerConfig, TrainerStatus, WeightEdit } from './trainer-types';
import type { ActivationMeta, ApplyOptions, CurveFeatures, FeatureOptions, FeatureResult, SoftmaxOptions } from './types';
import type { ArtTile } from './art-types';
import type { ProbeKind, ProbeResults, ProbeSpecs } from './probes';
import type { RaceAdvance, RaceFrameRequest, RaceSlice, RaceSpec } from './race-types';
import type { CurvesRequest, CurvesResult, GeluErrorResult, PointValue } from './composite';
import type { CheatRow, Comparison, CompareOptions, DerivativeCheck, ExprCheck, ExprParam, GridOptions } from './expr';
import type { ExerciseKind, ExerciseReply, ExerciseSpecs } from './exercise';

export { EngineError, EngineLoadError };
export type { ArtTile, CurvesRequest, CurvesResult, GeluErrorResult, PointValue };
export type { ActivationMeta, ApplyOptions, CurveFeatures, FeatureOptions, FeatureResult, SoftmaxOptions };
export type { TrainerAdvance };
export type * from './trainer-types';
export type * from './probes';
export type * from './exercise';
export type { CheatRow, Comparison, CompareOptions, DerivativeCheck, ExprCheck, ExprParam, GridOptions } from './expr';

/** Options of {@link EngineClient}. */
export interface EngineClientOptions {
  /** How long `ready` waits for the engine before giving up. Default 30 000 ms. */
  loadTimeoutMs?: number;
  /**
   * 'full' (default): activations, trainer and art renderer. 'activations': the smaller engine
   * with the registry and softmax only (trainer and art operations then fail with a message).
   */
  engine?: 'full' | 'activations';
}

interface Pending {
  resolve: (value: never) => void;
  reject: (reason: Error) => void;
}

function fromWire(error: WireError): Error {
  if (error.name === 'EngineError') return new EngineError(error.message);
  const err = new Error(error.message);
  err.name = error.name;
  return err;
}

/** A connection to the engine running in its own module worker. */
export class EngineClient {
  /** Resolves with the engine version once the wasm is loaded; rejects with EngineLoadError. */
  readonly ready: Promise<string>;
  #worker: Worker | undefined;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #failure: EngineLoadError | undefined;
  #activations: Promise<ActivationMeta[]> | undefined;

  constructor(options: EngineClientOptions = {}) {
    try {
      // Two literal `new Worker(new URL(...))` forms: Vite bundles a worker only when it sees one.
      if (options.engine === 'activations') {
        this.#worker = new Worker(new URL('./worker-core.ts', import.meta.url), { type: 'module' });
      } else {
        this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      }
      this.#worker.onmessage = (event: MessageEvent<Response>) => this.#settle(event.data);
      this.#worker.onerror = (event: ErrorEvent | Event) => {
        event.preventDefault();
        // A script error is an ErrorEvent with a message; a failed fetch is a bare Event.
        const message = (event as Partial<ErrorEvent>).message;
        const detail = typeof message === 'string' && message !== '' ? `: ${message}` : ' (its script did not load)';
        this.#fail(`The engine worker could not start${detail}`);
      };
      this.#worker.onmessageerror = () => this.#fail('The engine worker sent a message that could not be read');
    } catch (err) {
      this.#fail(`The engine worker could not be created: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.ready = this.#loaded(options.loadTimeoutMs ?? 30_000);
    this.ready.catch(() => undefined); // callers that never await `ready` still see failures in their calls
  }

  /** One of the engine's experiments (probes.ts), run in the worker; rejects with EngineError on a bad spec. */
  probe<K extends ProbeKind>(kind: K, spec: ProbeSpecs[K]): Promise<ProbeResults[K]> {
    return this.#call('probe', kind, spec) as Promise<ProbeResults[K]>;
  }

  /** Every activation in registry order (fetched once). */
  activations(): Promise<ActivationMeta[]> {
    this.#activations ??= this.#call('activations');
    return this.#activations;
  }

  /** f(x) or f′(x) for each element of `x`; see Engine.apply. `x` is copied, not transferred. */
  apply(id: string, x: Float32Array, opts?: ApplyOptions): Promise<Float32Array> {
    return this.#call('apply', id, x, opts);
  }

  /** Softmax or log-softmax of `z`; see Engine.softmax. */
  softmax(z: Float32Array, opts?: SoftmaxOptions): Promise<Float32Array> {
    return this.#call('softmax', z, opts);
  }

  /** The engine's features of one curve on [lo, hi] (range, steepest slope, dead-zone intervals and share), with its grid, f and f′. */
  curveFeatures(id: string, opts: FeatureOptions): Promise<FeatureResult> {
    return this.#call('curveFeatures', id, opts);
  }

  /** The explorer's curves: f and f′ of several activations over a z grid, with dead-zone shares. */
  curves(req: CurvesRequest): Promise<CurvesResult> {
    return this.#call('curves', req);
  }

  /** f(z) and f′(z) of each activation at one z. */
  points(ids: string[], params: CurvesRequest['params'], z: number, temperature: number, fx?: string): Promise<PointValue[]> {
    return this.#call('points', ids, params, z, temperature, fx);
  }

  /** GELU exact, its tanh form, and their difference over [zmin, zmax]. */
  geluError(zmin: number, zmax: number, n: number): Promise<GeluErrorResult> {
    return this.#call('geluError', zmin, zmax, n);
  }

  /** Configures the worker's art renderer from its JSON config; resolves "" or the engine's error message. */
  artConfigure(json: string): Promise<string> {
    return this.#call('artConfigure', json);
  }

  /** One RGBA tile of the configured art image. */
  artRender(tile: ArtTile): Promise<Uint8ClampedArray> {
    return this.#call('artRender', tile);
  }

  /** The engine's pixel hash (FNV-1a 64, hex) of the whole image. */
  artHash(imageW: number, imageH: number, z: number): Promise<string> {
    return this.#call('artHash', imageW, imageH, z);
  }

  /**
   * Creates a trainer in the worker and configures it; resolves its id. `digits`: the bytes of
   * public/data/digits8x8.bin, for the digits set. A bad config rejects with EngineError naming
   * the field. Pages usually use {@link RemoteTrainer} (trainer-client.ts) instead.
   */
  trainerCreate(config: TrainerConfig, digits?: Uint8Array): Promise<number> {
    return this.#call('trainerCreate', config, digits);
  }

  /** Reconfigures trainer `id` (progress restarts); on EngineError the previous run is kept. */
  trainerConfigure(id: number, config: TrainerConfig, digits?: Uint8Array): Promise<TrainerStatus> {
    return this.#call('trainerConfigure', id, config, digits);
  }

  /** Trains one slice; with `snapshot`, also reads one (grid, weights, health) in the same message. */
  trainerAdvance(id: number, slice: Slice, snapshot?: SnapshotRequest): Promise<TrainerAdvance> {
    return this.#call('trainerAdvance', id, slice, snapshot);
  }

  /** Status, plus the grid / weights / health asked for. */
  trainerSnapshot(id: number, req?: SnapshotRequest): Promise<Snapshot> {
    return this.#call('trainerSnapshot', id, req);
  }

  /** The model file of trainer `id` as JSON text. */
  trainerExport(id: number): Promise<string> {
    return this.#call('trainerExport', id);
  }

  /** Loads a model file into trainer `id`; a bad file rejects with EngineError and changes nothing. */
  trainerImport(id: number, text: string): Promise<TrainerStatus> {
    return this.#call('trainerImport', id, text);
  }

  /** Creates an activation race in the worker; resolves its id (RemoteRace in race-client.ts wraps it). */
  raceCreate(spec: RaceSpec, digits?: Uint8Array): Promise<number> {
    return this.#call('raceCreate', spec, digits);
  }

  /** Rebuilds race `id` from `spec` (epoch 0); on EngineError the previous race is kept. */
  raceConfigure(id: number, spec: RaceSpec, digits?: Uint8Array): Promise<RaceAdvance> {
    return this.#call('raceConfigure', id, spec, digits);
  }

  /** Races one slice and reads the report and grids `frame` asks for. */
  raceAdvance(id: number, slice: RaceSlice, frame?: RaceFrameRequest): Promise<RaceAdvance> {
    return this.#call('raceAdvance', id, slice, frame);
  }

  /** Frees race `id`; false when unknown. */
  raceDispose(id: number): Promise<boolean> {
    return this.#call('raceDispose', id);
  }

  /** Sets one weight or bias of trainer `id`, then reads `snapshot`; a bad index or value rejects with EngineError. */
  trainerEdit(id: number, edit: WeightEdit, snapshot: SnapshotRequest): Promise<Snapshot> {
    return this.#call('trainerEdit', id, edit, snapshot);
  }

  /** Each split's raw 2-D points and labels of trainer `id` (x, y, label per sample). */
  trainerPoints(id: number): Promise<Points> {
    return this.#call('trainerPoints', id);
  }

  /** Every sample of trainer `id` (train, then test) as x,y,label CSV text. */
  trainerPointsCsv(id: number): Promise<string> {
    return this.#call('trainerPointsCsv', id);
  }

  /** Own points from CSV text, read by the engine; a bad row rejects with EngineError naming line and column. */
  trainerReadCsv(text: string, opts: CsvOptions): Promise<CsvPoints> {
    return this.#call('trainerReadCsv', text, opts);
  }

  /** Frees trainer `id` in the worker. */
  trainerDispose(id: number): Promise<boolean> {
    return this.#call('trainerDispose', id);
  }

  /** Parses a typed activation: its TeX and conventions, or the error with its column. */
  exprCheck(text: string, params?: ExprParam[]): Promise<ExprCheck> {
    return this.#call('exprCheck', text, params);
  }

  /** f and f′ of a typed activation on an n-point grid over [lo, hi]; rejects with the caret display on a bad text. */
  exprCurves(text: string, lo: number, hi: number, n: number, params?: ExprParam[]): Promise<{ x: Float32Array; f: Float32Array; df: Float32Array }> {
    return this.#call('exprCurves', text, lo, hi, n, params);
  }

  /** The engine's cheat-sheet row of a typed activation (default [−5, 5], 100 points). */
  exprCheatRow(text: string, opts: GridOptions & { params?: ExprParam[] } = {}): Promise<CheatRow> {
    return this.#call('exprCheatRow', text, opts);
  }

  /** An answer expression against a reference on a grid and at special values. */
  exprCompare(answer: string, reference: string, opts: CompareOptions & { params?: ExprParam[] } = {}): Promise<Comparison> {
    return this.#call('exprCompare', answer, reference, opts);
  }

  /** A learner's f′ against the engine's symbolic derivative of f and finite differences. */
  exprCheckDerivative(df: string, f: string, opts: CompareOptions & { params?: ExprParam[] } = {}): Promise<DerivativeCheck> {
    return this.#call('exprCheckDerivative', df, f, opts);
  }

  /** One of the engine's exercise checks (exercise.ts). */
  exercise<K extends ExerciseKind>(kind: K, spec: ExerciseSpecs[K]): Promise<ExerciseReply<K>> {
    return this.#call('exercise', kind, spec) as Promise<ExerciseReply<K>>;
  }

  /** Stops the worker; later calls reject. */
  terminate(): void {
    this.#worker?.terminate();
    this.#fail('The engine was stopped');
  }

  async #loaded(timeoutMs: number): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#fail(`The engine did not answer within ${Math.round(timeoutMs / 1000)} s`);
        reject(this.#failure);
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.#call('version'), timeout]);
    } catch (err) {
      // A load failure inside the worker arrives as an ordinary error answer: make it a load error.
      if (err instanceof EngineLoadError) throw err;
      const message = `The engine could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      this.#fail(message);
      throw this.#failure;
    } finally {
      clearTimeout(timer);
    }
  }

  #call<K extends Op>(op: K, ...args: Ops[K]['args']): Promise<Ops[K]['result']> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<Ops[K]['result']>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.#worker!.postMessage({ id, op, args });
    });
  }

  #settle(response: Response): void {
    const pending = this.#pending.get(response.id);
    if (pending === undefined) return;
    this.#pending.delete(response.id);
    if (response.ok) pending.resolve(response.result as never);
    else pending.reject(fromWire(response.error));
  }

  #fail(message: string): void {
    this.#failure ??= new EngineLoadError(message);
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }
}
