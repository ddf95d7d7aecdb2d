// trainer-client.test.ts — RemoteTrainer / EngineClient ↔ worker.ts ↔ Trainer over the worker
// protocol, in-process under Node (fake-worker.ts), with the Node wasm build as the glue.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { posted, startWorkerClient } from './fake-worker';
import { digitsBytes, documentedRuns, hex64 } from './trainer-fixtures';

vi.mock('../../web/src/engine/generated/actlab_web.mjs', async () => (await import('./fake-worker')).nodeGlue());

const client = await startWorkerClient();
const { EngineError } = await import('../../web/src/engine/client');
const { RemoteTrainer } = await import('../../web/src/engine/trainer-client');
const { Trainer, loadNodeModule } = await import('../../web/src/engine/node');

const direct = new Trainer(await loadNodeModule());
afterAll(() => { direct.dispose(); client.terminate(); });

const config = { dataset: { name: 'circle' as const }, network: { hidden: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }] } };
const grid = { res: 100, x0: -2, x1: 2, y0: -2, y1: 2 };

describe('trainers through the worker protocol', () => {
  it('trains in slices with the same bits as the same-thread API, transferring the grid', async () => {
    await client.ready;
    const remote = await RemoteTrainer.create(client, config);
    direct.configure(config);
    const frame = await remote.advance({ epochs: 1 }, { grid, weights: true });
    expect(frame.progress).toEqual(direct.advance({ epochs: 1 }));
    expect(frame.snapshot!.status).toEqual(direct.status());
    const values = frame.snapshot!.grid!.values;
    expect(new Uint32Array(values.buffer)).toEqual(new Uint32Array(direct.grid(grid).values.buffer));
    expect(frame.snapshot!.weights).toEqual(direct.weights());
    const last = posted.at(-1)!;
    const sent = (last.message as { result: { snapshot: { grid: { values: Float32Array } } } }).result.snapshot.grid.values;
    expect(last.transfer).toContain(sent.buffer);
    expect(last.transfer!.length).toBe(1 + 3 * 3); // the grid and W, b, alpha of three layers

    const step = await remote.step('batch');
    expect(step.progress.steps).toBe(17);
    const snap = await remote.snapshot({ health: true });
    expect(snap.health?.length).toBeGreaterThan(0);
    expect(await remote.dispose()).toBeUndefined();
    await expect(remote.snapshot()).rejects.toBeInstanceOf(EngineError);
  });

  it('plays frame by frame until paused, then steps', async () => {
    const remote = await RemoteTrainer.create(client, config);
    const frames: number[] = [];
    const playing = remote.play({
      slice: { batches: 4 },
      snapshot: { grid: { ...grid, res: 20 } },
      onFrame: (f) => {
        frames.push(f.progress.steps);
        expect(f.snapshot!.grid!.values.length).toBe(400);
        if (frames.length === 5) remote.pause();
      },
    });
    expect(remote.playing).toBe(true);
    await playing;
    expect(remote.playing).toBe(false);
    expect(frames).toEqual([4, 8, 12, 16, 20]);
    const s = await remote.step();
    expect(s.progress).toMatchObject({ epoch: 2, steps: 32 });
    await remote.dispose();
  });

  it('refuses bad configs and model files with EngineError, keeping the trainer', async () => {
    await expect(RemoteTrainer.create(client, { training: { batch: 0 } })).rejects.toThrow(/training\.batch/);
    const remote = await RemoteTrainer.create(client, config);
    await remote.advance({ epochs: 2 });
    const good = await remote.exportModel();
    const bad = JSON.parse(good) as { layers: { b: number[] }[] };
    bad.layers[0]!.b.push(0);
    const err = await remote.importModel(JSON.stringify(bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as Error).message).toMatch(/model\.layers\[0\]\.b/);
    await expect(remote.configure({ network: { init: 'magic' as never } })).rejects.toThrow(/network\.init/);
    expect(await remote.exportModel()).toBe(good);
    expect((await remote.importModel(good)).epoch).toBe(2);
    await expect(client.trainerAdvance(9999, { epochs: 1 })).rejects.toThrow(/No trainer 9999/);
    await remote.dispose();
  });

  it('trains the digits from bytes sent by the page', async () => {
    const run = documentedRuns.find((r) => r.name === 'digits')!;
    const remote = await RemoteTrainer.create(client, run.config, digitsBytes());
    const { progress, snapshot } = await remote.advance({ epochs: 2 }, {});
    direct.setDigits(digitsBytes());
    direct.configure(run.config);
    expect(hex64(progress.lastEpochLoss)).toBe(hex64(direct.advance({ epochs: 2 }).lastEpochLoss));
    expect(snapshot!.status.dataset).toMatchObject({ name: 'digits', inputs: 64, classes: 10 });
    await remote.dispose();
  });
});
