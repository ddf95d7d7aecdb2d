// remote-run.ts — what RemoteTrainer and RemoteRace share: one run in the engine worker, known by
// its id, played frame after frame (play-loop.ts, pipelined: the worker trains while the page
// paints) until paused or done. A subclass says how to advance one frame and when a run is over.
import type { EngineClient } from './client';
import { playFrames } from './play-loop';

/** How one `play` runs: the request per frame, the drawing, the end. */
export interface RunLoop<F> {
  advance: () => Promise<F>;
  onFrame: (frame: F) => void;
  /** The run is over with this frame (diverged, finished). */
  done: (frame: F) => boolean;
  /** Waits between frames. Default: requestAnimationFrame, or a zero timeout outside browsers. */
  nextFrame?: () => Promise<void>;
}

export abstract class RemoteRun {
  protected readonly client: EngineClient;
  /** The worker's id for this run. */
  readonly id: number;
  #playing = false;

  protected constructor(client: EngineClient, id: number) {
    this.client = client;
    this.id = id;
  }

  /** Whether a play loop is running. */
  get playing(): boolean {
    return this.#playing;
  }

  /**
   * Plays frame after frame until {@link pause} or `done`; resolves then (after the frame in flight
   * when paused has been delivered). Resolves at once while already playing; a rejected request
   * stops playing and rejects.
   */
  protected async loop<F>(run: RunLoop<F>): Promise<void> {
    if (this.#playing) return;
    this.#playing = true;
    try {
      // The next slice is asked for as soon as a frame is drawn, so the worker trains while the
      // browser paints and waits for the next animation frame (one request in flight at a time).
      await playFrames({ ...run, playing: () => this.#playing, pipeline: true });
    } finally {
      this.#playing = false;
    }
  }

  /** Stops playing after the slice in flight (its frame is still delivered). */
  pause(): void {
    this.#playing = false;
  }
}
