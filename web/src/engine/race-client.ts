// race-client.ts — RemoteRace: one activation race in the engine worker, driven from a page.
//
//   const r = await RemoteRace.create(client, spec);
//   void r.play({ slice: { ms: 12 }, frame: () => ({ from, grid }), onFrame: draw });
//   r.pause();
//
// Playing sends one raceAdvance per animation frame; each trains whole rounds (every contestant
// one epoch) in the worker and returns the report and grids; pausing just stops sending.
import type { EngineClient } from './client';
import { playFrames } from './play-loop';
import type { RaceAdvance, RaceFrameRequest, RaceSlice, RaceSpec } from './race-types';

export interface RacePlayOptions {
  /** Racing per frame. Default `{ ms: 12 }`. */
  slice?: RaceSlice;
  /** What each frame reads back (asked before every frame: `from` moves on). */
  frame: () => RaceFrameRequest;
  onFrame: (frame: RaceAdvance) => void;
  nextFrame?: () => Promise<void>;
}

export class RemoteRace {
  readonly #client: EngineClient;
  readonly id: number;
  #playing = false;

  private constructor(client: EngineClient, id: number) {
    this.#client = client;
    this.id = id;
  }

  static async create(client: EngineClient, spec: RaceSpec, digits?: Uint8Array): Promise<RemoteRace> {
    return new RemoteRace(client, await client.raceCreate(spec, digits));
  }

  get playing(): boolean {
    return this.#playing;
  }

  /** Rebuilds the race (epoch 0); a bad spec rejects and the previous race is kept. */
  configure(spec: RaceSpec, digits?: Uint8Array): Promise<RaceAdvance> {
    return this.#client.raceConfigure(this.id, spec, digits);
  }

  advance(slice: RaceSlice, frame?: RaceFrameRequest): Promise<RaceAdvance> {
    return this.#client.raceAdvance(this.id, slice, frame);
  }

  /**
   * Races frame after frame until {@link pause} or the race's end; resolves then (after the
   * frame in flight when paused has been delivered).
   */
  async play(opts: RacePlayOptions): Promise<void> {
    if (this.#playing) return;
    this.#playing = true;
    const slice = opts.slice ?? { ms: 12 };
    try {
      // The next slice is asked for as soon as a frame is drawn, so the worker trains while the
      // browser paints and waits for the next animation frame (one request in flight at a time).
      await playFrames({
        advance: () => this.advance(slice, opts.frame()),
        onFrame: opts.onFrame,
        done: (frame) => frame.progress.finished,
        playing: () => this.#playing,
        nextFrame: opts.nextFrame,
        pipeline: true,
      });
    } finally {
      this.#playing = false;
    }
  }

  pause(): void {
    this.#playing = false;
  }

  async dispose(): Promise<void> {
    this.pause();
    await this.#client.raceDispose(this.id);
  }
}
