// describe.ts — the dying-ReLU lab in words: the census as the course's detector prints it, the
// per-activation meaning of "alive", the training chart's text alternative. Only formatting; every
// count and share is the engine's (probes census, dying, scan).
import type { CensusResult, DyingResult } from '../../engine/probes';
import { formatNumber as f } from '../../ui/format';

/** A share as a percentage with one decimal: 0.153 → "15.3%". */
export const pct = (share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(share * 100).toFixed(1)}%`;

/** The census counts as the course's detector prints them. */
export function detectorLines(name: string, r: CensusResult): string[] {
  const n = r.units.length;
  return [
    `${name}: ${n} units`,
    `Dead neurons: ${r.dead}/${n} (${pct(r.dead / n)})`,
    `Weak neurons (alive on < 5% of inputs): ${r.weak}/${n} (${pct(r.weak / n)})`,
    `Healthy neurons: ${r.healthy}/${n} (${pct(r.healthy / n)})`,
  ];
}

/** One sentence with the counts (the live region reads it after every change). */
export function censusSentence(name: string, r: CensusResult, bias: number): string {
  const n = r.units.length;
  return `${name}, bias mean ${f(bias)}: ${r.dead} of ${n} units dead, ${r.weak} weak, ${r.healthy} healthy; ` +
    `${r.saturated} nearly flat (|f′| < 0.01 on at least 95% of inputs).`;
}

/** What "alive" means for each compared activation: when f′(z) is exactly 0 (registry formulas). */
export const ALIVE_RULE: Readonly<Record<string, string>> = {
  relu: 'f′ = 0 for every z < 0: a unit whose z is negative on every input is dead for good.',
  leaky_relu: 'f′ = α = 0.01 for z < 0: never 0, so never dead — only slow on the negative side.',
  elu: 'f′ = α·eᶻ for z < 0: shrinks towards 0 but is 0 only where float32 underflows, far out.',
  gelu: 'f′ = Φ(z) + z·φ(z): small (and slightly negative) for z < 0, 0 only where float32 underflows, far out.',
  swish: 'f′ = σ(z) + z·σ(z)(1 − σ(z)): small for z < 0, 0 only where float32 underflows, far out.',
};

/** The training chart's text alternative. */
export function dyingLabel(runs: readonly { label: string; r: DyingResult }[], lr: number, low: number): string {
  const parts = runs.map(({ label, r }) => {
    const last = r.deadShare.length - 1;
    const end = r.divergedAt > 0 ? `; training diverged in epoch ${r.divergedAt}` : '';
    return `${label}: ${pct(r.deadShare[0])} dead at epoch 0, ${pct(r.deadShare[last])} at epoch ${last}, at most ${r.peakDead} of ${r.hiddenUnits} (epoch ${r.peakEpoch})${end}`;
  });
  return `Share of dead hidden units per epoch (learning rates ${f(lr)} and ${f(low)}). ${parts.join('; ')}.`;
}
