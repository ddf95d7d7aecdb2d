// controls.ts — the explorer's control panel, built from its state table: activations (several),
// z range, the z cursor, each chosen activation's parameters, softmax temperature, section toggles.
// Controls the URL hid (classroom mode) are not built. Calls `change` with the state key(s) touched.
import type { ActivationMeta } from '../../engine/types';
import type { ExprError } from '../../engine/expr';
import { EXPR_ID, SOFTMAX_ID, VARIANT, baseOf, paramKey, paramSymbol, type ExplorerState, type ExplorerTable } from '../../state/explorer';
import type { NumberField } from '../../state/schema';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { exprErrorNodes } from '../../ui/expr-error';
import { createCheckbox, createCheckGroup } from '../../ui/select';
import { createSlider, type Slider } from '../../ui/slider';

export interface ControlsContext {
  table: ExplorerTable;
  state: ExplorerState;
  hidden: ReadonlySet<string>;
  /** Keys the link locked: typing an activation adds it to the list only when the list is not locked. */
  locked?: ReadonlySet<string>;
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
  /** Shows where the typed activation is wrong (the caret block), or clears it (null). */
  setFxError(error: ExprError | null): void;
}

/** How long the typed activation must stay unchanged before the engine reads it. */
export const FX_SETTLE_MS = 300;

/** A round slider step (1, 2 or 5 × 10^k) near 1/200 of the range, so round z values sit on the grid. */
export function zStep(s: ExplorerState): number {
  const raw = (s.zmax - s.zmin) / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = (raw / p) * (1 - 1e-9); // rounding noise must not push 5.0000000001 up to 10
  return Number(((m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p).toPrecision(1));
}

const words = (n: number): string => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'][n] ?? String(n);

export function buildControls(c: ControlsContext): Controls {
  const { state, hidden, table } = c;
  const root = el('div', 'explorer-controls');
  const show = (key: string) => !hidden.has(key);
  let refusalOut: (text: string) => void = () => undefined;
  let onAct: () => void = () => undefined;
  let setGroup: (values: readonly string[]) => void = () => undefined;

  if (show('act')) {
    const choices = [...c.metas.map((m) => ({ value: m.id, label: m.name })), { value: SOFTMAX_ID, label: 'Softmax of [z, 0]' },
      { value: EXPR_ID, label: 'Your activation (typed below)' }];
    // Refusals are said, not silent: a polite status line under the list (cleared by the next change).
    const refusal = el('p', 'refusal');
    refusal.setAttribute('role', 'status');
    const group = createCheckGroup('Activations', choices, state.act, (values) => {
      refusal.textContent = '';
      if (values.length === 0) { group.set(state.act); refusal.textContent = 'At least one activation stays chosen.'; return; }
      if (values.length > table.act.maxItems) {
        group.set(state.act);
        refusal.textContent = `At most ${words(table.act.maxItems)} at once: untick one to add another.`;
        return;
      }
      // Keep the order the learner chose them in (series colours stay put); new ones go last. A second
      // copy stays while its activation does, and counts towards the six.
      const kept = state.act.filter((v) => values.includes(v) || (v !== baseOf(v) && values.includes(baseOf(v))));
      const next = [...kept, ...values.filter((v) => !state.act.includes(v))];
      if (next.length > table.act.maxItems) {
        group.set(state.act);
        refusal.textContent = `At most ${words(table.act.maxItems)} at once (second copies count): untick one to add another.`;
        return;
      }
      state.act = next;
      c.change('act');
      refreshParams();
    }, `Choose up to ${table.act.maxItems} to overlay.`);
    group.root.append(refusal);
    refusalOut = (text) => { refusal.textContent = text; };
    setGroup = (values) => { group.set([...values]); onAct(); };
    group.root.classList.add('act-group');
    // A list of ~19 choices: folded on phones (so z and the plots stay near the top), open on wide screens.
    const fold = keyed(el('details', 'act-fold'), 'act');
    const summary = el('summary');
    const count = () => { summary.textContent = `Activations: ${state.act.length} chosen`; };
    onAct = count;
    count();
    group.root.addEventListener('change', count);
    fold.open = matchMedia('(min-width: 56rem)').matches;
    fold.append(summary, group.root);
    root.append(fold);
  }

  // The learner's own activation: typing it (once the text settles) overlays it, read by the engine.
  const fxStatus = el('div', 'fx-status');
  fxStatus.setAttribute('aria-live', 'polite');
  if (show('fx')) {
    const box = keyed(el('div', 'control fx-control'), 'fx');
    const id = uid('explorer-fx');
    const label = el('label', 'control-label', table.fx.label);
    label.htmlFor = id;
    const input = el('input', 'mono');
    input.type = 'text';
    input.id = id;
    input.value = state.fx;
    input.maxLength = table.fx.maxLength;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('aria-describedby', `${id}-hint`);
    const hint = el('p', 'hint', 'z (or x), numbers, + − * / ^, comparisons, where(c, a, b) or c ? a : b, alpha and beta, exp log sqrt abs min max tanh sigmoid softplus erf relu step …; write 2*z, not 2z. Typing it overlays it.');
    hint.id = `${id}-hint`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (input.value === state.fx && state.act.includes(EXPR_ID)) return;
        state.fx = input.value;
        const listFree = show('act') && !(c.locked?.has('act') ?? false);
        if (!state.act.includes(EXPR_ID) && listFree) {
          if (state.act.length >= table.act.maxItems) refusalOut(`At most ${words(table.act.maxItems)} at once: untick one to overlay your activation.`);
          else { state.act = [...state.act, EXPR_ID]; setGroup(state.act); }
        }
        c.change('fx');
      }, FX_SETTLE_MS);
    });
    box.append(label, input, hint, fxStatus);
    root.append(box);
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
      const meta = c.metas.find((m) => m.id === baseOf(id));
      if (meta === undefined || meta.params.length === 0) continue;
      const second = id !== meta.id;
      const box = el('div', second ? 'param-group param-second' : 'param-group');
      for (const p of meta.params) {
        const key = paramKey(id, p.name);
        if (!show(key)) continue;
        const f = table[key] as NumberField;
        box.append(keyed(createSlider({ label: `${meta.name}${second ? ' (second copy)' : ''}: ${paramSymbol(p)}`, min: f.min, max: f.max,
          step: Number(((f.max - f.min) / 200).toPrecision(1)), value: state[key] as number, hint: second ? undefined : p.doc,
          onInput: (v) => { state[key] = v; c.change(key); } }).root, key));
      }
      // Parameter variants: overlay the same activation at a second α/β, or take the copy away again.
      const symbols = meta.params.map(paramSymbol).join(', ');
      if (show('act') && !second && !state.act.includes(id + VARIANT)) {
        const add = el('button', 'secondary', `Overlay ${meta.name} at a second ${symbols}`);
        add.type = 'button';
        add.addEventListener('click', () => {
          if (state.act.length >= table.act.maxItems) { refusalOut(`At most ${words(table.act.maxItems)} at once: untick one to add a second copy.`); return; }
          state.act = [...state.act, id + VARIANT];
          onAct();
          c.change('act');
          refreshParams();
          params.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(id + VARIANT)}"] input[type=range]`)?.focus();
        });
        box.append(add);
      } else if (show('act') && second) {
        const remove = el('button', 'secondary', `Remove the second ${meta.name}`);
        remove.type = 'button';
        remove.addEventListener('click', () => {
          state.act = state.act.filter((k) => k !== id);
          for (const p of meta.params) state[paramKey(id, p.name)] = (table[paramKey(id, p.name)] as NumberField).default; // the link forgets it
          onAct();
          c.change('act');
          refreshParams();
        });
        box.append(remove);
      }
      box.dataset.key = id;
      if (box.children.length > 0) params.append(box);
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
  const setFxError = (error: ExprError | null) => {
    fxStatus.replaceChildren(...(error === null ? [] : exprErrorNodes(error)));
    const input = fxStatus.closest('.fx-control')?.querySelector('input');
    if (error === null) input?.removeAttribute('aria-invalid'); else input?.setAttribute('aria-invalid', 'true');
  };
  return { root, z, refreshParams, refreshZ, setFxError };
}
