// frame-grids.test.ts — the raw Embind Trainer.frameGrids (cpp/bindings/nn.cpp) over the Node wasm
// build: the decision grid and every neuron's grid from one forward pass, the same bits as the two
// calls grid() and neuronGrids(), and its refusals as strings (FRAME_API.md).
import { afterAll, describe, expect, it } from 'vitest';
import { loadNodeModule } from '../../web/src/engine/node';
import type { TrainerHandle } from '../../web/src/engine/trainer-types';
import type { F32Buffer } from '../../web/src/engine/types';

type FrameHandle = TrainerHandle & {
  frameGrids(res: number, x0: number, x1: number, y0: number, y1: number, grid: F32Buffer, neurons: F32Buffer): string;
};

const module = await loadNodeModule();
const owned: { delete(): void }[] = [];
afterAll(() => owned.forEach((o) => o.delete()));
function buffer(n: number): F32Buffer {
  const b = new module.F32Buffer(n);
  owned.push(b);
  return b;
}

describe('Trainer.frameGrids', () => {
  const h = new module.Trainer!() as FrameHandle;
  owned.push(h);
  expect(h.configure(JSON.stringify({ dataset: { name: 'circle', samples: 200 },
    network: { hidden: [{ units: 6, activation: 'tanh' }, { units: 4, activation: 'tanh' }] }, training: { batch: 10 } }))).toBe('');
  h.stepEpochs(3);
  const res = 23, cells = res * res, units = h.neuronCount(), outs = h.outputs();

  it('gives the bits of grid() and neuronGrids()', () => {
    const grid = buffer(cells * outs), neurons = buffer(cells * units), grid2 = buffer(cells * outs), neurons2 = buffer(cells * units);
    expect(h.frameGrids(res, -3, 3, -2, 4, grid, neurons)).toBe('');
    expect(h.grid(res, -3, 3, -2, 4, grid2)).toBe('');
    expect(h.neuronGrids(res, -3, 3, -2, 4, neurons2)).toBe('');
    expect(new Uint32Array(grid.view().slice().buffer)).toEqual(new Uint32Array(grid2.view().slice().buffer));
    expect(new Uint32Array(neurons.view().slice().buffer)).toEqual(new Uint32Array(neurons2.view().slice().buffer));
    expect(grid.view().some((v) => v !== 0)).toBe(true);
  });

  it('refuses small buffers and bad requests with a message', () => {
    expect(h.frameGrids(res, -1, 1, -1, 1, buffer(cells * outs - 1), buffer(cells * units))).toBe('frameGrids: the grid buffer needs res*res*outputs floats');
    expect(h.frameGrids(res, -1, 1, -1, 1, buffer(cells * outs), buffer(cells * units - 1))).toBe('frameGrids: the output buffer needs res*res*neurons floats');
    expect(h.frameGrids(101, -1, 1, -1, 1, buffer(1), buffer(1))).toBe('frameGrids: resolution must be in [1, 100], got 101');
    expect(h.frameGrids(res, 1, -1, -1, 1, buffer(cells * outs), buffer(cells * units))).toBe('frameGrids: the domain must be finite with x1 > x0 and y1 > y0');
  });
});
