// trainer-client.ts — RemoteTrainer: one trainer in the engine worker, driven from a page.
//
//   const t = await RemoteTrainer.create(client, { dataset: { name: 'spiral' } });
//   void t.play({ slice: { ms: 12 }, snapshot: { grid }, onFrame: draw });   // play
//   t.pause();  await t.step();  const s = await t.snapshot({ weights: true });
//
// Playing sends one trainerAdvance per animation frame (each trains one slice in the worker and
// returns a snapshot whose arrays are transferred, not copied); pausing just stops sending, so
// the page never waits on a long-running worker call.
import type { EngineClient } from './client';
import type { TrainerAdvance } from './protocol';
import { RemoteRun } from './remote-run';
import type { Points, Slice, Snapshot, SnapshotRequest, TrainerConfig, TrainerStatus, WeightEdit } from './trainer-types';

/** Options of {@link RemoteTrainer.play}. */
export interface PlayOptions {
  /** Training per frame. Default `{ ms: 12 }`. */
  slice?: Slice;
  /** What each frame reads back (status always); a function is asked again for every frame. */
  snapshot?: SnapshotRequest | (() => SnapshotRequest);
  /** Called with every frame's progress and snapshot. */
  onFrame: (frame: TrainerAdvance) => void;
  /** Waits between frames. Default: requestAnimationFrame, or a zero timeout outside browsers. */
  nextFrame?: () => Promise<void>;
}

/** A handle on one trainer in the worker. Methods reject with EngineError on refused requests. */
export class RemoteTrainer extends RemoteRun {
  private constructor(client: EngineClient, id: number) {
    super(client, id);
  }

  /** Creates and configures a trainer in the worker (`digits`: bytes of digits8x8.bin, for the digits set). */
  static async create(client: EngineClient, config: TrainerConfig, digits?: Uint8Array): Promise<RemoteTrainer> {
    return new RemoteTrainer(client, await client.trainerCreate(config, digits));
  }

  /** Reconfigures (progress restarts); a bad config rejects and the previous run is kept. */
  configure(config: TrainerConfig, digits?: Uint8Array): Promise<TrainerStatus> {
    return this.client.trainerConfigure(this.id, config, digits);
  }

  /** Trains one slice, optionally reading a snapshot afterwards in the same message. */
  advance(slice: Slice, snapshot?: SnapshotRequest): Promise<TrainerAdvance> {
    return this.client.trainerAdvance(this.id, slice, snapshot);
  }

  /** One step while paused: a whole epoch (default) or a single mini-batch. */
  step(unit: 'epoch' | 'batch' = 'epoch', snapshot?: SnapshotRequest): Promise<TrainerAdvance> {
    return this.advance(unit === 'epoch' ? { epochs: 1 } : { batches: 1 }, snapshot);
  }

  /**
   * Trains frame after frame until {@link pause} is called or training diverges; resolves then.
   * Calling it while already playing resolves at once. Rejections (a disposed trainer, a stopped
   * engine) stop playing and reject.
   */
  play(opts: PlayOptions): Promise<void> {
    const slice = opts.slice ?? { ms: 12 };
    return this.loop({
      advance: () => this.advance(slice, typeof opts.snapshot === 'function' ? opts.snapshot() : opts.snapshot),
      onFrame: opts.onFrame,
      done: (frame) => frame.progress.diverged,
      nextFrame: opts.nextFrame,
    });
  }

  /** Status plus the grid / weights / health asked for. */
  snapshot(req?: SnapshotRequest): Promise<Snapshot> {
    return this.client.trainerSnapshot(this.id, req);
  }

  /** The model file as JSON text. */
  exportModel(): Promise<string> {
    return this.client.trainerExport(this.id);
  }

  /** Loads a model file; a malformed one rejects with EngineError naming the field, and nothing changes. */
  importModel(text: string): Promise<TrainerStatus> {
    return this.client.trainerImport(this.id, text);
  }

  /**
   * Sets one weight or bias and reads `snapshot` after it. Safe while {@link play} runs: the
   * worker takes messages in order, so the edit lands between two slices.
   */
  edit(edit: WeightEdit, snapshot: SnapshotRequest = {}): Promise<Snapshot> {
    return this.client.trainerEdit(this.id, edit, snapshot);
  }

  /** Each split's raw 2-D points and labels (x, y, label per sample). */
  points(): Promise<Points> {
    return this.client.trainerPoints(this.id);
  }

  /** Every sample (train, then test) as x,y,label CSV text. */
  pointsCsv(): Promise<string> {
    return this.client.trainerPointsCsv(this.id);
  }

  /** Stops playing and frees the trainer in the worker. */
  async dispose(): Promise<void> {
    this.pause();
    await this.client.trainerDispose(this.id);
  }
}
