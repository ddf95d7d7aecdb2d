// race-client.test.ts — RemoteRace / EngineClient ↔ worker ↔ Race over the worker protocol,
// in-process under Node (fake-worker.ts), with the Node wasm build as the glue: the frames carry
// the same report as the same-thread API, the grids are transferred, playing asks for the next
// slice while a frame is drawn yet never skips or repeats an epoch, and a pause delivers the frame
// that was in flight.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { posted, startWorkerClient } from './fake-worker';

vi.mock('../../web/src/engine/generated/actlab_web.mjs', async () => (await import('./fake-worker')).nodeGlue());

const client = await startWorkerClient();
const { EngineError } = await import('../../web/src/engine/client');
const { RemoteRace } = await import('../../web/src/engine/race-client');
const { Race, loadNodeModule } = await import('../../web/src/engine/node');

const direct = new Race(await loadNodeModule());
afterAll(() => { direct.dispose(); client.terminate(); });

const spec = {
  config: { dataset: { name: 'circle' as const }, network: { hidden: [{ units: 8 }] } },
  contestants: [{ activation: 'sigmoid' }, { activation: 'relu' }, { activation: 'gelu' }], epochs: 12,
};
const grid = { res: 10, x0: -2.5, x1: 2.5, y0: -2.5, y1: 2.5 };

describe('races through the worker protocol', () => {
  it('advances with the same report as the same-thread API, transferring one grid per contestant', async () => {
    await client.ready;
    const remote = await RemoteRace.create(client, spec);
    direct.configure(spec);
    const frame = await remote.advance({ rounds: 2 }, { from: 0, grid, points: true });
    direct.advance({ rounds: 2 });
    expect(frame.report).toEqual(direct.report(0));
    expect(frame.progress).toEqual({ epoch: 2, rounds: 2, finished: false });
    expect(frame.grids!.map((g) => g.values.length)).toEqual([100, 100, 100]);
    expect(new Uint32Array(frame.grids![1]!.values.buffer)).toEqual(new Uint32Array(direct.grid(1, grid).values.buffer));
    expect(posted.at(-1)!.transfer!.length).toBe(3 + 2); // three grids, the two splits' points
    await expect(remote.configure({ ...spec, seeds: 99 })).rejects.toBeInstanceOf(EngineError);
    await remote.dispose();
    await expect(remote.advance({ rounds: 1 })).rejects.toThrow(/No race/);
  });

  it('plays with the next slice in flight: every epoch once, to the end; a pause delivers the last frame', async () => {
    const remote = await RemoteRace.create(client, spec);
    let from = 0;
    const seen: number[] = [];
    await remote.play({
      slice: { rounds: 1 },
      frame: () => ({ from }),
      onFrame: (f) => {
        f.report.contestants[0]!.history.trainLoss.forEach((_, k) => seen.push(f.report.from + k));
        from = f.report.epoch + 1;
      },
      nextFrame: () => Promise.resolve(),
    });
    expect(seen).toEqual(Array.from({ length: 13 }, (_, i) => i)); // epochs 0..12, none twice
    expect(remote.playing).toBe(false);

    // Paused inside a frame's drawing: nothing more is asked for.
    const again = await RemoteRace.create(client, spec);
    const epochs: number[] = [];
    await again.play({
      slice: { rounds: 1 }, frame: () => ({}), nextFrame: () => Promise.resolve(),
      onFrame: (f) => { epochs.push(f.progress.epoch); if (epochs.length === 3) again.pause(); },
    });
    expect(epochs).toEqual([1, 2, 3]);
    // Paused between frames (a click while the fourth slice is in the worker): it is still delivered.
    const later: number[] = [];
    await again.play({
      slice: { rounds: 1 }, frame: () => ({}), onFrame: (f) => later.push(f.progress.epoch),
      nextFrame: () => { if (later.length === 3) again.pause(); return Promise.resolve(); },
    });
    expect(later).toEqual([4, 5, 6, 7]);
    await again.dispose();
    await remote.dispose();
  });
});
