// controls.ts — the art studio's control panel, built from its state table: seed box + Randomise,
// activation (one for all, or one per layer), depth, width, weight scale, zoom, colour mode, inputs,
// z. Controls hidden by the URL are not built; each control's whole element carries its state key
// (ui/access.ts), so the shared frame hides and locks it. `change(key)` reports each edit.
import type { ActivationMeta } from '../../engine/types';
import type { ArtState, ArtTable } from '../../state/art';
import { COLOUR_NAMES, layerActivations } from '../../state/art';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { createCheckbox, createSelect } from '../../ui/select';
import { createSlider, type Slider } from '../../ui/slider';

export interface ArtControlsContext {
  table: ArtTable;
  state: ArtState;
  hidden: ReadonlySet<string>;
  metas: readonly ActivationMeta[];
  change: (key: string) => void;
  randomise: () => void;
}

export interface ArtControls { root: HTMLElement; seed: HTMLInputElement | undefined; z: Slider | undefined }

const COLOURS = Object.entries(COLOUR_NAMES).map(([value, label]) => ({ value, label }));

export function buildArtControls(c: ArtControlsContext): ArtControls {
  const { state, table, hidden } = c;
  const show = (k: string) => !hidden.has(k);
  const root = el('div', 'art-controls');
  const choices = c.metas.map((m) => ({ value: m.id, label: m.name }));

  let seed: HTMLInputElement | undefined;
  if (show('seed')) {
    const box = keyed(el('div', 'control'), 'seed');
    const id = uid('seed');
    const label = el('label', 'control-label', 'Seed');
    label.htmlFor = id;
    seed = el('input');
    Object.assign(seed, { type: 'number', id, min: '0', max: String(table.seed.max), step: '1', value: String(state.seed) });
    const randomise = el('button', 'primary', 'Randomise');
    randomise.type = 'button';
    randomise.addEventListener('click', c.randomise);
    const row = el('div', 'seed-row');
    row.append(seed, randomise);
    box.append(label, row);
    const input = seed;
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) { input.value = String(state.seed); return; }
      state.seed = Math.min(table.seed.max, Math.max(0, Math.round(v)));
      input.value = String(state.seed);
      c.change('seed');
    });
    root.append(box);
  }

  const acts = el('div', 'act-controls');
  const perLayerBox = createCheckbox('A different activation per layer', state.act.length > 1, (on) => {
    state.act = on ? layerActivations(state) : [state.act[0]!];
    renderActs();
    c.change('act');
  });
  function renderActs(): void {
    acts.textContent = '';
    if (state.act.length <= 1) {
      acts.append(createSelect('Activation (every layer)', choices, state.act[0]!, (v) => { state.act = [v]; c.change('act'); }).root);
      return;
    }
    const list = layerActivations(state);
    state.act = list;
    const set = el('fieldset');
    set.append(el('legend', undefined, 'Activation per layer'));
    list.forEach((a, i) => set.append(createSelect(`Layer ${i + 1}`, choices, a, (v) => { state.act[i] = v; c.change('act'); }).root));
    acts.append(set);
  }
  if (show('act')) {
    const box = keyed(el('div', 'act-box'), 'act');
    box.append(perLayerBox.root, acts);
    root.append(box);
    renderActs();
  }

  const slider = (key: 'depth' | 'width' | 'scale' | 'zoom', step: number, hint?: string) => {
    if (!show(key)) return;
    const f = table[key];
    root.append(keyed(createSlider({ label: f.label, min: f.min, max: f.max, step, value: state[key], hint, onInput: (v) => {
      state[key] = v;
      if (key === 'depth' && state.act.length > 1) renderActs();
      c.change(key);
    } }).root, key));
  };
  slider('depth', 1);
  slider('width', 1);
  slider('scale', 0.01, 'Larger weights give busier, sharper pictures.');
  slider('zoom', 0.01);
  if (show('color')) root.append(keyed(createSelect(table.color.label, COLOURS, state.color, (v) => { state.color = v; c.change('color'); }).root, 'color'));
  const inputs = el('fieldset');
  inputs.append(el('legend', undefined, 'Network inputs'));
  for (const key of ['useR', 'useZ'] as const) {
    if (show(key)) inputs.append(keyed(createCheckbox(table[key].label, state[key], (v) => { state[key] = v; c.change(key); }).root, key));
  }
  if (inputs.children.length > 1) root.append(inputs);

  let z: Slider | undefined;
  if (show('z')) {
    z = createSlider({ label: table.z.label, min: table.z.min, max: table.z.max, step: 0.01, value: state.z,
      hint: 'Play, by the picture, moves z with time.', onInput: (v) => { state.z = v; c.change('z'); } });
    root.append(keyed(z.root, 'z'));
  }
  return { root, seed, z };
}
