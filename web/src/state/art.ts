// art.ts — the art studio's state table (seed, network shape, activations, colour, z/time, export),
// and the engine's ArtRenderer config JSON built from it (docs/ARCHITECTURE.md, "The art renderer").
import type { Field, StateOf } from './schema';
import { wordsNumber as n } from './summary.ts';

/** Colour modes, as the controls and the summary name them. */
export const COLOUR_NAMES: Readonly<Record<string, string>> = { rgb: 'RGB', hsv: 'HSV', gray: 'Greyscale' };

/**
 * Activations the art studio offers: the registry's elementwise ones (filled in at run time);
 * `name` gives an activation's display name for the link's summary in words.
 */
export function artTable(ids: readonly string[], name: (id: string) => string = (id) => id) {
  return {
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed', hideable: true, describe: (v: number) => `seed ${v}` },
    act: { kind: 'list', default: ['tanh'].filter((id) => ids.includes(id)), values: ids, minItems: 1, maxItems: 16, repeats: true,
      label: 'Activation per layer', hideable: true,
      describe: (v: readonly string[]) => (v.every((a) => a === v[0]) ? `${name(v[0]!)} on every layer` : `layers ${v.map(name).join(', ')}`) },
    depth: { kind: 'number', default: 4, min: 1, max: 16, integer: true, label: 'Depth (hidden layers)', hideable: true,
      describe: (v: number) => `${v} hidden layer${v === 1 ? '' : 's'}` },
    width: { kind: 'number', default: 16, min: 1, max: 64, integer: true, label: 'Width (units per layer)', hideable: true,
      describe: (v: number) => `${v} unit${v === 1 ? '' : 's'} per layer` },
    scale: { kind: 'number', default: 1, min: 0.01, max: 20, label: 'Weight scale', hideable: true, describe: (v: number) => `weight scale ${n(v)}` },
    color: { kind: 'enum', default: 'rgb', values: ['rgb', 'hsv', 'gray'], label: 'Colour mode', hideable: true,
      describe: (v: string) => `${COLOUR_NAMES[v] ?? v} colour` },
    zoom: { kind: 'number', default: 1, min: 0.01, max: 100, label: 'Zoom', hideable: true, describe: (v: number) => `zoom ${n(v)}` },
    useR: { kind: 'boolean', default: true, label: 'Use r = √(x² + y²)', hideable: true, describe: (v: boolean) => (v ? 'uses r' : 'without r') },
    useZ: { kind: 'boolean', default: true, label: 'Use z (time)', hideable: true, describe: (v: boolean) => (v ? 'uses z' : 'without z') },
    z: { kind: 'number', default: 0, min: -10, max: 10, digits: 4, label: 'z (time)', hideable: true, describe: (v: number) => `z = ${n(v)}` },
    export: { kind: 'enum', default: '1024', values: ['512', '1024', '2048'], label: 'Export size', hideable: true,
      describe: (v: string) => `export ${v} × ${v}` },
  } as const satisfies Record<string, Field>;
}

export type ArtTable = ReturnType<typeof artTable>;
export type ArtState = StateOf<ArtTable>;

/**
 * The per-layer activation list: one entry means "the same for every layer"; a longer list is
 * cut or padded with its last entry to `depth` (with a notice when that changes it).
 */
export function layerActivations(state: ArtState, notices?: string[]): string[] {
  const list = state.act;
  if (list.length === 1) return Array.from({ length: state.depth }, () => list[0]!);
  if (list.length !== state.depth) {
    notices?.push(`${list.length} layer activations for ${state.depth} layers: ${list.length > state.depth ? 'extra ones ignored' : 'the last one repeats'}.`);
  }
  return Array.from({ length: state.depth }, (_, i) => list[Math.min(i, list.length - 1)]!);
}

/** The ArtRenderer.configure() JSON for `state`. */
export function artConfig(state: ArtState): string {
  return JSON.stringify({
    seed: state.seed, depth: state.depth, width: state.width,
    activation: state.act.length === 1 ? state.act[0] : layerActivations(state),
    weightScale: state.scale, colorMode: state.color, useR: state.useR, useZ: state.useZ, zoom: state.zoom,
  });
}
