// playground.test.ts — the playground's state table (URL round trips, hostile values clamped or
// ignored with a notice, empty hidden-layer list) and its trainer config: every data set's config
// is accepted by the engine, reset (configure again) gives the same losses bit for bit, and the
// engine's point export (x, y, label per sample) matches the dataset's split sizes and labels.
import { afterAll, describe, expect, it } from 'vitest';
import { loadNodeModule, Trainer } from '../../web/src/engine/node';
import { defaults, parseState, serialiseState } from '../../web/src/state/schema';
import { DATASETS, domainOf, layerActivations, playgroundTable, sliceOf, trainerConfig, type PlaygroundState } from '../../web/src/state/playground';

const ids = ['identity', 'sigmoid', 'tanh', 'relu', 'gelu'];
const table = playgroundTable(ids);
const t = new Trainer(await loadNodeModule());
afterAll(() => t.dispose());

describe('playground state table', () => {
  it('defaults serialise to an empty query and round-trip a changed state', () => {
    expect(serialiseState(table, defaults(table))).toBe('');
    const s = defaults(table) as PlaygroundState;
    Object.assign(s, { data: 'spiral', classes: 4, units: ['8', '8', '3'], act: ['relu', 'tanh', 'relu'], lr: 0.003, opt: 'adam', feat: ['x', 'y', 'sinx'], test: true });
    const q = serialiseState(table, s);
    expect(parseState(table, q).state).toEqual(s);
    expect(parseState(table, q).notices).toEqual([]);
  });
  it('an empty layer list is a linear model and survives the URL', () => {
    const s = { ...defaults(table), units: [] as string[] } as PlaygroundState;
    const q = serialiseState(table, s);
    expect(q).toBe('units=');
    expect(parseState(table, q).state.units).toEqual([]);
    expect(trainerConfig(parseState(table, q).state as PlaygroundState).network!.hidden).toEqual([]);
  });
  it('hostile values are clamped or ignored, with a notice each', () => {
    const p = parseState(table, 'units=16,99,4,4,4,4,4,4,4,4&lr=1e9&batch=-3&data=digits&act=<script>&feat=z&samples=NaN');
    expect(p.state.units).toEqual(['16', '4', '4', '4', '4', '4', '4', '4']);
    expect(p.state.lr).toBe(10);
    expect(p.state.batch).toBe(1);
    expect(p.state.data).toBe('circle');
    expect(p.state.act).toEqual(['tanh']);
    expect(p.state.feat).toEqual(['x', 'y']);
    expect(p.notices.length).toBeGreaterThanOrEqual(7);
  });
  it('one activation applies to every layer; a per-layer list pads with its last entry', () => {
    expect(layerActivations({ act: ['relu'], units: ['2', '2', '2'] })).toEqual(['relu', 'relu', 'relu']);
    expect(layerActivations({ act: ['relu', 'gelu'], units: ['2', '2', '2'] })).toEqual(['relu', 'gelu', 'gelu']);
    expect(sliceOf('batch')).toEqual({ batches: 1 });
    expect(sliceOf('fast')).toEqual({ ms: 12 });
    expect(sliceOf('slow')).toEqual({ epochs: 1 });
  });
});

describe('playground configs in the engine', () => {
  it('every data set trains, reset repeats the losses bit for bit, and the points match the split', () => {
    for (const data of Object.keys(DATASETS)) {
      const s = { ...defaults(table), data, samples: 120, classes: 3, feat: ['x', 'y', 'xy'] } as PlaygroundState;
      const config = trainerConfig(s);
      t.configure(config);
      const status = t.status();
      const pts = t.points();
      expect(pts.train.length, data).toBe(3 * status.dataset!.nTrain);
      expect(pts.test.length, data).toBe(3 * status.dataset!.nTest);
      const d = domainOf(data);
      for (let i = 0; i < pts.train.length; i += 3) {
        expect(Math.abs(pts.train[i]!), data).toBeLessThan(d * 1.6);
        if (data !== 'plane' && data !== 'bumps') expect(Number.isInteger(pts.train[i + 2]!)).toBe(true);
      }
      t.advance({ epochs: 2 });
      const first = t.metrics('test').loss;
      t.configure(config);
      t.advance({ epochs: 2 });
      expect(t.metrics('test').loss, data).toBe(first);
      expect(Number.isFinite(first), data).toBe(true);
    }
  });
});

describe('presets', () => {
  it('every preset is a valid state the engine accepts, and each serialises to a short link', async () => {
    const { PRESETS } = await import('../../web/src/state/playground');
    const all = playgroundTable(['identity', 'sigmoid', 'tanh', 'relu', 'gelu']);
    for (const p of PRESETS) {
      const s = { ...defaults(all), ...p.state } as PlaygroundState;
      const q = serialiseState(all, s);
      expect(parseState(all, q).notices, p.id).toEqual([]);
      expect(parseState(all, q).state, p.id).toEqual(s);
      t.configure(trainerConfig(s));
      expect(t.status().ready, p.id).toBe(true);
    }
  });
});
