// race-state.test.ts — the activation race's state table: defaults (the course's comparison), round
// trips with parameters, hide and lock, hostile values, the engine spec it builds, and presets
// that fit the table.
import { describe, expect, it } from 'vitest';
import { PARAM_DEFAULT, paramChoice, RACE_PRESETS, raceSliceOf, raceSpec, raceTable, type RaceState } from '../../web/src/state/race';
import { defaults, parseState, serialiseState } from '../../web/src/state/schema';

const ids = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'swish', 'softplus', 'prelu'];
const table = raceTable(ids);

describe('race state table', () => {
  it('defaults: sigmoid, ReLU and GELU on the circle with one hidden layer of 8; an empty query', () => {
    const p = parseState(table, '');
    expect(p.state.act).toEqual(['sigmoid', 'relu', 'gelu']);
    expect(p.state.data).toBe('circle');
    expect(p.state.units).toEqual(['8']);
    expect(p.state.target).toBe(0.95);
    expect(serialiseState(table, p.state)).toBe('');
  });

  it('round trip of every field, with a parameter, hide and lock', () => {
    const q = 'act=relu,leaky_relu,leaky_relu&par=d,0.1,0.3&data=spiral&noise=0.02&units=16,16&init=he&opt=sgd&lr=0.1&batch=8' +
      '&epochs=200&target=0.9&seeds=5&seed=7&speed=fast&loss=train&hide=seed&lock=act';
    const p = parseState(table, q);
    expect(p.notices).toEqual([]);
    expect(serialiseState(table, p.state, p.hidden, p.locked)).toBe(q);
  });

  it('hostile values are clamped or ignored with a notice each', () => {
    const p = parseState(table, 'act=relu,evil&par=99,x&units=0,999&epochs=1e9&seeds=-3&target=2&data=%3Cimg%3E&lr=nan&speed=warp');
    expect(p.state.act).toEqual(['sigmoid', 'relu', 'gelu']); // one valid contestant is too few: the default
    expect(p.state.par).toEqual([]);
    expect(p.state.units).toEqual(['8']);
    expect(p.state.epochs).toBe(2000);
    expect(p.state.seeds).toBe(1);
    expect(p.state.target).toBe(1);
    expect(p.state.data).toBe('circle');
    expect(p.state.lr).toBe(0.01);
    expect(p.state.speed).toBe('round');
    expect(p.notices.length).toBeGreaterThanOrEqual(9);
    const nine = parseState(table, 'act=relu,relu,relu,relu,relu,relu,relu,relu,relu');
    expect(nine.state.act).toHaveLength(8);
    expect(nine.notices.join(' ')).toContain('at most 8');
  });

  it('the engine spec: contestants with their parameter, the same seed for data, weights and shuffle', () => {
    const s = parseState(table, 'act=relu,leaky_relu,gelu&par=d,0.2&seed=9&seeds=3&epochs=40').state as RaceState;
    const spec = raceSpec(s);
    expect(spec.contestants).toEqual([{ activation: 'relu' }, { activation: 'leaky_relu', params: [0.2] }, { activation: 'gelu' }]);
    expect(spec.seeds).toBe(3);
    expect(spec.epochs).toBe(40);
    expect(spec.target).toBe(0.95);
    expect(spec.config).toMatchObject({ dataset: { name: 'circle', seed: 9, noise: 0 }, network: { hidden: [{ units: 8 }], init: 'xavier', seed: 9 },
      training: { optimizer: 'adam', learning_rate: 0.01, batch: 16, seed: 9 } });
    // The network has no activation of its own: each contestant's replaces it.
    expect(spec.config!.network!.hidden![0]).not.toHaveProperty('activation');
    const digits = raceSpec({ ...(defaults(table) as RaceState), data: 'digits' });
    expect(digits.config!.dataset).toEqual({ name: 'digits', seed: 1, train_ratio: 0.7 });
  });

  it('parameter choices: steps of 0.01 in [-10, 10], "d" for the default', () => {
    expect(paramChoice(0.123)).toBe('0.12');
    expect(paramChoice(-7)).toBe('-7');
    expect(paramChoice(-12)).toBe('-10');
    expect(paramChoice(NaN)).toBe(PARAM_DEFAULT);
    expect(table.par.values).toContain('0.01');
    expect(table.par.values).toContain('-10');
    expect(raceSliceOf('round')).toEqual({ rounds: 1 });
    expect(raceSliceOf('fast')).toEqual({ ms: 12 });
  });

  it('presets parse clean: every value is one the table accepts', () => {
    expect(RACE_PRESETS.map((p) => p.id)).toEqual(['course', 'course-seeds', 'xor', 'spiral', 'digits']);
    for (const p of RACE_PRESETS) {
      const state = { ...(defaults(table) as RaceState), ...p.state };
      const q = serialiseState(table, state);
      const back = parseState(table, q);
      expect(back.notices, p.id).toEqual([]);
      expect(back.state, p.id).toEqual(state);
    }
    expect(RACE_PRESETS.find((p) => p.id === 'spiral')!.state.act).toHaveLength(8);
  });
});
