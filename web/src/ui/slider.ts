// slider.ts — a labelled slider with a number box kept in step. The range input brings the keyboard
// for free (arrows, Home/End, PageUp/PageDown); the number box accepts any typed value, which is
// clamped to [min, max]. `onInput` fires with the new value on every change from either.
import { el, uid } from './dom';

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Shown under the control (and used as its description). */
  hint?: string;
  onInput: (value: number) => void;
}

export interface Slider {
  root: HTMLDivElement;
  range: HTMLInputElement;
  number: HTMLInputElement;
  set(value: number): void;
  setBounds(min: number, max: number, step: number): void;
}

export function createSlider(o: SliderOptions): Slider {
  const root = el('div', 'control');
  const id = uid('slider');
  const label = el('label', 'control-label', o.label);
  label.htmlFor = id;
  const range = el('input');
  Object.assign(range, { type: 'range', id });
  const number = el('input');
  number.type = 'number';
  number.setAttribute('aria-label', `${o.label} (number)`);
  const row = el('div', 'slider-row');
  row.append(range, number);
  root.append(label, row);
  if (o.hint) {
    const hint = el('div', 'hint', o.hint);
    hint.id = uid('hint');
    range.setAttribute('aria-describedby', hint.id);
    root.append(hint);
  }
  let min = o.min, max = o.max;
  const setBounds = (lo: number, hi: number, step: number) => {
    min = lo; max = hi;
    for (const input of [range, number]) { input.min = String(lo); input.max = String(hi); input.step = String(step); }
  };
  const set = (v: number) => { range.value = String(v); number.value = String(v); };
  setBounds(o.min, o.max, o.step);
  set(o.value);
  range.addEventListener('input', () => {
    number.value = range.value;
    o.onInput(Number(range.value));
  });
  const commit = () => {
    const v = Number(number.value);
    if (number.value.trim() === '' || !Number.isFinite(v)) { number.value = range.value; return; }
    const c = Math.min(max, Math.max(min, v));
    if (c !== v) number.value = String(c);
    range.value = String(c);
    o.onInput(c);
  };
  number.addEventListener('change', commit);
  number.addEventListener('keydown', (e) => { if (e.key === 'Enter') commit(); });
  return { root, range, number, set, setBounds };
}
