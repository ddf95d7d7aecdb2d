// race.ts — Race: the typed wrapper of the engine's activation race (cpp/actlab/nn/race.hpp,
// binding in cpp/bindings/nn.cpp): 2–8 contestants that differ only in their activation, the same
// data and the same initial weights, trained in interleaved rounds (every contestant one epoch per
// round) for one or more seeds. Improvement %, epochs to target, the spread over seeds and the
// ranking are the engine's; nothing is computed here. Grids are copied out of wasm memory.
//
//   const r = new Race(module);
//   r.configure({ config: { dataset: { name: 'circle' }, network: { hidden: [{ units: 8 }] } },
//                 contestants: [{ activation: 'sigmoid' }, { activation: 'relu' }], epochs: 60 });
//   r.advance({ rounds: 10 }); r.report(); r.grid(1, { res: 40, x0: -2.5, x1: 2.5, y0: -2.5, y1: 2.5 });
import { bufferCall } from './buffer-call.ts';
import { EngineError } from './errors.ts';
import type { RaceHandle, RaceModule, RaceProgress, RaceReport, RaceSlice, RaceSpec } from './race-types';
import type { Grid, GridRequest, Points } from './trainer-types';

export type * from './race-types';

const MAX_GRID = 2048;

/** One activation race in the engine. Free it with {@link dispose}. */
export class Race {
  readonly #module: RaceModule;
  #handle: RaceHandle | undefined;
  #epochs = 0;

  constructor(module: RaceModule) {
    if (module.Race === undefined) throw new EngineError('This engine build has no activation race (Race is missing)');
    this.#module = module;
    this.#handle = new module.Race();
  }

  /** The bytes of public/data/digits8x8.bin, before configuring a digits race. */
  setDigits(bytes: Uint8Array): void {
    this.#need().setDigits(bytes);
  }

  /** Builds every contestant; throws EngineError naming the field (the previous race is kept). */
  configure(spec: RaceSpec): void {
    const error = this.#need().configure(JSON.stringify(spec));
    if (error) throw new EngineError(error);
    this.#epochs = spec.epochs ?? 100;
  }

  /** Runs rounds (every contestant one epoch each) until the slice is done or the race is over. */
  advance(slice: RaceSlice): RaceProgress {
    const h = this.#needReady();
    let rounds: number;
    if ('rounds' in slice) {
      const n = slice.rounds;
      if (!Number.isInteger(n) || n < 0 || n > 5000) throw new EngineError(`rounds must be a whole number from 0 to 5000 (got ${String(n)})`);
      rounds = h.step(n);
    } else if ('ms' in slice) {
      rounds = h.stepMs(typeof slice.ms === 'number' ? slice.ms : NaN);
      if (rounds < 0) throw new EngineError(`ms must be a number from 0 to 60000 (got ${String(slice.ms)})`);
    } else {
      throw new EngineError('A race slice is { rounds: n } or { ms: t }');
    }
    const epoch = h.epoch();
    return { epoch, rounds, finished: epoch >= this.#epochs };
  }

  /** The engine's report, with history from epoch `from` (0: all). */
  report(from = 0): RaceReport {
    return JSON.parse(this.#need().reportJson(Math.max(0, Math.floor(from)))) as RaceReport;
  }

  /** A contestant's head outputs on a res × res grid (seed 0), copied; EngineError for digits. */
  grid(contestant: number, req: GridRequest): Grid {
    const h = this.#needReady();
    if (!Number.isInteger(req.res) || req.res < 1 || req.res > MAX_GRID) throw new EngineError(`res must be a whole number from 1 to ${MAX_GRID}`);
    const outputs = h.outputs();
    const n = req.res * req.res * outputs;
    return { res: req.res, outputs, values: bufferCall(this.#module, n, (buf) => h.grid(contestant, req.res, req.x0, req.x1, req.y0, req.y1, buf)) };
  }

  /** The race's 2-D points per split (x, y, label per sample), copied; empty for digits. */
  points(): Points {
    const h = this.#needReady();
    const read = (test: boolean): Float32Array => {
      const n = h.pointCount(test);
      if (n === 0) return new Float32Array(0);
      const buf = new this.#module.F32Buffer(3 * n);
      try {
        return buf.view().slice(0, 3 * h.points(test, buf));
      } finally {
        buf.delete();
      }
    };
    return { train: read(false), test: read(true) };
  }

  dispose(): void {
    this.#handle?.delete();
    this.#handle = undefined;
  }

  #need(): RaceHandle {
    if (this.#handle === undefined) throw new EngineError('This race was disposed');
    return this.#handle;
  }

  #needReady(): RaceHandle {
    const h = this.#need();
    if (h.contestants() === 0) throw new EngineError('The race is not configured yet');
    return h;
  }
}
