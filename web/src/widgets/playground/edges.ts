// edges.ts — the playground's weights as edges between the network's columns (NeuronsView): an SVG
// line per weight, its width by |w|, positive solid blue and negative dashed orange (so the sign
// reads without colour), and an editor. Pointer: click or tap an edge to select it; the editor
// below the diagram takes a typed value or a drag of its slider, and the bias of the edge's target
// neuron. Keyboard: the diagram is one tab stop; arrow keys walk the edges (layer by layer, each
// target neuron's inputs in turn), Page Up / Page Down jump a layer, + and − nudge by 0.1 (with
// Shift by 1), Enter types a value, Escape leaves the editor. Every edit goes to the engine
// (Trainer::set_weight / set_bias) through `edit`; the values drawn are the engine's weights of the
// last snapshot. The only arithmetic here is geometry and the width mapping.
import type { LayerWeights, WeightEdit } from '../../engine/trainer-types';
import { el, uid } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { CLASS_COLOURS } from './decision-view';
import type { NeuronsView } from './views';

const SVG = 'http://www.w3.org/2000/svg';
/** Stroke width in px: 0.75 at w = 0, growing with |w| up to 6.75 at |w| ≥ 3. */
const width = (w: number): number => 0.75 + 2 * Math.min(3, Math.abs(w));
/** Nudges: + / − by 0.1, with Shift by 1. Typed and dragged values are bounded to ±SLIDER (the engine takes any finite float32). */
const NUDGE = 0.1, NUDGE_BIG = 1, SLIDER = 5;
const rgb = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

interface Edge { layer: number; row: number; col: number; line: SVGLineElement; hit: SVGLineElement; shown: string }

export interface EdgesOptions {
  /** Sends one edit to the engine; resolves when the new snapshot is drawn, rejects with its message. */
  edit: (e: WeightEdit) => Promise<void>;
  /** Whether edits are allowed now (false: a locked link, or the engine is busy configuring). */
  editable: () => boolean;
  /** Names of the columns' nodes in words: the input features, then "layer 1 neuron 2", "the output". */
  nodeName: (column: number, index: number) => string;
}

export class WeightEdges {
  readonly #view: NeuronsView;
  readonly #o: EdgesOptions;
  readonly #svg = document.createElementNS(SVG, 'svg');
  readonly #focusRing = document.createElementNS(SVG, 'line');
  readonly editor = el('div', 'pg-edge-editor');
  readonly #what = el('p', 'pg-edge-what');
  readonly #number = el('input');
  readonly #slider = el('input');
  readonly #bias = el('input');
  readonly #biasLabel = el('label', 'control-label', 'Bias of the target');
  readonly #message = el('p', 'hint');
  readonly #live = el('p', 'visually-hidden');
  #edges: Edge[] = [];
  #weights: LayerWeights[] = [];
  #active = -1;
  #sending = false;
  #queued: WeightEdit | undefined;

  constructor(view: NeuronsView, o: EdgesOptions) {
    this.#view = view;
    this.#o = o;
    this.#svg.classList.add('pg-edges');
    this.#svg.setAttribute('aria-hidden', 'true');
    this.#focusRing.classList.add('pg-edge-focus');
    view.diagram.prepend(this.#svg);
    const sc = view.scroller;
    sc.tabIndex = 0;
    sc.setAttribute('role', 'group');
    sc.setAttribute('aria-roledescription', 'network diagram');
    sc.setAttribute('aria-label', 'Weights as edges: arrow keys choose an edge, + and − nudge it by 0.1 (Shift: by 1), Enter types a value');
    this.#live.setAttribute('aria-live', 'polite');
    sc.after(this.#live);
    sc.addEventListener('keydown', (e) => this.#key(e));
    sc.addEventListener('focus', () => { if (this.#active < 0 && this.#edges.length > 0) this.#select(0, false); });
    this.#svg.addEventListener('click', (e) => {
      const i = this.#edges.findIndex((x) => x.hit === e.target || x.line === e.target);
      if (i >= 0) { this.#select(i, true); this.#number.focus(); this.#number.select(); }
    });

    // The editor: what is selected, a number box and a slider (drag), both editing the same weight.
    const numId = uid('edge-num'), sliderId = uid('edge-slider');
    const numLabel = el('label', 'control-label', 'Edge weight');
    numLabel.htmlFor = numId;
    Object.assign(this.#number, { type: 'number', id: numId, step: 'any' });
    const sliderLabel = el('label', 'control-label', 'or drag');
    sliderLabel.htmlFor = sliderId;
    Object.assign(this.#slider, { type: 'range', id: sliderId, min: String(-SLIDER), max: String(SLIDER), step: '0.01' });
    const done = el('button', undefined, 'Done');
    done.type = 'button';
    done.addEventListener('click', () => this.#leave());
    const biasId = uid('edge-bias');
    this.#biasLabel.htmlFor = biasId;
    Object.assign(this.#bias, { type: 'number', id: biasId, step: 'any' });
    this.#bias.addEventListener('change', () => this.#typed(true));
    this.#bias.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); this.#typed(true); this.#leave(); }
      else if (e.key === 'Escape') { e.preventDefault(); this.#leave(); }
    });
    const row = el('div', 'pg-edge-row');
    row.append(numLabel, this.#number, sliderLabel, this.#slider, done);
    const biasRow = el('div', 'pg-edge-row');
    biasRow.append(this.#biasLabel, this.#bias);
    this.editor.append(this.#what, row, biasRow, this.#message);
    this.editor.hidden = true;
    this.#number.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); this.#typed(); this.#leave(); }
      else if (e.key === 'Escape') { e.preventDefault(); this.#leave(); }
    });
    this.#number.addEventListener('change', () => this.#typed());
    this.#slider.addEventListener('input', () => this.#set(Number(this.#slider.value)));
    this.#slider.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); this.#leave(); } });
    view.onBuild = () => this.#layout();
    new ResizeObserver(() => this.#place()).observe(view.diagram);
  }

  /** The engine's weights of the latest snapshot: redraws widths, colours and dashes. */
  draw(weights: readonly LayerWeights[]): void {
    this.#weights = weights as LayerWeights[];
    const shapeOk = this.#edges.length === weights.reduce((a, l) => a + l.in * l.out, 0);
    if (!shapeOk) this.#layout();
    for (const e of this.#edges) this.#style(e);
    if (this.#active >= 0) this.#describe(false);
  }

  /** The selected edge as layer, row, col (for tests and the share summary); undefined when none. */
  get selected(): { layer: number; row: number; col: number } | undefined {
    const e = this.#edges[this.#active];
    return e === undefined ? undefined : { layer: e.layer, row: e.row, col: e.col };
  }

  #value(e: Edge): number {
    const l = this.#weights[e.layer];
    return l === undefined ? NaN : l.W[e.row * l.out + e.col]!;
  }

  #style(e: Edge): void {
    const w = this.#value(e);
    const key = Number.isFinite(w) ? w.toPrecision(3) : 'nan';
    if (key === e.shown) return;
    e.shown = key;
    const pos = w >= 0;
    e.line.setAttribute('stroke', Number.isFinite(w) ? rgb(CLASS_COLOURS[pos ? 1 : 0]!) : 'rgb(128,128,128)');
    e.line.setAttribute('stroke-width', Number.isFinite(w) ? width(w).toFixed(2) : '1');
    if (pos) e.line.removeAttribute('stroke-dasharray'); else e.line.setAttribute('stroke-dasharray', '5 3');
  }

  /** One line (and a wide invisible twin for the pointer) per weight: layer by layer, each target's inputs in turn. */
  #layout(): void {
    this.#svg.replaceChildren();
    this.#edges = [];
    const cols = this.#view.nodes();
    for (let layer = 0; layer + 1 < cols.length; layer++) {
      const from = cols[layer]!, to = cols[layer + 1]!;
      for (let col = 0; col < to.length; col++) {
        for (let row = 0; row < from.length; row++) {
          const line = document.createElementNS(SVG, 'line');
          const hit = document.createElementNS(SVG, 'line');
          hit.classList.add('pg-edge-hit');
          line.classList.add('pg-edge');
          this.#svg.append(line, hit);
          this.#edges.push({ layer, row, col, line, hit, shown: '' });
        }
      }
    }
    this.#svg.prepend(this.#focusRing); // a halo under the edges, so the chosen edge keeps its own colour and dash
    if (this.#active >= this.#edges.length) this.#active = -1;
    this.#place();
    for (const e of this.#edges) this.#style(e);
  }

  /** Geometry from the boxes' positions: source's right middle → target's left middle. */
  #place(): void {
    const cols = this.#view.nodes();
    const base = this.#view.diagram.getBoundingClientRect();
    this.#svg.setAttribute('width', String(this.#view.diagram.scrollWidth));
    this.#svg.setAttribute('height', String(this.#view.diagram.scrollHeight));
    const at = (node: HTMLElement, right: boolean) => {
      // offsetWidth/Height ignore the hover/focus enlargement (a transform).
      const r = node.getBoundingClientRect();
      const cx = r.left + r.width / 2 - base.left, cy = r.top + r.height / 2 - base.top;
      return [cx + (right ? 1 : -1) * node.offsetWidth / 2, cy];
    };
    for (const e of this.#edges) {
      const a = cols[e.layer]?.[e.row], b = cols[e.layer + 1]?.[e.col];
      if (!a || !b) continue;
      const [x1, y1] = at(a, true), [x2, y2] = at(b, false);
      for (const l of [e.line, e.hit]) {
        l.setAttribute('x1', x1!.toFixed(1)); l.setAttribute('y1', y1!.toFixed(1));
        l.setAttribute('x2', x2!.toFixed(1)); l.setAttribute('y2', y2!.toFixed(1));
      }
    }
    this.#ring();
  }

  #ring(): void {
    const e = this.#edges[this.#active];
    this.#focusRing.style.display = e === undefined ? 'none' : '';
    if (e === undefined) return;
    for (const k of ['x1', 'y1', 'x2', 'y2']) this.#focusRing.setAttribute(k, e.line.getAttribute(k) ?? '0');
  }

  #select(i: number, announce: boolean): void {
    this.#active = Math.max(0, Math.min(this.#edges.length - 1, i));
    this.#ring();
    // Keep the chosen edge in view when the diagram scrolls sideways (a wide network, 360 px).
    const e = this.#edges[this.#active], sc = this.#view.scroller;
    if (e !== undefined) {
      const x1 = Number(e.line.getAttribute('x1')), x2 = Number(e.line.getAttribute('x2'));
      if (x1 < sc.scrollLeft) sc.scrollLeft = Math.max(0, x1 - 24);
      else if (x2 > sc.scrollLeft + sc.clientWidth) sc.scrollLeft = x2 - sc.clientWidth + 48;
    }
    this.editor.hidden = false;
    this.#message.textContent = '';
    this.#describe(announce);
  }

  #describe(announce: boolean): void {
    const e = this.#edges[this.#active];
    if (e === undefined) return;
    const w = this.#value(e);
    const words = `Edge ${this.#active + 1} of ${this.#edges.length}: ${this.#o.nodeName(e.layer, e.row)} → ${this.#o.nodeName(e.layer + 1, e.col)}, ` +
      `weight ${fmt(w, 4)} (${w >= 0 ? 'positive: solid blue' : 'negative: dashed orange'})`;
    this.#what.textContent = words;
    if (document.activeElement !== this.#number) this.#number.value = Number.isFinite(w) ? String(Number(w.toPrecision(6))) : '';
    if (document.activeElement !== this.#slider) this.#slider.value = String(Math.max(-SLIDER, Math.min(SLIDER, w)));
    const b = this.#weights[e.layer]?.b[e.col];
    this.#biasLabel.textContent = `Bias of ${this.#o.nodeName(e.layer + 1, e.col)}`;
    if (document.activeElement !== this.#bias) this.#bias.value = b !== undefined && Number.isFinite(b) ? String(Number(b.toPrecision(6))) : '';
    const can = this.#o.editable();
    this.#number.disabled = !can; this.#slider.disabled = !can; this.#bias.disabled = !can;
    if (announce) this.#live.textContent = words;
  }

  #key(e: KeyboardEvent): void {
    if (e.target !== this.#view.scroller || this.#edges.length === 0) return;
    const i = Math.max(0, this.#active);
    const layerStart = (layer: number) => this.#edges.findIndex((x) => x.layer === layer);
    const here = this.#edges[i]!;
    const last = this.#edges.at(-1)!.layer;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': next = i + 1; break;
      case 'ArrowLeft': case 'ArrowUp': next = i - 1; break;
      case 'PageDown': next = layerStart(Math.min(last, here.layer + 1)); break;
      case 'PageUp': next = layerStart(Math.max(0, here.layer - 1)); break;
      case 'Home': next = 0; break;
      case 'End': next = this.#edges.length - 1; break;
      case '+': case '=': this.#nudge(e.shiftKey ? NUDGE_BIG : NUDGE); break;
      case '-': case '_': this.#nudge(e.shiftKey ? -NUDGE_BIG : -NUDGE); break;
      case 'Enter':
        if (this.#active < 0) this.#select(0, true);
        this.#number.focus(); this.#number.select();
        break;
      default: return;
    }
    e.preventDefault();
    if (next !== undefined) this.#select(next, true);
  }

  #nudge(by: number): void {
    if (this.#active < 0) this.#select(0, false);
    const w = this.#value(this.#edges[this.#active]!);
    if (Number.isFinite(w)) this.#set(Number((w + by).toPrecision(6)), true);
  }

  #typed(bias = false): void {
    const raw = (bias ? this.#bias : this.#number).value.trim();
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) { this.#message.textContent = `“${raw}” is not a number: the ${bias ? 'bias' : 'weight'} stays.`; return; }
    this.#set(v, false, bias);
  }

  /** Sends the edit; while one is in flight only the latest value waits (a drag sends no backlog). */
  #set(value: number, announce = false, bias = false): void {
    const e = this.#edges[this.#active];
    if (e === undefined) return;
    if (!this.#o.editable()) { this.#message.textContent = 'This link fixes the network: the weights cannot be edited.'; return; }
    const edit: WeightEdit = { layer: e.layer, row: bias ? 'bias' : e.row, col: e.col, value };
    if (this.#sending) { this.#queued = edit; return; }
    this.#sending = true;
    void this.#o.edit(edit).then(() => {
      this.#message.textContent = '';
      if (announce) this.#describe(true);
    }, (err: unknown) => {
      this.#message.textContent = `The engine refused this value: ${err instanceof Error ? err.message : String(err)}`;
    }).finally(() => {
      this.#sending = false;
      const q = this.#queued;
      this.#queued = undefined;
      if (q !== undefined) {
        const idx = this.#edges.findIndex((x) => x.layer === q.layer && (q.row === 'bias' || x.row === q.row) && x.col === q.col);
        if (idx >= 0) { this.#active = idx; this.#set(q.value, false, q.row === 'bias'); }
      }
    });
  }

  #leave(): void {
    this.#view.scroller.focus();
  }
}
