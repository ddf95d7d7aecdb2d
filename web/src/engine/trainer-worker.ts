// trainer-worker.ts — the worker side of the trainer operations (protocol.ts): a registry of
// Trainers by id, each answering one request at a time. The worker answers messages in order, so
// a page "plays" by sending one trainerAdvance per frame and "pauses" by sending none.
import { EngineError } from './errors';
import type { Op, Ops } from './protocol';
import { readPointsCsv, Trainer } from './trainer';
import type { TrainerConfig, TrainerModule } from './trainer-types';

type TrainerOp = Extract<Op, `trainer${string}`>;
/** The handlers worker.ts merges into its table (the first argument, the Engine, is unused). */
export type TrainerHandlers = {
  [K in TrainerOp]: (engine: unknown, ...args: Ops[K]['args']) => Ops[K]['result'] | Promise<Ops[K]['result']>;
};

/** Trainer handlers over the module `loaded` resolves to. */
export function trainerHandlers(loaded: Promise<unknown>): TrainerHandlers {
  const trainers = new Map<number, Trainer>();
  let nextId = 1;

  const get = (id: number): Trainer => {
    const t = trainers.get(id);
    if (t === undefined) throw new EngineError(`No trainer ${String(id)} in the engine (it was disposed, or never created)`);
    return t;
  };
  const configure = (t: Trainer, config: TrainerConfig, digits?: Uint8Array) => {
    if (digits !== undefined) t.setDigits(digits);
    t.configure(config);
    return t.status();
  };

  return {
    trainerCreate: async (_, config, digits) => {
      const t = new Trainer((await loaded) as TrainerModule);
      try {
        configure(t, config, digits);
      } catch (err) {
        t.dispose();
        throw err;
      }
      trainers.set(nextId, t);
      return nextId++;
    },
    trainerConfigure: (_, id, config, digits) => configure(get(id), config, digits),
    trainerAdvance: (_, id, slice, snapshot) => {
      const t = get(id);
      const progress = t.advance(slice);
      return snapshot === undefined ? { progress } : { progress, snapshot: t.snapshot(snapshot) };
    },
    trainerSnapshot: (_, id, req) => get(id).snapshot(req),
    trainerExport: (_, id) => get(id).exportModel(),
    trainerImport: (_, id, text) => {
      const t = get(id);
      t.importModel(text);
      return t.status();
    },
    trainerEdit: (_, id, edit, snapshot) => {
      const t = get(id);
      t.edit(edit);
      return t.snapshot(snapshot);
    },
    trainerPoints: (_, id) => get(id).points(),
    trainerPointsCsv: (_, id) => get(id).pointsCsv(),
    trainerReadCsv: async (_, text, opts) => readPointsCsv((await loaded) as TrainerModule, text, opts),
    trainerDispose: (_, id) => {
      const t = trainers.get(id);
      t?.dispose();
      return trainers.delete(id);
    },
  };
}
