// table.ts — a data table from column definitions and rows (captioned, with row headers).
import { el } from './dom';

export interface Column<R> {
  header: string;
  /** Text or a node for the cell. */
  cell: (row: R) => string | Node;
  numeric?: boolean;
  /** The first column is usually the row header. */
  rowHeader?: boolean;
}

export function createTable<R>(caption: string, columns: readonly Column<R>[], rows: readonly R[]): HTMLDivElement {
  const scroll = el('div', 'table-scroll');
  const table = el('table', 'data');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = el('th', undefined, c.header);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const cell = c.rowHeader ? el('th') : el('td', c.numeric ? 'num' : undefined);
      if (c.rowHeader) (cell as HTMLTableCellElement).scope = 'row';
      cell.append(c.cell(r));
      tr.append(cell);
    }
  }
  scroll.append(table);
  // A table wider than the screen scrolls; keyboard users can reach it to scroll.
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', caption);
  return scroll;
}
