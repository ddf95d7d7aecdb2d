// select.ts — a labelled <select>, and a labelled group of checkboxes (choose several).
import { el, uid } from './dom';

export interface Choice { value: string; label: string }

export function createSelect(label: string, choices: readonly Choice[], value: string, onChange: (v: string) => void): { root: HTMLDivElement; select: HTMLSelectElement } {
  const root = el('div', 'control');
  const id = uid('select');
  const lab = el('label', 'control-label', label);
  lab.htmlFor = id;
  const select = el('select');
  select.id = id;
  for (const c of choices) select.append(new Option(c.label, c.value));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  root.append(lab, select);
  return { root, select };
}

export function createCheckbox(label: string, checked: boolean, onChange: (v: boolean) => void): { root: HTMLLabelElement; input: HTMLInputElement } {
  const root = el('label', 'check');
  const input = el('input');
  input.type = 'checkbox';
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  root.append(input, label);
  return { root, input };
}

/** A fieldset of checkboxes; `onChange` gets the checked values in choice order. */
export function createCheckGroup(legend: string, choices: readonly Choice[], checked: readonly string[],
  onChange: (values: string[]) => void, hint?: string): { root: HTMLFieldSetElement; set(values: readonly string[]): void } {
  const root = el('fieldset', 'check-group');
  root.append(el('legend', undefined, legend));
  if (hint) root.append(el('p', 'hint', hint));
  const inputs = choices.map((c) => {
    const box = createCheckbox(c.label, checked.includes(c.value), () => onChange(inputs.filter((i) => i.input.checked).map((i) => i.value)));
    box.input.value = c.value;
    root.append(box.root);
    return { input: box.input, value: c.value };
  });
  return { root, set: (values) => { for (const i of inputs) i.input.checked = values.includes(i.value); } };
}
