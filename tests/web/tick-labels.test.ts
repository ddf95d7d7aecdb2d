// tick-labels.test.ts — web/src/ui/tick-labels.ts: neighbouring tick labels never read the same.
import { describe, expect, it } from 'vitest';
import { tickLabels } from '../../web/src/ui/tick-labels';

describe('tickLabels', () => {
  it('keeps 3 significant digits when they tell the ticks apart', () => {
    expect(tickLabels([0, 0.5, 1, 1.5])).toEqual(['0', '0.5', '1', '1.5']);
    expect(tickLabels([-0.25, 0, 0.25])).toEqual(['−0.25', '0', '0.25']);
  });
  it('adds digits until neighbours differ (the loss chart at epoch 0)', () => {
    // uPlot's splits for a 1.150–1.170 span: at 3 digits they read 1.15, 1.16, 1.16, 1.17, 1.17.
    expect(tickLabels([1.15, 1.155, 1.16, 1.165, 1.17])).toEqual(['1.15', '1.155', '1.16', '1.165', '1.17']);
    expect(tickLabels([0.123401, 0.123402, 0.123403])).toEqual(['0.123401', '0.123402', '0.123403']);
  });
  it('stops at 7 digits, a float\'s precision', () => {
    const labels = tickLabels([1, 1 + 1e-12]);
    expect(labels).toEqual(['1', '1']);
  });
  it('an empty axis has no labels', () => {
    expect(tickLabels([])).toEqual([]);
  });
});
