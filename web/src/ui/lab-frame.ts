// lab-frame.ts — the skeleton the lab widgets (gradients, dying ReLUs, softmax) mount into: a
// "Controls" panel beside the widget's view, the seed box, the preset buttons and the engine's error line.
import { keyed } from './access';
import { el } from './dom';

/** The widget's root (`widget <className>`), the Controls panel and `view` beside it, appended to `host`. */
export function mountLabFrame(host: HTMLElement, className: string, view: HTMLElement): { widget: HTMLDivElement; side: HTMLDivElement } {
  const widget = el('div', `widget ${className}`);
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  widget.append(side, view);
  host.append(widget);
  return { widget, side };
}

export interface SeedBox { root: HTMLElement; set(seed: number): void }

/**
 * The seed control tagged `key`: a whole number in 0..field.max (the field's default when the box holds
 * no number), `hint` below it; `onChange` gets each new seed.
 */
export function createSeedBox(key: string, id: string, field: { label: string; max: number; default: number }, seed: number,
  hint: string, onChange: (seed: number) => void): SeedBox {
  const root = keyed(el('div', 'control seed-row'), key);
  const label = el('label', 'control-label', field.label);
  const input = el('input');
  input.type = 'number';
  input.id = id;
  label.htmlFor = input.id;
  Object.assign(input, { min: '0', max: String(field.max), step: '1', value: String(seed) });
  input.addEventListener('change', () => {
    const v = Math.round(Number(input.value));
    const next = Number.isFinite(v) ? Math.min(field.max, Math.max(0, v)) : field.default;
    input.value = String(next);
    onChange(next);
  });
  root.append(label, input, el('div', 'hint', hint));
  return { root, set: (s) => { input.value = String(s); } };
}

/**
 * A button in `row` per preset. A click sets the preset's values in `state`, but only those `editable`
 * (what the link lets the learner change), then calls `applied`.
 */
export function addPresetButtons<S extends object>(row: HTMLElement, presets: readonly { label: string; values: Partial<S> }[],
  editable: (key: string) => boolean, state: S, applied: () => void): void {
  for (const p of presets) {
    const b = el('button', undefined, p.label);
    b.type = 'button';
    b.addEventListener('click', () => {
      for (const [k, v] of Object.entries(p.values)) if (editable(k)) (state as Record<string, unknown>)[k] = v;
      applied();
    });
    row.append(b);
  }
}

/** The line that shows what the engine refused (role alert), hidden until then. */
export function createEngineError(): HTMLParagraphElement {
  const p = el('p', 'error');
  p.setAttribute('role', 'alert');
  p.hidden = true;
  return p;
}
