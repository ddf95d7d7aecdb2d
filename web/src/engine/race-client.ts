// race-client.ts — RemoteRace: one activation race in the engine worker, driven from a page.
//
//   const r = await RemoteRace.create(client, spec);
//   void r.play({ slice: { ms: 12 }, frame: () => ({ from, grid }), onFrame: draw });
//   r.pause();
//
// Playing sends one raceAdvance per animation frame; each trains whole rounds (every contestant
// one epoch) in the worker and returns the report and grids; pausing just stops sending.
import type { EngineClient } from './client';
import { RemoteRun } from './remote-run';
import type { RaceAdvance, RaceFrameRequest, RaceSlice, RaceSpec } from './race-types';

export interface RacePlayOptions {
  /** Racing per frame. Default `{ ms: 12 }`. */
  slice?: RaceSlice;
  /** What each frame reads back (asked before every frame: `from` moves on). */
  frame: () => RaceFrameRequest;
  onFrame: (frame: RaceAdvance) => void;
  nextFrame?: () => Promise<void>;
}

export class RemoteRace extends RemoteRun {
  private constructor(client: EngineClient, id: number) {
    super(client, id);
  }

  static async create(client: EngineClient, spec: RaceSpec, digits?: Uint8Array): Promise<RemoteRace> {
    return new RemoteRace(client, await client.raceCreate(spec, digits));
  }

  /** Rebuilds the race (epoch 0); a bad spec rejects and the previous race is kept. */
  configure(spec: RaceSpec, digits?: Uint8Array): Promise<RaceAdvance> {
    return this.client.raceConfigure(this.id, spec, digits);
  }

  advance(slice: RaceSlice, frame?: RaceFrameRequest): Promise<RaceAdvance> {
    return this.client.raceAdvance(this.id, slice, frame);
  }

  /**
   * Races frame after frame until {@link pause} or the race's end; resolves then (after the
   * frame in flight when paused has been delivered).
   */
  play(opts: RacePlayOptions): Promise<void> {
    const slice = opts.slice ?? { ms: 12 };
    return this.loop({
      advance: () => this.advance(slice, opts.frame()),
      onFrame: opts.onFrame,
      done: (frame) => frame.progress.finished,
      nextFrame: opts.nextFrame,
    });
  }

  async dispose(): Promise<void> {
    this.pause();
    await this.client.raceDispose(this.id);
  }
}
