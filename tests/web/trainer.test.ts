// trainer.test.ts — the typed trainer API (web/src/engine/trainer.ts) over the Node wasm build:
// the documented runs reach the CLI's accuracies, seeded losses match the native bits (golden file
// and the CLI's own model file), grids/weights/health are copies of the right shape, and bad
// configs and model files are refused with the field named while the previous run is kept.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, Trainer, loadNodeModule } from '../../web/src/engine/node';
import type { TrainerConfig } from '../../web/src/engine/trainer-types';
import { digitsBytes, documentedRuns, hex64, readGoldenRuns, root } from './trainer-fixtures';

const module = await loadNodeModule();
const digits = digitsBytes();
const live: Trainer[] = [];
afterAll(() => live.forEach((t) => t.dispose()));

/** A configured trainer (disposed after the file). */
function trainer(config: TrainerConfig): Trainer {
  const t = new Trainer(module);
  live.push(t);
  t.setDigits(digits);
  t.configure(config);
  return t;
}

/** The message `fn` throws, asserting it is an EngineError. */
function engineErrorOf(fn: () => unknown): string {
  try { fn(); } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return (err as Error).message;
  }
  throw new Error('expected an EngineError, nothing was thrown');
}

const circle: TrainerConfig = { dataset: { name: 'circle' }, network: { hidden: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }] } };
const domain = { x0: -6, x1: 6, y0: -6, y1: 6 };

describe('the documented runs reach the CLI accuracies', () => {
  it.each(documentedRuns.map((r) => [r.name, r] as const))('%s', (_, run) => {
    const t = trainer(run.config);
    const p = t.advance({ epochs: run.epochs });
    expect(p).toMatchObject({ epoch: run.epochs, diverged: false });
    // Accuracies are k/n; the CLI prints them to 0.1%.
    expect(t.metrics('test').accuracy).toBeCloseTo(run.testAccuracy, 3);
    t.dispose();
  });
});

describe('same bits as the native build', () => {
  it.each(readGoldenRuns().map((r) => [r.name, r] as const))('%s: epoch losses and test metrics equal tests/golden/nn_train.txt', (_, run) => {
    const t = trainer(run.config);
    const losses = run.loss.map(() => {
      t.advance({ epochs: 1 });
      return hex64(t.progress().lastEpochLoss);
    });
    expect(losses).toEqual(run.loss);
    const m = t.metrics('test');
    expect([hex64(m.loss), hex64(m.accuracy)]).toEqual(run.test);
  });

  const cli = join(root, 'build/native/actlab');
  it.skipIf(!existsSync(cli))('the circle run equals `actlab train --out` (weights, optimiser, RNG) and its losses', () => {
    const run = documentedRuns[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'actlab-'));
    try {
      execFileSync(cli, ['train', ...run.cli, '--quiet', '--out', join(dir, 'm.json')], { cwd: root });
      const native = readFileSync(join(dir, 'm.json'), 'utf8');
      const t = trainer(run.config);
      t.advance({ epochs: run.epochs });
      expect(JSON.parse(t.exportModel())).toEqual(JSON.parse(native));
      const fromCli = trainer(run.config);
      fromCli.importModel(native);
      for (const split of ['train', 'test'] as const) {
        expect(hex64(fromCli.metrics(split).loss)).toBe(hex64(t.metrics(split).loss));
      }
      // and both continue identically
      expect(hex64(fromCli.advance({ epochs: 2 }).lastEpochLoss)).toBe(hex64(t.advance({ epochs: 2 }).lastEpochLoss));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('advancing', () => {
  it('counts batches and epochs, and a time slice does at least one batch', () => {
    const t = trainer(circle); // 250 training samples, batch 16: 16 batches per epoch
    expect(t.progress()).toMatchObject({ epoch: 0, steps: 0 });
    expect(Number.isNaN(t.progress().lastEpochLoss)).toBe(true);
    expect(t.advance({ batches: 3 })).toMatchObject({ epoch: 0, steps: 3, batches: 3 });
    expect(t.advance({ epochs: 1 })).toMatchObject({ epoch: 1, steps: 16, batches: 13 });
    const p = t.advance({ ms: 0 });
    expect(p.batches).toBe(1);
    expect(t.advance({ ms: 5 }).batches).toBeGreaterThanOrEqual(1);
  });

  it('reports and latches divergence (epochs and time slices)', () => {
    const config: TrainerConfig = { dataset: { name: 'plane' }, network: { hidden: [{ units: 8, activation: 'relu' }] }, training: { optimizer: 'sgd', learning_rate: 100 } };
    for (const slice of [{ epochs: 20 }, { ms: 200 }, { batches: 500 }]) {
      const t = trainer(config);
      const p = t.advance(slice);
      expect(p.diverged).toBe(true);
      const status = t.status();
      expect(status.diverged).toBe(true);
      expect(status.divergence?.message).toMatch(/\S/);
      expect(t.advance({ epochs: 1 }).steps).toBe(p.steps); // nothing more happens
      t.configure(config);
      expect(t.progress()).toMatchObject({ steps: 0, diverged: false });
    }
  });

  it('refuses bad slices and use before configure', () => {
    const t = trainer(circle);
    expect(engineErrorOf(() => t.advance({ epochs: -1 }))).toMatch(/epochs must be a whole number/);
    expect(engineErrorOf(() => t.advance({ batches: 1.5 }))).toMatch(/batches/);
    expect(engineErrorOf(() => t.advance({ ms: Number.NaN }))).toMatch(/ms must be/);
    expect(engineErrorOf(() => t.advance({} as never))).toMatch(/A slice is/);
    const fresh = new Trainer(module);
    live.push(fresh);
    expect(fresh.ready).toBe(false);
    expect(engineErrorOf(() => fresh.advance({ epochs: 1 }))).toMatch(/not configured/);
    fresh.dispose();
    expect(engineErrorOf(() => fresh.status())).toMatch(/disposed/);
  });
});

describe('reading the state', () => {
  const t = trainer(circle);
  t.advance({ epochs: 5 });

  it('metrics and status agree', () => {
    const s = t.status();
    expect(s).toMatchObject({ ready: true, epoch: 5, steps: 80, diverged: false, divergence: null, outputs: 1, params: 8 * 2 + 8 + 8 * 8 + 8 + 8 + 1 });
    expect(s.dataset).toEqual({ name: 'circle', task: 'binary', classes: 2, inputs: 2, nTrain: 250, nTest: 250 });
    expect(s.test).toEqual(t.metrics('test'));
    expect(s.train).toEqual(t.metrics('train'));
  });

  it('copies a decision grid of any resolution out of wasm memory', () => {
    for (const res of [1, 7, 100]) {
      const g = t.grid({ res, ...domain });
      expect(g).toMatchObject({ res, outputs: 1 });
      expect(g.values.length).toBe(res * res);
      expect(g.values.every((v) => v > 0 && v < 1)).toBe(true); // sigmoid probabilities
    }
    const a = t.grid({ res: 50, ...domain });
    const b = t.grid({ res: 50, ...domain });
    expect(a.values.buffer).not.toBe(b.values.buffer);
    expect(a.values).toEqual(b.values);
    // A trained circle model separates the centre from the corners of its [-2, 2]² domain.
    const trained = trainer(circle);
    trained.advance({ epochs: 50 });
    const c = trained.grid({ res: 50, x0: -2, x1: 2, y0: -2, y1: 2 }).values;
    expect(Math.abs(c[25 * 50 + 25]! - c[0]!)).toBeGreaterThan(0.5);
  });

  it('gives softmax rows for multi-class grids', () => {
    const s = trainer({ dataset: { name: 'spiral', classes: 3 }, network: { hidden: [{ units: 8, activation: 'relu' }] } });
    const g = s.grid({ res: 10, ...domain });
    expect(g.outputs).toBe(3);
    expect(g.values.length).toBe(300);
    expect(g.values[0]! + g.values[1]! + g.values[2]!).toBeCloseTo(1, 5);
  });

  it('refuses impossible grids', () => {
    expect(engineErrorOf(() => t.grid({ res: 0, ...domain }))).toMatch(/res|grid/);
    expect(engineErrorOf(() => t.grid({ res: 4096, ...domain }))).toMatch(/res must be/);
    expect(engineErrorOf(() => t.grid({ res: 10, x0: 1, x1: -1, y0: 0, y1: 1 }))).toMatch(/x1 > x0/);
    const d = trainer(documentedRuns.at(-1)!.config);
    expect(engineErrorOf(() => d.grid({ res: 10, ...domain }))).toMatch(/digits/);
  });

  it('snapshots weights and health with the network shape', () => {
    const w = t.weights();
    expect(w.map((l) => [l.in, l.out, l.activation])).toEqual([[2, 8, 'tanh'], [8, 8, 'tanh'], [8, 1, 'sigmoid_bce']]);
    expect(w.map((l) => [l.W.length, l.b.length, l.alpha.length])).toEqual([[16, 8, 0], [64, 8, 0], [8, 1, 0]]);
    expect(w[0]!.W).toBeInstanceOf(Float32Array);
    const h = t.health();
    expect(h.map((l) => l.layer)).toEqual([1, 2, 3].slice(0, h.length));
    expect(h[0]!.histogram.length).toBe(20);
    const snap = t.snapshot({ grid: { res: 4, ...domain }, weights: true, health: true });
    expect(snap.grid?.values.length).toBe(16);
    expect(snap.weights).toEqual(w);
    expect(snap.status.epoch).toBe(5);
  });
});

describe('the weights version: a snapshot carries the weights only when they changed', () => {
  it('bumps with steps, edits, imports and configure, never with reads', () => {
    const t = trainer(circle);
    const v0 = t.version;
    expect(t.snapshot({ weights: { since: v0 } }).weights).toBeUndefined();
    expect(t.snapshot({ weights: { since: v0 - 1 } }).weights).toEqual(t.weights());
    expect(t.snapshot({ weights: true }).version).toBe(v0);
    t.metrics('test'); t.units(); t.health(); t.neurons({ res: 4, ...domain }); t.grid({ res: 4, ...domain });
    expect(t.version).toBe(v0);
    t.advance({ batches: 1 });
    const v1 = t.version;
    expect(v1).toBeGreaterThan(v0);
    expect(t.snapshot({ weights: { since: v0 } }).weights).toEqual(t.weights());
    expect(t.snapshot({ weights: { since: v1 } }).weights).toBeUndefined();
    t.edit({ layer: 0, row: 0, col: 0, value: 0.5 });
    expect(t.version).toBeGreaterThan(v1);
    expect(t.snapshot({ weights: { since: v1 } }).weights![0]!.W[0]).toBe(0.5);
    const v2 = t.version;
    const file = t.exportModel();
    t.importModel(file);
    expect(t.version).toBeGreaterThan(v2);
    const v3 = t.version;
    t.configure(circle);
    expect(t.version).toBeGreaterThan(v3);
    // An advance that trains nothing (after divergence, or zero batches) keeps the version.
    const v4 = t.version;
    t.advance({ batches: 0 });
    expect(t.version).toBe(v4);
  });

  it('neuron grids name each layer\'s units (read once per shape, refreshed by configure)', () => {
    const t = trainer(circle);
    expect(t.neurons({ res: 2, ...domain }).units).toEqual([8, 8, 1]);
    t.configure({ ...circle, network: { hidden: [{ units: 3, activation: 'relu' }] } });
    expect(t.neurons({ res: 2, ...domain }).units).toEqual([3, 1]);
  });
});

describe('refused input keeps the previous run', () => {
  it('a bad config names the field', () => {
    const t = trainer(circle);
    t.advance({ epochs: 2 });
    const before = t.exportModel();
    expect(engineErrorOf(() => t.configure({ training: { optimizer: 'rmsprop' as never } }))).toMatch(/optimizer "rmsprop" is not accepted/);
    expect(engineErrorOf(() => t.configure({ network: { hidden: [{ units: 8, activation: 'nope' }] } }))).toMatch(/nope/);
    expect(engineErrorOf(() => t.configure({ dataset: { bogus: 1 } as never }))).toMatch(/bogus/);
    expect(t.exportModel()).toBe(before);
  });

  it('a malformed model file names the field, and training continues as if nothing happened', () => {
    const t = trainer(circle);
    const twin = trainer(circle);
    t.advance({ epochs: 3 });
    twin.advance({ epochs: 3 });
    const good = t.exportModel();
    const model = JSON.parse(good) as { layers: { W: number[] }[]; format: string };
    model.layers[1]!.W.pop();
    expect(engineErrorOf(() => t.importModel(JSON.stringify(model)))).toMatch(/model\.layers\[1\]\.W: expected 64 numbers, got 63/);
    expect(engineErrorOf(() => t.importModel(JSON.stringify({ ...JSON.parse(good), format: 'other' })))).toMatch(/format/);
    expect(engineErrorOf(() => t.importModel('{"format": '))).toMatch(/\S/);
    expect(engineErrorOf(() => t.importModel(42 as never))).toMatch(/JSON text/);
    expect(t.exportModel()).toBe(good);
    expect(hex64(t.advance({ epochs: 2 }).lastEpochLoss)).toBe(hex64(twin.advance({ epochs: 2 }).lastEpochLoss));
  });

  it('a good model file round-trips and continues bit for bit', () => {
    const a = trainer(circle);
    a.advance({ batches: 21 }); // mid-epoch
    const b = trainer({ dataset: { name: 'xor' } });
    b.importModel(a.exportModel());
    expect(b.exportModel()).toBe(a.exportModel());
    expect(hex64(b.advance({ epochs: 3 }).lastEpochLoss)).toBe(hex64(a.advance({ epochs: 3 }).lastEpochLoss));
  });
});
