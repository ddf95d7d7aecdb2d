// state.test.ts — the declarative widget-state tables: URL round trips, and hostile or malformed
// values (unknown activation, 1e9 layers, NaN, script text) ignored or clamped with a notice.
import { describe, expect, it } from 'vitest';
import { artConfig, artTable, layerActivations } from '../../web/src/state/art';
import { explorerTable, normaliseRange, normaliseVariants, paramKey, SOFTMAX_ID, type ExplorerState } from '../../web/src/state/explorer';
import { defaults, parseState, quote, serialiseState, type Table } from '../../web/src/state/schema';
import type { ActivationMeta } from '../../web/src/engine/types';

/** A registry stand-in with the shapes that matter here (ids and one parameter). */
const registry = ['identity', 'sigmoid', 'tanh', 'relu', 'gelu', 'gelu_tanh', 'step'].map((id) => ({ id, name: id, params: [] }))
  .concat([{ id: 'elu', name: 'ELU', params: [{ name: 'alpha', tex: '\\alpha', default: 1, min: 0, max: 10, doc: '' }] }] as never[]) as unknown as ActivationMeta[];
const explorer = explorerTable(registry);
const art = artTable(registry.map((a) => a.id));

describe('defaults', () => {
  it('an empty URL gives the defaults and no notices', () => {
    const parsed = parseState(explorer, '');
    expect(parsed.state).toEqual(defaults(explorer));
    expect(parsed.notices).toEqual([]);
    expect(parsed.hidden.size).toBe(0);
  });
  it('the default state serialises to an empty query', () => {
    expect(serialiseState(explorer, defaults(explorer))).toBe('');
    expect(serialiseState(art, defaults(art))).toBe('');
  });
  it('parameter rows come from the registry', () => {
    expect(explorer[paramKey('elu', 'alpha')]).toMatchObject({ kind: 'number', default: 1, min: 0, max: 10 });
    expect(explorer.act.values).toContain(SOFTMAX_ID);
  });
});

describe('round trip', () => {
  const cases: [string, Table, Record<string, unknown>, string[]][] = [
    ['explorer', explorer, { act: ['gelu', 'relu', 'softmax'], zmin: -8, zmax: 3.5, z: -1.25, T: 0.5, 'elu.alpha': 2.5, gelu: false, sheet: true }, ['act', 'z']],
    ['art', art, { seed: 4294967295, act: ['relu', 'tanh', 'step'], depth: 3, width: 64, scale: 2.75, color: 'hsv', zoom: 0.5, useR: false, useZ: true, z: 1.234, export: '2048' }, ['seed']],
  ];
  it.each(cases)('%s: parse(serialise(state)) = state, hidden controls included', (_, table, changes, hide) => {
    const state = { ...defaults(table), ...changes } as never;
    const query = serialiseState(table, state, new Set(hide));
    const back = parseState(table, `?${query}`);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(state);
    expect([...back.hidden].sort()).toEqual([...hide].sort());
  });
  it('writes lists readably and only changed values', () => {
    const state = { ...defaults(explorer), act: ['relu', 'gelu'] };
    expect(serialiseState(explorer, state as never)).toBe('act=relu,gelu');
  });
  it('reads a hash as well as a query', () => {
    expect(parseState(art, '#seed=42').state.seed).toBe(42);
  });
});

describe('hostile and malformed values', () => {
  it('ignores an unknown activation, keeping the valid ones', () => {
    const { state, notices } = parseState(explorer, '?act=relu,swishy,gelu');
    expect(state.act).toEqual(['relu', 'gelu']);
    expect(notices.join(' ')).toMatch(/swishy.*not one of the choices/);
  });
  it('falls back to the default list when nothing valid is left', () => {
    const { state, notices } = parseState(explorer, '?act=nope');
    expect(state.act).toEqual(explorer.act.default);
    expect(notices).toHaveLength(2);
  });
  it('clamps 1e9 layers to the maximum, with a notice', () => {
    const { state, notices } = parseState(art, '?depth=1e9&width=-4');
    expect(state.depth).toBe(16);
    expect(state.width).toBe(1);
    expect(notices.join(' ')).toMatch(/Depth.*outside 1…16; using 16/);
  });
  it.each(['NaN', 'Infinity', '-Infinity', '0x10', '', ' ', '1,5', '1e', '--1', '1/0'])('refuses %j as a number', (raw) => {
    const { state, notices } = parseState(art, `?scale=${encodeURIComponent(raw)}`);
    expect(state.scale).toBe(1);
    expect(notices).toHaveLength(1);
  });
  it('treats script text as an unknown value, quoting it harmlessly', () => {
    const hostile = '<script>alert(1)</script>';
    const { state, notices } = parseState(art, `?color=${encodeURIComponent(hostile)}&${encodeURIComponent(hostile)}=1`);
    expect(state.color).toBe('rgb');
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('not one of the choices');
  });
  it('rounds a fractional seed and refuses a negative one', () => {
    expect(parseState(art, '?seed=3.7').state.seed).toBe(4);
    expect(parseState(art, '?seed=-1').state.seed).toBe(0);
  });
  it('ignores over-long values and prototype keys', () => {
    const long = parseState(art, `?seed=${'9'.repeat(1000)}`);
    expect(long.state.seed).toBe(1);
    expect(long.notices[0]).toMatch(/too long/);
    const proto = parseState(art, '?__proto__=1&constructor=2&toString=3');
    expect(proto.notices).toHaveLength(3);
    expect(Object.getPrototypeOf(proto.state)).toBe(Object.prototype);
  });
  it('hides only hideable controls that exist', () => {
    const { hidden, notices } = parseState(explorer, '?hide=act,bogus,z');
    expect([...hidden].sort()).toEqual(['act', 'z']);
    expect(notices.join(' ')).toContain('bogus');
  });
  it('caps list length', () => {
    const { state } = parseState(explorer, '?act=identity,sigmoid,tanh,relu,gelu,gelu_tanh,step');
    expect(state.act).toHaveLength(6);
  });
  it('uses the first of repeated keys, and reads booleans strictly', () => {
    const parsed = parseState(explorer, '?T=2&T=3&gelu=yes');
    expect(parsed.state.T).toBe(2);
    expect(parsed.state.gelu).toBe(true);
    expect(parsed.notices).toHaveLength(1);
  });
  it('ignores the frame key theme', () => {
    expect(parseState(art, '?theme=dark').notices).toEqual([]);
  });
  it('quotes control characters and shortens long text', () => {
    expect(quote('a\u0000b')).toBe('“a b”');
    expect(quote('x'.repeat(100))).toHaveLength(43);
  });
});

describe('explorer parameter variants and shading', () => {
  it('round-trip a second copy at its own parameter; unknown copies are refused, out-of-range values clamped', () => {
    const { state, notices } = parseState(explorer, '?act=elu,elu-2&elu-2.alpha=0.3&shade=elu');
    expect(state.act).toEqual(['elu', 'elu-2']);
    expect(state['elu-2.alpha']).toBe(0.3);
    expect(state.shade).toBe('elu');
    expect(notices).toEqual([]);
    expect(serialiseState(explorer, state)).toContain('act=elu,elu-2');
    expect(serialiseState(explorer, state)).toContain('elu-2.alpha=0.3');
    expect(explorer['elu-2.alpha']).toMatchObject({ kind: 'number', default: 3.5, min: 0, max: 10 });
    const bad = parseState(explorer, '?act=sigmoid-2,elu&elu-2.alpha=99&shade=nope');
    expect(bad.state.act).toEqual(['elu']); // sigmoid has no parameters, so no second copy
    expect(bad.state['elu-2.alpha']).toBe(10);
    expect(bad.state.shade).toBe('each');
    expect(bad.notices.length).toBeGreaterThanOrEqual(3);
  });
  it('drop a second copy whose activation is not chosen, with a notice', () => {
    const { state } = parseState(explorer, '?act=elu-2,tanh');
    const notices: string[] = [];
    normaliseVariants(state as ExplorerState, notices);
    expect(state.act).toEqual(['tanh']);
    expect(notices[0]).toContain('dropped elu-2');
  });
});

describe('explorer range rules', () => {
  it('swaps a reversed range and keeps z inside it', () => {
    const { state } = parseState(explorer, '?zmin=4&zmax=-4&z=9');
    const notices: string[] = [];
    normaliseRange(state as ExplorerState, notices);
    expect([state.zmin, state.zmax, state.z]).toEqual([-4, 4, 4]);
    expect(notices).toHaveLength(2);
  });
});

describe('art config', () => {
  it('one activation applies to every layer; a list is fitted to the depth', () => {
    const base = defaults(art);
    expect(JSON.parse(artConfig(base))).toMatchObject({ seed: 1, depth: 4, width: 16, activation: 'tanh', colorMode: 'rgb' });
    const notices: string[] = [];
    expect(layerActivations({ ...base, depth: 4, act: ['relu', 'step'] }, notices)).toEqual(['relu', 'step', 'step', 'step']);
    expect(notices).toHaveLength(1);
    expect(JSON.parse(artConfig({ ...base, depth: 2, act: ['relu', 'step', 'tanh'] })).activation).toEqual(['relu', 'step']);
  });
});

describe('art per-layer lists keep repeats (issue 8, finding 8)', () => {
  it('act=relu,tanh,relu&depth=3 reopens as ReLU, Tanh, ReLU, without a notice', () => {
    const parsed = parseState(art, '?act=relu,tanh,relu&depth=3');
    expect(parsed.state.act).toEqual(['relu', 'tanh', 'relu']);
    expect(parsed.notices).toEqual([]);
    expect(JSON.parse(artConfig(parsed.state)).activation).toEqual(['relu', 'tanh', 'relu']);
  });
  it('a list of 16 equal entries round-trips exactly', () => {
    const state = { ...defaults(art), depth: 16, act: Array.from({ length: 16 }, (_, i) => (i % 3 === 0 ? 'step' : 'step')) };
    expect(parseState(art, `?${serialiseState(art, state)}`).state).toEqual(state);
  });
  it('the explorer still overlays each activation once', () => {
    const { state, notices } = parseState(explorer, '?act=relu,relu,gelu');
    expect(state.act).toEqual(['relu', 'gelu']);
    expect(notices.join(' ')).toMatch(/more than once/);
  });
});
