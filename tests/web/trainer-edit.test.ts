// trainer-edit.test.ts — the playground's weight edits through the typed API and the worker
// protocol (Trainer.edit, RemoteTrainer.edit → trainerEdit → Trainer::set_weight / set_bias), with
// the Node wasm build: an edit writes W[layer][row][col] or a bias, comes back in the snapshot,
// lands between two slices while a page plays, and a bad index or value rejects with the engine's
// message while the model stays as it was.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startWorkerClient } from './fake-worker';

vi.mock('../../web/src/engine/generated/actlab_web.mjs', async () => (await import('./fake-worker')).nodeGlue());

const client = await startWorkerClient();
const { EngineError } = await import('../../web/src/engine/client');
const { RemoteTrainer } = await import('../../web/src/engine/trainer-client');
const { Trainer, loadNodeModule } = await import('../../web/src/engine/node');

const direct = new Trainer(await loadNodeModule());
afterAll(() => { direct.dispose(); client.terminate(); });
const config = { dataset: { name: 'xor' as const, samples: 100 }, network: { hidden: [{ units: 3, activation: 'tanh' }] } };

describe('weight edits', () => {
  it('same thread: a weight and a bias, the engine refusing bad ones by name', () => {
    direct.configure(config);
    direct.edit({ layer: 0, row: 1, col: 2, value: 0.75 });
    direct.edit({ layer: 1, row: 'bias', col: 0, value: -2 });
    const w = direct.weights();
    expect(w[0]!.W[1 * 3 + 2]).toBe(0.75);
    expect(w[1]!.b[0]).toBe(-2);
    const before = direct.exportModel();
    expect(() => direct.edit({ layer: 2, row: 0, col: 0, value: 1 })).toThrow(new EngineError('set_weight: layer 2 is out of range (0 to 1)'));
    expect(() => direct.edit({ layer: 0, row: 0, col: 3, value: 1 })).toThrow('set_weight: column (output unit) 3 is out of range (0 to 2)');
    expect(() => direct.edit({ layer: 0, row: 0, col: 0, value: NaN })).toThrow('set_weight: value nan is not a finite float32 number');
    expect(() => direct.edit({ layer: 1, row: 'bias', col: 1, value: 1 })).toThrow('set_bias: unit 1 is out of range (0 to 0)');
    expect(() => direct.edit({ layer: 0.5, row: 0, col: 0, value: 1 })).toThrow('layer must be a whole number');
    expect(direct.exportModel()).toBe(before);
  });

  it('through the worker: the snapshot after an edit is the same-thread one; while playing the edit lands between slices', async () => {
    await client.ready;
    const remote = await RemoteTrainer.create(client, config);
    direct.configure(config);
    const snap = await remote.edit({ layer: 1, row: 2, col: 0, value: 3 }, { weights: true });
    direct.edit({ layer: 1, row: 2, col: 0, value: 3 });
    expect(snap.status).toEqual(direct.status());
    expect(snap.weights).toEqual(direct.weights());
    await expect(remote.edit({ layer: 9, row: 0, col: 0, value: 1 })).rejects.toThrow('set_weight: layer 9 is out of range (0 to 1)');
    // Play a few frames and edit in between: the worker answers in order, so the edit is never inside a slice.
    let frames = 0;
    const playing = remote.play({ slice: { batches: 1 }, onFrame: () => { frames++; if (frames === 5) remote.pause(); },
      nextFrame: () => new Promise((r) => setTimeout(r, 0)) });
    const edited = await remote.edit({ layer: 0, row: 0, col: 0, value: -1.25 }, { weights: true });
    expect(edited.weights![0]!.W[0]).toBe(-1.25);
    await playing;
    expect(frames).toBe(5);
    await remote.dispose();
  });
});
