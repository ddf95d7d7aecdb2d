// race-worker.ts — the worker side of the race operations (protocol.ts): a registry of Races by
// id. One raceAdvance trains a slice of interleaved rounds, then reports and draws every
// contestant's grid in the same message, so a playing page sends one request per frame.
import { EngineError } from './errors';
import type { Op, Ops } from './protocol';
import { Race } from './race';
import type { RaceAdvance, RaceFrameRequest, RaceModule, RaceSpec } from './race-types';

type RaceOp = Extract<Op, `race${string}`>;
export type RaceHandlers = {
  [K in RaceOp]: (engine: unknown, ...args: Ops[K]['args']) => Ops[K]['result'] | Promise<Ops[K]['result']>;
};

/** The progress, report and grids of a race as one frame. */
export function raceFrame(r: Race, rounds: number, frame: RaceFrameRequest = {}): RaceAdvance {
  const report = r.report(frame.from ?? 0);
  const progress = { epoch: report.epoch, rounds, finished: report.finished };
  const out: RaceAdvance = { progress, report };
  if (frame.points === true) out.points = r.points();
  if (frame.grid !== undefined && report.dataset.name !== 'digits') out.grids = report.contestants.map((_, i) => r.grid(i, frame.grid!));
  return out;
}

export function raceHandlers(loaded: Promise<unknown>): RaceHandlers {
  const races = new Map<number, Race>();
  let nextId = 1;
  const get = (id: number): Race => {
    const r = races.get(id);
    if (r === undefined) throw new EngineError(`No race ${String(id)} in the engine (it was disposed, or never created)`);
    return r;
  };
  const configure = (r: Race, spec: RaceSpec, digits?: Uint8Array) => {
    if (digits !== undefined) r.setDigits(digits);
    r.configure(spec);
  };
  return {
    raceCreate: async (_, spec, digits) => {
      const r = new Race((await loaded) as RaceModule);
      try {
        configure(r, spec, digits);
      } catch (err) {
        r.dispose();
        throw err;
      }
      races.set(nextId, r);
      return nextId++;
    },
    raceConfigure: (_, id, spec, digits) => {
      const r = get(id);
      configure(r, spec, digits);
      return raceFrame(r, 0);
    },
    raceAdvance: (_, id, slice, frame) => {
      const r = get(id);
      const { rounds } = r.advance(slice);
      return raceFrame(r, rounds, frame);
    },
    raceDispose: (_, id) => {
      races.get(id)?.dispose();
      return races.delete(id);
    },
  };
}
