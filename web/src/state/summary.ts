// summary.ts — what a shared link holds, in plain words, generated from the widget's state table:
// each field says its value (its `describe`, or "label value"), then which controls are locked and
// hidden. The teacher's panel shows the long form; students see the short one instead of raw keys.
//   "Sigmoid vs ReLU, z = 5; locked: activations; hidden: cheat sheet"
import { FRAME_CONTROLS, type Field, type StateOf, type Table } from './schema.ts';

/** A number as people read it: up to 4 significant digits, a real minus sign. */
export function wordsNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(4))).replaceAll('-', '−');
}

/** `items` as an English list: "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A label inside a sentence: "Activations" → "activations", but "GELU view" stays. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** One field's value in words. */
export function describeValue(f: Field, value: unknown): string {
  if (f.describe) return (f.describe as (v: unknown) => string)(value);
  switch (f.kind) {
    case 'number': return `${f.label} ${wordsNumber(value as number)}`;
    case 'enum': return `${f.label}: ${value as string}`;
    case 'list': return `${f.label}: ${(value as string[]).join(', ')}`;
    case 'boolean': return `${f.label} ${value ? 'on' : 'off'}`;
    case 'text': return f.parse ? `${f.label} set` : `${f.label} ${value as string}`;
  }
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : Object.is(a, b);
}

const labelOf = (table: Table, key: string) => table[key]?.label ?? FRAME_CONTROLS[key] ?? key;

export interface SummaryParts {
  /** The values a student starts from: those that differ from the defaults, and those locked. */
  values: string[];
  locked: string[];
  hidden: string[];
}

/** The parts of the summary, each already in words, in table order. */
export function summaryParts<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string>, locked: ReadonlySet<string>): SummaryParts {
  const values: string[] = [];
  for (const [key, f] of Object.entries(table)) {
    const v = (state as Record<string, unknown>)[key];
    if (hidden.has(key)) continue; // a hidden control's value still applies, but students cannot see it
    if (!same(v, f.default) || locked.has(key)) values.push(describeValue(f, v));
  }
  const order = [...Object.keys(table), ...Object.keys(FRAME_CONTROLS)];
  return {
    values,
    locked: order.filter((k) => locked.has(k) && !hidden.has(k)).map((k) => inSentence(labelOf(table, k))),
    hidden: order.filter((k) => hidden.has(k)).map((k) => inSentence(labelOf(table, k))),
  };
}

/** The teacher's summary: every value, every locked and hidden control. */
export function summarise<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string>, locked: ReadonlySet<string>): string {
  const p = summaryParts(table, state, hidden, locked);
  const out = [p.values.length > 0 ? p.values.join(', ') : 'the default settings'];
  if (p.locked.length > 0) out.push(`locked: ${andList(p.locked)}`);
  if (p.hidden.length > 0) out.push(`hidden: ${andList(p.hidden)}`);
  return out.join('; ');
}

/** The students' short line: at most four values, the locked controls, how many are hidden. */
export function summariseShort<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string>, locked: ReadonlySet<string>): string {
  const p = summaryParts(table, state, hidden, locked);
  const values = p.values.length > 4 ? [...p.values.slice(0, 4), '…'] : p.values;
  const out = values.length > 0 ? [values.join(', ')] : [];
  if (p.locked.length > 0) out.push(`${andList(p.locked)} locked`);
  if (p.hidden.length > 0) out.push(`${p.hidden.length} control${p.hidden.length === 1 ? '' : 's'} hidden by this link`);
  return out.join('; ');
}
