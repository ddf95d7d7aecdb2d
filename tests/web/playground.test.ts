// playground.test.ts — the playground's state table (URL round trips, hostile values clamped or
// ignored with a notice, empty hidden-layer list) and its trainer config: every data set's config
// is accepted by the engine, reset (configure again) gives the same losses bit for bit, and the
// engine's point export (x, y, label per sample) matches the dataset's split sizes and labels.
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../web/src/engine/errors';
import { loadNodeModule, readPointsCsv, Trainer } from '../../web/src/engine/node';
import { defaults, parseState, serialiseState } from '../../web/src/state/schema';
import {
  DATASETS, decodePoints, domainOf, encodePoints, keepClasses, layerActivations, OWN_URL_POINTS, ownPointProblems, playgroundTable, sliceOf,
  STARTER_POINTS, stateFromConfig, trainerConfig, type PlaygroundState,
} from '../../web/src/state/playground';

const ids = ['identity', 'sigmoid', 'tanh', 'relu', 'gelu'];
const table = playgroundTable(ids);
const module = await loadNodeModule();
const t = new Trainer(module);
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
  it('the weight editor: on by default, off in the link, and a teacher may hide or lock it', () => {
    expect(defaults(table).wedit).toBe(true);
    const off = { ...defaults(table), wedit: false } as PlaygroundState;
    const q = serialiseState(table, off);
    expect(q).toBe('wedit=0');
    expect(parseState(table, q).state.wedit).toBe(false);
    const hidden = parseState(table, 'hide=wedit');
    expect([...hidden.hidden]).toEqual(['wedit']);
    expect(hidden.notices).toEqual([]);
    const locked = parseState(table, 'lock=wedit');
    expect([...locked.locked]).toEqual(['wedit']);
    expect(locked.state.wedit).toBe(true);
    expect(serialiseState(table, locked.state, locked.hidden, locked.locked)).toBe('lock=wedit');
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

describe('own points in the link', () => {
  it('encode as x_y_label joined by ~, three decimals, and round-trip through the URL', () => {
    expect(encodePoints([0.12345, -1, 1, 2.5, -0.0001, 0])).toBe('0.123_-1_1~2.5_0_0');
    const s = { ...defaults(table), data: 'own', pts: encodePoints([1, 1, 0, -1.25, 0.5, 1, 0, -2, 1]) } as PlaygroundState;
    const q = serialiseState(table, s);
    expect(q).toBe('data=own&pts=1_1_0~-1.25_0.5_1~0_-2_1');
    const back = parseState(table, q);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
    expect(decodePoints(back.state.pts)).toEqual([1, 1, 0, -1.25, 0.5, 1, 0, -2, 1]);
    // The starter points are the default: not written; an empty set is written as pts=.
    expect(serialiseState(table, { ...defaults(table), data: 'own' } as PlaygroundState)).toBe('data=own');
    expect(decodePoints(STARTER_POINTS)).toHaveLength(36);
    const empty = serialiseState(table, { ...defaults(table), data: 'own', pts: '' } as PlaygroundState);
    expect(empty).toBe('data=own&pts=');
    expect(parseState(table, empty).state.pts).toBe('');
  });
  it('malformed, far-away and surplus points are dropped with a notice each', () => {
    const p = parseState(table, 'data=own&pts=1_1_0~abc~1_2~0_0_x~9_0_1~0_0_1~1e3_0_0');
    expect(p.state.pts).toBe('1_1_0~0_0_1');
    expect(p.notices).toEqual([
      'Own points: 4 points not written as x_y_label (the first: “abc”); dropped.',
      'Own points: 1 point outside the plane (x and y within ±2.5); dropped.',
    ]);
    const many = Array.from({ length: OWN_URL_POINTS + 5 }, (_, i) => `0_0.${i}_1`).join('~');
    const m = parseState(table, `pts=${many}`);
    expect(decodePoints(m.state.pts)).toHaveLength(3 * OWN_URL_POINTS);
    expect(m.notices).toEqual(['Own points: a link carries at most 200 points; the rest were ignored.']);
    const long = parseState(table, `pts=${'1_1_0~'.repeat(1000)}`);
    expect(long.notices).toEqual([`Own points: longer than ${16 * OWN_URL_POINTS + 400} characters; using the default.`]);
    expect(long.state.pts).toBe(STARTER_POINTS);
    // Labels must be classes of the chosen K (checked by the page against the classes field).
    expect(ownPointProblems([0, 0, 0, 1, 1, 3, 1, 0, 1.5], 3)).toBe('Own points: 2 points have labels that are not a class from 0 to 2; dropped.');
    expect(keepClasses([0, 0, 0, 1, 1, 3, 1, 0, 1.5], 3)).toEqual([0, 0, 0]);
  });
  it('own points train in the engine (classes and regression); too few points are refused naming the field', () => {
    const s = { ...defaults(table), data: 'own', classes: 2 } as PlaygroundState;
    t.configure(trainerConfig(s));
    expect(t.status().dataset).toMatchObject({ name: 'custom', task: 'binary', nTrain: 6, nTest: 6 });
    t.advance({ epochs: 3 });
    expect(Number.isFinite(t.metrics('test').loss)).toBe(true);
    t.configure(trainerConfig({ ...s, data: 'ownreg' }));
    expect(t.status().dataset?.task).toBe('regression');
    expect(() => t.configure(trainerConfig({ ...s, pts: '1_1_0' }))).toThrow('dataset.points: the custom set needs at least 2 points (got 1)');
    expect(t.status().dataset?.task).toBe('regression');  // the previous run stays
  });
});

describe('learning-rate schedules in the state table', () => {
  it('constant adds nothing; step and cosine reach the engine config and round-trip', () => {
    expect(trainerConfig(defaults(table) as PlaygroundState).training).not.toHaveProperty('schedule');
    const step = { ...defaults(table), sched: 'step', every: 5, decay: 0.1 } as PlaygroundState;
    expect(trainerConfig(step).training).toMatchObject({ schedule: 'step', decay_every: 5, decay_rate: 0.1 });
    expect(parseState(table, serialiseState(table, step)).state).toEqual(step);
    const cos = { ...defaults(table), sched: 'cosine', period: 30 } as PlaygroundState;
    expect(trainerConfig(cos).training).toMatchObject({ schedule: 'cosine', schedule_epochs: 30 });
    expect(parseState(table, 'sched=linear&every=0&decay=7').notices).toHaveLength(3);
    // The engine applies it: after 5 epochs the rate is 0.03 × 0.1.
    t.configure(trainerConfig({ ...step, samples: 100 }));
    expect(t.status().learningRate).toBe(Math.fround(0.03));
    t.advance({ epochs: 5 });
    expect(t.status().learningRate).toBe(Math.fround(Math.fround(0.03) * Math.fround(0.1)));  // float(η · rate), η and rate floats
  });
});

describe('the engine calls the playground views use', () => {
  it('neurons: one call gives every neuron; the head\'s grids equal the decision grid', () => {
    t.configure(trainerConfig({ ...defaults(table), units: ['3', '2'], samples: 100 } as PlaygroundState));
    const req = { res: 8, x0: -2.5, x1: 2.5, y0: -2.5, y1: 2.5 };
    const n = t.neurons(req);
    expect(n.units).toEqual([3, 2, 1]);
    expect(n.values).toHaveLength(64 * 6);
    expect(Array.from(n.values.slice(64 * 5))).toEqual(Array.from(t.grid(req).values));
    expect(() => t.neurons({ ...req, res: 101 })).toThrow(EngineError);
    const u = t.units();
    expect(u.samples).toBe(50);
    expect(u.layers.map((l) => l.units)).toEqual([3, 2]);
  });
  it('dead units, a confusion matrix and the CSV reader and writer', () => {
    t.configure({ dataset: { name: 'blobs', classes: 3, samples: 90 }, network: { hidden: [{ units: 4, activation: 'relu' }], bias_init: -10 } });
    expect(t.units().layers[0]!.dead).toEqual([0, 1, 2, 3]);
    const c = t.confusion('test');
    expect(c.classes).toBe(3);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(45);
    const csv = t.pointsCsv();
    expect(csv.split('\n')[0]).toBe('x,y,label');
    const back = readPointsCsv(module, csv, { regression: false, classes: 3, coordLimit: 10 });
    expect(back.rows).toBe(90);
    expect(back.header).toBe(true);
    expect(back.classes).toBe(3);
    expect(() => readPointsCsv(module, 'x,y,label\n0,0,1\n0,zz,1\n', { regression: false, classes: 2, coordLimit: 2.5 }))
      .toThrow("line 3, column 2: 'zz' is not a number");
  });
  it('the CSV reader returns 10,000 rows as a typed array, exactly, and names one bad row among them', () => {
    // 10,000 rows is the most a playground set holds (limits::kMaxCustomPoints).
    const rows: string[] = ['x,y,label'];
    const want = new Float32Array(3 * 10000);
    for (let i = 0; i < 10000; i++) {
      const x = Math.fround(((i % 100) - 50) / 25), y = Math.fround((Math.floor(i / 100) - 50) / 25), label = i % 4;
      rows.push(`${x},${y},${label}`);
      want.set([x, y, label], 3 * i);
    }
    const back = readPointsCsv(module, rows.join('\n'), { regression: false, classes: 4, coordLimit: 10 });
    expect(back.points).toBeInstanceOf(Float32Array);
    expect(back.rows).toBe(10000);
    expect(back.header).toBe(true);
    expect(back.classes).toBe(4);
    expect(back.points).toEqual(want);
    rows[6001] = '0.5,1,oops';
    expect(() => readPointsCsv(module, rows.join('\n'), { regression: false, classes: 4, coordLimit: 10 }))
      .toThrow("line 6002, column 3: 'oops' is not a number");
  });
  it('one advance is bounded: 2^31 - 1 epochs or batches is refused with the engine\'s message', () => {
    t.configure(trainerConfig({ ...defaults(table), samples: 100 } as PlaygroundState));
    expect(() => t.advance({ epochs: 2 ** 31 - 1 })).toThrow(/optimiser steps; one call may run at most 1000000/);
    expect(() => t.advance({ batches: 2 ** 31 - 1 })).toThrow(/one call may run at most 1000000/);
    expect(t.progress().steps).toBe(0);
    expect(t.advance({ epochs: 1 }).epoch).toBe(1);
  });
});

describe('settings from an imported model', () => {
  it('maps the file\'s config back to the controls, with notes for what they cannot show', () => {
    const base = defaults(table) as PlaygroundState;
    const config = trainerConfig({ ...base, data: 'spiral', classes: 4, units: ['8', '8'], act: ['relu', 'gelu'], lr: 0.002, opt: 'adam', sched: 'cosine', period: 40 });
    const m = stateFromConfig(config, base, table);
    expect(m.notes).toEqual([]);
    expect(m.state).toMatchObject({ data: 'spiral', classes: 4, units: ['8', '8'], act: ['relu', 'gelu'], lr: 0.002, opt: 'adam', sched: 'cosine', period: 40 });
    const own = stateFromConfig({ dataset: { name: 'custom', points: [1, 1, 0, 0, 0, 1] }, network: { hidden: [{ units: 40 }] }, training: { batch: 2000 } }, base, table);
    expect(own.state.data).toBe('own');
    expect(own.points).toEqual([1, 1, 0, 0, 0, 1]);
    expect(own.state.pts).toBe('1_1_0~0_0_1');
    expect(own.notes).toEqual(['Layers wider than 16 units are shown as 16.', 'Batch size 2000 is outside the control\'s 1 to 500; Reset uses 500.']);
  });
});
