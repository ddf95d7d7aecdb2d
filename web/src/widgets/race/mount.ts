// mount.ts — the activation race widget: 2–8 contestants that differ only in their activation,
// the same data, seed and initial weights, trained side by side by one engine Race in the worker
// (one round = every contestant one epoch, so nobody runs ahead). One shared loss chart and a
// test-accuracy chart (uPlot), a small decision map per contestant (2-D sets), the engine's table
// (accuracy, epochs to the target, final loss, improvement %, spread over seeds, the initial
// weights' fingerprint) and a verdict in words. State in the URL (state/race.ts); the shared
// "Share with a class" frame. Used by the race page and its bare embed page.
import type { EngineClient } from '../../engine/client';
import { EngineError } from '../../engine/errors';
import { RemoteRace } from '../../engine/race-client';
import type { RaceAdvance, RaceReport } from '../../engine/race-types';
import type { Points } from '../../engine/trainer-types';
import type { ActivationMeta } from '../../engine/types';
import { domainOf } from '../../state/playground';
import {
  fitParams, LOSS_SPLITS, MAX_CONTESTANTS, MAX_RACE_LAYERS, MAX_RACE_UNITS, PARAM_DEFAULT, PARAM_LIMIT, paramChoice, paramEntry, paramOf, RACE_DATASETS, RACE_INITS,
  RACE_OPTIMISERS, RACE_PRESETS, RACE_SPEEDS, raceSliceOf, raceSpec, raceTable, type RaceState,
} from '../../state/race';
import { defaults } from '../../state/schema';
import { queryFor, readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { formatNumber as fmt } from '../../ui/format';
import { createLegend } from '../../ui/legend';
import { LinePlot, type LineData } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { createSelect, type Choice } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createTable } from '../../ui/table';
import { onThemeChange } from '../../ui/theme';
import { numberBox } from '../playground/controls';
import { DecisionView } from '../playground/decision-view';
import { contestantNames, describeAccuracyChart, describeLossChart, describeMap, num, pct, verdict } from './describe';
import './race.css';

export interface RaceMountOptions { embed: boolean; notices: HTMLElement }

/** Decision grid points per side of each contestant's small map. */
const GRID_RES = 32;
/** Keys whose change keeps the race (how it is shown and how fast); every other key restarts it. */
const VIEW_KEYS: ReadonlySet<string> = new Set(['speed', 'loss']);

const choicesOf = (r: Readonly<Record<string, string>>): Choice[] => Object.entries(r).map(([value, label]) => ({ value, label }));
const nan = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v);

export async function mountRace(host: HTMLElement, client: EngineClient, o: RaceMountOptions): Promise<void> {
  const metas = (await client.activations()).filter((m) => m.id !== 'softmax');
  const ids = metas.map((m) => m.id);
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = raceTable(ids, nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as RaceState;
  const { hidden, locked } = parsed;
  // Parameters an activation does not have are dropped with a notice (ranges are the engine's to check).
  const dropped = fitParams(state, metas);
  parsed.notices.push(...dropped);
  if (dropped.length > 0) writeUrlState(table, state, hidden, locked); // the link then says what runs
  showNotices(o.notices, parsed.notices);
  const show = (k: string) => !hidden.has(k);

  const widget = el('div', 'widget race');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  const view = el('section', 'panel race-view');
  view.setAttribute('aria-label', 'The race');

  // Toolbar
  const button = (text: string, cls?: string) => { const b = el('button', cls, text); b.type = 'button'; return b; };
  const toolbar = el('div', 'race-toolbar');
  const play = button('Race', 'primary');
  play.setAttribute('aria-pressed', 'false');
  const stepOne = button('Step one epoch');
  const restart = button('Restart');
  restart.title = 'Back to epoch 0: the same data and the same initial weights';
  toolbar.append(play, stepOne, restart);
  if (show('speed')) {
    toolbar.append(keyed(createSelect(table.speed.label, choicesOf(RACE_SPEEDS), state.speed, (v) => { state.speed = v; onChange('speed'); }).root, 'speed'));
  }
  const status = el('p', 'race-status mono', 'Epoch 0');
  // The verdict follows every frame; the live region announces it only when the race pauses,
  // steps or ends (not on every frame).
  const verdictBox = el('p', 'race-verdict');
  const announce = el('p', 'visually-hidden');
  announce.setAttribute('aria-live', 'polite');
  const engineError = el('p', 'error');
  engineError.setAttribute('role', 'alert');
  engineError.hidden = true;
  const tableSlot = el('div');
  const same = el('p', 'hint');

  const lossBox = el('figure', 'race-chart');
  const lossHead = el('div', 'race-chart-head');
  lossHead.append(el('h3', undefined, 'Loss'));
  if (show('loss')) lossHead.append(keyed(createSelect(table.loss.label, choicesOf(LOSS_SPLITS), state.loss, (v) => { state.loss = v; onChange('loss'); }).root, 'loss'));
  const lossLegend = el('div');
  const lossArea = el('div', 'race-chart-area');
  lossBox.append(lossHead, lossLegend, lossArea);
  const accBox = el('figure', 'race-chart');
  const accArea = el('div', 'race-chart-area');
  accBox.append(el('h3', undefined, 'Test accuracy'), accArea, el('figcaption', 'hint', 'Same colours and line patterns as the loss chart; dashed horizontal line: the target.'));
  const charts = el('div', 'race-charts');
  charts.append(lossBox, accBox);
  const mapsHead = el('h3', undefined, 'Decision maps');
  const maps = el('div', 'race-maps');
  const mapsNote = el('p', 'hint');
  view.append(toolbar, status, verdictBox, announce, engineError, tableSlot, same, charts, mapsHead, mapsNote, maps);
  widget.append(side, view);
  host.append(widget);

  // Presets: load the preset's link; off when the link hid or locked something.
  {
    const box = el('div', 'race-presets');
    const pick = createSelect('Preset (replaces every setting)', [{ value: '', label: 'Choose a preset…' },
      ...RACE_PRESETS.map((p) => ({ value: p.id, label: p.label }))], '', (id) => {
      const preset = RACE_PRESETS.find((p) => p.id === id);
      if (preset === undefined) return;
      location.search = queryFor(table, { ...(defaults(table) as RaceState), ...preset.state }, hidden, location.search, locked);
    });
    box.append(pick.root);
    if (hidden.size > 0 || locked.size > 0) {
      pick.select.disabled = true;
      box.append(el('p', 'hint', 'Presets are off: this link fixes some settings.'));
    }
    side.append(box);
  }

  // Contestants: a row each (activation, its first parameter when it has one, remove), and "Add".
  const contestBox = keyed(el('fieldset', 'race-group'), 'act');
  contestBox.append(el('legend', undefined, 'Contestants (2 to 8)'));
  const contestList = el('ol', 'race-contestants');
  const add = button('Add a contestant');
  contestBox.append(contestList, add, el('p', 'hint', 'Every contestant gets the same network, data, seed and initial weights: only the activation differs.'));
  const paramBoxes = (): void => {
    contestList.replaceChildren();
    state.act.forEach((id, i) => {
      const li = el('li', 'race-contestant');
      const sel = createSelect(`Contestant ${i + 1}`, metas.map((m) => ({ value: m.id, label: m.name })), id, (v) => {
        state.act[i] = v;
        if (state.par[i] !== undefined) state.par[i] = PARAM_DEFAULT;
        trimPar();
        paramBoxes();
        onChange('act');
      });
      li.append(sel.root);
      const m = metas.find((x) => x.id === id);
      // A box per parameter of the activation (registry order), each kept in the contestant's `par` entry.
      if (show('par')) m?.params.forEach((pk, k) => {
        const value = paramOf(state, i, k) ?? pk.default;
        const box = numberBox(`${pk.name} (default ${fmt(pk.default, 3)}, ${fmt(pk.min, 3)} to ${fmt(pk.max, 3)})`, value,
          Math.max(-PARAM_LIMIT, pk.min), Math.min(PARAM_LIMIT, pk.max), 0.01, (v) => {
            while (state.par.length <= i) state.par.push(PARAM_DEFAULT);
            const values = m.params.map((_, q) => paramOf(state, i, q));
            values[k] = Number(paramChoice(v));
            state.par[i] = paramEntry(values);
            trimPar();
            onChange('par');
          });
        box.root.classList.add('race-param');
        li.append(keyed(box.root, 'par'));
      });
      const rm = button('Remove');
      rm.setAttribute('aria-label', `Remove contestant ${i + 1} (${nameOf(id)})`);
      rm.disabled = state.act.length <= 2;
      rm.addEventListener('click', () => {
        state.act.splice(i, 1);
        state.par.splice(i, 1);
        trimPar();
        paramBoxes();
        onChange('act');
        (contestList.querySelector('select') as HTMLSelectElement | null)?.focus();
      });
      li.append(rm);
      contestList.append(li);
    });
    add.disabled = state.act.length >= MAX_CONTESTANTS;
  };
  /** The parameter list holds no trailing defaults and no more entries than contestants (short links). */
  const trimPar = (): void => {
    state.par.length = Math.min(state.par.length, state.act.length);
    while (state.par.length > 0 && state.par.at(-1) === PARAM_DEFAULT) state.par.pop();
  };
  add.addEventListener('click', () => {
    const next = ['relu', 'gelu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'swish', 'softplus', ...ids].find((id) => !state.act.includes(id)) ?? ids[0]!;
    state.act.push(next);
    paramBoxes();
    onChange('act');
    const selects = contestList.querySelectorAll('select');
    (selects[selects.length - 1] as HTMLSelectElement | undefined)?.focus();
  });
  paramBoxes();
  if (show('act')) side.append(contestBox);

  // Data, network, training, the race's rules.
  const group = (legend: string) => { const g = el('fieldset', 'race-group'); g.append(el('legend', undefined, legend)); side.append(g); return g; };
  const numberKey = (g: HTMLElement, key: 'noise' | 'lr' | 'batch' | 'epochs' | 'target' | 'seeds' | 'seed', step: number) => {
    if (!show(key)) return undefined;
    const f = table[key];
    return g.appendChild(keyed(numberBox(f.label, state[key], f.min, f.max, step, (v) => { state[key] = v; onChange(key); }).root, key));
  };
  const dataG = group('Data');
  // Noise shapes the 2-D sets only: the digits are images, so the control is not shown for them.
  let noiseBox: HTMLElement | undefined;
  const syncNoise = () => { if (noiseBox) noiseBox.hidden = state.data === 'digits'; };
  if (show('data')) {
    dataG.append(keyed(createSelect(table.data.label, choicesOf(RACE_DATASETS), state.data, (v) => {
      state.data = v;
      syncNoise();
      onChange('data');
    }).root, 'data'));
  }
  noiseBox = numberKey(dataG, 'noise', 0.01);
  syncNoise();
  const netG = group('Network');
  if (show('units')) {
    const box = keyed(el('div', 'control'), 'units');
    const id = uid('units');
    const lab = el('label', 'control-label', table.units.label);
    lab.htmlFor = id;
    const input = el('input');
    Object.assign(input, { id, type: 'text', value: state.units.join(', '), spellcheck: false });
    input.setAttribute('inputmode', 'numeric');
    const hint = el('p', 'hint', `Up to ${MAX_RACE_LAYERS} layers of 1 to ${MAX_RACE_UNITS} units, e.g. “8” or “16, 16”.`);
    hint.id = uid('units-hint');
    input.setAttribute('aria-describedby', hint.id);
    input.addEventListener('change', () => {
      const parts = input.value.split(/[\s,;x×-]+/).filter((s) => s !== '');
      const ok = parts.length >= 1 && parts.length <= MAX_RACE_LAYERS && parts.every((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= MAX_RACE_UNITS);
      if (!ok) {
        hint.textContent = `“${input.value.slice(0, 40)}” is not 1 to ${MAX_RACE_LAYERS} numbers from 1 to ${MAX_RACE_UNITS}; kept ${state.units.join(', ')}.`;
        hint.classList.add('error');
        input.value = state.units.join(', ');
        return;
      }
      hint.classList.remove('error');
      hint.textContent = `Up to ${MAX_RACE_LAYERS} layers of 1 to ${MAX_RACE_UNITS} units, e.g. “8” or “16, 16”.`;
      state.units = parts.map((s) => String(Number(s)));
      input.value = state.units.join(', ');
      onChange('units');
    });
    box.append(lab, input, hint);
    netG.append(box);
  }
  if (show('init')) netG.append(keyed(createSelect(table.init.label, choicesOf(RACE_INITS), state.init, (v) => { state.init = v; onChange('init'); }).root, 'init'));
  const trainG = group('Training');
  if (show('opt')) trainG.append(keyed(createSelect(table.opt.label, choicesOf(RACE_OPTIMISERS), state.opt, (v) => { state.opt = v; onChange('opt'); }).root, 'opt'));
  numberKey(trainG, 'lr', 0.0001);
  numberKey(trainG, 'batch', 1);
  const rulesG = group('The race');
  numberKey(rulesG, 'epochs', 1);
  numberKey(rulesG, 'target', 0.01);
  numberKey(rulesG, 'seeds', 1);
  numberKey(rulesG, 'seed', 1);
  for (const g of [dataG, netG, trainG, rulesG]) if (g.children.length <= 1) g.hidden = true;

  const share = mountShare({ widget: 'race', title: 'Activation race (Activation Lab)', height: 1500, table,
    parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });

  // The race
  let race: RemoteRace;
  let report: RaceReport | undefined;
  let points: Points = { train: new Float32Array(0), test: new Float32Array(0) };
  let names = contestantNames(state, metas);
  let history: { trainLoss: number[]; testLoss: number[]; testAccuracy: number[] }[] = [];
  let lossChart: LinePlot | undefined, accChart: LinePlot | undefined;
  let views: DecisionView[] = [];
  let captions: HTMLElement[] = [];
  const gridReq = () => { const d = domainOf(state.data); return { res: GRID_RES, x0: -d, x1: d, y0: -d, y1: d }; };
  const twoD = () => state.data !== 'digits';
  const frameReq = () => ({ from: report?.epoch === undefined ? 0 : report.epoch + 1, ...(twoD() ? { grid: gridReq() } : {}) });

  function buildMaps(): void {
    views = []; captions = [];
    maps.replaceChildren();
    mapsHead.hidden = !twoD();
    mapsNote.hidden = twoD();
    maps.hidden = !twoD();
    if (!twoD()) return;
    names.forEach((n) => {
      const fig = el('figure', 'race-map');
      const v = new DecisionView(`Decision map of ${n}`);
      const cap = el('figcaption');
      cap.textContent = n;
      fig.append(v.canvas, cap);
      maps.append(fig);
      views.push(v); captions.push(cap);
    });
  }
  mapsNote.textContent = 'The digits have 64 inputs (an 8×8 image), so there is no plane to colour: no decision maps, only loss and accuracy.';

  function absorb(r: RaceReport): void {
    r.contestants.forEach((c, i) => {
      const h = (history[i] ??= { trainLoss: [], testLoss: [], testAccuracy: [] });
      const at = r.from;
      c.history.trainLoss.forEach((v, k) => { h.trainLoss[at + k] = nan(v); });
      c.history.testLoss.forEach((v, k) => { h.testLoss[at + k] = nan(v); });
      c.history.testAccuracy.forEach((v, k) => { h.testAccuracy[at + k] = nan(v); });
    });
  }

  function drawCharts(r: RaceReport): void {
    // The x axis is the whole race, 0 to its last epoch (the finish line); epochs not yet run are gaps.
    const n = r.epochs + 1;
    const x = Float32Array.from({ length: n }, (_, i) => i);
    const col = (vals: number[]) => Float32Array.from({ length: n }, (_, i) => vals[i] ?? NaN);
    const split = state.loss === 'train' ? 'train' : 'test';
    const lossData: LineData = { x, xWhole: true, series: history.map((h, i) => ({ label: names[i]!, values: col(split === 'train' ? h.trainLoss : h.testLoss) })),
      label: describeLossChart(r, names, split, history.map((h) => (split === 'train' ? h.trainLoss[0] : h.testLoss[0]) ?? null)) };
    const accData: LineData = { x, xWhole: true, hline: r.target, series: history.map((h, i) => ({ label: names[i]!, values: col(h.testAccuracy) })),
      label: describeAccuracyChart(r, names) };
    if (lossChart === undefined) { lossChart = new LinePlot(lossArea, lossData); accChart = new LinePlot(accArea, accData); }
    else { lossChart.update(lossData); accChart!.update(accData); }
  }

  function drawTable(r: RaceReport): void {
    const rows = r.ranking.map((i, place) => ({ i, place, c: r.contestants[i]! }));
    const seeds = r.seeds > 1;
    const t = `${Number((100 * r.target).toFixed(1))} %`;
    tableSlot.replaceChildren(createTable(`Standings after ${r.epoch} of ${r.epochs} epochs (${RACE_DATASETS[state.data] ?? state.data}; first: who reached ${t} soonest, then test accuracy${seeds ? `, both as means over the ${r.seeds} seeds` : ''})`, [
      { header: 'Place', cell: (w) => String(w.place + 1), numeric: true },
      { header: 'Contestant', cell: (w) => names[w.i]!, rowHeader: true },
      { header: seeds ? 'Test accuracy (first seed)' : 'Test accuracy', cell: (w) => pct(w.c.testAccuracy), numeric: true },
      { header: seeds ? `Epochs to ${t} (first seed)` : `Epochs to ${t}`, cell: (w) => (w.c.diverged ? 'broke' : w.c.epochsToTarget === null ? (r.finished ? 'never' : 'not yet') : String(w.c.epochsToTarget)), numeric: true },
      { header: 'Train loss', cell: (w) => num(w.c.trainLoss), numeric: true },
      { header: 'Test loss', cell: (w) => num(w.c.testLoss), numeric: true },
      { header: 'Improvement', cell: (w) => (w.c.improvement === null ? '—' : `${w.c.improvement.toFixed(1)} %`), numeric: true },
      ...(seeds ? [{ header: `Test accuracy over ${r.seeds} seeds: min – mean – max`, cell: (w: typeof rows[number]) =>
        `${pct(w.c.spread.min)} – ${pct(w.c.spread.mean)} – ${pct(w.c.spread.max)}`, numeric: true },
      { header: `Seeds reaching ${t}`, cell: (w: typeof rows[number]) => `${w.c.spread.reached} of ${r.seeds}`, numeric: true }] : []),
      { header: 'Initial weights', cell: (w) => w.c.initialHash.slice(0, 8), numeric: true },
    ], rows));
    same.textContent = r.sameInitialWeights
      ? `All ${r.contestants.length} contestants started from the same initial weights (fingerprint ${r.contestants[0]?.initialHash.slice(0, 8) ?? ''}, the engine's FNV-1a hash of every W and b). ` +
        'Improvement = how much the training loss fell from before training to now.' + (r.contestants.some((c) => c.divergence) ? ` ${r.contestants.filter((c) => c.divergence).map((c) => c.divergence).join(' ')}` : '')
      : 'The contestants did not start from the same weights.';
  }

  function showFrame(f: RaceAdvance): void {
    const r = f.report;
    report = r;
    if (f.points) points = f.points;
    absorb(r);
    status.textContent = `Epoch ${r.epoch} of ${r.epochs}${r.seeds > 1 ? ` · ${r.seeds} seeds` : ''}`;
    drawCharts(r);
    drawTable(r);
    if (f.grids) {
      f.grids.forEach((g, i) => {
        const c = r.contestants[i]!;
        const v = views[i];
        if (v === undefined) return;
        v.draw({ grid: g, kind: g.outputs > 1 ? 'softmax' : 'prob', discrete: false, domain: domainOf(state.data), train: points.train, test: undefined });
        const words = describeMap(r, c, names[i]!);
        v.setLabel(words);
        captions[i]!.textContent = `${names[i]}: ${pct(c.testAccuracy)}`;
      });
    }
    // The engine's numbers for tests and developers (JSON round-trips doubles exactly).
    host.dataset.epoch = String(r.epoch);
    host.dataset.finished = String(r.finished);
    host.dataset.report = JSON.stringify({ ranking: r.ranking, sameInitialWeights: r.sameInitialWeights,
      contestants: r.contestants.map((c) => ({ activation: c.activation, initialHash: c.initialHash, testAccuracy: c.testAccuracy,
        trainLoss: c.trainLoss, testLoss: c.testLoss, improvement: c.improvement, epochsToTarget: c.epochsToTarget, spread: c.spread })) });
    const finished = r.finished;
    play.disabled = finished; stepOne.disabled = finished;
    verdictBox.textContent = verdict(r, names);
    if (!race?.playing || finished) announce.textContent = verdictBox.textContent;
  }

  function setPlaying(on: boolean): void {
    play.textContent = on ? 'Pause' : 'Race';
    play.setAttribute('aria-pressed', String(on));
    host.dataset.playing = String(on);
  }
  let playing: Promise<void> | undefined;
  function startPlay(): void {
    if (race.playing || report?.finished) return;
    setPlaying(true);
    playing = race.play({ slice: raceSliceOf(state.speed), frame: frameReq, onFrame: showFrame })
      .catch((err: unknown) => { engineError.textContent = `The race stopped: ${err instanceof Error ? err.message : String(err)}`; engineError.hidden = false; })
      .finally(() => { setPlaying(false); playing = undefined; if (report) announce.textContent = verdict(report, names); });
  }
  function pause(): void { race?.pause(); }
  async function stepOnce(): Promise<void> {
    if (race.playing) { pause(); await playing; }
    showFrame(await race.advance({ rounds: 1 }, frameReq()));
  }

  let digits: Uint8Array | undefined;
  async function digitsBytes(): Promise<Uint8Array | undefined> {
    if (state.data !== 'digits') return undefined;
    if (digits === undefined) {
      const url = new URL(o.embed ? '../data/digits8x8.bin' : 'data/digits8x8.bin', location.href);
      const res = await fetch(url);
      if (!res.ok) throw new EngineError(`The digits could not be loaded (${url.pathname}: HTTP ${res.status})`);
      digits = new Uint8Array(await res.arrayBuffer());
    }
    return digits;
  }

  async function configure(): Promise<void> {
    pause();
    await playing;
    let f: RaceAdvance;
    try {
      f = await race.configure(raceSpec(state), await digitsBytes());
      engineError.hidden = true;
    } catch (err) {
      engineError.textContent = `The engine refused these settings, so the previous race stays: ${err instanceof Error ? err.message : String(err)}`;
      engineError.hidden = false;
      return;
    }
    start(await race.advance({ rounds: 0 }, { from: 0, points: true, ...(twoD() ? { grid: gridReq() } : {}) }));
    void f;
  }
  function start(f: RaceAdvance): void {
    names = contestantNames(state, metas);
    history = [];
    report = undefined;
    lossLegend.replaceChildren(createLegend(names));
    buildMaps();
    showFrame(f);
  }

  play.addEventListener('click', () => { if (race.playing) pause(); else startPlay(); });
  stepOne.addEventListener('click', () => void stepOnce());
  restart.addEventListener('click', () => void (pending = pending.then(configure)));

  let pending: Promise<void> = Promise.resolve();
  function onChange(key: string): void {
    writeUrlState(table, state, hidden, locked);
    share.refresh();
    if (VIEW_KEYS.has(key)) {
      if (key === 'speed' && race.playing) { pause(); void playing?.then(startPlay); }
      else if (key === 'loss' && report) drawCharts(report);
      return;
    }
    pending = pending.then(configure);
  }
  document.addEventListener('visibilitychange', () => { if (document.hidden) pause(); });
  onThemeChange(() => { lossChart?.rebuild(); accChart?.rebuild(); lossLegend.replaceChildren(createLegend(names)); });

  try {
    race = await RemoteRace.create(client, raceSpec(state), await digitsBytes());
  } catch (err) {
    // A parameter outside its activation's range is the one thing the table cannot bound: retry
    // with every contestant's default parameter, and only then fall back to the defaults.
    const why = err instanceof Error ? err.message : String(err);
    try {
      if (state.par.length === 0) throw err;
      state.par = [];
      race = await RemoteRace.create(client, raceSpec(state), await digitsBytes());
      engineError.textContent = `The engine refused this link's parameters (${why}); every contestant uses its default parameter.`;
      paramBoxes();
      writeUrlState(table, state, hidden, locked);
    } catch {
      engineError.textContent = `The engine refused this link's settings (${why}); showing the defaults.`;
      Object.assign(state, defaults(table));
      race = await RemoteRace.create(client, raceSpec(state));
    }
    engineError.hidden = false;
  }
  start(await race.advance({ rounds: 0 }, { from: 0, points: true, ...(twoD() ? { grid: gridReq() } : {}) }));
  host.dataset.ready = 'true';
}
