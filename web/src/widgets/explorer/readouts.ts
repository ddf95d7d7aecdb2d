// readouts.ts — the live readout table at the cursor: f(z), f′(z) and the dead-zone share of each
// chosen activation, plus a one-line polite live summary for screen readers, written once the value has
// settled (SETTLE_MS after the last change), so holding an arrow key does not queue an announcement per step.
import type { Curve, PointValue } from '../../engine/composite';
import { el } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { createLegend } from '../../ui/legend';
import { createTable } from '../../ui/table';
import { percent, pointSentence } from './describe';

/** How long z must stay put before the live region speaks. */
export const SETTLE_MS = 600;

export class Readouts {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly root = el('div', 'readouts');
  readonly #live = el('p', 'visually-hidden');
  readonly #table = el('div');

  constructor() {
    this.#live.setAttribute('aria-live', 'polite');
    this.#live.id = 'readout-live';
    this.root.append(this.#table, this.#live);
  }

  update(z: number, points: readonly PointValue[], curves: readonly Curve[], zmin: number, zmax: number, names: (id: string) => string): void {
    const share = new Map(curves.map((c) => [c.id, c.deadShare]));
    const rows = points.map((p, i) => ({ p, i }));
    const legend = createLegend(points.map((p) => names(p.id)));
    const keys = [...legend.children].map((li) => li.firstChild!);
    const table = createTable(`Values at z = ${fmt(z, 4)} (range ${fmt(zmin)} to ${fmt(zmax)})`, [
      { header: 'Activation', rowHeader: true, cell: (r) => { const s = el('span', 'series-name'); s.append(keys[r.i]!.cloneNode(true), ` ${names(r.p.id)}`); return s; } },
      { header: 'f(z)', numeric: true, cell: (r) => fmt(r.p.f, 5) },
      { header: 'f′(z)', numeric: true, cell: (r) => (r.p.df === null ? 'n/a' : fmt(r.p.df, 5)) },
      { header: '|f′| < 0.01', numeric: true, cell: (r) => { const s = share.get(r.p.id); return s === null || s === undefined ? 'n/a' : percent(s); } },
    ], rows);
    table.querySelector('table')!.dataset.readouts = '';
    this.#table.replaceChildren(table);
    const text = `At z = ${fmt(z, 4)}. ${pointSentence(points, z, names)}.`;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => { if (this.#live.textContent !== text) this.#live.textContent = text; }, SETTLE_MS);
  }
}
