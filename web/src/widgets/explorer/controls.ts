// controls.ts — the explorer's control panel, built from its state table: activations (several),
// z range, the z cursor, each chosen activation's parameters, softmax temperature, section toggles.
// Controls the URL hid (classroom mode) are not built. Calls `change` with the state key(s) touched.
import type { ActivationMeta } from '../../engine/types';
import { SOFTMAX_ID, paramKey, type ExplorerState, type ExplorerTable } from '../../state/explorer';
import type { NumberField } from '../../state/schema';
import { keyed } from '../../ui/access';
import { el } from '../../ui/dom';
import { createCheckbox, createCheckGroup } from '../../ui/select';
import { createSlider, type Slider } from '../../ui/slider';

export interface ControlsContext {
  table: ExplorerTable;
  state: ExplorerState;
  hidden: ReadonlySet<string>;
  metas: readonly ActivationMeta[];
  /** A key changed: 'z' for the cursor only, anything else recomputes curves. */
  change: (key: string) => void;
}

export interface Controls {
  root: HTMLElement;
  z: Slider | undefined;
  /** Rebuilds the parameter sliders for the chosen activations. */
  refreshParams(): void;
  /** Re-reads the z bounds from the state. */
  refreshZ(): void;
}

/** A round slider step (1, 2 or 5 × 10^k) near 1/200 of the range, so round z values sit on the grid. */
export function zStep(s: ExplorerState): number {
  const raw = (s.zmax - s.zmin) / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = (raw / p) * (1 - 1e-9); // rounding noise must not push 5.0000000001 up to 10
  return Number(((m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p).toPrecision(1));
}

export function buildControls(c: ControlsContext): Controls {
  const { state, hidden, table } = c;
  const root = el('div', 'explorer-controls');
  const show = (key: string) => !hidden.has(key);

  if (show('act')) {
    const choices = [...c.metas.map((m) => ({ value: m.id, label: m.name })), { value: SOFTMAX_ID, label: 'Softmax of [z, 0]' }];
    const group = createCheckGroup('Activations', choices, state.act, (values) => {
      if (values.length === 0) { group.set(state.act); return; } // keep at least one
      // Keep the order the learner chose them in (series colours stay put); new ones go last.
      const ordered = [...state.act.filter((v) => values.includes(v)), ...values.filter((v) => !state.act.includes(v))];
      state.act = ordered.slice(0, table.act.maxItems);
      if (values.length > table.act.maxItems) group.set(state.act);
      c.change('act');
      refreshParams();
    }, `Choose up to ${table.act.maxItems} to overlay.`);
    group.root.classList.add('act-group');
    // A list of ~19 choices: folded on phones (so z and the plots stay near the top), open on wide screens.
    const fold = keyed(el('details', 'act-fold'), 'act');
    const summary = el('summary');
    const count = () => { summary.textContent = `Activations: ${state.act.length} chosen`; };
    count();
    group.root.addEventListener('change', count);
    fold.open = matchMedia('(min-width: 56rem)').matches;
    fold.append(summary, group.root);
    root.append(fold);
  }

  let z: Slider | undefined;
  if (show('z')) {
    z = createSlider({ label: 'z (input)', min: state.zmin, max: state.zmax, step: zStep(state), value: state.z,
      hint: 'Arrow keys step; Page Up/Down jump; Home/End go to the ends.', onInput: (v) => { state.z = v; c.change('z'); } });
    keyed(z.root, 'z').classList.add('z-control');
    root.append(z.root);
  }

  const rangeBox = el('fieldset');
  rangeBox.append(el('legend', undefined, 'z range'));
  for (const key of ['zmin', 'zmax'] as const) {
    if (!show(key)) continue;
    const f = table[key] as NumberField;
    const s = createSlider({ label: f.label, min: f.min, max: f.max, step: 0.5, value: state[key], onInput: (v) => {
      state[key] = v;
      if (state.zmax - state.zmin < 0.5) {
        if (key === 'zmin') state.zmax = Math.min(f.max + 1, v + 0.5); else state.zmin = Math.max(-50, v - 0.5);
      }
      state.z = Math.min(state.zmax, Math.max(state.zmin, state.z));
      refreshZ();
      c.change(key);
    } });
    rangeBox.append(keyed(s.root, key));
  }
  if (rangeBox.children.length > 1) root.append(rangeBox);

  const params = el('div', 'param-controls');
  root.append(params);
  function refreshParams(): void {
    params.textContent = '';
    for (const id of state.act) {
      if (id === SOFTMAX_ID) {
        if (!show('T')) continue;
        const f = table.T;
        params.append(keyed(createSlider({ label: 'Softmax temperature T', min: f.min, max: f.max, step: 0.05, value: state.T,
          hint: 'Low T sharpens, high T flattens.', onInput: (v) => { state.T = v; c.change('T'); } }).root, 'T'));
        continue;
      }
      const meta = c.metas.find((m) => m.id === id);
      for (const p of meta?.params ?? []) {
        const key = paramKey(id, p.name);
        if (!show(key)) continue;
        const f = table[key] as NumberField;
        params.append(keyed(createSlider({ label: `${meta!.name}: ${p.name}`, min: f.min, max: f.max,
          step: Number(((f.max - f.min) / 200).toPrecision(1)), value: state[key] as number, hint: p.doc,
          onInput: (v) => { state[key] = v; c.change(key); } }).root, key));
      }
    }
  }
  function refreshZ(): void {
    if (z === undefined) return;
    z.setBounds(state.zmin, state.zmax, zStep(state));
    z.set(state.z);
  }
  refreshParams();

  const sections = el('fieldset');
  sections.append(el('legend', undefined, 'Show'));
  for (const key of ['gelu', 'sheet'] as const) {
    if (!show(key)) continue;
    sections.append(keyed(createCheckbox(table[key].label, state[key], (v) => { state[key] = v; c.change(key); }).root, key));
  }
  if (sections.children.length > 1) root.append(sections);
  return { root, z, refreshParams, refreshZ };
}
