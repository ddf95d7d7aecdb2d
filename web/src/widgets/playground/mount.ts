// mount.ts — the training playground widget: state from the URL, one engine Trainer in the worker
// (all training and every number from the engine), the run controls (play/pause, step an epoch or
// a batch, reset to the same initial weights, speed), the readouts, the loss chart (uPlot), the
// decision map with the data points, the divergence report with its one-click fix, and the shared
// "Share with a class" frame. Used by the playground page and its bare embed page.
import type { EngineClient } from '../../engine/client';
import { EngineError } from '../../engine/errors';
import { RemoteTrainer } from '../../engine/trainer-client';
import type { TrainerAdvance } from '../../engine/protocol';
import type { Points, Snapshot, SnapshotRequest, TrainerConfig, TrainerStatus } from '../../engine/trainer-types';
import {
  DATASETS, decodePoints, domainOf, FEATURES, MULTICLASS_SETS, encodePoints, keepClasses, layerActivations, OWN_LIMIT, OWN_SETS, OWN_URL_POINTS, ownPointProblems,
  playgroundTable, PRESETS, REGRESSION_SETS, sliceOf, SPEEDS, stateFromConfig, trainerConfig, type PlaygroundState,
} from '../../state/playground';
import { defaults } from '../../state/schema';
import { queryFor, readUrlState, writeUrlState } from '../../state/url';
import { accessOf, keyed, viewOf } from '../../ui/access';
import { el } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { LinePlot } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { createCheckbox, createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { onThemeChange } from '../../ui/theme';
import { download } from '../art/export';
import { buildPlaygroundControls } from './controls';
import { CLASS_NAMES, DecisionView, type OutputKind } from './decision-view';
import { buildOwnData } from './own-data';
import { confusionTable, HealthView, HistogramView, NeuronsView } from './views';
import { WeightEdges } from './edges';
import { describeDecision, describeDivergence, describeLoss } from './describe';
import './playground.css';

/** Decision grid points per side (TF Playground draws 100 × 100 too). */
const GRID_RES = 100;
/** Neuron thumbnail points per side (enlarged on hover or focus; the engine allows up to 100). */
const NEURON_RES = 32;
/** Keys whose change keeps the run (views and speed); every other key reconfigures (a fresh run). */
const VIEW_KEYS: ReadonlySet<string> = new Set(['speed', 'test', 'discrete', 'logloss', 'pclass', 'wedit']);

export interface PlaygroundMountOptions { embed: boolean; notices: HTMLElement }

const finite = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);
const showNum = (v: number | null | undefined, digits = 4): string => (Number.isFinite(finite(v)) ? fmt(finite(v), digits) : '—');
const showPct = (v: number | null | undefined): string => (Number.isFinite(finite(v)) ? `${(100 * finite(v)).toFixed(1)} %` : '—');

const describeActs = (names: string[]): string =>
  (names.length === 0 ? 'no hidden layer' : names.every((a) => a === names[0]) ? `${names[0]} on every layer` : names.join(', '));

export async function mountPlayground(host: HTMLElement, client: EngineClient, o: PlaygroundMountOptions): Promise<void> {
  const metas = (await client.activations()).filter((m) => m.id !== 'softmax');
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = playgroundTable(metas.map((m) => m.id), nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as PlaygroundState;
  const { hidden, locked } = parsed;
  const access = accessOf(hidden, locked);
  // Own points: the link's (as many as it carries), kept in the page; the link holds them while they fit.
  let own: number[] = decodePoints(state.pts);
  if (state.data === 'own') {
    const problem = ownPointProblems(own, state.classes);
    if (problem) { parsed.notices.push(problem); own = keepClasses(own, state.classes); state.pts = encodePoints(own); }
  }
  showNotices(o.notices, parsed.notices);

  const widget = el('div', 'widget playground');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  const view = el('section', 'panel pg-view');
  view.setAttribute('aria-label', 'Training');

  // Run controls
  const toolbar = el('div', 'pg-toolbar');
  const button = (text: string, cls?: string) => { const b = el('button', cls, text); b.type = 'button'; return b; };
  const play = button('Play', 'primary');
  play.setAttribute('aria-pressed', 'false');
  const stepEpoch = button('Step an epoch');
  const stepBatch = button('Step a batch');
  const reset = button('Reset');
  reset.title = 'Back to epoch 0 with the same initial weights';
  toolbar.append(play, stepEpoch, stepBatch, reset);
  // Model files: the engine's export (download) and import (upload); a broken file keeps the current model.
  const modelBar = el('div', 'pg-toolbar pg-model');
  const saveModel = button('Download model');
  saveModel.dataset.lock = 'skip';
  const loadModel = button('Load model…');
  const modelFile = el('input');
  Object.assign(modelFile, { type: 'file', accept: '.json,application/json' });
  modelFile.hidden = true;
  modelFile.setAttribute('aria-label', 'Model file');
  const modelStatus = el('p', 'hint');
  modelStatus.setAttribute('aria-live', 'polite');
  modelBar.append(saveModel, loadModel, modelFile);
  if (!hidden.has('speed')) {
    toolbar.append(keyed(createSelect(table.speed.label, Object.entries(SPEEDS).map(([value, label]) => ({ value, label })), state.speed,
      (v) => { state.speed = v; onChange('speed'); }).root, 'speed'));
  }

  // Readouts: engine numbers; the live region announces only pauses and steps (not every frame).
  const readouts = el('dl', 'pg-readouts');
  const readout = (label: string) => {
    const box = el('div');
    const dd = el('dd', 'mono', '—');
    box.append(el('dt', undefined, label), dd);
    readouts.append(box);
    return dd;
  };
  const rEpoch = readout('Epoch'), rTrainLoss = readout('Train loss'), rTestLoss = readout('Test loss');
  const rTrainAcc = readout('Train accuracy'), rTestAcc = readout('Test accuracy'), rSpeed = readout('Samples/s');
  const rRate = readout('Learning rate now');
  const announce = el('p', 'visually-hidden');
  announce.setAttribute('aria-live', 'polite');

  const engineError = el('p', 'error');
  engineError.setAttribute('role', 'alert');
  engineError.hidden = true;
  const diverged = el('div', 'pg-diverged');
  diverged.setAttribute('role', 'alert');
  diverged.hidden = true;
  const divergedText = el('p');
  const fix = button('Reset with learning rate ÷ 10', 'primary');
  diverged.append(el('h3', undefined, 'Training broke'), divergedText, fix);

  // Pictures
  const pics = el('div', 'pg-pics');
  const mapBox = el('figure', 'pg-map');
  const decision = new DecisionView('Decision map (loading…)');
  const mapCaption = el('figcaption', 'hint');
  const mapOptions = el('div', 'pg-map-options');
  if (!hidden.has('test')) mapOptions.append(keyed(createCheckbox(table.test.label, state.test, (v) => { state.test = v; onChange('test'); }).root, 'test'));
  if (!hidden.has('discrete')) mapOptions.append(keyed(createCheckbox(table.discrete.label, state.discrete, (v) => { state.discrete = v; onChange('discrete'); }).root, 'discrete'));
  const mapHint = viewOf(el('p', 'hint'), 'pts');
  mapBox.append(decision.canvas, mapHint, mapCaption, mapOptions);
  const chartBox = el('figure', 'pg-chart');
  const chartArea = el('div', 'pg-chart-area');
  const chartCaption = el('figcaption', 'hint', 'Loss per epoch: training (solid) and test (dashed).');
  const chartOptions = el('div', 'pg-map-options');
  if (!hidden.has('logloss')) chartOptions.append(keyed(createCheckbox(table.logloss.label, state.logloss, (v) => { state.logloss = v; onChange('logloss'); }).root, 'logloss'));
  chartBox.append(el('h3', undefined, 'Loss'), chartArea, chartCaption, chartOptions);
  pics.append(mapBox, chartBox);

  // Inside the network: neuron thumbnails (dead ones marked), gradient health, pre-activations, confusion.
  const inside = el('div', 'pg-inside');
  const section = (title: string, cls: string, ...nodes: Node[]) => {
    const box = el('section', `pg-box ${cls}`);
    box.append(el('h3', undefined, title), ...nodes);
    inside.append(box);
    return box;
  };
  const neurons = new NeuronsView();
  const healthView = new HealthView();
  const hists = new HistogramView();
  const confusionBox = el('div');
  // Weights as edges between the thumbnails, each editable (edges.ts); an edit goes to the engine and comes back as a snapshot.
  const edges = new WeightEdges(neurons, {
    edit: async (e) => { show(await trainer.edit(e, snapReq(!trainer.playing))); },
    editable: () => state.wedit && access.editable('wedit'),
    readOnly: hidden.has('wedit'),
    lockedReason: () => (locked.has('wedit') ? 'Locked by this link: the weights and biases are shown, not editable.'
      : 'Editing is off: tick “Edit weights and biases” to edit.'),
    nodeName: (column, i) => (column === 0 ? `input ${FEATURES[state.feat[i] as keyof typeof FEATURES] ?? state.feat[i] ?? i + 1}`
      : column === neurons.nodes().length - 1 ? (neurons.nodes()[column]!.length > 1 ? `output ${i + 1}` : 'the output') : `layer ${column} neuron ${i + 1}`),
  });
  // The legend stays whatever the link says; the editing instructions belong to `wedit` (hidden with
  // it, worded for a lock), so hide=wedit removes exactly the parts of that key (access.spec).
  const edgeLegend = 'Edges are the weights: wider for larger |w|, solid blue positive, dashed orange negative. The dot at a neuron\'s top-left corner is its bias: larger for larger |b|, a filled blue dot positive, a hollow dashed orange ring negative.';
  const editHint = locked.has('wedit')
    ? 'This link locks them: click, tap or use the arrow keys to read a value; it cannot be changed.'
    : 'Click or tap an edge or a dot to edit it, or focus the diagram and use the arrow keys (each neuron\'s inputs, then its bias), + and −, Enter. An edit changes the running model: Download model keeps it; the link and Reset keep the initial weights.';
  const networkSection = section('Network', 'pg-neurons-box', el('p', 'hint', 'Each hidden neuron\'s output over the same square as the map (orange −1, blue +1; hover or focus to enlarge). ✕ marks a dead neuron: never active on the training set.'),
    el('p', 'hint', edgeLegend), ...(hidden.has('wedit') ? [] : [viewOf(el('p', 'hint', editHint), 'wedit')]),
    neurons.root, ...(hidden.has('wedit') ? [] : [keyed(createCheckbox(table.wedit.label, state.wedit, (v) => { state.wedit = v; onChange('wedit'); }).root, 'wedit'), edges.editor]));
  const healthSection = section('Gradient health', 'pg-health-box', healthView.root);
  const histsSection = section('Pre-activations per layer', 'pg-hists-box', el('p', 'hint', 'Where the inputs z of each layer\'s activation fall (first 256 training points). A saturated sigmoid or tanh layer piles up in the flat tails.'), hists.root);
  const confusionSection = section('Confusion matrix', 'pg-confusion-box', confusionBox);

  view.append(toolbar, modelBar, modelStatus, readouts, announce, engineError, diverged, pics, inside);
  widget.append(side, view);
  host.append(widget);

  // Presets; off when the link hid or locked something (a preset must not undo a teacher's choice).
  {
    const box = el('div', 'pg-presets');
    const pick = createSelect('Preset (replaces every setting)', [{ value: '', label: 'Choose a preset…' },
      ...PRESETS.map((p) => ({ value: p.id, label: p.label }))], '', (id) => {
      const preset = PRESETS.find((p) => p.id === id);
      if (preset === undefined) return;
      const next = { ...(defaults(table) as PlaygroundState), ...preset.state };
      // The controls are built from the state once: load the preset's link (nothing the learner made is lost but the run).
      location.search = queryFor(table, next, hidden, location.search, locked);
    });
    box.append(pick.root);
    if (hidden.size > 0 || locked.size > 0) {
      pick.select.disabled = true;
      box.append(el('p', 'hint', 'Presets are off: this link fixes some settings.'));
    }
    side.append(box);
  }
  let controls = buildPlaygroundControls({ table, state, hidden, metas, change: (key) => onChange(key) });
  side.append(controls);
  const ownBox = el('div');
  const ownPanel = buildOwnData({
    table, state, hidden,
    points: () => own,
    setPoints: (pts, why) => {
      own = pts;
      state.pts = own.length / 3 <= OWN_URL_POINTS ? encodePoints(own) : '';
      ownPanel.refresh();
      onChange('pts');
      ownPanel.say(why);
    },
    classChanged: () => onChange('pclass'),
    readCsv: (text) => client.trainerReadCsv(text, { regression: state.data === 'ownreg', classes: state.data === 'ownreg' ? 10 : state.classes, coordLimit: OWN_LIMIT }),
    exportCsv: () => trainer.pointsCsv(),
    download: (text, name) => download(new Blob([text], { type: 'text/csv' }), name),
  });
  if (!hidden.has('pts')) ownBox.append(ownPanel.root);
  controls.before(ownBox);
  const showOwn = () => {
    const on = OWN_SETS.has(state.data);
    ownBox.hidden = !on;
    mapHint.textContent = !on ? '' : !access.editable('pts') ? 'This link fixes the points.'
      : 'Click or tap the map to add a point of the chosen class; shift-click removes the nearest.';
  };
  showOwn();
  const share = mountShare({ widget: 'playground', title: 'Training playground (Activation Lab)', height: 1400, table,
    parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });
  void share;

  // The run
  let trainer: RemoteTrainer;
  let points: Points = { train: new Float32Array(0), test: new Float32Array(0) };
  let last: Snapshot | undefined;
  /** The parameters' version of the weights the edges show (-1: none yet). */
  let drawnVersion = -1;
  /** Whether a frame of Play left out a view (offscreen): the pause reads everything. */
  let skipped = false;
  /** The inside views on screen (or within a screen of it): only those are read back each frame. */
  const onScreen = new Set<Element>();
  {
    const io = new IntersectionObserver((entries) => {
      // Only frames of Play look at this: the next frame reads what came into view.
      for (const e of entries) if (e.isIntersecting) onScreen.add(e.target); else onScreen.delete(e.target);
    }, { rootMargin: '50% 0px' });
    for (const box of [networkSection, healthSection, histsSection, confusionSection]) io.observe(box);
  }
  const history = { epochs: [] as number[], train: [] as number[], test: [] as number[] };
  let chart: LinePlot | undefined;
  let kind: OutputKind = 'prob';

  function outputKind(outputs: number): OutputKind {
    if (outputs > 1) return 'softmax';
    if (state.head === 'tanh_mse') return 'tanh';
    if (state.head === 'identity_mse' || (state.head === 'auto' && REGRESSION_SETS.has(state.data))) return 'regression';
    return 'prob';
  }
  const gridReq = () => { const d = domainOf(state.data); return { res: GRID_RES, x0: -d, x1: d, y0: -d, y1: d }; };
  const wantsConfusion = () => (MULTICLASS_SETS.has(state.data) || state.data === 'own') && state.classes > 2;
  /**
   * What a snapshot reads back: everything (a step, an edit, a fresh run), the weights only when they
   * changed since the ones drawn; a frame of Play (`full` false) only the views on screen or near it,
   * and a full snapshot follows the pause when one was skipped.
   */
  const snapReq = (full = true): SnapshotRequest => {
    const d = domainOf(state.data);
    const req: SnapshotRequest = { grid: gridReq() };
    if (full || onScreen.has(networkSection)) {
      Object.assign(req, { neurons: { res: NEURON_RES, x0: -d, x1: d, y0: -d, y1: d }, units: true, weights: { since: drawnVersion } });
    }
    if (full || onScreen.has(healthSection) || onScreen.has(histsSection)) req.health = true;
    if (wantsConfusion() && (full || onScreen.has(confusionSection))) req.confusion = 'test';
    if (req.neurons === undefined || req.health === undefined || (wantsConfusion() && req.confusion === undefined)) skipped = true;
    return req;
  };
  const actNames = () => layerActivations(state).map(nameOf);

  function record(s: TrainerStatus): void {
    const e = s.epoch ?? 0;
    if (history.epochs.length > 0 && history.epochs.at(-1)! >= e) return;
    history.epochs.push(e);
    history.train.push(finite(s.train?.loss));
    history.test.push(finite(s.test?.loss));
    const data = { x: Float32Array.from(history.epochs), xWhole: true, series: [
      { label: 'Training loss', values: Float32Array.from(history.train) }, { label: 'Test loss', values: Float32Array.from(history.test) }],
    label: describeLoss(history.epochs, history.train, history.test) };
    const logData = { ...data, logY: state.logloss };
    if (chart === undefined) chart = new LinePlot(chartArea, logData); else chart.update(logData);
  }
  function redrawChart(): void {
    // The log axis is chosen when the plot is built: new data, then a rebuild.
    if (chart === undefined) return;
    chart.update({ x: Float32Array.from(history.epochs), xWhole: true, series: [
      { label: 'Training loss', values: Float32Array.from(history.train) }, { label: 'Test loss', values: Float32Array.from(history.test) }],
    label: describeLoss(history.epochs, history.train, history.test), logY: state.logloss });
    chart.rebuild();
  }

  function show(s: Snapshot, full = false): void {
    // A frame carries only what is on screen: keep the rest of the run's last pictures (redrawn on a theme change).
    last = full || last === undefined ? s : { ...last, ...s };
    if (s.weights) drawnVersion = s.version;
    const st = s.status;
    record(st);
    rEpoch.textContent = String(st.epoch ?? 0);
    rTrainLoss.textContent = showNum(st.train?.loss);
    rTestLoss.textContent = showNum(st.test?.loss);
    rTrainAcc.textContent = showPct(st.train?.accuracy);
    rTestAcc.textContent = showPct(st.test?.accuracy);
    rRate.textContent = showNum(st.learningRate);
    // For tests and developers: the engine's exact numbers (JSON round-trips doubles exactly).
    host.dataset.epoch = String(st.epoch ?? 0);
    host.dataset.steps = String(st.steps ?? 0);
    host.dataset.trainLoss = String(st.train?.loss ?? 'null');
    host.dataset.testLoss = String(st.test?.loss ?? 'null');
    host.dataset.testAccuracy = String(st.test?.accuracy ?? 'null');
    if (s.grid) {
      kind = outputKind(s.grid.outputs);
      // Own points are all drawn (a new point may land in the test split): test points as hollow squares.
      const withTest = state.test || OWN_SETS.has(state.data);
      decision.draw({ grid: s.grid, kind, discrete: state.discrete, domain: domainOf(state.data), train: points.train,
        test: withTest ? points.test : undefined });
      const words = describeDecision(st, kind, DATASETS[state.data] ?? state.data, withTest);
      decision.setLabel(words);
      mapCaption.textContent = words;
    }
    const names = actNames();
    if (s.neurons) neurons.draw(s.neurons, s.units, names, state.feat.map((f) => FEATURES[f as keyof typeof FEATURES] ?? f));
    if (s.weights) edges.draw(s.weights);
    if (s.health) { healthView.draw(s.health, names); hists.draw(s.health, names); }
    confusionSection.hidden = !wantsConfusion();
    if (s.confusion) confusionBox.replaceChildren(confusionTable(s.confusion, CLASS_NAMES));
    if (st.diverged && st.divergence) {
      divergedText.textContent = describeDivergence(st.divergence, state.lr, describeActs(layerActivations(state).map(nameOf)));
      diverged.hidden = false;
      host.dataset.diverged = 'true';
    } else { diverged.hidden = true; delete host.dataset.diverged; }
    const broken = st.diverged === true;
    play.disabled = broken; stepEpoch.disabled = broken; stepBatch.disabled = broken;
  }

  async function configure(): Promise<void> {
    pause();
    const config = trainerConfig(state, own);
    try {
      await trainer.configure(config);
      engineError.hidden = true;
    } catch (err) {
      engineError.textContent = `The engine refused these settings, so the previous run stays: ${err instanceof EngineError ? err.message : String(err)}`;
      engineError.hidden = false;
      return;
    }
    history.epochs.length = 0; history.train.length = 0; history.test.length = 0;
    points = await trainer.points();
    show(await trainer.snapshot(snapReq()), true);
    rSpeed.textContent = '—';
  }

  // Playing: one slice in the worker per animation frame, then the picture; samples/s over ~1 s.
  let playing: Promise<void> | undefined;
  let since = 0, stepsAt = 0;
  function onFrame(frame: TrainerAdvance): void {
    if (frame.snapshot) show(frame.snapshot);
    const now = performance.now();
    if (now - since >= 1000) {
      const steps = frame.progress.steps;
      rSpeed.textContent = `≈ ${fmt(((steps - stepsAt) * state.batch * 1000) / (now - since), 3)}`;
      since = now; stepsAt = steps;
    }
  }
  function setPlaying(on: boolean): void {
    play.textContent = on ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(on));
    host.dataset.playing = String(on);
  }
  function startPlay(): void {
    if (trainer.playing || last?.status.diverged) return;
    setPlaying(true);
    since = performance.now(); stepsAt = last?.status.steps ?? 0;
    playing = trainer.play({ slice: sliceOf(state.speed), snapshot: () => snapReq(false), onFrame })
      .catch((err: unknown) => { engineError.textContent = `Training stopped: ${err instanceof Error ? err.message : String(err)}`; engineError.hidden = false; })
      .finally(() => {
        setPlaying(false); playing = undefined; announceNow();
        if (skipped) { skipped = false; void trainer.snapshot(snapReq()).then((s) => show(s)); }
      });
  }
  function pause(): void { trainer?.pause(); }
  function announceNow(): void {
    const s = last?.status;
    if (s) announce.textContent = `Epoch ${s.epoch ?? 0}: train loss ${showNum(s.train?.loss)}, test loss ${showNum(s.test?.loss)}, test accuracy ${showPct(s.test?.accuracy)}.`;
  }
  async function step(unit: 'epoch' | 'batch'): Promise<void> {
    if (trainer.playing) { pause(); await playing; }
    const frame = await trainer.step(unit, snapReq());
    if (frame.snapshot) show(frame.snapshot);
    announceNow();
  }

  play.addEventListener('click', () => { if (trainer.playing) pause(); else startPlay(); });
  stepEpoch.addEventListener('click', () => void step('epoch'));
  stepBatch.addEventListener('click', () => void step('batch'));
  reset.addEventListener('click', () => void configure().then(announceNow));
  fix.addEventListener('click', () => {
    state.lr = Math.max(table.lr.min, Number((state.lr / 10).toPrecision(6)));
    const box = host.querySelector<HTMLInputElement>('[data-state-key="lr"] input');
    if (box) box.value = String(state.lr);
    onChange('lr');
    play.focus();
  });

  let pending: Promise<void> = Promise.resolve();
  function onChange(key: string): void {
    writeUrlState(table, state, hidden, locked);
    share.refresh();
    if (key === 'data') { showOwn(); ownPanel.refresh(); }
    if (VIEW_KEYS.has(key)) {
      if (key === 'logloss') redrawChart();
      if (key === 'pclass') return;
      if (key === 'wedit') { edges.refresh(); return; }
      if (key === 'speed' && trainer.playing) { pause(); void playing?.then(startPlay); }
      else if (last && !trainer.playing) show(last); // a view option: the same run, drawn again
      return;
    }
    pending = pending.then(configure); // a fresh run with the new settings, in order
  }
  document.addEventListener('visibilitychange', () => { if (document.hidden) pause(); });
  onThemeChange(() => { chart?.rebuild(); if (last) show(last); });
  new ResizeObserver(() => { if (last && !trainer.playing) show(last); }).observe(decision.canvas);

  // Own points by pointer: a click or tap adds a point of the chosen class; shift-click (or the Remove mode) removes the nearest.
  decision.canvas.addEventListener('click', (e) => {
    if (!OWN_SETS.has(state.data) || !access.editable('pts')) return;
    const at = decision.toData(e.offsetX, e.offsetY);
    if (at) ownPanel.click(at.x, at.y, e.shiftKey);
  });

  // Models
  saveModel.addEventListener('click', () => {
    void trainer.exportModel().then((text) => {
      download(new Blob([text], { type: 'application/json' }), `actlab-model-epoch-${last?.status.epoch ?? 0}.json`);
      modelStatus.textContent = `Downloaded the model at epoch ${last?.status.epoch ?? 0} (weights, optimiser state and data order: training continues bit for bit after loading it).`;
    }, (err: unknown) => { modelStatus.textContent = `The model cannot be saved: ${err instanceof Error ? err.message : String(err)}`; });
  });
  loadModel.addEventListener('click', () => modelFile.click());
  modelFile.addEventListener('change', () => {
    const f = modelFile.files?.[0];
    modelFile.value = '';
    if (f === undefined) return;
    void f.text().then((text) => importModel(text, f.name));
  });
  async function importModel(text: string, name: string): Promise<void> {
    if (trainer.playing) { pause(); await playing; }
    let status: TrainerStatus;
    try {
      status = await trainer.importModel(text);
    } catch (err) {
      modelStatus.textContent = `${name} was not loaded, the current model stays: ${err instanceof EngineError ? err.message : String(err)}`;
      return;
    }
    // The file's settings become the page's (as far as the controls reach), so Reset and the link follow them.
    const config = (JSON.parse(text) as { config?: TrainerConfig }).config ?? {};
    const mapped = stateFromConfig(config, state);
    Object.assign(state, mapped.state);
    if (mapped.points) own = mapped.points;
    writeUrlState(table, state, hidden, locked);
    share.refresh();
    const fresh = buildPlaygroundControls({ table, state, hidden, metas, change: (key) => onChange(key) });
    controls.replaceWith(fresh);
    controls = fresh;
    showOwn(); ownPanel.refresh();
    history.epochs.length = 0; history.train.length = 0; history.test.length = 0;
    points = await trainer.points();
    show(await trainer.snapshot(snapReq()), true);
    modelStatus.textContent = `Loaded ${name}: epoch ${status.epoch ?? 0}, ${status.steps ?? 0} steps.` +
      (mapped.notes.length > 0 ? ` ${mapped.notes.join(' ')}` : '');
  }
  host.dataset.modelIo = 'true';

  try {
    trainer = await RemoteTrainer.create(client, trainerConfig(state, own));
  } catch (err) {
    // A link's settings the engine refuses: say so and fall back to the defaults.
    engineError.textContent = `The engine refused this link's settings (${err instanceof Error ? err.message : String(err)}); showing the defaults.`;
    engineError.hidden = false;
    trainer = await RemoteTrainer.create(client, {});
  }
  points = await trainer.points();
  show(await trainer.snapshot(snapReq()), true);
  host.dataset.ready = 'true';
}
