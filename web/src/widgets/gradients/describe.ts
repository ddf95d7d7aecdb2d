// describe.ts — the gradients lab in words: each chart's text alternative and the results sentence
// state the engine's numbers (first and last layer, where each curve crosses "effectively zero").
import type { DepthResult } from '../../engine/probes';
import { formatNumber as f } from '../../ui/format';

export interface Sweep { id: string; name: string; result: DepthResult; factor: number | null }

const at = (v: (number | null)[], layer: number): string => {
  const x = v[layer - 1];
  return x === null || x === undefined ? 'not a finite number' : f(x);
};

/** Where a series is first below the threshold, in words. */
export function crossing(layer: number, direction: 'forward' | 'backward'): string {
  if (layer === 0) return 'never below the threshold';
  return direction === 'forward' ? `below the threshold from layer ${layer}` : `below the threshold at layer ${layer} (counting down from the output)`;
}

/** The forward chart's text alternative. */
export function signalLabel(sweeps: readonly Sweep[], layers: number, threshold: number): string {
  const parts = sweeps.map((s) => `${s.name}: ${at(s.result.signal, 1)} at layer 1, ${at(s.result.signal, layers)} at layer ${layers}, ` +
    crossing(s.result.vanishForward, 'forward'));
  return `Forward signal per layer (spread of the activations across inputs), log scale, threshold ${f(threshold)}. ${parts.join('; ')}.`;
}

/** The backward chart's text alternative. */
export function gradLabel(sweeps: readonly Sweep[], layers: number, threshold: number, bound: number | null): string {
  const parts = sweeps.map((s) => `${s.name}: ${at(s.result.grad, layers)} at layer ${layers} (the output end), ${at(s.result.grad, 1)} at layer 1, ` +
    crossing(s.result.vanishBackward, 'backward'));
  const b = bound === null ? '' : ` The dotted reference 0.25^k reaches ${f(bound)} at layer 1.`;
  return `Backward gradient magnitude per layer, log scale, threshold ${f(threshold)}. ${parts.join('; ')}.${b}`;
}
