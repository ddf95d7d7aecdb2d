// schema.ts — declarative widget-state tables and their URL (de)serialisation, with notices.
//
// A widget declares one table: for each field its kind, default, range or allowed values, its
// label (and optionally how to say a value in words), and whether a teacher may hide or lock its
// control. `parseState` reads a query string into a typed state, ignoring or clamping anything
// malformed, out of range or hostile and saying so in plain `notices` (shown with textContent by
// the page, never as HTML). `serialiseState` writes only the fields that differ from their
// defaults, so parse(serialise(s)) = s and links stay short. The built-in `hide` and `lock` keys
// list the controls a teacher hid or locked (shown, not editable) for a class; `hide` may also
// name the frame's own controls (FRAME_CONTROLS, e.g. the share buttons).

/** What every field has: its label, how to say a value in words, and whether a teacher may hide/lock it. */
interface FieldBase<V> {
  label: string;
  /** A teacher may hide or lock this control (`hide=` / `lock=` in the URL). */
  hideable?: boolean;
  /**
   * The value in plain words for the link's summary ("z = −3", "Sigmoid vs ReLU"); without it the
   * summary says "label value". Pure text, no HTML.
   */
  describe?: (value: V) => string;
}

/** A number field: integers when `integer`, clamped to [min, max]. */
export interface NumberField extends FieldBase<number> {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  /** Significant digits written to the URL (default 6). */
  digits?: number;
}

/** One value from a fixed set (or a set supplied at parse time, e.g. the engine's registry). */
export interface EnumField extends FieldBase<string> {
  kind: 'enum';
  default: string;
  values: readonly string[];
}

/**
 * An ordered list of values from a set, with a length limit. Entries are distinct unless
 * `repeats` is set (the art studio's per-layer activations: ReLU, Tanh, ReLU is a valid network).
 */
export interface ListField extends FieldBase<readonly string[]> {
  kind: 'list';
  default: readonly string[];
  values: readonly string[];
  minItems: number;
  maxItems: number;
  repeats?: boolean;
  /**
   * Accepts an item that is not in `values` (e.g. the race's "0.2_1.5": one value per parameter,
   * each from `values`). Without it an item must be one of `values`.
   */
  accepts?: (item: string) => boolean;
}

export interface BooleanField extends FieldBase<boolean> {
  kind: 'boolean';
  default: boolean;
}

/**
 * Free text: a typed activation such as `x * sigmoid(1.702 * x)` (only ever shown as text), or a
 * widget's own compact encoding (the playground's own points) read by `parse`, which turns a raw URL
 * value into the canonical value, saying in `notices` what it dropped; it never throws. Values longer
 * than `maxLength` are ignored with a notice (instead of the general 400).
 */
export interface TextField extends FieldBase<string> {
  kind: 'text';
  default: string;
  maxLength: number;
  parse?: (raw: string, notices: string[]) => string;
}

export type Field = NumberField | EnumField | ListField | BooleanField | TextField;
export type Table = Readonly<Record<string, Field>>;

/** The typed state a table describes. */
export type StateOf<T extends Table> = {
  -readonly [K in keyof T]: T[K] extends NumberField ? number
    : T[K] extends EnumField ? string
    : T[K] extends ListField ? string[]
    : T[K] extends BooleanField ? boolean
    : T[K] extends TextField ? string : never;
};

/** A state plus the controls hidden and locked by the URL. */
export interface Parsed<T extends Table> {
  state: StateOf<T>;
  /** Keys of hidden controls (table keys or FRAME_CONTROLS). */
  hidden: Set<string>;
  /** Keys of locked controls: shown, not editable (table keys only; never also hidden). */
  locked: Set<string>;
  /** One sentence per ignored or corrected value, for people. */
  notices: string[];
}

/** The URL key of the hidden-controls list. */
export const HIDE_KEY = 'hide';
/** The URL key of the locked-controls list. */
export const LOCK_KEY = 'lock';
/** Keys every page understands outside the widget's table: the colour theme of embeds. */
export const FRAME_KEYS: ReadonlySet<string> = new Set(['theme']);
/** The embed themes a link may ask for ("auto" follows the reader's system setting). */
export const THEMES: readonly string[] = ['light', 'dark', 'auto'];
/** Controls of the shared frame (not of one widget) that a teacher may hide, with their labels. */
export const FRAME_CONTROLS: Readonly<Record<string, string>> = { share: 'Copy link and embed code buttons' };
/** Longest raw value we read or quote: anything longer is ignored as malformed. */
const MAX_RAW = 400;
const MAX_QUOTE = 40;

/** A raw URL value made safe to quote in a notice (shortened; shown with textContent anyway). */
export function quote(raw: string): string {
  const oneLine = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `“${oneLine.length > MAX_QUOTE ? `${oneLine.slice(0, MAX_QUOTE)}…` : oneLine}”`;
}

/** The default state of a table (lists copied). */
export function defaults<T extends Table>(table: T): StateOf<T> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(table)) state[key] = field.kind === 'list' ? [...field.default] : field.default;
  return state as StateOf<T>;
}

/** Strict decimal number syntax (no hex, no "Infinity", no empty string). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(key: string, f: NumberField, raw: string, notices: string[]): number {
  if (!NUMBER.test(raw.trim())) {
    notices.push(`${f.label}: ${quote(raw)} is not a number; using ${f.default}.`);
    return f.default;
  }
  let v = Number(raw);
  if (f.integer && !Number.isInteger(v)) {
    v = Math.round(v);
    notices.push(`${f.label}: ${quote(raw)} is not a whole number; using ${v}.`);
  }
  if (v < f.min || v > f.max) {
    const c = Math.min(f.max, Math.max(f.min, v));
    notices.push(`${f.label}: ${quote(raw)} is outside ${f.min}…${f.max}; using ${c}.`);
    return c;
  }
  return Object.is(v, -0) ? 0 : v;
}

function parseList(f: ListField, raw: string, notices: string[]): string[] {
  const out: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!f.values.includes(item) && f.accepts?.(item) !== true) notices.push(`${f.label}: ${quote(item)} is not one of the choices; ignored.`);
    else if (!f.repeats && out.includes(item)) notices.push(`${f.label}: ${quote(item)} is listed more than once; kept the first.`);
    else if (out.length >= f.maxItems) {
      notices.push(`${f.label}: at most ${f.maxItems} may be chosen; ${quote(item)} ignored.`);
    } else out.push(item);
  }
  if (out.length < f.minItems) {
    notices.push(`${f.label}: too few valid choices; using the default (${f.default.join(', ')}).`);
    return [...f.default];
  }
  return out;
}

function parseField(key: string, f: Field, raw: string, notices: string[]): unknown {
  switch (f.kind) {
    case 'number': return parseNumber(key, f, raw, notices);
    case 'enum':
      if (f.values.includes(raw)) return raw;
      notices.push(`${f.label}: ${quote(raw)} is not one of the choices; using ${f.default}.`);
      return f.default;
    case 'list': return parseList(f, raw, notices);
    case 'text':
      if (raw.length > f.maxLength) {
        notices.push(`${f.label}: longer than ${f.maxLength} characters; using the default.`);
        return f.default;
      }
      return f.parse ? f.parse(raw, notices) : raw;
    case 'boolean':
      if (raw === '1' || raw === 'true') return true;
      if (raw === '0' || raw === 'false') return false;
      notices.push(`${f.label}: ${quote(raw)} is not 1 or 0; using ${f.default ? 1 : 0}.`);
      return f.default;
  }
}

/**
 * Reads `search` (a query string, with or without "?", or a hash "#…") into a state. Unknown
 * keys are ignored with a notice; repeated keys use the first value. Never throws.
 */
export function parseState<T extends Table>(table: T, search: string): Parsed<T> {
  const state = defaults(table) as Record<string, unknown>;
  const notices: string[] = [];
  const hidden = new Set<string>();
  const locked = new Set<string>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.replace(/^[?#]/, ''));
  } catch {
    return { state: state as StateOf<T>, hidden, locked, notices: ['The link’s settings could not be read; using the defaults.'] };
  }
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (seen.has(key)) continue;
    seen.add(key);
    const field = Object.hasOwn(table, key) ? table[key] : undefined;
    // A text field's own bound is checked by parseField, which names the field.
    if (field?.kind !== 'text' && raw.length > MAX_RAW) {
      notices.push(`The value of ${quote(key)} is too long; ignored.`);
      continue;
    }
    if (key === HIDE_KEY || key === LOCK_KEY) {
      const into = key === HIDE_KEY ? hidden : locked;
      for (const name of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
        const own = Object.hasOwn(table, name) && table[name]!.hideable === true;
        if (own || (key === HIDE_KEY && Object.hasOwn(FRAME_CONTROLS, name))) into.add(name);
        else notices.push(`Cannot ${key} ${quote(name)}: no such control.`);
      }
      continue;
    }
    if (key === 'theme') {
      if (!THEMES.includes(raw)) notices.push(`Theme: ${quote(raw)} is not light, dark or auto; ignored.`);
      continue;
    }
    if (FRAME_KEYS.has(key)) continue;
    if (!Object.hasOwn(table, key)) {
      notices.push(`Unknown setting ${quote(key)}; ignored.`);
      continue;
    }
    state[key] = parseField(key, table[key]!, raw, notices);
  }
  for (const name of locked) {
    if (!hidden.has(name)) continue;
    locked.delete(name);
    notices.push(`${table[name]!.label} is both hidden and locked; it stays hidden.`);
  }
  return { state: state as StateOf<T>, hidden, locked, notices };
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : Object.is(a, b);
}

function writeNumber(f: NumberField, v: number): string {
  return f.integer ? String(Math.round(v)) : String(Number(v.toPrecision(f.digits ?? 6)));
}

/**
 * The query string (without "?") for `state`: only values that differ from the defaults, in table
 * order, then the hidden and locked controls (a control both hidden and locked is written hidden).
 */
export function serialiseState<T extends Table>(table: T, state: StateOf<T>, hidden: ReadonlySet<string> = new Set(),
  locked: ReadonlySet<string> = new Set()): string {
  const params = new URLSearchParams();
  for (const [key, f] of Object.entries(table)) {
    const v = (state as Record<string, unknown>)[key];
    if (same(v, f.default)) continue;
    switch (f.kind) {
      case 'number': params.set(key, writeNumber(f, v as number)); break;
      case 'enum': params.set(key, v as string); break;
      case 'list': params.set(key, (v as string[]).join(',')); break;
      case 'boolean': params.set(key, v ? '1' : '0'); break;
      case 'text': params.set(key, v as string); break;
    }
  }
  const hide = [...Object.keys(table), ...Object.keys(FRAME_CONTROLS)].filter((k) => hidden.has(k));
  if (hide.length > 0) params.set(HIDE_KEY, hide.join(','));
  const lock = Object.keys(table).filter((k) => locked.has(k) && !hidden.has(k));
  if (lock.length > 0) params.set(LOCK_KEY, lock.join(','));
  // Commas are safe in a query; keep lists readable (act=relu,gelu rather than relu%2Cgelu). '~' is
  // unreserved (RFC 3986) and separates the playground's own points.
  return params.toString().replaceAll('%2C', ',').replaceAll('%7E', '~');
}

/** Clamps one number to its field (for values typed into a control), returning the clamped value. */
export function clampToField(f: NumberField, v: number): number {
  if (!Number.isFinite(v)) return f.default;
  const r = f.integer ? Math.round(v) : v;
  return Math.min(f.max, Math.max(f.min, r));
}
