// trainer.ts — Trainer: the typed, copy-returning wrapper of the engine's MLP trainer
// (cpp/bindings/nn.cpp). Like engine.ts it never keeps a view of wasm memory across an engine
// call (grids are copied out, their buffer freed in a `finally`), engine error strings become
// thrown EngineErrors, and every number comes from the engine: no maths here.
//
//   const t = new Trainer(module);                 // module: createActlab() / loadNodeModule()
//   t.configure({ dataset: { name: 'circle' }, network: { hidden: [{ units: 8, activation: 'tanh' }] } });
//   t.advance({ epochs: 10 });  t.metrics('test');  t.grid({ res: 100, x0: -6, x1: 6, y0: -6, y1: 6 });
//   t.dispose();
import { bufferCall } from './buffer-call.ts';
import { EngineError } from './errors.ts';
import type {
  Confusion, CsvOptions, CsvPoints, Grid, GridRequest, LayerHealth, LayerWeights, Metrics, NeuronGrids, Points, Progress, Slice,
  Snapshot, SnapshotRequest, Split, TrainerConfig, TrainerHandle, TrainerModule, TrainerStatus, UnitActivity, WeightEdit,
} from './trainer-types';

export type * from './trainer-types';

const MAX_GRID = 2048;

/** A whole number in [0, max], or an EngineError naming `what`. */
function count(value: unknown, what: string, max = 2 ** 31 - 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new EngineError(`${what} must be a whole number from 0 to ${max} (got ${String(value)})`);
  }
  return value;
}

interface RawWeights { in: number; out: number; activation: string; W: number[]; b: number[]; alpha: number[] }

/**
 * Own points from CSV text (`x,y,label`, header optional), read by the engine
 * (cpp/actlab/data/csv.hpp). A bad row throws EngineError naming its line and column.
 */
export function readPointsCsv(module: TrainerModule, text: string, opts: CsvOptions): CsvPoints {
  if (module.PointsCsv === undefined) throw new EngineError('This engine build has no CSV reader');
  if (typeof text !== 'string') throw new EngineError('CSV must be text');
  const r = new module.PointsCsv(text, opts.regression, opts.classes, opts.coordLimit);
  try {
    const error = r.error();
    if (error) throw new EngineError(error);
    return { points: r.points().slice(), rows: r.rows(), header: r.header(), classes: r.classes() };
  } finally {
    r.delete();
  }
}

/** One training run in the engine: dataset, network, optimiser. Free it with {@link dispose}. */
export class Trainer {
  readonly #module: TrainerModule;
  #handle: TrainerHandle | undefined;
  /** Latched when an advance hits a NaN/Inf; cleared by configure and importModel. */
  #diverged = false;
  /** Bumped by whatever changes the parameters: a step, an edit, an import, a configure. */
  #version = 0;
  /** Units per dense layer (hidden, then the head), read once per configure or import. */
  #units: number[] | undefined;

  /** Wraps a loaded module; throws EngineError when the build has no trainer. */
  constructor(module: TrainerModule) {
    if (module.Trainer === undefined) throw new EngineError('This engine build has no trainer (Trainer is missing)');
    this.#module = module;
    this.#handle = new module.Trainer();
  }

  /**
   * The bytes of public/data/digits8x8.bin; needed before configuring the "digits" dataset.
   * They are copied into the engine.
   */
  setDigits(bytes: Uint8Array): void {
    this.#need().setDigits(bytes);
  }

  /**
   * Builds dataset, network and optimiser from `config` (fields as in docs/trainer.md) and resets
   * progress. Throws EngineError naming the field on a bad config; the previous run is then kept.
   */
  configure(config: TrainerConfig): void {
    const error = this.#need().configure(JSON.stringify(config));
    if (error) throw new EngineError(error);
    this.#changed(true);
    this.#diverged = false;
  }

  /** Whether a configuration (or import) has succeeded. */
  get ready(): boolean {
    return this.#need().outputs() > 0;
  }

  /**
   * Trains for one slice: `{ epochs: n }` whole epochs (from wherever the current epoch stands),
   * `{ batches: n }` mini-batches, or `{ ms: t }` whole batches until t milliseconds have passed
   * (at least one). Stops early, with `diverged`, at the first NaN/Inf; later advances do nothing
   * until the trainer is configured again or a model is imported.
   */
  advance(slice: Slice): Progress {
    const h = this.#needReady();
    const before = h.steps();
    if (!this.#diverged) {
      if ('epochs' in slice) {
        const n = count(slice.epochs, 'epochs');
        const refused = h.stepCheck(true, n);
        if (refused) throw new EngineError(refused);
        this.#diverged = !h.stepEpochs(n);
      } else if ('batches' in slice) {
        const n = count(slice.batches, 'batches');
        const refused = h.stepCheck(false, n);
        if (refused) throw new EngineError(refused);
        this.#diverged = h.stepBatches(n) < n;
      } else if ('ms' in slice) {
        const ms = slice.ms;
        if (typeof ms !== 'number' || !(ms >= 0 && ms <= 60_000)) throw new EngineError(`ms must be a number from 0 to 60000 (got ${String(ms)})`);
        const done = h.stepMs(ms);
        if (done < 0) throw new EngineError(`ms must be a number from 0 to 60000 (got ${String(ms)})`);
        // The engine counts the step that found a NaN/Inf in steps() but not in the batches done.
        this.#diverged = done === 0 || h.steps() - before > done;
      } else {
        throw new EngineError('A slice is { epochs: n }, { batches: n } or { ms: t }');
      }
    }
    if (h.steps() !== before) this.#changed(false);
    return this.#progress(before);
  }

  /** The parameters' version (see {@link Snapshot.version}). */
  get version(): number {
    return this.#version;
  }

  /** Finished epochs, steps and last epoch loss without training. */
  progress(): Progress {
    return this.#progress(this.#need().steps());
  }

  /** Mean loss and accuracy of the current network on a split (one forward pass). */
  metrics(split: Split): Metrics {
    const h = this.#needReady();
    const test = split === 'test';
    return { loss: h.loss(test), accuracy: h.accuracy(test) };
  }

  /** Values per grid point: 1 for binary and regression heads, the class count for softmax. */
  outputs(): number {
    return this.#need().outputs();
  }

  /**
   * The head's outputs on a res × res grid of the raw 2-D domain, as a fresh Float32Array.
   * Throws EngineError for the digits set, a bad resolution or domain, or before configure.
   */
  grid(req: GridRequest): Grid {
    const h = this.#need();
    const res = count(req.res, 'res', MAX_GRID);
    const outputs = h.outputs();
    const n = res * res * Math.max(1, outputs);
    return { res, outputs, values: bufferCall(this.#module, n, (buf) => h.grid(res, req.x0, req.x1, req.y0, req.y1, buf)) };
  }

  /**
   * Every neuron's output (hidden units, then the outputs) on a res × res grid of the raw 2-D
   * domain, in one engine call; res ≤ 100. Throws EngineError for digits or a bad request.
   */
  neurons(req: GridRequest): NeuronGrids {
    const h = this.#needReady();
    const res = count(req.res, 'res', 100);
    const n = res * res * h.neuronCount();
    const values = bufferCall(this.#module, n, (buf) => h.neuronGrids(res, req.x0, req.x1, req.y0, req.y1, buf));
    return { res, units: this.#layerUnits().slice(), values };
  }

  /** Each hidden unit's activity over the whole training set (dead units never fire). */
  units(): UnitActivity {
    return JSON.parse(this.#needReady().unitsJson()) as UnitActivity;
  }

  /** The confusion matrix of a split (classes 0 for regression). */
  confusion(split: Split): Confusion {
    return JSON.parse(this.#needReady().confusionJson(split === 'test')) as Confusion;
  }

  /** Every sample (training, then test) as `x,y,label` CSV text, written by the engine. */
  pointsCsv(): string {
    return this.#needReady().pointsCsv();
  }

  /** Epoch, steps, train and test metrics, divergence, dataset shape (evaluates both splits). */
  status(): TrainerStatus {
    return JSON.parse(this.#need().statusJson()) as TrainerStatus;
  }

  /** Per-layer gradient health on the first 256 training samples (no update). */
  health(): LayerHealth[] {
    return JSON.parse(this.#need().healthJson()) as LayerHealth[];
  }

  /** Every layer's W, b and α, copied. */
  weights(): LayerWeights[] {
    const raw = JSON.parse(this.#need().weightsJson()) as RawWeights[];
    return raw.map((l) => ({ ...l, W: Float32Array.from(l.W), b: Float32Array.from(l.b), alpha: Float32Array.from(l.alpha) }));
  }

  /** Status plus whatever `req` asks for, in one call (what a page draws per frame). */
  snapshot(req: SnapshotRequest = {}): Snapshot {
    const out: Snapshot = { status: this.status(), version: this.#version };
    if (req.grid !== undefined) out.grid = this.grid(req.grid);
    if (req.weights === true || (typeof req.weights === 'object' && req.weights.since !== this.#version)) out.weights = this.weights();
    if (req.health === true) out.health = this.health();
    if (req.neurons !== undefined) out.neurons = this.neurons(req.neurons);
    if (req.units === true) out.units = this.units();
    if (req.confusion !== undefined) out.confusion = this.confusion(req.confusion);
    return out;
  }

  /** The model file (config, weights, optimiser and RNG state) as JSON text. */
  exportModel(): string {
    const text = this.#needReady().exportJson();
    // The engine answers with an error message (never JSON) when the state cannot be written,
    // e.g. non-finite weights after divergence: a file its own import would refuse.
    if (!text.startsWith('{')) throw new EngineError(text);
    return text;
  }

  /**
   * Replaces the run with a model file written by {@link exportModel} or `actlab train --out`;
   * training continues bit for bit. Throws EngineError naming the field; the previous run is kept.
   */
  importModel(text: string): void {
    if (typeof text !== 'string') throw new EngineError('A model must be JSON text');
    const error = this.#need().importJson(text);
    if (error) throw new EngineError(error);
    this.#changed(true);
    this.#diverged = false;
  }

  /**
   * Sets one weight or bias (Trainer::set_weight / set_bias). Indices out of range or a value that
   * is not a finite float32 throw EngineError with the engine's message; nothing changes then.
   * The optimiser's state is kept: training continues from the edited value.
   */
  edit(e: WeightEdit): void {
    const h = this.#needReady();
    const layer = count(e.layer, 'layer'), col = count(e.col, 'col');
    if (typeof e.value !== 'number') throw new EngineError(`value must be a number (got ${String(e.value)})`);
    const error = e.row === 'bias' ? h.setBias(layer, col, e.value) : h.setWeight(layer, count(e.row, 'row'), col, e.value);
    if (error) throw new EngineError(error);
    this.#changed(false);
  }

  /** Each split's raw 2-D points and labels (nn/points.hpp), copied; empty arrays for digits. */
  points(): Points {
    const h = this.#needReady();
    const read = (test: boolean): Float32Array => {
      const n = h.pointCount(test);
      if (n === 0) return new Float32Array(0);
      const buf = new this.#module.F32Buffer(3 * n);
      try {
        const got = h.points(test, buf);
        return buf.view().slice(0, 3 * got);
      } finally {
        buf.delete();
      }
    };
    return { train: read(false), test: read(true) };
  }

  /** Frees the engine's trainer; later calls throw EngineError. */
  dispose(): void {
    this.#handle?.delete();
    this.#handle = undefined;
  }

  #changed(shape: boolean): void {
    this.#version++;
    if (shape) this.#units = undefined;
  }

  #layerUnits(): number[] {
    this.#units ??= (JSON.parse(this.#need().weightsJson()) as RawWeights[]).map((l) => l.out);
    return this.#units;
  }

  #progress(before: number): Progress {
    const h = this.#need();
    const steps = h.steps();
    return { epoch: h.epoch(), steps, batches: steps - before, lastEpochLoss: h.lastEpochLoss(), diverged: this.#diverged };
  }

  #need(): TrainerHandle {
    if (this.#handle === undefined) throw new EngineError('This trainer was disposed');
    return this.#handle;
  }

  #needReady(): TrainerHandle {
    const h = this.#need();
    if (h.outputs() === 0) throw new EngineError('The trainer is not configured yet');
    return h;
  }
}
