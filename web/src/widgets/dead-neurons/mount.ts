// mount.ts — the dying-ReLU lab: the engine's census of one random layer (probe "census") with a bar
// per unit and the course's dead / weak / healthy counts, the same layer for ReLU, Leaky ReLU, ELU,
// GELU and Swish side by side, dying by training (probe "dying": the dead share per epoch of an SGD
// run at a too-high rate, beside Leaky ReLU and a lower rate), and the gradient scan of every
// activation as a sortable table (probe "scan"). State in the URL (state/dead-neurons.ts); the shared
// share frame. Each part asks the engine again only when its own settings changed.
import type { EngineClient } from '../../engine/client';
import type { CensusResult, DyingResult, ScanResult } from '../../engine/probes';
import type { ActivationMeta } from '../../engine/types';
import {
  censusSpec, COMPARED, DEAD_PRESETS, deadTable, dyingSpecs, RUNS, scanRow, scanSpec, SORT_KEYS, sortScanRows,
  type DeadState, type ScanRow, type SortKey,
} from '../../state/dead-neurons';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { addPresetButtons, createEngineError, createSeedBox, mountLabFrame } from '../../ui/lab-frame';
import { latestOnly } from '../../ui/latest-only';
import { createLegend } from '../../ui/legend';
import { LinePlot, type LineData } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { createCheckbox, createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createSlider, type Slider } from '../../ui/slider';
import { createTable } from '../../ui/table';
import { onThemeChange } from '../../ui/theme';
import { ALIVE_RULE, censusSentence, detectorLines, dyingLabel, pct } from './describe';
import './dead-neurons.css';

export interface DeadMountOptions { embed: boolean; notices: HTMLElement }

const SORT_NAMES: Readonly<Record<SortKey, string>> = { dead: 'Dead zone', name: 'Activation', minDf: 'Smallest |f′|', maxDf: 'Largest |f′|' };
const RUN_LABELS: Readonly<Record<string, (s: DeadState) => string>> = {
  'relu-high': (s) => `ReLU, rate ${f(s.lr)}`,
  'leaky-high': (s) => `Leaky ReLU, rate ${f(s.lr)}`,
  'relu-low': (s) => `ReLU, rate ${f(s.lowLr)}`,
};

export async function mountDeadNeurons(host: HTMLElement, client: EngineClient, o: DeadMountOptions): Promise<void> {
  const metas: ActivationMeta[] = (await client.activations()).filter((m) => m.id !== 'softmax');
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = deadTable(nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as DeadState;
  const { hidden, locked } = parsed;
  scanSpec(state, 'relu', parsed.notices);
  showNotices(o.notices, parsed.notices);

  const view = el('div', 'views');
  const { side } = mountLabFrame(host, 'dead-neurons captions-fit', view);

  // Controls, grouped by the part they drive, each tagged with its key.
  const sliders: Partial<Record<keyof DeadState, Slider>> = {};
  type NumKey = 'inputs' | 'units' | 'samples' | 'bias' | 'lr' | 'lowLr' | 'epochs' | 'lo' | 'hi' | 'points' | 'th';
  const slider = (key: NumKey, step: number, hint?: string, max?: number) => {
    const field = table[key];
    const s = createSlider({ label: field.label, min: field.min, max: max ?? field.max, step, value: state[key], hint,
      onInput: (v) => { state[key] = v; schedule(); } });
    sliders[key] = s;
    return keyed(s.root, key);
  };
  const group = (legend: string) => {
    const g = el('fieldset', 'group');
    g.append(el('legend', undefined, legend));
    side.append(g);
    return g;
  };
  const presetBox = group('Presets');
  const presetRow = el('div', 'presets');
  presetBox.append(presetRow);

  const layerBox = group('The layer (census)');
  const act = createSelect(table.act.label, COMPARED.map((id) => ({ value: id, label: nameOf(id) })), state.act, (v) => { state.act = v; schedule(); });
  layerBox.append(keyed(act.root, 'act'));
  layerBox.append(slider('bias', 0.1, 'Each bias is drawn from N(bias mean, 1): a negative mean pushes units towards dead.'),
    slider('inputs', 1), slider('units', 1), slider('samples', 10));
  const seedBox = createSeedBox('seed', 'dead-seed', table.seed, state.seed,
    'Same seed, same weights, inputs and training run: the numbers repeat exactly.', (v) => { state.seed = v; schedule(); });
  layerBox.append(seedBox.root);

  const trainBox = group('Dying by training');
  trainBox.append(slider('lr', 0.01, undefined, 3), slider('lowLr', 0.01, undefined, 3), slider('epochs', 1));

  const scanBox = group('Gradient scan');
  scanBox.append(slider('lo', 0.5), slider('hi', 0.5), slider('points', 1, undefined, 1000),
    slider('th', 0.001, 'A point is in the dead zone when |f′| is below this, strictly (the course: 0.01).'));

  const share = mountShare({ widget: 'dead-neurons', title: 'Dying ReLUs (Activation Lab)', height: 2800,
    table, parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });

  addPresetButtons(presetRow, DEAD_PRESETS, (k) => share.access.editable(k), state, () => { refreshControls(); schedule(); });
  if (Object.keys(DEAD_PRESETS[0]!.values).every((k) => !share.access.editable(k))) presetBox.hidden = true;

  function refreshControls(): void {
    for (const [k, s] of Object.entries(sliders)) s.set(state[k as keyof DeadState] as number);
    act.select.value = state.act;
    seedBox.set(state.seed);
    sortSel.select.value = state.sort;
    asc.input.checked = state.asc;
  }

  const section = (title: string, id: string) => {
    const s = el('section', 'panel part');
    const h = el('h2', undefined, title);
    h.id = id;
    s.setAttribute('aria-labelledby', id);
    s.append(h);
    view.append(s);
    return s;
  };
  const engineError = createEngineError();
  view.append(engineError);

  // 1. The census.
  const census = section('Census of one layer', 'dead-census');
  census.append(el('p', 'hint', 'Rule: a unit is alive on an input when its slope f′(z) is not exactly 0 there — then a gradient ' +
    'reaches its weights. Dead: alive on none of the random inputs. Weak: alive on fewer than 5%. Healthy: the rest. ' +
    'For ReLU, alive is the same as firing (output above 0).'));
  const censusWords = el('p', 'census-words');
  censusWords.setAttribute('aria-live', 'polite');
  const detector = el('pre', 'detector');
  detector.setAttribute('aria-label', 'The dead-neuron detector’s printout');
  const barsSlot = el('div');
  census.append(censusWords, detector, barsSlot);

  // 2. Side by side.
  const compare = section('The same layer, five activations', 'dead-compare');
  compare.append(el('p', 'hint', 'The same weights, biases and inputs as the census, each unit judged by the same rule: f′(z) exactly 0 on every input is dead.'));
  const compareSlot = el('div');
  const rules = el('ul', 'rules');
  for (const id of COMPARED) {
    const li = el('li');
    li.append(el('strong', undefined, `${nameOf(id)}: `), ALIVE_RULE[id] ?? '');
    rules.append(li);
  }
  compare.append(compareSlot, el('h3', undefined, 'When is f′ exactly 0? What “never fully dead” means'), rules,
    el('p', 'hint', 'Of the five, only ReLU has f′ = 0 on a whole half-line, so only its units die outright. The others can still be ' +
      'nearly flat: with a strongly negative bias their slope is tiny on almost every input, which the last column counts — alive, but learning slowly.'));

  // 3. Dying by training.
  const training = section('Dying by training', 'dead-training');
  training.append(el('p', 'hint', 'Two hidden layers of 32 units learn the circle (400 points with noise 0.1, half for training) with plain SGD, ' +
    'batches of 16, He initialisation. After every epoch the engine runs the whole training set through the network and counts ' +
    'the hidden units whose f′(z) is 0 on every training point. A second-layer unit can come back when the first layer changes, ' +
    'so the count can fall as well as rise. The course quotes 10–40% dead units in practice; these are ours.'));
  const trainWords = el('p', 'train-words');
  trainWords.setAttribute('aria-live', 'polite');
  const trainLegend = el('div');
  const trainBoxPlot = el('div', 'plot-box');
  const trainSlot = el('div');
  training.append(trainWords, trainLegend, trainBoxPlot, trainSlot);

  // 4. The gradient scan.
  const scan = section('Gradient scan: where gradients die', 'dead-scan');
  const scanWords = el('p', 'hint');
  const sortRow = el('div', 'sort-row');
  const sortSel = createSelect(table.sort.label, SORT_KEYS.map((k) => ({ value: k, label: SORT_NAMES[k] })), state.sort,
    (v) => { state.sort = v; schedule(); });
  const asc = createCheckbox(table.asc.label, state.asc, (v) => { state.asc = v; schedule(); });
  sortRow.append(keyed(sortSel.root, 'sort'), keyed(asc.root, 'asc'));
  const scanSlot = el('div');
  scan.append(scanWords, sortRow, scanSlot);

  let trainPlot: LinePlot | undefined;
  const last: Record<string, string> = {};
  const changed = (part: string, spec: unknown) => {
    const key = JSON.stringify(spec);
    if (last[part] === key) return false;
    last[part] = key;
    return true;
  };
  let scanRows: ScanRow[] = [];
  const ask = latestOnly(async () => {
    const s = structuredClone(state);
    const cSpecs = COMPARED.map((id) => censusSpec(s, id));
    if (changed('census', [s.act, cSpecs])) {
      const results = await Promise.all(cSpecs.map((c) => client.probe('census', c)));
      drawCensus(s, results);
    }
    const dSpecs = dyingSpecs(s);
    if (changed('dying', dSpecs)) {
      const results = await Promise.all(dSpecs.map(({ id: _id, ...spec }) => client.probe('dying', spec)));
      drawTraining(s, results);
    }
    const sSpecs = metas.map((m) => scanSpec(s, m.id));
    if (changed('scan', sSpecs)) {
      const results = await Promise.all(sSpecs.map((spec) => client.probe('scan', spec)));
      scanRows = results.map((r: ScanResult, i) => scanRow(metas[i]!.id, metas[i]!.name, r));
      last.sorted = '';
    }
    if (changed('sorted', [s.sort, s.asc, last.scan])) drawScan(s);
    engineError.hidden = true;
    host.dataset.ready = 'true';
  }, (err) => {
    for (const k of Object.keys(last)) delete last[k];
    engineError.textContent = `The engine refused these settings: ${err instanceof Error ? err.message : String(err)}`;
    engineError.hidden = false;
  });
  async function schedule(): Promise<void> {
    writeUrlState(table, state, hidden, locked);
    await ask();
  }

  function drawCensus(s: DeadState, results: CensusResult[]): void {
    const i = COMPARED.indexOf(s.act as (typeof COMPARED)[number]);
    const r = results[i]!;
    const name = nameOf(s.act);
    censusWords.textContent = censusSentence(name, r, s.bias);
    detector.textContent = detectorLines(name, r).join('\n');
    const rows = r.units.map((u, j) => ({ j, u }));
    barsSlot.replaceChildren(createTable(`${name}: each unit’s share of the ${s.samples} inputs on which it is alive (f′ ≠ 0)`, [
      { header: 'Unit', cell: (x) => String(x.j + 1), rowHeader: true },
      { header: 'Alive on', cell: (x) => bar(x.u.active, pct(x.u.active)) },
      { header: 'Fires (f > 0)', cell: (x) => pct(x.u.firing), numeric: true },
      { header: 'State', cell: (x) => x.u.state },
    ], rows));
    barsSlot.querySelector('table')?.classList.add('units');
    compareSlot.replaceChildren(createTable(`${s.inputs} inputs → ${s.units} units, ${s.samples} inputs, bias mean ${f(s.bias)}, seed ${s.seed}`, [
      { header: 'Activation', cell: (k: number) => nameOf(COMPARED[k]!), rowHeader: true },
      { header: 'Dead', cell: (k: number) => String(results[k]!.dead), numeric: true },
      { header: 'Weak (< 5%)', cell: (k: number) => String(results[k]!.weak), numeric: true },
      { header: 'Healthy', cell: (k: number) => String(results[k]!.healthy), numeric: true },
      { header: 'Nearly flat (|f′| < 0.01 on ≥ 95%)', cell: (k: number) => String(results[k]!.saturated), numeric: true },
    ], COMPARED.map((_, k) => k)));
    compareSlot.querySelector('table')?.classList.add('compare');
  }

  function drawTraining(s: DeadState, results: DyingResult[]): void {
    const runs = results.map((r, k) => ({ label: RUN_LABELS[RUNS[k]!.id]!(s), r }));
    const x = Float32Array.from({ length: s.epochs + 1 }, (_, e) => e);
    const data: LineData = { x, label: dyingLabel(runs, s.lr, s.lowLr),
      series: runs.map(({ label, r }) => ({ label, values: Float32Array.from(x, (_, e) => (e < r.deadShare.length ? r.deadShare[e]! * 100 : NaN)) })) };
    if (trainPlot === undefined) trainPlot = new LinePlot(trainBoxPlot, data); else trainPlot.update(data);
    trainLegend.replaceChildren(createLegend(runs.map((r) => r.label)));
    const high = runs[0]!.r;
    const end = high.deadShare.length - 1;
    trainWords.textContent = `Ours: ReLU at rate ${f(s.lr)} ends epoch ${end} with ${high.dead[end]} of ${high.hiddenUnits} hidden units dead ` +
      `(${pct(high.deadShare[end])}; ${high.dead[0]} at the start). Leaky ReLU at the same rate: ${runs[1]!.r.dead.at(-1)} dead; ` +
      `ReLU at rate ${f(s.lowLr)}: ${runs[2]!.r.dead.at(-1)}. Chart: dead units in % per epoch.`;
    trainSlot.replaceChildren(createTable('Dead hidden units per run (of each network’s hidden units)', [
      { header: 'Run', cell: (x) => x.label, rowHeader: true },
      { header: 'Epoch 0', cell: (x) => String(x.r.dead[0]), numeric: true },
      { header: 'Last epoch', cell: (x) => `${x.r.dead.at(-1)} (${pct(x.r.deadShare.at(-1))})`, numeric: true },
      { header: 'Most (epoch)', cell: (x) => `${x.r.peakDead} (${x.r.peakEpoch})`, numeric: true },
      { header: 'Test accuracy', cell: (x) => pct(x.r.accuracy.at(-1)), numeric: true },
      { header: 'Diverged', cell: (x) => (x.r.divergedAt > 0 ? `epoch ${x.r.divergedAt}` : 'no') },
    ], runs));
  }

  function drawScan(s: DeadState): void {
    const rows = sortScanRows(scanRows, s.sort as SortKey, s.asc);
    const spec = scanSpec(s, 'relu');
    scanWords.textContent = `The engine computes f′ at ${s.points} evenly spaced points from ${f(spec.lo)} to ${f(spec.hi)} and counts ` +
      `the points with |f′| < ${f(s.th)} — the dead zone, where almost no gradient flows. The course: 100 points on [−5, 5], 0.01.`;
    const header = (key: SortKey, label: string) => {
      const b = el('button', 'sort-button', label);
      b.type = 'button';
      b.disabled = !share.access.editable('sort');
      b.addEventListener('click', () => {
        if (state.sort === key) { if (share.access.editable('asc')) state.asc = !state.asc; } else state.sort = key;
        refreshControls();
        schedule();
      });
      return b;
    };
    const t = createTable(`Dead zone of f′ on [${f(spec.lo)}, ${f(spec.hi)}], ${s.points} points, |f′| < ${f(s.th)}, sorted by ${SORT_NAMES[s.sort as SortKey].toLowerCase()} (${s.asc ? 'ascending' : 'descending'})`, [
      { header: SORT_NAMES.name, cell: (r: ScanRow) => r.name, rowHeader: true },
      { header: SORT_NAMES.dead, cell: (r: ScanRow) => pct(r.deadShare), numeric: true },
      { header: SORT_NAMES.minDf, cell: (r: ScanRow) => (r.minAbsDf === null ? 'not finite' : f(r.minAbsDf)), numeric: true },
      { header: SORT_NAMES.maxDf, cell: (r: ScanRow) => (r.maxAbsDf === null ? 'not finite' : f(r.maxAbsDf)), numeric: true },
    ], rows);
    const keys: SortKey[] = ['name', 'dead', 'minDf', 'maxDf'];
    t.querySelectorAll('thead th').forEach((th, k) => {
      const key = keys[k]!;
      const text = th.textContent ?? '';
      th.replaceChildren(header(key, text));
      if (key === s.sort) th.setAttribute('aria-sort', s.asc ? 'ascending' : 'descending');
    });
    t.querySelector('table')?.classList.add('scan');
    scanSlot.replaceChildren(t);
  }

  onThemeChange(() => trainPlot?.rebuild());
  await schedule();
}

/** A bar of `share` (0–1) with its text; the text is what screen readers read. */
function bar(share: number, text: string): HTMLElement {
  const cell = el('span', 'bar-cell');
  const track = el('span', 'track');
  track.setAttribute('aria-hidden', 'true');
  const b = el('span', 'bar');
  b.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  track.append(b);
  cell.append(track, el('span', 'bar-text', text));
  return cell;
}
