// race-params.test.ts — every parameter of every contestant (issue 9): the `par` entry of a
// contestant lists its parameters joined by "_" ("0.2", "d_1.5"), the engine spec carries all of
// them, parameters an activation does not have are dropped with a notice, and the names in the
// standings, charts and text alternatives show each one. The registry's parametric activations
// have one parameter today (Leaky ReLU α, PReLU α, ELU α, Swish β) and the engine takes two
// (kMaxParams), so a two-parameter activation is described here as the registry would list it.
import { describe, expect, it } from 'vitest';
import type { ActivationMeta } from '../../web/src/engine/types';
import { fitParams, paramEntry, paramsOf, raceSpec, raceTable, type RaceState } from '../../web/src/state/race';
import { parseState, serialiseState } from '../../web/src/state/schema';
import { contestantNames } from '../../web/src/widgets/race/describe';

const meta = (id: string, name: string, params: [string, number, number, number][]): ActivationMeta =>
  ({ id, name, params: params.map(([n, d, lo, hi]) => ({ name: n, tex: n, default: d, min: lo, max: hi, doc: '' })) }) as unknown as ActivationMeta;
// "bent" stands for any activation with two parameters (the engine's kMaxParams).
const metas = [meta('relu', 'ReLU', []), meta('leaky_relu', 'Leaky ReLU', [['alpha', 0.01, 0, 1]]),
  meta('swish', 'Swish', [['beta', 1, 0.1, 10]]), meta('bent', 'Bent', [['alpha', 1, 0, 10], ['beta', 1, 0.1, 10]])];
const table = raceTable(metas.map((m) => m.id));
const parse = (q: string) => parseState(table, q);

describe('race contestants with all their parameters', () => {
  it('a contestant\'s entry holds each of its parameters, and the link round-trips', () => {
    const p = parse('act=bent,swish,bent&par=0.5_2,9.5,d_0.25');
    expect(p.notices).toEqual([]);
    const s = p.state as RaceState;
    expect(paramsOf(s, 0)).toEqual([0.5, 2]);
    expect(paramsOf(s, 1)).toEqual([9.5]);
    expect(paramsOf(s, 2)).toEqual([null, 0.25]);
    expect(serialiseState(table, s)).toBe('act=bent,swish,bent&par=0.5_2,9.5,d_0.25');
  });

  it('the engine spec carries every parameter (null = the default, in registry order)', () => {
    const s = parse('act=bent,leaky_relu,bent,relu&par=0.5_2,0.2,d_3').state as RaceState;
    expect(raceSpec(s).contestants).toEqual([
      { activation: 'bent', params: [0.5, 2] }, { activation: 'leaky_relu', params: [0.2] },
      { activation: 'bent', params: [null, 3] }, { activation: 'relu' }]);
  });

  it('malformed entries are ignored with a notice naming the setting; the engine checks each range', () => {
    for (const bad of ['0.5_2_3', '0.5__2', '0.5_x', '11', '0.123', '_']) {
      const p = parse(`act=bent,relu&par=${bad}`);
      expect(p.state.par, bad).toEqual([]);
      expect(p.notices.join(' '), bad).toContain('Contestants’ parameters');
    }
  });

  it('parameters an activation does not have are dropped with a notice naming the contestant and the value', () => {
    const s = parse('act=relu,swish,bent&par=0.3,2_4,1_2').state as RaceState;
    const notices = fitParams(s, metas);
    expect(notices).toEqual([
      'Contestant 1 (ReLU) takes no parameter: 0.3 as parameter 1 is ignored.',
      'Contestant 2 (Swish) takes 1 parameter (beta): 4 as parameter 2 is ignored.']);
    expect(s.par).toEqual(['d', '2', '1_2']);
    const t = parse('act=relu,swish&par=d,d_d').state as RaceState;
    expect(fitParams(t, metas)).toEqual([]);
    expect(t.par).toEqual([]);
  });

  it('entries are canonical: trailing defaults dropped, values on the 0.01 grid', () => {
    expect(paramEntry([0.5, null])).toBe('0.5');
    expect(paramEntry([null, null])).toBe('d');
    expect(paramEntry([null, 1.234])).toBe('d_1.23');
    expect(paramEntry([12, -20])).toBe('10_-10');
  });

  it('names in the standings and text alternatives show every parameter that is set', () => {
    const s = parse('act=bent,bent,swish,leaky_relu,relu&par=0.5_2,d_3,9.5').state as RaceState;
    expect(contestantNames(s, metas)).toEqual(['Bent (α = 0.5, β = 2)', 'Bent (β = 3)', 'Swish (β = 9.5)', 'Leaky ReLU', 'ReLU']);
    const same = parse('act=bent,bent').state as RaceState;
    expect(contestantNames(same, metas)).toEqual(['Bent #1', 'Bent #2']);
  });
});
