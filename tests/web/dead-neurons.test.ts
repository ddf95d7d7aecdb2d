// dead-neurons.test.ts — the dying-ReLU lab's state table (round trips, hostile values, the specs it
// sends, presets), the scan table's sort, and against the Node engine: the presets' counts (half the
// layer dead with the bias, none with Leaky ReLU), the dying probe's series, and the scan probe
// agreeing with the explorer's curveFeatures on the dead grid points.
import { describe, expect, it } from 'vitest';
import { loadNodeEngine, loadNodeModule, runProbe } from '../../web/src/engine/node';
import {
  censusSpec, COMPARED, DEAD_PRESETS, deadTable, dyingSpecs, scanRange, scanSpec, sortScanRows, type DeadState, type ScanRow,
} from '../../web/src/state/dead-neurons';
import { parseState, serialiseState } from '../../web/src/state/schema';

const table = deadTable();
const state = (q: string) => parseState(table, q).state as DeadState;

describe('dead-neurons state table', () => {
  it('defaults: the course detector (ReLU, 5 → 20, 1000 inputs, bias mean 0) and the scan on [−5, 5] at 100 points, 0.01', () => {
    const s = state('');
    expect(censusSpec(s)).toEqual({ activation: 'relu', inputs: 5, units: 20, samples: 1000, biasMean: 0, seed: 1 });
    expect(scanSpec(s, 'gelu')).toEqual({ activation: 'gelu', lo: -5, hi: 5, points: 100, threshold: 0.01 });
    expect(serialiseState(table, s)).toBe('');
  });

  it('round trip of every field, with hide and lock', () => {
    const q = 'act=elu&inputs=8&units=30&samples=500&bias=-2.5&seed=7&lr=1.5&lowLr=0.1&epochs=20&lo=-3&hi=4&points=50&th=0.05&sort=maxDf&asc=1&hide=seed&lock=bias';
    const p = parseState(table, q);
    expect(p.notices).toEqual([]);
    expect(serialiseState(table, p.state, p.hidden, p.locked)).toBe(q);
  });

  it('hostile values: clamped or ignored, each with a notice', () => {
    const p = parseState(table, 'act=%3Cscript%3E&units=9999&samples=-5&bias=nan&sort=evil&points=1e9&th=2');
    const s = p.state as DeadState;
    expect(s.act).toBe('relu');
    expect(s.units).toBe(64);
    expect(s.samples).toBe(10);
    expect(s.bias).toBe(0);
    expect(s.sort).toBe('dead');
    expect(s.points).toBe(10000);
    expect(s.th).toBe(1);
    expect(p.notices.length).toBe(7);
  });

  it('the scan range: swapped when reversed, widened when empty, with a notice', () => {
    const notices: string[] = [];
    expect(scanRange(state('lo=4&hi=-2'), notices)).toEqual({ lo: -2, hi: 4 });
    expect(scanRange(state('lo=3&hi=3'), notices)).toEqual({ lo: 3, hi: 4 });
    expect(notices).toHaveLength(2);
    expect(scanRange(state(''))).toEqual({ lo: -5, hi: 5 });
  });

  it('the dying runs: ReLU and Leaky ReLU at the high rate, ReLU at the low one', () => {
    const specs = dyingSpecs(state('lr=1.5&lowLr=0.02&epochs=10&seed=3'));
    expect(specs.map((x) => [x.activation, x.learningRate])).toEqual([['relu', 1.5], ['leaky_relu', 1.5], ['relu', 0.02]]);
    for (const x of specs) expect(x).toMatchObject({ epochs: 10, seed: 3 });
  });

  it('presets: the course detector, half the layer killed, revived with Leaky ReLU; every value fits the table', () => {
    expect(DEAD_PRESETS.map((p) => p.id)).toEqual(['course', 'kill', 'revive']);
    for (const p of DEAD_PRESETS) {
      for (const [k, v] of Object.entries(p.values)) {
        const field = table[k as keyof typeof table];
        if (field.kind === 'number') { expect(v).toBeGreaterThanOrEqual(field.min); expect(v).toBeLessThanOrEqual(field.max); }
        if (field.kind === 'enum') expect(field.values).toContain(v);
      }
    }
  });
});

describe('the scan table sort', () => {
  const rows: ScanRow[] = [
    { id: 'relu', name: 'ReLU', deadShare: 0.5, minAbsDf: 0, maxAbsDf: 1 },
    { id: 'step', name: 'Step', deadShare: 1, minAbsDf: 0, maxAbsDf: null },
    { id: 'elu', name: 'ELU', deadShare: 0.3, minAbsDf: 0.0067, maxAbsDf: 1 },
    { id: 'tanh', name: 'Tanh', deadShare: 0.5, minAbsDf: 0.00018, maxAbsDf: 1 },
  ];
  const ids = (r: ScanRow[]) => r.map((x) => x.id);
  it('by dead zone, descending by default; ties in name order', () => {
    expect(ids(sortScanRows(rows, 'dead', false))).toEqual(['step', 'relu', 'tanh', 'elu']);
    expect(ids(sortScanRows(rows, 'dead', true))).toEqual(['elu', 'relu', 'tanh', 'step']);
  });
  it('by name, and by slopes with missing values last either way', () => {
    expect(ids(sortScanRows(rows, 'name', true))).toEqual(['elu', 'relu', 'step', 'tanh']);
    expect(ids(sortScanRows(rows, 'name', false))).toEqual(['tanh', 'step', 'relu', 'elu']);
    expect(ids(sortScanRows(rows, 'maxDf', false)).at(-1)).toBe('step');
    expect(ids(sortScanRows(rows, 'maxDf', true)).at(-1)).toBe('step');
    expect(ids(sortScanRows(rows, 'minDf', false))).toEqual(['elu', 'tanh', 'relu', 'step']);
  });
  it('leaves its input alone', () => {
    const copy = structuredClone(rows);
    sortScanRows(rows, 'dead', true);
    expect(rows).toEqual(copy);
  });
});

describe('against the Node engine', async () => {
  const module = await loadNodeModule();
  const engine = await loadNodeEngine();

  it('the bias kills half the ReLU layer; Leaky ReLU revives every unit', () => {
    const kill = { ...state(''), ...DEAD_PRESETS.find((p) => p.id === 'kill')!.values } as DeadState;
    const relu = runProbe(module, 'census', censusSpec(kill, 'relu'));
    expect(relu.dead).toBe(10);
    expect(runProbe(module, 'census', censusSpec(state(''), 'relu')).dead).toBeLessThan(relu.dead);
    for (const id of COMPARED.filter((x) => x !== 'relu')) expect(runProbe(module, 'census', censusSpec(kill, id)).dead).toBe(0);
  });

  it('dying: the too-high rate leaves 10–40 % of the ReLUs dead, Leaky ReLU none', () => {
    const [high, leaky, low] = dyingSpecs(state('')).map(({ id: _id, ...spec }) => runProbe(module, 'dying', spec));
    expect(high!.deadShare).toHaveLength(41);
    expect(high!.loss[0]).toBeNull();
    expect(high!.deadShare.at(-1)).toBeGreaterThanOrEqual(0.1);
    expect(high!.deadShare.at(-1)).toBeLessThanOrEqual(0.4);
    expect(leaky!.dead.every((d) => d === 0)).toBe(true);
    expect(low!.deadShare.at(-1)).toBeLessThan(high!.deadShare.at(-1)!);
  });

  it('the scan probe and the explorer’s curveFeatures count the same dead grid points', () => {
    for (const m of engine.activations().filter((a) => a.id !== 'softmax')) {
      for (const threshold of [0.01, 0.1]) {
        const scan = runProbe(module, 'scan', { activation: m.id, lo: -5, hi: 5, points: 100, threshold });
        const features = engine.curveFeatures(m.id, { lo: -5, hi: 5, points: 100, threshold }).features;
        expect(scan.deadShare, `${m.id} at ${threshold}`).toBe(features.deadPointShare);
      }
    }
  });
});
