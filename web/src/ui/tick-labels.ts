// tick-labels.ts — axis tick labels that tell their ticks apart: the fewest significant digits
// (from `digits`, at most 7, a float's worth) at which no two neighbouring labels read the same.
// A loss chart at epoch 0 spans 1.150–1.170 and at 3 digits labelled its ticks 1.17, 1.17, 1.16,
// 1.16, 1.15.
import { formatNumber } from './format';

export function tickLabels(splits: readonly number[], digits = 3): string[] {
  let labels = splits.map((v) => formatNumber(v, digits));
  for (let d = digits + 1; d <= 7 && !distinct(labels); d++) labels = splits.map((v) => formatNumber(v, d));
  return labels;
}

function distinct(labels: readonly string[]): boolean {
  return labels.every((l, i) => i === 0 || l !== labels[i - 1]);
}
