// sheet.ts — the cheat sheet: one row per registry activation, generated from its metadata
// (range, zero-centred, monotonic, smooth, saturates, max |f′|, typical use). Yes/No in words.
import type { CheatRow } from '../../engine/expr';
import type { ActivationMeta } from '../../engine/types';
import { el } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { createTable } from '../../ui/table';
import { texLater } from '../../ui/tex-lazy';

const yesNo = (v: boolean): string => (v ? 'Yes' : 'No');

function tex(source: string): HTMLSpanElement {
  const s = el('span');
  texLater(s, source);
  return s;
}

/** Fills `section` (made empty by the explorer, which may already hold the typed row) with the heading and table. */
export function buildSheet(metas: readonly ActivationMeta[], section: HTMLElement = el('section', 'panel sheet')): HTMLElement {
  section.setAttribute('aria-labelledby', 'sheet-heading');
  const h = el('h2', undefined, 'Cheat sheet');
  h.id = 'sheet-heading';
  section.prepend(h, createTable('Every activation of the engine’s registry', [
    { header: 'Activation', rowHeader: true, cell: (m) => m.name },
    { header: 'Range', cell: (m) => tex(m.range) },
    { header: 'Zero-centred', cell: (m) => yesNo(m.zeroCentred) },
    { header: 'Monotonic', cell: (m) => yesNo(m.monotonic) },
    { header: 'Smooth', cell: (m) => yesNo(m.smooth) },
    { header: 'Saturates', cell: (m) => m.saturates },
    // maxSlopeAt carries its own preposition ("at x = 0", "for x > 0", "everywhere"): no "1 at everywhere".
    { header: 'Max |f′|', cell: (m) => `${fmt(m.maxSlope, 4)} ${m.maxSlopeAt}` },
    { header: 'Typical use', cell: (m) => m.usedIn },
  ], metas));
  return section;
}

/** The typed activation's row, computed by the engine on the lessons' grid ([−5, 5], 100 points).
 *  Its table code (ui/cheat-row) is fetched only when a learner types an activation: the explorer's
 *  first plot does not wait for it; the row fills its slot a moment after the engine's answer. */
export function typedRow(name: string, row: CheatRow): HTMLElement {
  const slot = el('div');
  void import('../../ui/cheat-row').then(({ cheatRowTable }) =>
    slot.replaceChildren(cheatRowTable(`Your activation, measured by the engine on [${row.lo}, ${row.hi}] (100 points)`, row, name)));
  return slot;
}
