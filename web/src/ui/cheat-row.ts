// cheat-row.ts — a typed activation's cheat-sheet row (the engine's exprCheatRow: range reached,
// monotonic, max |f′| and where, dead-zone share, non-finite points) as a table, the same in the
// exercises' sandbox and under the explorer's cheat sheet. Formatting only.
import type { CheatRow } from '../engine/expr';
import { formatNumber as f } from './format';
import { createTable } from './table';

export function cheatRowTable(caption: string, row: CheatRow, name?: string): HTMLElement {
  return createTable(caption, [
    ...(name === undefined ? [] : [{ header: 'Activation', rowHeader: true, cell: () => name }]),
    { header: 'Range reached', cell: () => `${f(row.min ?? NaN)} … ${f(row.max ?? NaN)}` },
    { header: 'Monotonic', cell: () => row.monotonic },
    { header: 'Max |f′| (where)', numeric: true, cell: () => `${f(row.maxAbsSlope ?? NaN)} (x = ${f(row.maxAbsSlopeAt ?? NaN)})` },
    { header: `Dead zone (|f′| < ${f(row.deadThreshold)})`, numeric: true, cell: () => `${f(100 * row.deadShare)} %` },
    { header: 'Not finite', numeric: true, cell: () => (row.nonfinite === 0 ? 'none' : `${row.nonfinite} points, first x = ${f(row.nonfiniteAt ?? NaN)}`) },
  ], [0]);
}
