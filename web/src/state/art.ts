// art.ts — the art studio's state table (seed, network shape, activations, colour, z/time, export),
// and the engine's ArtRenderer config JSON built from it (docs/ARCHITECTURE.md, "The art renderer").
import type { Field, StateOf } from './schema';

/** Activations the art studio offers: the registry's elementwise ones (filled in at run time). */
export function artTable(ids: readonly string[]) {
  return {
    seed: { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, label: 'Seed', hideable: true },
    act: { kind: 'list', default: ['tanh'].filter((id) => ids.includes(id)), values: ids, minItems: 1, maxItems: 16, repeats: true,
      label: 'Activation per layer', hideable: true },
    depth: { kind: 'number', default: 4, min: 1, max: 16, integer: true, label: 'Depth (hidden layers)', hideable: true },
    width: { kind: 'number', default: 16, min: 1, max: 64, integer: true, label: 'Width (units per layer)', hideable: true },
    scale: { kind: 'number', default: 1, min: 0.01, max: 20, label: 'Weight scale', hideable: true },
    color: { kind: 'enum', default: 'rgb', values: ['rgb', 'hsv', 'gray'], label: 'Colour mode', hideable: true },
    zoom: { kind: 'number', default: 1, min: 0.01, max: 100, label: 'Zoom', hideable: true },
    useR: { kind: 'boolean', default: true, label: 'Use r = √(x² + y²)', hideable: true },
    useZ: { kind: 'boolean', default: true, label: 'Use z (time)', hideable: true },
    z: { kind: 'number', default: 0, min: -10, max: 10, digits: 4, label: 'z (time)', hideable: true },
    export: { kind: 'enum', default: '1024', values: ['512', '1024', '2048'], label: 'Export size', hideable: true },
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
