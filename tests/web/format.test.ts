// format.test.ts — numbers in plot descriptions read well: few digits, real minus signs.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../web/src/ui/format';

describe('formatNumber', () => {
  it.each([
    [0.5, '0.5'], [0.006692851, '0.00669'], [-5, '−5'], [5.0067153, '5.01'], [-0, '0'],
    [-1.43e-6, '−1.43e−6'], [123456789, '1.23e+8'], [NaN, 'NaN'], [Infinity, '∞'], [-Infinity, '−∞'],
  ])('%s → %s', (value, text) => expect(formatNumber(value)).toBe(text));
});
