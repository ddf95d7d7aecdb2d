// own-data.ts — the playground's own-points panel: what a click on the map does (add a point of
// the chosen class, or remove the nearest), the same by keyboard (x, y and class boxes with Add
// and Remove nearest), Clear, CSV import (read by the engine: a bad row is named by line and
// column, and the points already there stay) and CSV export (written by the engine), and where
// the points live: in the link while there are at most OWN_URL_POINTS, otherwise the page says so
// and offers the file. The points themselves are the page's; the engine trains on them.
import { EngineError } from '../../engine/errors';
import type { CsvPoints } from '../../engine/trainer-types';
import { OWN_LIMIT, OWN_MAX_POINTS, OWN_URL_POINTS, ownValue, type PlaygroundState, type PlaygroundTable } from '../../state/playground';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { createSelect } from '../../ui/select';

export interface OwnDataContext {
  table: PlaygroundTable;
  state: PlaygroundState;
  hidden: ReadonlySet<string>;
  /** The current own points, x, y, label per point. */
  points: () => number[];
  /** Replaces the points (the page retrains and rewrites the link). */
  setPoints: (points: number[], why: string) => void;
  /** The class field changed (written to the link). */
  classChanged: () => void;
  /** The engine's CSV reader. */
  readCsv: (text: string) => Promise<CsvPoints>;
  /** The current data set's samples as CSV text, from the engine. */
  exportCsv: () => Promise<string>;
  download: (text: string, name: string) => void;
}

export type ClickMode = 'add' | 'remove';

export interface OwnDataPanel {
  root: HTMLElement;
  /** What a plain click on the map does now. */
  mode: () => ClickMode;
  /** A click or tap at data coordinates (shift or Remove mode removes the nearest point). */
  click: (x: number, y: number, remove: boolean) => void;
  /** Shows the point count and whether they fit in the link. */
  refresh: () => void;
  /** A line of status under the panel (what the last edit did), or an error. */
  say: (text: string) => void;
  fail: (text: string) => void;
}

/** Index of the point nearest to (x, y), or −1 when there is none (a hit test for the map). */
export function nearestPoint(points: readonly number[], x: number, y: number): number {
  let best = -1, bestD = Infinity;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const d = (points[i]! - x) ** 2 + (points[i + 1]! - y) ** 2;
    if (d < bestD) { bestD = d; best = i / 3; }
  }
  return best;
}

export function buildOwnData(c: OwnDataContext): OwnDataPanel {
  const { state, table } = c;
  const regression = () => state.data === 'ownreg';
  const root = keyed(el('fieldset', 'pg-group pg-own'), 'pts');
  root.append(el('legend', undefined, 'Your points'));
  const count = el('p', 'hint');
  count.setAttribute('aria-live', 'polite');
  const status = el('p', 'hint');
  status.setAttribute('aria-live', 'polite');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;

  const mode = createSelect('A click on the map', [{ value: 'add', label: 'adds a point' }, { value: 'remove', label: 'removes the nearest point' }], 'add', () => undefined);
  const hint = el('p', 'hint', 'Shift-click removes the nearest point in either mode.');

  // Keyboard: x, y (and the class, its own state key) and the buttons.
  const box = (label: string, value: string, min: number, max: number) => {
    const wrap = el('div', 'control');
    const id = uid('own');
    const lab = el('label', 'control-label', label);
    lab.htmlFor = id;
    const input = el('input');
    Object.assign(input, { type: 'number', id, value, min: String(min), max: String(max), step: 'any' });
    wrap.append(lab, input);
    return { wrap, input };
  };
  const xBox = box('x of a new point', '0', -OWN_LIMIT, OWN_LIMIT), yBox = box('y of a new point', '0', -OWN_LIMIT, OWN_LIMIT);
  const form = el('div', 'pg-own-form');
  const classBox = box(regression() ? 'Target of a new point' : 'Class of a new point', String(state.pclass), -10000, 10000);
  const classWrap = keyed(classBox.wrap, 'pclass');
  classBox.input.addEventListener('change', () => {
    const v = Number(classBox.input.value);
    if (classBox.input.value.trim() === '' || !Number.isFinite(v)) { classBox.input.value = String(state.pclass); return; }
    state.pclass = Math.min(table.pclass.max, Math.max(table.pclass.min, ownValue(v)));
    classBox.input.value = String(state.pclass);
    c.classChanged();
  });
  const button = (text: string) => { const b = el('button', undefined, text); b.type = 'button'; return b; };
  const add = button('Add point'), removeNear = button('Remove nearest'), clear = button('Clear all');
  form.append(xBox.wrap, yBox.wrap);
  const buttons = el('div', 'pg-own-buttons');
  buttons.append(add, removeNear, clear);

  // Files
  const files = el('div', 'pg-own-buttons');
  const file = el('input');
  Object.assign(file, { type: 'file', accept: '.csv,text/csv,text/plain' });
  file.hidden = true;
  file.setAttribute('aria-label', 'CSV file of points');
  const importCsv = button('Import CSV…');
  importCsv.addEventListener('click', () => file.click());
  const exportCsv = button('Download CSV');
  exportCsv.dataset.lock = 'skip';
  exportCsv.title = 'The current data set (training points, then test points) as x,y,label';
  files.append(file, importCsv, exportCsv);
  const csvHint = el('p', 'hint', `CSV: x,y,label per line, header optional; x and y within ±${OWN_LIMIT}; labels 0 to K − 1 (or any number for regression); at most ${OWN_MAX_POINTS.toLocaleString('en')} points.`);

  root.append(count, mode.root, hint, form, classWrap, buttons, files, csvHint, status, error);

  const say = (text: string) => { status.textContent = text; error.hidden = true; };
  const fail = (text: string) => { error.textContent = text; error.hidden = false; };
  const labelOf = (): number | undefined => {
    const v = state.pclass;
    if (regression()) return v;
    if (!Number.isInteger(v) || v < 0 || v >= state.classes) {
      fail(`The class of a new point must be a whole number from 0 to ${state.classes - 1} (classes = ${state.classes}).`);
      return undefined;
    }
    return v;
  };
  function addAt(x: number, y: number): void {
    const label = labelOf();
    if (label === undefined) return;
    if (!(Math.abs(x) <= OWN_LIMIT && Math.abs(y) <= OWN_LIMIT)) { fail(`x and y must be within ±${OWN_LIMIT}.`); return; }
    const pts = c.points();
    if (pts.length / 3 >= OWN_MAX_POINTS) { fail(`At most ${OWN_MAX_POINTS} points.`); return; }
    const p = [ownValue(x), ownValue(y), label];
    c.setPoints([...pts, ...p], `Added a point at (${p[0]}, ${p[1]}) of ${regression() ? 'target' : 'class'} ${label}.`);
  }
  function removeNearest(x: number, y: number): void {
    const pts = c.points();
    const i = nearestPoint(pts, x, y);
    if (i < 0) { fail('There is no point to remove.'); return; }
    const gone = pts.slice(3 * i, 3 * i + 3);
    c.setPoints([...pts.slice(0, 3 * i), ...pts.slice(3 * i + 3)], `Removed the point at (${gone[0]}, ${gone[1]}).`);
  }
  const typed = (b: HTMLInputElement) => (b.value.trim() === '' ? NaN : Number(b.value));
  add.addEventListener('click', () => {
    const x = typed(xBox.input), y = typed(yBox.input);
    if (!Number.isFinite(x) || !Number.isFinite(y)) { fail('Type x and y as numbers.'); return; }
    addAt(x, y);
  });
  removeNear.addEventListener('click', () => {
    const x = typed(xBox.input), y = typed(yBox.input);
    if (!Number.isFinite(x) || !Number.isFinite(y)) { fail('Type x and y as numbers.'); return; }
    removeNearest(x, y);
  });
  clear.addEventListener('click', () => c.setPoints([], 'Cleared every point: add at least 2 to train.'));
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = '';
    if (f === undefined) return;
    if (f.size > 1 << 20) { fail(`${f.name}: the file has ${f.size} bytes; at most 1048576 are read. Your points stay as they were.`); return; }
    void f.text().then(c.readCsv).then((r) => {
      c.setPoints(Array.from(r.points, ownValue), `Imported ${r.rows} point${r.rows === 1 ? '' : 's'} from ${f.name}${r.header ? ' (header skipped)' : ''}.`);
    }, (err: unknown) => {
      fail(`${f.name}: ${err instanceof EngineError ? err.message : String(err)}. Your points stay as they were.`);
    });
  });
  exportCsv.addEventListener('click', () => {
    void c.exportCsv().then((text) => c.download(text, `actlab-${state.data}-points.csv`), (err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  });

  function refresh(): void {
    const n = c.points().length / 3;
    classBox.wrap.querySelector('label')!.textContent = regression() ? 'Target of a new point' : 'Class of a new point';
    count.textContent = n <= OWN_URL_POINTS
      ? `${n} point${n === 1 ? '' : 's'}, kept in the link.`
      : `${n} points: too many for the link (at most ${OWN_URL_POINTS}), so a copied link will not carry them. Download the CSV to share them.`;
  }
  refresh();
  return {
    root,
    mode: () => mode.select.value as ClickMode,
    click: (x, y, remove) => { if (remove || mode.select.value === 'remove') removeNearest(x, y); else addAt(x, y); },
    refresh: () => { refresh(); },
    say,
    fail,
  };
}
