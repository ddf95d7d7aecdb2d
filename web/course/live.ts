// live.ts — live numbers: the inline form `{{ source | format }}` of the lessons, evaluated by the
// engine (the Node wasm module at build time; the same code in the Playwright check). No maths here:
// the engine computes, this file picks the value out and formats it.
//
//   {{ 0.25^10 }}                      a constant expression, by the expression engine (cpp/actlab/expr/)
//   {{ f:sigmoid(5) }}  {{ df:tanh(0) }}  {{ f:elu(-1, alpha=1) }}   a registry activation or its slope
//   {{ probe:depth{"activation":"sigmoid","layers":50}.vanishBackward }}   an engine probe (runProbe)
//   {{ train:data=xor&units=8,8&act=relu@300.test.accuracy | pct }}   the playground's network (its URL
//                                      state), trained for 300 epochs from its seeded start; then .train/.test .loss/.accuracy,
//                                      or .health[layer].<field> (Trainer.health(): dead share, mean |gradient|, …)
//   {{ race:data=digits&units=32&act=sigmoid,relu,gelu@30.contestants[1].testAccuracy | pct }}   the activation
//                                      race of that URL state run for 30 epochs (RaceReport: .contestants[i].testAccuracy, …)
//   {{ row[-3,0,3001]:x*Phi(x).minAt }}     the expression engine's cheat-sheet row on a grid (min, minAt, …)
//   {{ compare[-6,6,1201]:A ~ B.maxAbs }}   two expressions compared on a grid (maxAbs, maxAbsAt, …)
//   {{ dcheck[-6,6,1201]:DF ~ F.maxFdError }}  a typed derivative DF of F against finite differences
//                                      (.maxFdError) and the engine's own derivative (.vsSymbolic.maxAbs)
//   path steps: .name (of each element, on an array)  [i]  @min @max @argmin @argmax @sum @mean @length @last   (picked, never computed anew
//   except these reductions over the engine's own array)
//
// Formats after "|": `3` (significant digits, the default), `fix 2`, `sci 2` (a × 10^b), `pct 1`
// (value × 100 with %), `int`, `pow` (the exponent b only), `nonfinite` (must be NaN or ±∞: shows it). Minus signs are typographic (−).
import type { Engine } from '../src/engine/engine';
import type { ExprEngine } from '../src/engine/expr';
import { runProbe, type ProbeKind, type ProbeModule, PROBE_KINDS } from '../src/engine/probes.ts';
import { Trainer } from '../src/engine/trainer.ts';
import type { TrainerModule } from '../src/engine/trainer-types';
import { parseState } from '../src/state/schema.ts';
import { playgroundTable, trainerConfig, type PlaygroundState } from '../src/state/playground.ts';
import { raceTable, type RaceState } from '../src/state/race.ts';
import { memoPerEngine } from './engine-memo.ts';
import { raceReport } from './figures.ts';

export interface LiveEngines {
  engine: Engine; expr: ExprEngine; module: ProbeModule & TrainerModule;
  /** The bytes of public/data/digits8x8.bin, for a race on the digits (`race:data=digits…`). */
  digits?: Uint8Array;
}

/** Longest training a live number may ask for (epochs), so a lesson cannot stall the build. */
export const MAX_LIVE_EPOCHS = 2000;

export interface LiveValue { value: number; text: string }

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const minus = (s: string): string => s.replaceAll('-', '−');

/** Formats `v` by `format` (see the file comment); throws on an unknown format. */
export function formatLive(v: number, format: string): string {
  // `nonfinite`: a number the prose says overflows; it must really be Inf or NaN in the engine.
  if (format.trim() === 'nonfinite') {
    if (Number.isFinite(v)) throw new Error(`format "nonfinite": the engine gives the finite ${v}`);
    return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  }
  if (!Number.isFinite(v)) throw new Error(`the value is ${String(v)}, not a finite number`);
  const [kind = '3', arg] = format.trim().split(/\s+/);
  const n = arg === undefined ? undefined : Number(arg);
  if (arg !== undefined && !(Number.isInteger(n) && n! >= 0 && n! <= 12)) throw new Error(`format "${format}": "${arg}" is not a digit count 0–12`);
  if (/^\d+$/.test(kind) && arg === undefined) {
    const d = Number(kind);
    if (d < 1 || d > 12) throw new Error(`format "${format}": significant digits must be 1–12`);
    if (v === 0) return '0';
    const a = Math.abs(v);
    return minus(a >= 1e-4 && a < 1e7 ? String(Number(v.toPrecision(d))) : sci(v, d - 1));
  }
  switch (kind) {
    case 'fix': return minus(v.toFixed(n ?? 2));
    case 'sci': return sci(v, n ?? 2);
    case 'pct': return `${minus((v * 100).toFixed(n ?? 0))} %`;
    case 'int':
      if (!Number.isInteger(v)) throw new Error(`format "int": ${v} is not a whole number`);
      return minus(String(v));
    case 'pow': {
      const e = Math.floor(Math.log10(Math.abs(v)));
      return minus(String(e));
    }
    default: throw new Error(`unknown format "${format}" (accepted: a digit count, fix N, sci N, pct N, int, pow)`);
  }
}

function sci(v: number, digits: number): string {
  const [m, e] = v.toExponential(digits).split('e') as [string, string];
  const exp = String(Number(e)).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${minus(m)} × 10${exp}`;
}

/** Picks a path (`.name`, `[i]`, `@reduction`) out of a probe result. */
function pick(root: unknown, path: string): number {
  let cur: unknown = root;
  const steps = path.match(/\.[A-Za-z_]\w*|\[\d+\]|@\w+/g) ?? [];
  if (steps.join('') !== path) throw new Error(`cannot read the path "${path}" (write .name, [i] or @min/@max/@argmin/@argmax/@sum/@mean/@length/@last)`);
  for (const step of steps) {
    if (step.startsWith('.') && Array.isArray(cur)) {
      // .name on an array of objects takes that field of each (then reduce it: .units.firing@mean).
      const key = step.slice(1);
      cur = cur.map((o: unknown) => (o !== null && typeof o === 'object' && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : NaN));
    } else if (step.startsWith('.')) {
      const key = step.slice(1);
      if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) throw new Error(`the result has no "${key}" at "${step}"`);
      cur = (cur as Record<string, unknown>)[key];
    } else if (step.startsWith('[')) {
      const i = Number(step.slice(1, -1));
      if (!Array.isArray(cur) || i >= cur.length) throw new Error(`no element ${step} (the array has ${Array.isArray(cur) ? cur.length : 0})`);
      cur = cur[i];
    } else {
      if (!Array.isArray(cur)) throw new Error(`${step} needs an array`);
      const xs = cur.map((x) => (typeof x === 'number' ? x : NaN));
      switch (step) {
        case '@min': cur = Math.min(...xs); break;
        case '@max': cur = Math.max(...xs); break;
        case '@argmin': cur = xs.indexOf(Math.min(...xs)); break;
        case '@argmax': cur = xs.indexOf(Math.max(...xs)); break;
        case '@sum': cur = xs.reduce((a, b) => a + b, 0); break;
        case '@mean': cur = xs.reduce((a, b) => a + b, 0) / xs.length; break;
        case '@length': cur = xs.length; break;
        case '@last': cur = xs[xs.length - 1]; break;
        default: throw new Error(`unknown reduction "${step}"`);
      }
    }
  }
  // The engine writes a float32 cell it cannot put in JSON as text ("NaN", "Infinity").
  if (typeof cur === 'string' && /^(NaN|-?Infinity|[-+]?\d[\d.eE+-]*)$/.test(cur)) cur = Number(cur);
  if (typeof cur !== 'number') throw new Error(`"${path}" is ${cur === null ? 'null (not finite in the engine)' : typeof cur}, not a number`);
  return cur;
}

/** Finds the end of a JSON object starting at `s[0] === '{'` (strings respected). */
function objectEnd(s: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('the probe spec\'s "{" is never closed');
}

interface TrainedRun { train: unknown; test: unknown; health: unknown }
/** Trained runs per engine module, by trainer config and epochs: a lesson (and the course) reads the
 *  same run in several live numbers and claims, and the engine is deterministic, so it trains once. */
const trainCache = new WeakMap<object, Map<string, TrainedRun | Error>>();

/** The playground network of `s` trained for `epochs` from its seeded start (cached per engine). */
function trainedRun(s: PlaygroundState, epochs: number, e: LiveEngines): TrainedRun {
  const config = trainerConfig(s);
  const run = memoPerEngine(trainCache, e.module, `${JSON.stringify(config)}@${epochs}`, (): TrainedRun | Error => {
    const trainer = new Trainer(e.module);
    try {
      trainer.configure(config);
      return trainer.advance({ epochs }).diverged
        ? new Error('training diverged (NaN/Inf); this number does not exist')
        : { train: trainer.metrics('train'), test: trainer.metrics('test'), health: trainer.health() };
    } finally {
      trainer.dispose();
    }
  });
  if (run instanceof Error) throw new Error(run.message);
  return run;
}

/** The raw number a live source stands for (throws with what is wrong). */
export function evaluateSource(source: string, e: LiveEngines): number {
  const s = source.trim();
  if (s === '') throw new Error('empty live number');
  const probe = /^probe:([a-z]+)/.exec(s);
  if (probe) {
    const kind = probe[1]! as ProbeKind;
    if (!PROBE_KINDS.includes(kind)) throw new Error(`unknown probe "${kind}" (accepted: ${PROBE_KINDS.join(', ')})`);
    const rest = s.slice(probe[0].length);
    if (!rest.startsWith('{')) throw new Error(`probe:${kind} needs a JSON spec in {…}`);
    const end = objectEnd(rest);
    let spec: unknown;
    try { spec = JSON.parse(rest.slice(0, end)); } catch (err) { throw new Error(`the probe spec is not JSON: ${(err as Error).message}`); }
    const path = rest.slice(end).trim();
    if (path === '') throw new Error(`probe:${kind} needs a path to one number, e.g. .vanishBackward`);
    return pick(runProbe(e.module, kind, spec as never), path);
  }
  const train = /^train:([^@\s]*)@(\d+)((?:\.|\[).*)$/.exec(s);
  if (train) {
    const [, query, epochText, path] = train as unknown as [string, string, string, string];
    const metas = e.engine.activations();
    const parsed = parseState(playgroundTable(metas.map((m) => m.id)), query);
    if (parsed.notices.length > 0) throw new Error(`playground state: ${parsed.notices.join(' ')}`);
    const epochs = Number(epochText);
    if (!(epochs >= 1 && epochs <= MAX_LIVE_EPOCHS)) throw new Error(`train for 1–${MAX_LIVE_EPOCHS} epochs, not ${epochText}`);
    return pick(trainedRun(parsed.state as PlaygroundState, epochs, e), path);
  }
  const race = /^race:([^@\s]*)@(\d+)((?:\.|\[).*)$/.exec(s);
  if (race) {
    const [, query, epochText, path] = race as unknown as [string, string, string, string];
    const metas = e.engine.activations().filter((m) => m.id !== 'softmax');
    const parsed = parseState(raceTable(metas.map((m) => m.id)), `${query}&epochs=${epochText}`);
    if (parsed.notices.length > 0) throw new Error(`race state: ${parsed.notices.join(' ')}`);
    const epochs = Number(epochText);
    if (!(epochs >= 1 && epochs <= MAX_LIVE_EPOCHS)) throw new Error(`race for 1–${MAX_LIVE_EPOCHS} epochs, not ${epochText}`);
    return pick(raceReport(parsed.state as RaceState, e), path);
  }
  if (s.startsWith('race:')) throw new Error('write race:<race state>@<epochs>.contestants[0].testAccuracy (or .trainLoss, .epochsToTarget …)');
  const grid = /^(row|compare|dcheck)\[([^\]]*)\]:(.*?)((?:\.[A-Za-z]\w*)+)$/.exec(s);
  if (grid) {
    const [, kind, range, body, path] = grid as unknown as [string, 'row' | 'compare' | 'dcheck', string, string, string];
    const nums = range.split(',').map((t) => Number(t.trim()));
    if (nums.length !== 3 || nums.some((n) => !Number.isFinite(n))) throw new Error(`${kind}[lo,hi,points]: "${range}" is not three numbers`);
    const [lo, hi, points] = nums as [number, number, number];
    if (kind === 'row') return pick(e.expr.cheatRow(body.trim(), { lo, hi, points }), path);
    const [a, b, ...more] = body.split('~');
    if (a === undefined || b === undefined || more.length > 0) throw new Error(`${kind}[…]: write "answer ~ reference"`);
    if (kind === 'compare') return pick(e.expr.compare(a.trim(), b.trim(), { lo, hi, points }), path);
    return pick(e.expr.checkDerivative(a.trim(), b.trim(), { lo, hi, points }), path);
  }
  if (s.startsWith('train:')) throw new Error('write train:<playground state>@<epochs>.train.loss (or .test.accuracy, .health[0].deadShare …)');
  const act = /^(f|df):([a-z_0-9]+)\((.*)\)$/.exec(s);
  if (act) {
    const [, which, id, argText] = act as unknown as [string, string, string, string];
    const meta = e.engine.activations().find((m) => m.id === id);
    if (meta === undefined) throw new Error(`unknown activation "${id}"`);
    const [xText, ...paramTexts] = argText.split(',').map((t) => t.trim());
    const x = Number(xText);
    if (xText === undefined || xText === '' || !Number.isFinite(x)) throw new Error(`${which}:${id}(…) needs a number first, got "${xText ?? ''}"`);
    const params: Record<string, number> = {};
    for (const p of paramTexts) {
      const m = /^([a-z_]+)=(.+)$/.exec(p);
      if (!m || !Number.isFinite(Number(m[2]))) throw new Error(`parameter "${p}" is not name=number`);
      if (!meta.params.some((q) => q.name === m[1])) throw new Error(`${id} has no parameter "${m[1]}"`);
      params[m[1]!] = Number(m[2]);
    }
    return e.engine.apply(id, Float32Array.of(x), { derivative: which === 'df', params })[0]!;
  }
  const checked = e.expr.check(s);
  if (!checked.ok) throw new Error(`the expression engine says: ${checked.error.message}`);
  return e.expr.evaluate(s, Float32Array.of(0))[0]!;
}

/** Splits "source | format" (the last "|" outside braces). */
export function splitLive(inner: string): { source: string; format: string } {
  let depth = 0;
  let bar = -1;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === '|' && depth === 0 && inner[i + 1] !== '|' && inner[i - 1] !== '|') bar = i;
  }
  return bar < 0 ? { source: inner.trim(), format: '3' } : { source: inner.slice(0, bar).trim(), format: inner.slice(bar + 1).trim() };
}

/** Evaluates and formats `{{ inner }}`. */
export function live(inner: string, e: LiveEngines): LiveValue {
  const { source, format } = splitLive(inner);
  const value = evaluateSource(source, e);
  return { value, text: formatLive(value, format) };
}

// ---- claims: `{{ check: A < B }}` ----
// A sentence whose words assert an order ("ReLU beats sigmoid", "the ranges overlap", "a larger gap")
// states it as a claim beside it; the build evaluates both sides with the engine and fails when the
// relation does not hold. A claim renders nothing. Sides: live sources (as in `{{ … }}`, no format)
// or plain numbers (a figure the prose quotes, such as the 0.79 − 0.78 of an outline), joined by
// " + " / " − " written with spaces. Relations: < <= > >= == !=, chained (`a < b < c` means
// a < b and b < c), written with spaces around them.

export type Relation = '<' | '<=' | '>' | '>=' | '==' | '!=';
const RELATIONS: readonly Relation[] = ['<=', '>=', '==', '!=', '<', '>'];

export interface ClaimSide { text: string; value: number; terms: { source: string; value: number }[] }
export interface ClaimResult { holds: boolean; sides: ClaimSide[]; relations: Relation[]; failed: string[] }

/** Splits `s` at the top-level (outside ()[]{} and quotes) occurrences of any of `seps` written with a space either side. */
function splitTop(s: string, seps: readonly string[]): { parts: string[]; found: string[] } {
  const parts: string[] = [];
  const found: string[] = [];
  let depth = 0;
  let inString = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (depth === 0 && c === ' ') {
      const sep = seps.find((x) => s.startsWith(` ${x} `, i));
      if (sep !== undefined) {
        parts.push(s.slice(from, i).trim());
        found.push(sep);
        i += sep.length + 1;
        from = i;
      }
    }
  }
  parts.push(s.slice(from).trim());
  return { parts, found };
}

function evaluateSide(text: string, e: LiveEngines): ClaimSide {
  const { parts, found } = splitTop(text.replaceAll('−', '-'), ['+', '-']);
  const terms = parts.map((source) => {
    if (source === '') throw new Error(`an empty term in "${text}"`);
    const literal = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(source);
    const value = literal ? Number(source) : evaluateSource(source, e);
    if (!Number.isFinite(value)) throw new Error(`"${source}" is ${String(value)}: a claim compares finite numbers`);
    return { source, value };
  });
  let value = terms[0]!.value;
  found.forEach((op, i) => { value = op === '+' ? value + terms[i + 1]!.value : value - terms[i + 1]!.value; });
  return { text, value, terms };
}

const HOLDS: Record<Relation, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};

/** Evaluates a claim (the text after `check:`); throws when a side cannot be computed or the claim is malformed. */
export function evaluateClaim(claim: string, e: LiveEngines): ClaimResult {
  const { parts, found } = splitTop(claim.trim(), RELATIONS);
  if (found.length === 0) throw new Error(`a claim needs a relation (${RELATIONS.join(' ')}) with a space either side`);
  const sides = parts.map((p) => evaluateSide(p, e));
  const relations = found as Relation[];
  const failed: string[] = [];
  relations.forEach((r, i) => {
    const a = sides[i]!;
    const b = sides[i + 1]!;
    if (!HOLDS[r](a.value, b.value)) failed.push(`${a.value} ${r} ${b.value} is false (${describeSide(a)} ${r} ${describeSide(b)})`);
  });
  return { holds: failed.length === 0, sides, relations, failed };
}

function describeSide(s: ClaimSide): string {
  return s.terms.length === 1 && /^[-+\d.]/.test(s.terms[0]!.source) ? s.terms[0]!.source : s.terms.map((t) => `${t.source} = ${t.value}`).join(', ');
}
