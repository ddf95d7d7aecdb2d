// controls.ts — the playground's control panel, built from its state table: data (set, classes,
// noise, samples, training share, data seed + Regenerate), input features, the network (hidden
// layers with add/remove and units, one activation for all or per layer, output head,
// initialiser, weight seed) and training (optimiser, learning rate, batch, regularisation).
// Each control's whole element carries its state key (ui/access.ts) so the shared frame hides
// and locks it; `change(key)` reports each edit.
import type { ActivationMeta } from '../../engine/types';
import {
  DATASETS, EXPR_ACT, FEATURES, HEADS, INITS, layerActivations, MAX_LAYERS, MAX_UNITS, OPTIMISERS, REGULARISERS, SCHEDULES,
  type PlaygroundState, type PlaygroundTable,
} from '../../state/playground';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { createCheckbox, createCheckGroup, createSelect, type Choice } from '../../ui/select';
import { createSlider } from '../../ui/slider';

export interface PlaygroundControlsContext {
  table: PlaygroundTable;
  state: PlaygroundState;
  hidden: ReadonlySet<string>;
  metas: readonly ActivationMeta[];
  change: (key: string) => void;
}

const choicesOf = (r: Readonly<Record<string, string>>): Choice[] => Object.entries(r).map(([value, label]) => ({ value, label }));

/** A labelled number box (typed values are clamped to [min, max]; a blank or non-number is undone). */
export function numberBox(label: string, value: number, min: number, max: number, step: number, onChange: (v: number) => void,
  button?: { text: string; click: () => void }): { root: HTMLDivElement; input: HTMLInputElement } {
  const root = el('div', 'control');
  const id = uid('num');
  const lab = el('label', 'control-label', label);
  lab.htmlFor = id;
  const input = el('input');
  Object.assign(input, { type: 'number', id, min: String(min), max: String(max), step: step >= 1 ? String(step) : 'any', value: String(value) });
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(v)) { input.value = String(value); return; }
    value = Math.min(max, Math.max(min, step >= 1 ? Math.round(v) : v));
    input.value = String(value);
    onChange(value);
  });
  const row = el('div', 'seed-row');
  row.append(input);
  if (button) {
    const b = el('button', undefined, button.text);
    b.type = 'button';
    b.addEventListener('click', button.click);
    row.append(b);
  }
  root.append(lab, row);
  return { root, input };
}

const randomSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!;

export function buildPlaygroundControls(c: PlaygroundControlsContext): HTMLElement {
  const { state, table, hidden } = c;
  const show = (k: string) => !hidden.has(k);
  const root = el('div', 'pg-controls');
  const acts = [...c.metas.filter((m) => m.id !== 'softmax').map((m) => ({ value: m.id, label: m.name })), { value: EXPR_ACT, label: 'Typed: f(x) below' }];
  const group = (title: string): HTMLFieldSetElement => {
    const set = el('fieldset', 'pg-group');
    set.append(el('legend', undefined, title));
    root.append(set);
    return set;
  };

  // Data
  const data = group('Data');
  if (show('data')) data.append(keyed(createSelect(table.data.label, choicesOf(DATASETS), state.data, (v) => { state.data = v; c.change('data'); }).root, 'data'));
  const slider = (into: HTMLElement, key: 'classes' | 'noise' | 'samples' | 'ratio' | 'batch', step: number, hint?: string) => {
    if (!show(key)) return;
    const f = table[key];
    into.append(keyed(createSlider({ label: f.label, min: f.min, max: f.max, step, value: state[key], hint,
      onInput: (v) => { state[key] = v; c.change(key); } }).root, key));
  };
  slider(data, 'classes', 1, 'Used by the blobs and spiral sets.');
  slider(data, 'noise', 0.01);
  slider(data, 'samples', 10);
  slider(data, 'ratio', 0.05, 'The rest is held out as the test set.');
  if (show('dseed')) {
    const box = numberBox(table.dseed.label, state.dseed, 0, table.dseed.max, 1, (v) => { state.dseed = v; c.change('dseed'); },
      { text: 'Regenerate', click: () => { state.dseed = randomSeed(); box.input.value = String(state.dseed); c.change('dseed'); } });
    data.append(keyed(box.root, 'dseed'));
  }

  // Features
  if (show('feat')) {
    root.append(keyed(createCheckGroup(table.feat.label, choicesOf(FEATURES), state.feat, (v) => {
      if (v.length === 0) { feat.set(state.feat); return; } // at least one input
      state.feat = v; c.change('feat');
    }, 'At least one.').root, 'feat'));
  }
  const feat = { set: (v: readonly string[]) => root.querySelectorAll<HTMLInputElement>(`[data-state-key="feat"] input`).forEach((i) => { i.checked = v.includes(i.value); }) };

  // Network
  const net = group('Network');
  const layersBox = keyed(el('div', 'pg-layers'), 'units');
  const actBox = keyed(el('div', 'pg-acts'), 'act');
  function renderLayers(): void {
    layersBox.textContent = '';
    const list = el('ol', 'pg-layer-list');
    list.setAttribute('aria-label', 'Hidden layers');
    state.units.forEach((u, i) => {
      const item = el('li', 'pg-layer');
      const box = numberBox(`Layer ${i + 1} units`, Number(u), 1, MAX_UNITS, 1, (v) => { state.units[i] = String(v); c.change('units'); });
      const remove = el('button', 'pg-remove', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove layer ${i + 1}`);
      remove.addEventListener('click', () => {
        state.units.splice(i, 1);
        if (state.act.length > 1) state.act.splice(i, 1);
        if (state.act.length === 0) state.act = ['tanh'];
        renderLayers(); renderActs(); c.change('units');
        (layersBox.querySelector('button') as HTMLButtonElement | null)?.focus();
      });
      box.root.querySelector('.seed-row')!.append(remove);
      item.append(box.root);
      list.append(item);
    });
    layersBox.append(el('p', 'hint', state.units.length === 0 ? 'No hidden layer: a linear model.' : `${state.units.length} hidden layer${state.units.length === 1 ? '' : 's'} (at most ${MAX_LAYERS}).`), list);
    const add = el('button', undefined, 'Add a layer');
    add.type = 'button';
    add.disabled = state.units.length >= MAX_LAYERS;
    add.addEventListener('click', () => {
      if (state.units.length >= MAX_LAYERS) return;
      state.units.push(state.units.at(-1) ?? '4');
      if (state.act.length > 1) state.act.push(state.act.at(-1)!);
      renderLayers(); renderActs(); c.change('units');
    });
    layersBox.append(add);
  }
  function renderActs(): void {
    actBox.textContent = '';
    const perLayer = createCheckbox('A different activation per layer', state.act.length > 1, (on) => {
      state.act = on ? layerActivations(state) : [state.act[0]!];
      if (state.act.length === 0) state.act = ['tanh'];
      renderActs(); c.change('act');
    });
    perLayer.input.disabled = state.units.length < 2 && state.act.length <= 1;
    actBox.append(perLayer.root);
    if (state.act.length <= 1 || state.units.length === 0) {
      actBox.append(createSelect('Activation (every hidden layer)', acts, state.act[0]!, (v) => { state.act = [v]; c.change('act'); }).root);
      return;
    }
    state.act = layerActivations(state);
    const set = el('fieldset');
    set.append(el('legend', undefined, 'Activation per layer'));
    state.act.forEach((a, i) => set.append(createSelect(`Layer ${i + 1}`, acts, a, (v) => { state.act[i] = v; c.change('act'); }).root));
    actBox.append(set);
  }
  if (show('units')) { net.append(layersBox); renderLayers(); }
  if (show('act')) { net.append(actBox); renderActs(); }
  if (show('fx')) net.append(typedBox(c));
  if (show('head')) net.append(keyed(createSelect(table.head.label, choicesOf(HEADS), state.head, (v) => { state.head = v; c.change('head'); }).root, 'head'));
  if (show('init')) net.append(keyed(createSelect(table.init.label, choicesOf(INITS), state.init, (v) => { state.init = v; c.change('init'); }).root, 'init'));
  if (show('seed')) {
    const box = numberBox(table.seed.label, state.seed, 0, table.seed.max, 1, (v) => { state.seed = v; c.change('seed'); },
      { text: 'New weights', click: () => { state.seed = randomSeed(); box.input.value = String(state.seed); c.change('seed'); } });
    net.append(keyed(box.root, 'seed'));
  }

  // Training
  const train = group('Training');
  if (show('opt')) train.append(keyed(createSelect(table.opt.label, choicesOf(OPTIMISERS), state.opt, (v) => { state.opt = v; c.change('opt'); }).root, 'opt'));
  if (show('lr')) train.append(keyed(numberBox(table.lr.label, state.lr, table.lr.min, table.lr.max, 0.001, (v) => { state.lr = v; c.change('lr'); }).root, 'lr'));
  // The schedule and the settings of the chosen one (step decay: every, factor; cosine: epochs).
  const schedBox = el('div', 'pg-schedule');
  function renderSchedule(): void {
    schedBox.textContent = '';
    if (show('sched')) {
      schedBox.append(keyed(createSelect(table.sched.label, choicesOf(SCHEDULES), state.sched, (v) => {
        state.sched = v; renderSchedule(); c.change('sched');
        schedBox.querySelector<HTMLSelectElement>('[data-state-key="sched"] select')?.focus();
      }).root, 'sched'));
    }
    const box = (key: 'every' | 'decay' | 'period', step: number) => {
      if (!show(key)) return;
      const f = table[key];
      schedBox.append(keyed(numberBox(f.label, state[key], f.min, f.max, step, (v) => { state[key] = v; c.change(key); }).root, key));
    };
    if (state.sched === 'step') { box('every', 1); box('decay', 0.01); }
    if (state.sched === 'cosine') box('period', 1);
    if (state.sched !== 'constant') {
      schedBox.append(el('p', 'hint', state.sched === 'step' ? 'The rate is multiplied by the factor after every so many epochs.'
        : 'The rate falls along half a cosine to 0 over that many epochs, then stays at 0.'));
    }
  }
  renderSchedule();
  train.append(schedBox);
  slider(train, 'batch', 1);
  if (show('reg')) train.append(keyed(createSelect(table.reg.label, choicesOf(REGULARISERS), state.reg, (v) => { state.reg = v; c.change('reg'); }).root, 'reg'));
  if (show('lambda')) train.append(keyed(numberBox(table.lambda.label, state.lambda, 0, 1, 0.0001, (v) => { state.lambda = v; c.change('lambda'); }).root, 'lambda'));
  return root;
}

/**
 * The typed activation (docs/expr.md): used by layers whose activation is "Typed"; the engine parses
 * it when the run is configured and, if it cannot, says where (the previous run stays).
 */
function typedBox(c: PlaygroundControlsContext): HTMLElement {
  const root = keyed(el('div', 'control'), 'fx');
  const id = uid('pg-fx');
  const label = el('label', 'control-label', c.table.fx.label);
  label.htmlFor = id;
  const input = el('input');
  input.type = 'text';
  input.id = id;
  input.value = c.state.fx;
  input.maxLength = c.table.fx.maxLength;
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.style.fontFamily = 'var(--mono)';
  input.addEventListener('change', () => { c.state.fx = input.value; c.change('fx'); });
  root.append(label, input, el('div', 'hint', 'Used by layers set to “Typed: f(x) below”; alpha and beta are learned. Try it in the exercises’ sandbox first.'));
  return root;
}
