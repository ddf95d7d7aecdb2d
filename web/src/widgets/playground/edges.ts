// edges.ts — the playground's weights as edges between the network's columns (NeuronsView): an SVG
// line per weight, its width by |w|, positive solid blue and negative dashed orange (so the sign
// reads without colour), and an editor. Pointer: click or tap an edge to select it; the editor
// below the diagram takes a typed value or a drag of its slider, and the bias of the edge's target
// neuron. Each neuron's bias is a marker at its top-left corner (radius by |b|, positive a filled
// blue disc, negative a hollow dashed orange ring), selected and edited like an edge. Keyboard: the
// diagram is one tab stop; arrow keys walk the edges and biases (layer by layer, each target
// neuron's inputs in turn, then its bias), Page Up / Page Down jump a layer, + and − nudge by 0.1 (with
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
/** Bias marker radius in px: 2.5 at b = 0, growing with |b| up to 7 at |b| ≥ 3. */
const radius = (b: number): number => 2.5 + 1.5 * Math.min(3, Math.abs(b));
/** Nudges: + / − by 0.1, with Shift by 1. Typed and dragged values are bounded to ±SLIDER (the engine takes any finite float32). */
const NUDGE = 0.1, NUDGE_BIG = 1, SLIDER = 5;
const rgb = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** One editable parameter: a weight (an SVG line) or, with row 'bias', a neuron's bias (a circle). */
interface Edge { layer: number; row: number | 'bias'; col: number; line: SVGLineElement | SVGCircleElement; hit: SVGLineElement | SVGCircleElement; shown: string }
const isBias = (e: Edge): boolean => e.row === 'bias';

export interface EdgesOptions {
  /** Sends one edit to the engine; resolves when the new snapshot is drawn, rejects with its message. */
  edit: (e: WeightEdit) => Promise<void>;
  /** Whether edits are allowed now (false: a locked link, or the engine is busy configuring). */
  editable: () => boolean;
  /** Why edits are off, in words (shown in the editor when `editable` is false). */
  lockedReason?: () => string;
  /** No editor at all (a link hid it): the diagram is a picture, with no tab stop or pointer selection. */
  readOnly?: boolean;
  /** Names of the columns' nodes in words: the input features, then "layer 1 neuron 2", "the output". */
  nodeName: (column: number, index: number) => string;
}

export class WeightEdges {
  readonly #view: NeuronsView;
  readonly #o: EdgesOptions;
  readonly #svg = document.createElementNS(SVG, 'svg');
  readonly #focusRing = document.createElementNS(SVG, 'line');
  readonly #focusDot = document.createElementNS(SVG, 'circle');
  readonly #numberLabel = el('label', 'control-label', 'Edge weight');
  readonly #biasRow = el('div', 'pg-edge-row');
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
    this.#focusDot.classList.add('pg-bias-focus');
    view.diagram.prepend(this.#svg);
    const sc = view.scroller;
    if (o.readOnly === true) {
      this.#svg.classList.add('read-only');
      this.editor.hidden = true;
      new ResizeObserver(() => this.#place()).observe(view.diagram);
      view.onBuild = () => this.#layout();
      return;
    }
    sc.tabIndex = 0;
    sc.setAttribute('role', 'group');
    sc.setAttribute('aria-roledescription', 'network diagram');
    sc.setAttribute('aria-label', 'Weights as edges and biases as dots: arrow keys choose an edge or a bias, + and − nudge it by 0.1 (Shift: by 1), Enter types a value');
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
    const numLabel = this.#numberLabel;
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
    const biasRow = this.#biasRow;
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
    const shapeOk = this.#edges.length === weights.reduce((a, l) => a + (l.in + 1) * l.out, 0);
    if (!shapeOk) this.#layout();
    for (const e of this.#edges) this.#style(e);
    if (this.#active >= 0) this.#describe(false);
  }

  /** Re-reads `editable` (editing switched on or off): the editor's boxes and its reason follow. */
  refresh(): void {
    if (this.#active >= 0) this.#describe(false);
  }

  /** The selected edge as layer, row, col (for tests and the share summary); undefined when none. */
  get selected(): { layer: number; row: number | 'bias'; col: number } | undefined {
    const e = this.#edges[this.#active];
    return e === undefined ? undefined : { layer: e.layer, row: e.row, col: e.col };
  }

  #value(e: Edge): number {
    const l = this.#weights[e.layer];
    if (l === undefined) return NaN;
    return (e.row === 'bias' ? l.b[e.col] : l.W[e.row * l.out + e.col]) ?? NaN;
  }

  #style(e: Edge): void {
    const w = this.#value(e);
    const key = Number.isFinite(w) ? w.toPrecision(3) : 'nan';
    if (key === e.shown) return;
    e.shown = key;
    const pos = w >= 0;
    const colour = Number.isFinite(w) ? rgb(CLASS_COLOURS[pos ? 1 : 0]!) : 'rgb(128,128,128)';
    if (isBias(e)) {
      // Positive: a filled disc; negative: a hollow dashed ring (the sign reads without colour).
      const r = Number.isFinite(w) ? radius(w) : 2.5;
      e.line.setAttribute('r', r.toFixed(2));
      e.hit.setAttribute('r', String(Math.max(8, r + 3)));
      e.line.setAttribute('stroke', colour);
      e.line.setAttribute('fill', pos ? colour : 'var(--surface)');
      if (pos) e.line.removeAttribute('stroke-dasharray'); else e.line.setAttribute('stroke-dasharray', '2 1.5');
      return;
    }
    e.line.setAttribute('stroke', colour);
    e.line.setAttribute('stroke-width', Number.isFinite(w) ? width(w).toFixed(2) : '1');
    if (pos) e.line.removeAttribute('stroke-dasharray'); else e.line.setAttribute('stroke-dasharray', '5 3');
  }

  /** One line (and a wide invisible twin for the pointer) per weight: layer by layer, each target's inputs in turn. */
  #layout(): void {
    this.#svg.replaceChildren();
    this.#edges = [];
    const biases: Edge[] = [];
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
        biases.push({ layer, row: 'bias', col, line: document.createElementNS(SVG, 'circle'), hit: document.createElementNS(SVG, 'circle'), shown: '' });
        this.#edges.push(biases.at(-1)!);
      }
    }
    // The bias dots lie over the edges (drawn last), each with a wider invisible twin for the pointer.
    for (const b of biases) { b.line.classList.add('pg-bias'); b.hit.classList.add('pg-bias-hit'); this.#svg.append(b.line, b.hit); }
    this.#svg.prepend(this.#focusRing); // a halo under the edges, so the chosen edge keeps its own colour and dash
    this.#svg.append(this.#focusDot);
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
      if (e.row === 'bias') {
        const node = cols[e.layer + 1]?.[e.col];
        if (!node) continue;
        // Just left of the target's top-left corner (its untransformed box: the hover enlargement is a transform).
        const r = node.getBoundingClientRect();
        const cx = r.left + r.width / 2 - base.left - node.offsetWidth / 2, cy = r.top + r.height / 2 - base.top - node.offsetHeight / 2;
        for (const c of [e.line, e.hit]) { c.setAttribute('cx', (cx - 9).toFixed(1)); c.setAttribute('cy', (cy + 6).toFixed(1)); }
        continue;
      }
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
    this.#focusRing.style.display = e === undefined || isBias(e) ? 'none' : '';
    this.#focusDot.style.display = e !== undefined && isBias(e) ? '' : 'none';
    if (e === undefined) return;
    if (isBias(e)) {
      for (const k of ['cx', 'cy']) this.#focusDot.setAttribute(k, e.line.getAttribute(k) ?? '0');
      this.#focusDot.setAttribute('r', String(Number(e.line.getAttribute('r') ?? '3') + 3));
      return;
    }
    for (const k of ['x1', 'y1', 'x2', 'y2']) this.#focusRing.setAttribute(k, e.line.getAttribute(k) ?? '0');
  }

  #select(i: number, announce: boolean): void {
    this.#active = Math.max(0, Math.min(this.#edges.length - 1, i));
    this.#ring();
    // Keep the chosen edge in view when the diagram scrolls sideways (a wide network, 360 px).
    const e = this.#edges[this.#active], sc = this.#view.scroller;
    if (e !== undefined) {
      const x1 = Number(e.line.getAttribute(isBias(e) ? 'cx' : 'x1')) - (isBias(e) ? 10 : 0), x2 = Number(e.line.getAttribute(isBias(e) ? 'cx' : 'x2')) + (isBias(e) ? 10 : 0);
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
    const bias = e.row === 'bias';
    const target = this.#o.nodeName(e.layer + 1, e.col);
    const words = e.row === 'bias'
      ? `Bias of ${target}: ${fmt(w, 4)} (${w >= 0 ? 'positive: filled blue dot' : 'negative: hollow dashed orange ring'})`
      : `Edge ${this.#edges.slice(0, this.#active + 1).filter((x) => !isBias(x)).length} of ${this.#edges.filter((x) => !isBias(x)).length}: ` +
        `${this.#o.nodeName(e.layer, e.row)} → ${target}, weight ${fmt(w, 4)} (${w >= 0 ? 'positive: solid blue' : 'negative: dashed orange'})`;
    this.#numberLabel.textContent = bias ? `Bias of ${target}` : 'Edge weight';
    this.#biasRow.hidden = bias;
    this.#what.textContent = words;
    if (document.activeElement !== this.#number) this.#number.value = Number.isFinite(w) ? String(Number(w.toPrecision(6))) : '';
    if (document.activeElement !== this.#slider) this.#slider.value = String(Math.max(-SLIDER, Math.min(SLIDER, w)));
    const b = this.#weights[e.layer]?.b[e.col];
    this.#biasLabel.textContent = `Bias of ${this.#o.nodeName(e.layer + 1, e.col)}`;
    if (document.activeElement !== this.#bias) this.#bias.value = b !== undefined && Number.isFinite(b) ? String(Number(b.toPrecision(6))) : '';
    const can = this.#o.editable();
    this.#number.disabled = !can; this.#slider.disabled = !can; this.#bias.disabled = !can;
    // Why the boxes are greyed out, in words beside them (a locked link, or editing switched off).
    if (!can) this.#message.textContent = this.#o.lockedReason?.() ?? 'The weights cannot be edited now.';
    else if (this.#message.dataset.reason === 'locked') this.#message.textContent = '';
    this.#message.dataset.reason = can ? '' : 'locked';
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
    if (!this.#o.editable()) { this.#message.textContent = this.#o.lockedReason?.() ?? 'This link fixes the network: the weights cannot be edited.'; return; }
    this.#send({ layer: e.layer, row: bias ? 'bias' : e.row, col: e.col, value }, announce);
  }

  #send(edit: WeightEdit, announce: boolean): void {
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
      if (q !== undefined) this.#send(q, false);
    });
  }

  #leave(): void {
    this.#view.scroller.focus();
  }
}
