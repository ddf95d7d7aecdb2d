// draw-pad.ts — the learner's own target for the fit: K points at evenly spaced x on [−1, 1], each
// y a tenth in [−1, 1]. Pointer: press or drag over the pad sets the point under it to the height
// of the pointer. Keys (the pad is one focusable slider): ←/→ choose a point, ↑/↓ move it by 0.1,
// Page Up/Down by 0.5, Home/End to the first/last point. It stores values; it computes nothing
// beyond the map from pointer position to the nearest point and tenth.
import { el } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { seriesColour } from '../../ui/line-plot';
import { themeColour } from '../../ui/theme';

export interface DrawPad {
  root: HTMLDivElement;
  set(values: readonly number[]): void;
  redraw(): void;
}

const tenth = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 10) / 10;

/** `onChange` gets the new values (tenths) after every edit; `editable()` is asked before each one. */
export function createDrawPad(initial: readonly number[], onChange: (values: number[]) => void, editable: () => boolean): DrawPad {
  let values = [...initial];
  let at = Math.floor(values.length / 2);
  const root = el('div', 'draw-pad');
  const pad = el('div', 'draw-pad-area');
  pad.tabIndex = 0;
  pad.setAttribute('role', 'slider');
  pad.setAttribute('aria-label', 'Your curve: left and right arrows choose a point, up and down arrows move it');
  pad.setAttribute('aria-valuemin', '-1');
  pad.setAttribute('aria-valuemax', '1');
  const canvas = el('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  pad.append(canvas);
  const xOf = (j: number) => -1 + (2 * j) / (values.length - 1);

  function aria(): void {
    pad.setAttribute('aria-valuenow', String(values[at]));
    pad.setAttribute('aria-valuetext', `point ${at + 1} of ${values.length}, at x = ${f(xOf(at))}: y = ${f(values[at]!)}`);
  }
  function redraw(): void {
    const w = Math.max(100, Math.round((pad.clientWidth || 280) * devicePixelRatio));
    const h = Math.round(w * 0.45);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, w, h);
    const px = (j: number) => ((j + 0.5) / values.length) * w;
    const py = (y: number) => ((1 - y) / 2) * (h - 16) + 8;
    ctx.strokeStyle = themeColour('--rule');
    ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(0, py(0)); ctx.lineTo(w, py(0)); ctx.stroke();
    ctx.strokeStyle = seriesColour(0);
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.beginPath();
    values.forEach((y, j) => (j === 0 ? ctx.moveTo(px(j), py(y)) : ctx.lineTo(px(j), py(y))));
    ctx.stroke();
    values.forEach((y, j) => {
      ctx.beginPath();
      ctx.arc(px(j), py(y), (j === at ? 6 : 3.5) * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fillStyle = j === at ? themeColour('--text') : seriesColour(0);
      ctx.fill();
    });
  }
  function edit(j: number, y: number): void {
    if (!editable()) return;
    at = j;
    values[j] = tenth(y);
    aria();
    redraw();
    onChange([...values]);
  }
  pad.addEventListener('keydown', (e) => {
    const step: Record<string, number> = { ArrowUp: 0.1, ArrowDown: -0.1, PageUp: 0.5, PageDown: -0.5 };
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
      at = e.key === 'Home' ? 0 : e.key === 'End' ? values.length - 1
        : Math.max(0, Math.min(values.length - 1, at + (e.key === 'ArrowLeft' ? -1 : 1)));
      aria(); redraw(); e.preventDefault();
    } else if (step[e.key] !== undefined) {
      edit(at, values[at]! + step[e.key]!); e.preventDefault();
    }
  });
  const fromPointer = (e: PointerEvent) => {
    const r = pad.getBoundingClientRect();
    const j = Math.max(0, Math.min(values.length - 1, Math.floor(((e.clientX - r.left) / r.width) * values.length)));
    const y = 1 - (2 * (e.clientY - r.top - 8 * (r.height / (canvas.height || 1)))) / (r.height * (1 - 16 / (canvas.height || 1)));
    edit(j, y);
  };
  pad.addEventListener('pointerdown', (e) => { pad.setPointerCapture(e.pointerId); fromPointer(e); });
  pad.addEventListener('pointermove', (e) => { if (pad.hasPointerCapture(e.pointerId)) fromPointer(e); });
  new ResizeObserver(() => redraw()).observe(pad);
  root.append(el('span', 'control-label', 'Your curve (drag over it, or focus it and use the arrow keys)'), pad);
  aria();
  return { root, set: (v) => { values = [...v]; at = Math.min(at, values.length - 1); aria(); redraw(); }, redraw };
}
