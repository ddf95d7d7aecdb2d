// race.test.ts — the activation race through the typed API (web/src/engine/race.ts) over the Node
// wasm build: contestants start from identical initial weights (the same as a lone Trainer's),
// each contestant's losses equal a lone Trainer's bit for bit, the worker frame carries a grid per
// contestant, and bad specs are refused naming the field while the previous race is kept.
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, Race, Trainer, loadNodeModule } from '../../web/src/engine/node';
import { raceFrame } from '../../web/src/engine/race-worker';
import type { RaceSpec } from '../../web/src/engine/race-types';
import { digitsBytes } from './trainer-fixtures';

const module = await loadNodeModule();
const live: { dispose(): void }[] = [];
afterAll(() => live.forEach((x) => x.dispose()));
const track = <T extends { dispose(): void }>(x: T): T => { live.push(x); return x; };

const course: RaceSpec = {
  config: { dataset: { name: 'circle', noise: 0.05 }, network: { hidden: [{ units: 8 }] }, training: { optimizer: 'adam', learning_rate: 0.01, batch: 16 } },
  contestants: [{ activation: 'sigmoid' }, { activation: 'relu' }, { activation: 'gelu' }],
  epochs: 20,
};

describe('activation race (Node wasm)', () => {
  it('every contestant starts from the same initial weights as a lone trainer of that activation', () => {
    const r = track(new Race(module));
    r.configure(course);
    const rep = r.report();
    expect(rep.sameInitialWeights).toBe(true);
    const hashes = rep.contestants.map((c) => c.initialHash);
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    // A lone trainer with each activation has exactly the first layer's weights of every other.
    const first = course.contestants.map(({ activation }) => {
      const t = track(new Trainer(module));
      t.configure({ ...course.config, network: { hidden: [{ units: 8, activation }] } });
      return t.weights();
    });
    for (const w of first.slice(1)) {
      expect(w[0]!.W).toEqual(first[0]![0]!.W);
      expect(w[1]!.W).toEqual(first[0]![1]!.W);
    }
  });

  it('each contestant equals a lone trainer, epoch by epoch; nobody runs ahead', () => {
    const r = track(new Race(module));
    r.configure(course);
    expect(r.advance({ rounds: 5 })).toEqual({ epoch: 5, rounds: 5, finished: false });
    const rep = r.report();
    course.contestants.forEach(({ activation }, i) => {
      const t = track(new Trainer(module));
      t.configure({ ...course.config, network: { hidden: [{ units: 8, activation }] } });
      const want = [t.metrics('test').loss];
      for (let e = 0; e < 5; e++) { t.advance({ epochs: 1 }); want.push(t.metrics('test').loss); }
      expect(rep.contestants[i]!.history.testLoss).toEqual(want);
      expect(rep.contestants[i]!.epoch).toBe(5);
    });
    // Finishing: the race stops at its length.
    expect(r.advance({ rounds: 100 })).toEqual({ epoch: 20, rounds: 15, finished: true });
    expect(r.report(19).contestants[0]!.history.trainLoss).toHaveLength(2);
  });

  it('the worker frame: report, points and a grid per contestant; digits has none', () => {
    const r = track(new Race(module));
    r.configure(course);
    const f = raceFrame(r, 0, { from: 0, points: true, grid: { res: 8, x0: -2.5, x1: 2.5, y0: -2.5, y1: 2.5 } });
    expect(f.grids).toHaveLength(3);
    expect(f.grids![0]!.values).toHaveLength(64);
    expect(f.points!.train.length).toBe(3 * f.report.dataset.nTrain);
    const d = track(new Race(module));
    d.setDigits(digitsBytes());
    d.configure({ config: { dataset: { name: 'digits', samples: 200 }, network: { hidden: [{ units: 8 }] } }, contestants: course.contestants, epochs: 2 });
    const g = raceFrame(d, 0, { grid: { res: 8, x0: -1, x1: 1, y0: -1, y1: 1 } });
    expect(g.grids).toBeUndefined();
    expect(g.report.dataset.classes).toBe(10);
    expect(() => d.grid(0, { res: 8, x0: -1, x1: 1, y0: -1, y1: 1 })).toThrow(/digits/);
  });

  it('refuses bad specs naming the field, and keeps the previous race', () => {
    const r = track(new Race(module));
    r.configure(course);
    r.advance({ rounds: 2 });
    const msg = (spec: unknown) => { try { r.configure(spec as RaceSpec); } catch (e) { expect(e).toBeInstanceOf(EngineError); return (e as Error).message; } return ''; };
    expect(msg({ contestants: [{ activation: 'relu' }] })).toMatch(/^race.contestants must hold 2 to 8/);
    expect(msg({ contestants: [{ activation: 'relu' }, { activation: 'bogus' }] })).toMatch(/^race.contestants\[1\] \(bogus\)/);
    expect(msg({ ...course, seeds: 0 })).toBe('race.seeds must be a whole number in [1, 10]');
    expect(msg({ ...course, config: { training: { learning_rate: -1 } } })).toMatch(/learning_rate/);
    expect(() => r.advance({ ms: NaN })).toThrow(EngineError);
    expect(r.report().epoch).toBe(2);
  });
});
