// play-loop.ts — the frame loop behind RemoteTrainer.play and RemoteRace.play.
//
//   await playFrames({ advance, onFrame, done, playing: () => this.#playing, nextFrame, pipeline });
//
// One worker request in flight at a time; between frames it waits for the next animation frame.
// With `pipeline`, the next request is sent as soon as a frame is delivered, so the worker
// computes while the browser paints; when `playing()` turns false with a request in flight, that
// request's frame is still delivered (the page shows where the run stands).

/** Waits for the next animation frame, or a zero timeout outside browsers (Node, tests). */
export const defaultNextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 0);
  });

export interface FrameLoop<F> {
  /** Asks the worker for the next frame (called once per frame, right before it is needed). */
  advance: () => Promise<F>;
  onFrame: (frame: F) => void;
  /** Whether the run has ended with this frame (finished, diverged). */
  done: (frame: F) => boolean;
  /** Read after every frame; false stops the loop. */
  playing: () => boolean;
  nextFrame?: () => Promise<void>;
  /** Send the next request before waiting for the animation frame. Default false. */
  pipeline?: boolean;
}

/** Runs frames until `done` or `playing()` is false; rejects when a request rejects. */
export async function playFrames<F>(loop: FrameLoop<F>): Promise<void> {
  const nextFrame = loop.nextFrame ?? defaultNextFrame;
  let next: Promise<F> | undefined = loop.advance();
  while (next !== undefined) {
    const frame: F = await next;
    next = undefined;
    loop.onFrame(frame);
    if (loop.done(frame) || !loop.playing()) break;
    if (loop.pipeline) {
      next = loop.advance();
      next.catch(() => undefined); // awaited below; no unhandled rejection while the frame waits
      await nextFrame();
      if (!loop.playing()) {
        loop.onFrame(await next);
        break;
      }
    } else {
      await nextFrame();
      if (!loop.playing()) break;
      next = loop.advance();
    }
  }
}
