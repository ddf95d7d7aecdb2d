// choose.test.ts — the chooser's rules (web/src/state/choose.ts): the answers CURRICULUM §7 gives,
// every activation they name is in the engine's registry, and every evidence link's query parses
// clean against its page's own state table (no notice, every key kept: nothing is a no-op).
import { describe, expect, it } from 'vitest';
import { loadNodeEngine } from '../../web/src/engine/node';
import { allEvidence, chooseTable, PITFALLS, recommend, type ChooseState, type EvidencePage } from '../../web/src/state/choose';
import { explorerTable, normaliseRange, normaliseVariants, type ExplorerState } from '../../web/src/state/explorer';
import { gradientsTable } from '../../web/src/state/gradients';
import { nonlinearityTable } from '../../web/src/state/nonlinearity';
import { playgroundTable } from '../../web/src/state/playground';
import { raceTable } from '../../web/src/state/race';
import { defaults, parseState, serialiseState, type Table } from '../../web/src/state/schema';
import { softmaxTable } from '../../web/src/state/softmax';

const engine = await loadNodeEngine();
const metas = engine.activations();
const ids = [...metas.map((m) => m.id), 'softmax'];  // softmax is the engine's vector op (the explorer lists it too)
const elementwise = metas.map((m) => m.id).filter((id) => id !== 'softmax');
const tables: Record<EvidencePage, Table> = {
  explorer: explorerTable(metas), gradients: gradientsTable(elementwise), softmax: softmaxTable(),
  playground: playgroundTable(elementwise), nonlinearity: nonlinearityTable(elementwise), race: raceTable(elementwise),
};
const at = (layer: string, arch: string, task: string): ChooseState => ({ layer, arch, task });

describe('chooser rules (CURRICULUM §7)', () => {
  it('hidden layers: ReLU for MLP and CNN, GELU in transformers, tanh/sigmoid in recurrent cells', () => {
    expect(recommend(at('hidden', 'mlp', 'binary')).ids[0]).toBe('relu');
    expect(recommend(at('hidden', 'cnn', 'regression')).ids[0]).toBe('relu');
    expect(recommend(at('hidden', 'transformer', 'binary')).ids[0]).toBe('gelu');
    expect(recommend(at('hidden', 'rnn', 'binary')).ids.slice(0, 2)).toEqual(['tanh', 'sigmoid']);
    // The alternatives the curriculum names: Leaky ReLU/ELU if units die; Swish in vision and LLMs.
    expect(recommend(at('hidden', 'mlp', 'binary')).ids).toEqual(expect.arrayContaining(['leaky_relu', 'elu']));
    expect(recommend(at('hidden', 'transformer', 'binary')).ids).toContain('swish');
  });

  it('output layers: sigmoid, softmax, identity, tanh by task, whatever the architecture', () => {
    for (const arch of chooseTable().arch.values) {
      expect(recommend(at('output', arch, 'binary')).ids).toEqual(['sigmoid']);
      expect(recommend(at('output', arch, 'multiclass')).ids).toEqual(['softmax']);
      expect(recommend(at('output', arch, 'regression')).ids).toEqual(['identity']);
      expect(recommend(at('output', arch, 'bounded')).ids).toEqual(['tanh']);
    }
  });

  it('every hidden-layer answer and the multi-class output link to a race of the activations they compare', () => {
    for (const arch of chooseTable().arch.values) {
      const a = recommend(at('hidden', arch, 'binary'));
      const race = a.evidence.filter((e) => e.page === 'race');
      expect(race.length, arch).toBe(1);
      const act = parseState(tables.race, race[0]!.query).state.act as unknown as readonly string[];
      // The race's contestants include the pick and the alternatives the answer names.
      for (const id of a.ids) expect(act, `${arch}: ${race[0]!.query}`).toContain(id);
    }
    const multi = recommend(at('output', 'mlp', 'multiclass')).evidence.filter((e) => e.page === 'race');
    expect(multi.length).toBe(1);
    expect(parseState(tables.race, multi[0]!.query).state.data).toBe('digits');  // ten classes: a softmax head
  });

  it('every answer for every state names registry activations and has evidence', () => {
    const t = chooseTable();
    for (const layer of t.layer.values) for (const arch of t.arch.values) for (const task of t.task.values) {
      const a = recommend(at(layer, arch, task));
      for (const id of a.ids) expect(ids, `${layer}/${arch}/${task}`).toContain(id);
      expect(a.evidence.length).toBeGreaterThan(0);
      expect(a.reason.length).toBeGreaterThan(40);
    }
  });

  it('the three pitfalls: deep sigmoid → gradients lab, multi-class → softmax lab, regression → a live page', () => {
    expect(PITFALLS.map((p) => p.title)).toEqual(['Sigmoid in deep hidden layers', 'Sigmoid output for multi-class', 'Sigmoid output for regression']);
    expect(PITFALLS[0]!.demo.page).toBe('gradients');
    expect(PITFALLS[0]!.demo.query).toContain('sigmoid');
    expect(PITFALLS[1]!.demo.page).toBe('softmax');
    expect(PITFALLS[2]!.demo.query).toContain('sigmoid');
  });
});

describe('every evidence link parses clean against its page’s table', () => {
  for (const e of allEvidence()) {
    it(`${e.page}.html?${e.query}`, () => {
      const table = tables[e.page];
      const parsed = parseState(table, e.query);
      expect(parsed.notices).toEqual([]);
      if (e.page === 'explorer') {
        const notices: string[] = [];
        normaliseRange(parsed.state as unknown as ExplorerState, notices);
        normaliseVariants(parsed.state as unknown as ExplorerState, notices);
        expect(notices).toEqual([]);
      }
      // Every key in the link changes something (a default-valued key would be dropped here).
      expect(serialiseState(table, parsed.state)).toBe(e.query);
      if (e.query !== '') expect(parsed.state).not.toEqual(defaults(table));
    });
  }
});

describe('the chooser’s own table', () => {
  it('names the architecture with the article it is read with (an MLP, a CNN)', () => {
    const t = chooseTable();
    expect(t.arch.describe('mlp')).toBe('an MLP (fully connected)');
    expect(t.arch.describe('cnn')).toBe('a CNN (convolutional)');
    expect(t.arch.describe('transformer')).toBe('a Transformer');
  });

  it('round-trips and refuses hostile values with a notice', () => {
    const t = chooseTable();
    const p = parseState(t, 'layer=output&task=multiclass');
    expect(p.state).toEqual({ layer: 'output', arch: 'mlp', task: 'multiclass' });
    expect(serialiseState(t, p.state)).toBe('layer=output&task=multiclass');
    const bad = parseState(t, 'layer=%3Cimg%20src%3Dx%3E&arch=lstm&hide=nothing');
    expect(bad.state).toEqual(defaults(t));
    expect(bad.notices.length).toBe(3);
  });
});
