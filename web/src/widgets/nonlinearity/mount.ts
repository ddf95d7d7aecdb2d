// mount.ts — the "why nonlinearity" lab (CURRICULUM §1), three parts on one link:
//   1. Linear collapse: the engine's collapse probe multiplies N random linear layers into one W′, b′
//      and compares the stack with the one layer on random inputs, then again with a bend between
//      the layers (same weights, same inputs).
//   2. XOR: two engine trainers in the worker, a linear network and a bent one, trained side by side
//      epoch by epoch to the same epoch, their decision maps and accuracies.
//   3. Universal approximation: the engine's fit1d probe fits one hidden layer of N units to a target
//      (or the learner's curve); the fit, each unit's contribution, and the error for N = 1..64.
// State in the URL (state/nonlinearity.ts); the shared share frame.
import type { EngineClient } from '../../engine/client';
import type { CollapseResult, Fit1dResult } from '../../engine/probes';
import { RemoteTrainer } from '../../engine/trainer-client';
import type { GridRequest, Points, Snapshot } from '../../engine/trainer-types';
import { bentConfig, collapseSpec, CURVE_VALUES, fitSpec, linearConfig, nonlinearityTable, TARGETS,
  type NonlinearityState } from '../../state/nonlinearity';
import { domainOf } from '../../state/playground';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { createLegend } from '../../ui/legend';
import { LinePlot, type LineData } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createSlider, type Slider } from '../../ui/slider';
import { createTable } from '../../ui/table';
import { onThemeChange } from '../../ui/theme';
import { DecisionView } from '../playground/decision-view';
import { collapseWords, fitWords, mapWords, pct, sweepWords, vec, type XorSide } from './describe';
import { createDrawPad } from './draw-pad';
import './nonlinearity.css';

export interface NonlinearityMountOptions { embed: boolean; notices: HTMLElement }

type Key = keyof NonlinearityState;
const XOR_DOMAIN = domainOf('xor');
const GRID: GridRequest = { res: 60, x0: -XOR_DOMAIN, x1: XOR_DOMAIN, y0: -XOR_DOMAIN, y1: XOR_DOMAIN };
const SEED_MAX = 4294967295;

/**
 * Runs `work` now, or once more after the run in flight (the latest state wins). The promise
 * resolves when the run that covers this call has finished (errors go to `onError`).
 */
function serial(work: () => Promise<void>, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | undefined, again = false;
  return () => {
    if (running) { again = true; return running; }
    running = (async () => {
      try {
        do { again = false; await work(); } while (again);
      } catch (err) { onError(err); } finally { running = undefined; }
    })();
    return running;
  };
}

/** "the linear network (…)" → "Linear network (…)" for the start of a caption. */
const capital = (name: string): string => {
  const t = name.replace(/^the /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
};

export async function mountNonlinearity(host: HTMLElement, client: EngineClient, o: NonlinearityMountOptions): Promise<void> {
  const metas = (await client.activations()).filter((m) => m.id !== 'softmax');
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = nonlinearityTable(metas.map((m) => m.id), nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as NonlinearityState;
  const { hidden, locked } = parsed;
  showNotices(o.notices, parsed.notices);
  const save = () => writeUrlState(table, state, hidden, locked);

  const root = el('div', 'nonlin captions-fit');
  host.append(root);
  const sliders: Partial<Record<Key, Slider>> = {};
  const selects: Partial<Record<Key, HTMLSelectElement>> = {};
  const seedInputs: Partial<Record<Key, HTMLInputElement>> = {};

  function part(title: string, intro: string): { side: HTMLElement; view: HTMLElement } {
    const section = el('section', 'nl-part');
    const h = el('h2', undefined, title);
    h.id = uid('part');
    section.setAttribute('aria-labelledby', h.id);
    const grid = el('div', 'widget');
    const side = el('div', 'panel controls-panel');
    const view = el('div', 'panel nl-view');
    grid.append(side, view);
    section.append(h, el('p', 'intro', intro), grid);
    root.append(section);
    return { side, view };
  }
  function slider(key: 'layers' | 'width' | 'xdepth' | 'xunits' | 'epochs' | 'units', run: () => unknown, hint?: string): HTMLElement {
    const field = table[key];
    const s = createSlider({ label: field.label, min: field.min, max: field.max, step: 1, value: state[key], hint,
      onInput: (v) => { state[key] = v; save(); run(); } });
    sliders[key] = s;
    return keyed(s.root, key);
  }
  function select(key: 'bend' | 'xact' | 'target' | 'fact', label: (v: string) => string, run: () => unknown): HTMLElement {
    const field = table[key];
    const s = createSelect(field.label, field.values.map((value) => ({ value, label: label(value) })), state[key],
      (v) => { state[key] = v; save(); run(); });
    selects[key] = s.select;
    return keyed(s.root, key);
  }
  function seedBox(key: 'seed' | 'xseed' | 'fseed', run: () => unknown): HTMLElement {
    const box = keyed(el('div', 'control seed-row'), key);
    const label = el('label', 'control-label', table[key].label);
    const input = el('input');
    input.type = 'number';
    input.id = uid(key);
    label.htmlFor = input.id;
    Object.assign(input, { min: '0', max: String(SEED_MAX), step: '1', value: String(state[key]) });
    input.addEventListener('change', () => {
      const v = Math.round(Number(input.value));
      state[key] = Number.isFinite(v) ? Math.min(SEED_MAX, Math.max(0, v)) : table[key].default;
      input.value = String(state[key]);
      save();
      run();
    });
    seedInputs[key] = input;
    box.append(label, input);
    return box;
  }
  const errorLine = () => {
    const p = el('p', 'error');
    p.setAttribute('role', 'alert');
    p.hidden = true;
    return p;
  };
  const refused = (line: HTMLElement) => (err: unknown) => {
    line.textContent = `The engine refused these settings: ${err instanceof Error ? err.message : String(err)}`;
    line.hidden = false;
  };

  // ---- 1. Linear collapse ----
  const c = part('1. Any stack of linear layers is one layer',
    'Each layer computes x·W + b. The engine builds N random layers, multiplies them into one W′ and b′, and runs random inputs through both.');
  const collapseError = errorLine();
  const runCollapse = serial(async () => {
    const s = structuredClone(state);
    const [lin, bent] = await Promise.all([client.probe('collapse', collapseSpec(s, false)), client.probe('collapse', collapseSpec(s, true))]);
    drawCollapse(s, lin, bent);
    collapseError.hidden = true;
  }, refused(collapseError));
  c.side.append(el('h3', undefined, 'The stack'), slider('layers', runCollapse), slider('width', runCollapse),
    select('bend', nameOf, runCollapse), seedBox('seed', runCollapse));
  const collapseText = el('p', 'nl-result');
  collapseText.setAttribute('aria-live', 'polite');
  const matrices = el('div', 'nl-matrices');
  const compare = el('div');
  c.view.append(collapseText, collapseError, matrices, compare);

  function drawCollapse(s: NonlinearityState, lin: CollapseResult, bent: CollapseResult): void {
    const w = s.width;
    collapseText.textContent = collapseWords(s.layers, w, lin, bent, nameOf(s.bend));
    host.dataset.collapseDiff = String(lin.maxAbsDiff);
    host.dataset.bentDiff = String(bent.maxAbsDiff);
    const rows = Array.from({ length: w }, (_, i) => i);
    const cols = rows.map((j) => ({ header: `out ${j + 1}`, cell: (i: number) => f(lin.M[i * w + j]!, 4), numeric: true }));
    const Wt = createTable(`W′ = W1·W2·…·W${s.layers} (${w} × ${w}: rows are inputs, columns outputs)`,
      [{ header: 'in', cell: (i: number) => String(i + 1), rowHeader: true }, ...cols], rows);
    const bt = createTable(`b′ (${w} numbers)`, [{ header: '', cell: () => 'b′', rowHeader: true },
      ...rows.map((j) => ({ header: `out ${j + 1}`, cell: () => f(lin.c[j]!, 4), numeric: true }))], [0]);
    matrices.replaceChildren(Wt, bt);
    const n = lin.stack.length / w;
    const out = (v: readonly number[], q: number) => vec(v.slice(q * w, q * w + w));
    compare.replaceChildren(createTable(`The same random inputs through the stack and through the one layer`, [
      { header: 'Input', cell: (q: number) => `#${q + 1}`, rowHeader: true },
      { header: `Stack of ${s.layers} (float32)`, cell: (q) => out(lin.stack, q) },
      { header: 'One layer x·W′ + b′', cell: (q) => out(lin.collapsed, q) },
      { header: `Stack with ${nameOf(s.bend)} between`, cell: (q) => out(bent.stack, q) },
    ], Array.from({ length: n }, (_, q) => q)));
    const diff = el('p', 'nl-diff');
    diff.append(el('strong', undefined, 'Largest difference from the one layer: '),
      `linear stack ${lin.maxAbsDiff === null ? 'not finite' : f(lin.maxAbsDiff)}, with ${nameOf(s.bend)} ${bent.maxAbsDiff === null ? 'not finite' : f(bent.maxAbsDiff)}.`);
    compare.append(diff);
  }

  // ---- 2. XOR ----
  const x = part('2. XOR: a line cannot do it, a bend can',
    'XOR labels a point 1 when x and y have the same sign (quadrants I and III). Both networks get the same data, optimiser (Adam, rate 0.03, batch 10) and seed and train epoch by epoch.');
  const xorError = errorLine();
  const playBtn = el('button', undefined, 'Pause');
  playBtn.type = 'button';
  const resetBtn = el('button', undefined, 'Restart training');
  resetBtn.type = 'button';
  const actions = el('div', 'actions');
  actions.append(playBtn, resetBtn);
  const restartXor = () => { void restart(); };
  const changeEpochs = () => {
    if (state.epochs > epochNow) { if (!playing) void play(); } else restartXor();
  };
  x.side.append(el('h3', undefined, 'The two networks'), slider('xdepth', restartXor, 'Hidden layers of 4 units with no bend (identity); 0 is logistic regression.'),
    select('xact', nameOf, restartXor), slider('xunits', restartXor), slider('epochs', changeEpochs), seedBox('xseed', restartXor), actions);
  const cards = el('div', 'nl-xor');
  const makeCard = () => {
    const card = el('figure', 'nl-card');
    const view = new DecisionView('Decision map (loading…)');
    const cap = el('figcaption');
    card.append(view.canvas, cap);
    cards.append(card);
    return { view, cap };
  };
  const linCard = makeCard(), bentCard = makeCard();
  const xorText = el('p', 'nl-result');
  xorText.setAttribute('aria-live', 'polite');
  x.view.append(xorError, cards, el('p', 'hint', 'Blue: the network says 1; orange: it says 0; fainter where it is unsure. The dots are the training points in their true colours.'), xorText);

  let lin: RemoteTrainer | undefined, bent: RemoteTrainer | undefined;
  let points: Points | undefined;
  let playing = false, epochNow = 0, generation = 0;
  const sides: { lin?: XorSide; bent?: XorSide } = {};
  const linName = (s: NonlinearityState) => (s.xdepth === 0 ? 'the linear network (no hidden layer)' : `the linear network (${s.xdepth} hidden layer${s.xdepth === 1 ? '' : 's'} of 4, no bend)`);
  const bentName = (s: NonlinearityState) => `the ${nameOf(s.xact)} network (${s.xunits} hidden units)`;

  let lastXor: [Snapshot, Snapshot] | undefined;
  function showXor(a: Snapshot, b: Snapshot): void {
    lastXor = [a, b];
    const s = state;
    for (const [snap, card, key, name] of [[a, linCard, 'lin', linName(s)], [b, bentCard, 'bent', bentName(s)]] as const) {
      const st = snap.status;
      const side: XorSide = { name, epoch: st.epoch ?? 0, train: st.train?.accuracy, test: st.test?.accuracy };
      sides[key] = side;
      if (snap.grid && points) {
        card.view.draw({ grid: snap.grid, kind: 'prob', discrete: false, domain: XOR_DOMAIN, train: points.train, test: undefined });
        card.view.setLabel(mapWords(side));
      }
      card.cap.replaceChildren(el('strong', undefined, capital(name)),
        el('br'), `Epoch ${side.epoch}: test accuracy ${pct(side.test)}, training ${pct(side.train)}`);
      host.dataset[key === 'lin' ? 'linearAccuracy' : 'bentAccuracy'] = String(side.test ?? 'null');
      host.dataset[key === 'lin' ? 'linearTrain' : 'bentTrain'] = String(side.train ?? 'null');
    }
    epochNow = Math.min(sides.lin!.epoch, sides.bent!.epoch);
    host.dataset.xorEpoch = String(epochNow);
  }
  async function play(): Promise<void> {
    if (!lin || !bent || playing) return;
    playing = true;
    playBtn.textContent = 'Pause';
    playBtn.disabled = false;
    delete host.dataset.xorDone;
    const gen = generation;
    try {
      while (playing && gen === generation && epochNow < state.epochs) {
        const [a, b] = await Promise.all([lin.advance({ epochs: 1 }, { grid: GRID }), bent.advance({ epochs: 1 }, { grid: GRID })]);
        if (gen !== generation) return;
        if (a.snapshot && b.snapshot) showXor(a.snapshot, b.snapshot);
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
      }
    } finally {
      if (gen === generation) {
        playing = false;
        const done = epochNow >= state.epochs;
        playBtn.textContent = done ? 'Trained' : 'Train';
        playBtn.disabled = done;
        if (done && sides.lin && sides.bent) {
          xorText.textContent = xorWordsDone();
          host.dataset.xorDone = 'true';
        }
      }
    }
  }
  const xorWordsDone = () => `${capital(sides.lin!.name)}: ${pct(sides.lin!.test)} of the test points right after ${sides.lin!.epoch} epochs ` +
    `— its boundary is one straight line, which cannot put quadrants I and III on one side and II and IV on the other. ` +
    `${capital(sides.bent!.name)}: ${pct(sides.bent!.test)}.`;
  // Configuring is serialised (a slider drag asks many times; the last state wins), then training starts.
  let configured = false;
  const reconfigure = serial(async () => {
    const s = structuredClone(state);
    configured = false;
    if (!lin || !bent) {
      lin = await RemoteTrainer.create(client, linearConfig(s));
      bent = await RemoteTrainer.create(client, bentConfig(s));
    } else {
      await Promise.all([lin.configure(linearConfig(s)), bent.configure(bentConfig(s))]);
    }
    points = await lin.points();
    const [a, b] = await Promise.all([lin.snapshot({ grid: GRID }), bent.snapshot({ grid: GRID })]);
    showXor(a, b);
    xorError.hidden = true;
    configured = true;
  }, refused(xorError));
  async function restart(): Promise<void> {
    generation += 1;
    playing = false;
    delete host.dataset.xorDone;
    xorText.textContent = '';
    playBtn.disabled = false;
    await reconfigure();
    if (!configured) return;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) { playBtn.textContent = 'Train'; return; }
    void play();
  }
  playBtn.addEventListener('click', () => { if (playing) { playing = false; playBtn.textContent = 'Train'; } else void play(); });
  resetBtn.addEventListener('click', restartXor);
  addEventListener('pagehide', () => { void lin?.dispose(); void bent?.dispose(); });
  // A hidden tab stops training (Train continues it).
  document.addEventListener('visibilitychange', () => { if (document.hidden && playing) { playing = false; playBtn.textContent = 'Train'; } });

  // ---- 3. Universal approximation ----
  const u = part('3. One hidden layer of enough bent units can draw any curve',
    'The engine places N units, each bending once somewhere in [−1, 1], and picks the output weights that fit the target best (least squares). More units, more bends, a closer fit.');
  const fitError = errorLine();
  let sweepKey = '', sweep: (number | null)[] = [];
  const runFit = serial(async () => {
    const s = structuredClone(state);
    const key = JSON.stringify({ ...fitSpec(s, true), units: 0 });
    const r = await client.probe('fit1d', fitSpec(s, key !== sweepKey));
    if (key !== sweepKey) { sweep = r.sweep; sweepKey = key; }
    drawFit(s, r);
    fitError.hidden = true;
  }, refused(fitError));
  const curveBox = keyed(el('div', 'control nl-curve'), 'curve');
  const pad = createDrawPad(state.curve.map(Number), (v) => {
    state.curve = v.map((y) => CURVE_VALUES.find((t) => Number(t) === y) ?? '0');
    save();
    runFit();
  }, () => share.access.editable('curve'));
  const flat = el('button', undefined, 'Reset the curve');
  flat.type = 'button';
  flat.addEventListener('click', () => {
    state.curve = [...table.curve.default];
    pad.set(state.curve.map(Number));
    save();
    runFit();
  });
  curveBox.append(pad.root, el('p', 'hint', '17 points on [−1, 1], each from −1 to 1 in steps of 0.1, joined by straight lines.'), flat);
  const showCurve = () => { curveBox.hidden = state.target !== 'drawn' || hidden.has('curve'); if (!curveBox.hidden) pad.redraw(); };
  u.side.append(el('h3', undefined, 'The fit'), select('target', (v) => TARGETS[v] ?? v, () => { showCurve(); runFit(); }), curveBox,
    select('fact', nameOf, runFit), slider('units', runFit), seedBox('fseed', runFit));
  const fitText = el('p', 'nl-result');
  fitText.setAttribute('aria-live', 'polite');
  const fitHead = el('h3', undefined, 'Target and fit');
  const fitLegend = el('div');
  const fitBox = el('div', 'plot-box');
  const partsHead = el('h3', undefined, 'Each unit’s contribution (they add up, with the output bias, to the fit)');
  const partsBox = el('div', 'plot-box');
  const sweepHead = el('h3', undefined, 'RMS error as N grows (log scale; the line marks this N)');
  const sweepBox = el('div', 'plot-box');
  const sweepText = el('p', 'hint');
  u.view.append(fitText, fitError, fitHead, fitLegend, fitBox, partsHead, partsBox, sweepHead, sweepBox, sweepText);
  let fitPlot: LinePlot | undefined, partsPlot: LinePlot | undefined, sweepPlot: LinePlot | undefined;

  function drawFit(s: NonlinearityState, r: Fit1dResult): void {
    const G = r.x.length;
    const xs = Float32Array.from(r.x);
    const act = nameOf(s.fact), target = TARGETS[s.target] ?? s.target;
    const words = fitWords(r, s.units, act, target);
    fitText.textContent = words;
    host.dataset.fitRmse = String(r.rmse);
    const fitData: LineData = { x: xs, label: words, series: [
      { label: 'target', values: Float32Array.from(r.target) }, { label: `fit with ${s.units} units`, values: Float32Array.from(r.fit) }] };
    const parts: LineData = { x: xs, label: `${s.units} curves, one per ${act} unit: its output g(w·x + b) times its output weight, each bending near its own x (listed above); their sum plus the bias ${f(r.c)} is the fit.`,
      series: Array.from({ length: s.units }, (_, i) => ({ label: `unit ${i + 1}`, values: Float32Array.from(r.contrib.slice(i * G, (i + 1) * G)) })) };
    const ns = Float32Array.from({ length: sweep.length }, (_, i) => i + 1);
    const sw: LineData = { x: ns, logY: true, cursor: s.units, label: sweepWords(sweep, act),
      series: [{ label: 'RMS error', values: Float32Array.from(sweep, (v) => (v === null ? NaN : v)) }] };
    sweepText.textContent = sweepWords(sweep, act);
    if (!fitPlot) {
      fitPlot = new LinePlot(fitBox, fitData);
      partsPlot = new LinePlot(partsBox, parts);
      sweepPlot = new LinePlot(sweepBox, sw);
    } else { fitPlot.update(fitData); partsPlot!.update(parts); sweepPlot!.update(sw); }
    fitLegend.replaceChildren(createLegend(['target', `fit with ${s.units} ${act} unit${s.units === 1 ? '' : 's'}`]));
  }

  // ---- The share frame ----
  const shareSlot = el('div', 'panel nl-share');
  shareSlot.append(el('h2', undefined, 'This lab’s link'));
  root.append(shareSlot);
  const share = mountShare({ widget: 'nonlinearity', title: 'Why nonlinearity (Activation Lab)', height: 2600,
    table, parsed: { hidden, locked }, state, host, slot: shareSlot, embed: o.embed });
  // An embed with hide=share (a lesson's) has nothing to put under the heading: no empty panel.
  if (shareSlot.childElementCount === 1) shareSlot.hidden = true;
  showCurve();

  onThemeChange(() => { fitPlot?.rebuild(); partsPlot?.rebuild(); sweepPlot?.rebuild(); pad.redraw(); if (lastXor) showXor(...lastXor); });
  await Promise.all([runCollapse(), runFit(), restart()]);
  host.dataset.ready = 'true';
}
