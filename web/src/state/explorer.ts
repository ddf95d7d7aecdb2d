// explorer.ts — the activation explorer's state table: which activations, the z range and cursor,
// each activation's parameters (one row per registry parameter, e.g. elu.alpha), the softmax
// temperature, and which sections show. The registry supplies the choices at run time.
import type { ActivationMeta } from '../engine/types';
import type { Field, NumberField, StateOf, Table } from './schema';
import { andList, wordsNumber as n } from './summary.ts';

/** The explorer's own pseudo-entry: softmax of the two logits [z, 0] at temperature T. */
export const SOFTMAX_ID = 'softmax';
/** The learner-written curve: the typed activation in `fx`, drawn by the engine's expression engine (docs/expr.md). */
export const EXPR_ID = 'expr';
/** Its starting text, the sandbox's: GELU's sigmoid approximation x·σ(1.702x) (Hendrycks & Gimpel 2016). */
export const FX_DEFAULT = 'x * sigmoid(1.702 * x)';
/** The engine reads expressions of up to 1000 characters (cpp/actlab/expr/limits.hpp, kMaxLength). */
export const FX_MAX_LENGTH = 1000;
/** The typed text as legends and summaries show it: at most 32 characters (the box and the link keep it whole), so a phone never scrolls sideways. */
export const shortFx = (text: string): string => (text.length > 32 ? `${text.slice(0, 31)}…` : text);

/** A parameter's symbol as the formulas write it: α for "\\alpha", β for "\\beta" (else its name). */
export function paramSymbol(p: { name: string; tex: string }): string {
  return ({ '\\alpha': 'α', '\\beta': 'β', '\\lambda': 'λ' } as Record<string, string>)[p.tex] ?? p.name;
}

/**
 * Parameter variants: `leaky_relu-2` in `act` is a second copy of Leaky ReLU with its own parameter rows
 * (`leaky_relu-2.alpha`), so the same activation can be overlaid at two α or β values. Only
 * activations with parameters have one; its default sits a quarter of the range above the registry's.
 */
export const VARIANT = '-2';

/** The registry id of a series key: "leaky_relu-2" → "leaky_relu". */
export const baseOf = (key: string): string => (key.endsWith(VARIANT) ? key.slice(0, -VARIANT.length) : key);

/** A variant's default: the registry default plus a quarter of the range, two significant digits, clamped. */
export function variantDefault(p: { default: number; min: number; max: number }): number {
  return Math.min(p.max, Number((p.default + (p.max - p.min) / 4).toPrecision(2)));
}

/** URL key of an activation parameter's row: "elu.alpha". */
export const paramKey = (id: string, name: string): string => `${id}.${name}`;

/**
 * The fixed rows; `explorerTable` adds the registry's choices and parameter rows. `name` gives an
 * activation's display name for the link's summary in words ("Sigmoid vs ReLU, z = 5").
 */
function fixedRows(ids: readonly string[], name: (id: string) => string = (id) => id) {
  return {
    act: { kind: 'list', default: ['sigmoid', 'tanh', 'relu'].filter((id) => ids.includes(id)), values: ids,
      minItems: 1, maxItems: 6, label: 'Activations', hideable: true,
      describe: (v: readonly string[]) => (v.length === 2 ? `${name(v[0]!)} vs ${name(v[1]!)}` : andList(v.map(name))) },
    fx: { kind: 'text', default: FX_DEFAULT, maxLength: FX_MAX_LENGTH, label: 'Your activation f(z)', hideable: true,
      describe: (v: string) => `your activation f(z) = ${shortFx(v)}` },
    zmin: { kind: 'number', default: -5, min: -50, max: 49, label: 'z from', hideable: true, describe: (v: number) => `z from ${n(v)}` },
    zmax: { kind: 'number', default: 5, min: -49, max: 50, label: 'z to', hideable: true, describe: (v: number) => `z to ${n(v)}` },
    z: { kind: 'number', default: 0.5, min: -50, max: 50, label: 'z', hideable: true, describe: (v: number) => `z = ${n(v)}` },
    T: { kind: 'number', default: 1, min: 0.05, max: 20, label: 'Softmax temperature T', hideable: true, describe: (v: number) => `softmax T = ${n(v)}` },
    /** Whose dead zone is shaded: 'each' (every curve in its own lane and colour) or one activation id. */
    shade: { kind: 'enum', default: 'each', values: ['each', ...ids.filter((id) => id !== SOFTMAX_ID)], label: 'Shade the dead zone of', hideable: true,
      describe: (v: string) => (v === 'each' ? 'each curve\'s dead zone shaded' : `${name(v)}'s dead zone shaded`) },
    gelu: { kind: 'boolean', default: true, label: 'GELU exact vs tanh error view', hideable: true,
      describe: (v: boolean) => `GELU error view ${v ? 'shown' : 'off'}` },
    sheet: { kind: 'boolean', default: true, label: 'Cheat sheet', hideable: true, describe: (v: boolean) => `cheat sheet ${v ? 'shown' : 'off'}` },
  } as const satisfies Record<string, Field>;
}

export type ExplorerFixed = ReturnType<typeof fixedRows>;
export type ExplorerTable = ExplorerFixed & Record<string, Field>;
export type ExplorerState = StateOf<ExplorerFixed> & Record<string, unknown>;

/** The explorer's table for the engine's registry (plus the softmax pseudo-entry). */
export function explorerTable(activations: readonly ActivationMeta[]): ExplorerTable {
  const variants = activations.filter((a) => a.params.length > 0).map((a) => a.id + VARIANT);
  const ids = [...activations.map((a) => a.id), SOFTMAX_ID, EXPR_ID, ...variants];
  const name = (id: string) => {
    if (id === SOFTMAX_ID) return 'Softmax';
    if (id === EXPR_ID) return 'your activation';
    const base = id.endsWith(VARIANT) ? id.slice(0, -VARIANT.length) : id;
    const nm = activations.find((a) => a.id === base)?.name ?? id;
    return base === id ? nm : `${nm} (second copy)`;
  };
  const params: Record<string, NumberField> = {};
  for (const a of activations) {
    for (const p of a.params) {
      params[paramKey(a.id, p.name)] = { kind: 'number', default: p.default, min: p.min, max: p.max,
        label: `${a.name} ${paramSymbol(p)}`, hideable: true, describe: (v: number) => `${a.name} ${paramSymbol(p)} = ${n(v)}` };
      params[paramKey(a.id + VARIANT, p.name)] = { kind: 'number', default: variantDefault(p), min: p.min, max: p.max,
        label: `${a.name} (second copy) ${paramSymbol(p)}`, hideable: true,
        describe: (v: number) => `${a.name} (second copy) ${paramSymbol(p)} = ${n(v)}` };
    }
  }
  return { ...fixedRows(ids, name), ...params } as ExplorerTable;
}

/** The cursor and range made consistent: zmin < zmax (swapped or widened), z inside. */
export function normaliseRange(state: ExplorerState, notices: string[]): void {
  if (state.zmin > state.zmax) {
    [state.zmin, state.zmax] = [state.zmax, state.zmin];
    notices.push('z from was larger than z to; swapped them.');
  }
  if (state.zmax - state.zmin < 0.1) {
    state.zmax = state.zmin + 0.1;
    notices.push('The z range was too narrow; widened it to 0.1.');
  }
  if (state.z < state.zmin || state.z > state.zmax) {
    state.z = Math.min(state.zmax, Math.max(state.zmin, state.z));
    notices.push(`z was outside the range; moved it to ${state.z}.`);
  }
}

/** Parameters of series `key` (default: the activation itself) from the state, by name, as the engine takes them. */
export function paramsOf(state: Record<string, unknown>, meta: ActivationMeta, key = meta.id): Record<string, number> {
  return Object.fromEntries(meta.params.map((p) => [p.name, state[paramKey(key, p.name)] as number]));
}

/** A variant without its activation is dropped (a link may carry one alone); says so. */
export function normaliseVariants(state: ExplorerState, notices: string[]): void {
  const orphans = state.act.filter((k) => k !== baseOf(k) && !state.act.includes(baseOf(k)));
  if (orphans.length === 0) return;
  state.act = state.act.filter((k) => !orphans.includes(k));
  if (state.act.length === 0) state.act = [baseOf(orphans[0]!)];
  notices.push(`A second copy needs its activation in the list too; dropped ${orphans.join(', ')}.`);
}

export type { Table };
