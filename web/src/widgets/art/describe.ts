// describe.ts — the art's settings in words: the canvas's text alternative and its visible caption.
import type { ActivationMeta } from '../../engine/types';
import { layerActivations, type ArtState } from '../../state/art';
import { formatNumber as fmt } from '../../ui/format';

const COLOUR: Record<string, string> = { rgb: 'RGB colour', hsv: 'HSV colour', gray: 'greyscale' };

export function describeArt(s: ArtState, metas: readonly ActivationMeta[]): string {
  const name = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const layers = layerActivations(s);
  const acts = layers.every((a) => a === layers[0]) ? `${name(layers[0]!)} on every layer` : `layers: ${layers.map(name).join(', ')}`;
  const inputs = ['x', 'y', ...(s.useR ? ['r'] : []), ...(s.useZ ? [`z = ${fmt(s.z, 4)}`] : [])].join(', ');
  return `Generated art from a random network with seed ${s.seed}: ${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} units, ` +
    `${acts}, weight scale ${fmt(s.scale)}, ${COLOUR[s.color] ?? s.color}, zoom ${fmt(s.zoom)}, inputs ${inputs}.`;
}
