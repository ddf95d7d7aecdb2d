// mount.ts — the vanishing/exploding gradients lab: the engine's depth sweep (probe "depth") for up
// to four activations at once, forward signal and backward gradient per layer on log axes, where
// each first drops below an adjustable "effectively zero", and the course's arithmetic (0.25^N,
// probe "chain") beside the measured factor per layer. Presets: the course's experiment, exploding
// ReLU, the fixes. State in the URL (its table in state/gradients.ts); the shared share frame.
import type { EngineClient } from '../../engine/client';
import type { ActivationMeta } from '../../engine/types';
import { depthSpecs, gradientPresets, gradientsTable, INIT_NAMES, thresholdOf, type GradientsState } from '../../state/gradients';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { addPresetButtons, createEngineError, createSeedBox, mountLabFrame } from '../../ui/lab-frame';
import { latestOnly } from '../../ui/latest-only';
import { createLegend } from '../../ui/legend';
import { LinePlot, type LineData } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { createCheckGroup, createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createSlider, type Slider } from '../../ui/slider';
import { createTable } from '../../ui/table';
import { onThemeChange } from '../../ui/theme';
import { crossing, gradLabel, signalLabel, type Sweep } from './describe';
import './gradients.css';

export interface GradientsMountOptions { embed: boolean; notices: HTMLElement }

/** Activations a depth sweep can run: the registry's elementwise ones. */
const sweepable = (metas: readonly ActivationMeta[]) => metas.filter((m) => m.id !== 'softmax');

const toF32 = (v: readonly (number | null)[]): Float32Array => Float32Array.from(v, (x) => (x === null ? NaN : x));

export async function mountGradients(host: HTMLElement, client: EngineClient, o: GradientsMountOptions): Promise<void> {
  const metas = sweepable(await client.activations());
  const ids = metas.map((m) => m.id);
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = gradientsTable(ids, nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as GradientsState;
  const { hidden, locked } = parsed;
  showNotices(o.notices, parsed.notices);

  const view = el('section', 'panel plots');
  view.setAttribute('aria-label', 'Signal and gradient per layer');
  const { side } = mountLabFrame(host, 'gradients captions-fit', view);

  // Controls, each tagged with its key (the frame hides and locks them).
  const sliders: Partial<Record<keyof GradientsState, Slider>> = {};
  const slider = (key: 'layers' | 'width' | 'samples' | 'th', step: number, hint?: string) => {
    const field = table[key];
    const s = createSlider({ label: field.label, min: field.min, max: field.max, step, value: state[key], hint,
      onInput: (v) => { state[key] = v; schedule(); } });
    sliders[key] = s;
    return keyed(s.root, key);
  };
  const presetBox = el('fieldset', 'presets-box');
  presetBox.append(el('legend', undefined, 'Presets'));
  const presetRow = el('div', 'presets');
  presetBox.append(presetRow);
  const presets = gradientPresets(ids);
  side.append(presetBox);
  const actGroup = createCheckGroup(table.act.label, metas.map((m) => ({ value: m.id, label: m.name })), state.act, (values) => {
    if (values.length === 0) { actGroup.set(state.act); return; }
    const ordered = [...state.act.filter((v) => values.includes(v)), ...values.filter((v) => !state.act.includes(v))];
    state.act = ordered.slice(0, table.act.maxItems);
    if (values.length > table.act.maxItems) actGroup.set(state.act);
    schedule();
  }, `Up to ${table.act.maxItems} at once.`);
  const actFold = keyed(el('details', 'act-fold'), 'act');
  const actSummary = el('summary');
  const count = () => { actSummary.textContent = `Activations: ${state.act.map(nameOf).join(', ')}`; };
  count();
  actGroup.root.addEventListener('change', count);
  actFold.append(actSummary, actGroup.root);
  actFold.open = matchMedia('(min-width: 56rem)').matches;
  side.append(actFold);
  side.append(slider('layers', 1), slider('width', 1));
  const init = createSelect(table.init.label, Object.entries(INIT_NAMES).map(([value, label]) => ({ value, label })), state.init,
    (v) => { state.init = v; schedule(); });
  side.append(keyed(init.root, 'init'));
  side.append(slider('samples', 1), slider('th', 0.5, 'Threshold = 10^k; the course calls a magnitude below 10^−3 effectively zero.'));
  const seedBox = createSeedBox('seed', 'gradients-seed', table.seed, state.seed,
    'Same seed, same weights and inputs: the numbers repeat exactly.', (v) => { state.seed = v; schedule(); });
  side.append(seedBox.root);

  const share = mountShare({ widget: 'gradients', title: 'Vanishing and exploding gradients (Activation Lab)', height: 1300,
    table, parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });

  addPresetButtons(presetRow, presets, (k) => share.access.editable(k), state, () => { refreshControls(); schedule(); });
  if (presets.length === 0 || Object.keys(table).every((k) => !share.access.editable(k))) presetBox.hidden = true;

  function refreshControls(): void {
    for (const [k, s] of Object.entries(sliders)) s.set(state[k as keyof GradientsState] as number);
    actGroup.set(state.act);
    count();
    init.select.value = state.init;
    seedBox.set(state.seed);
  }

  // The view: results sentence and table, then the two charts.
  const arith = el('p', 'arith');
  arith.setAttribute('aria-live', 'polite');
  const resultSlot = el('div');
  const engineError = createEngineError();
  const gradHead = el('h2', undefined, 'Backward: gradient magnitude per layer');
  const gradLegend = el('div');
  const gradBox = el('div', 'plot-box');
  const sigHead = el('h2', undefined, 'Forward: signal per layer');
  const sigLegend = el('div');
  const sigBox = el('div', 'plot-box');
  const note = el('p', 'hint', 'Dashed horizontal line: the threshold. Layer 1 is next to the input, layer N next to the output; ' +
    'a gradient starts at the output and shrinks (or grows) as it flows back to layer 1. Log scale: each grid line is a factor of 10; ' +
    'a line that stops has reached exactly 0 in float32, which has no place on a log axis.');
  view.append(arith, engineError, resultSlot, gradHead, gradLegend, gradBox, sigHead, sigLegend, sigBox, note);

  let gradPlot: LinePlot | undefined, sigPlot: LinePlot | undefined;
  const ask = latestOnly(async (stale) => {
    const snap = structuredClone(state);
    const specs = depthSpecs(snap);
    const results = await Promise.all(specs.map((s) => client.probe('depth', s)));
    const chain = await client.probe('chain', { factor: 0.25, layers: snap.layers, series: results.map((r) => r.grad) });
    const [ten, three] = await Promise.all([client.probe('chain', { factor: 0.25, layers: 10 }), client.probe('chain', { factor: 0.2, layers: 3 })]);
    if (stale()) return;
    const sweeps: Sweep[] = results.map((result, i) => ({ id: specs[i]!.activation, name: nameOf(specs[i]!.activation), result,
      factor: chain.factors[i] ?? null }));
    draw(snap, sweeps, chain.product, ten.product[9] ?? null, three.product[2] ?? null);
    engineError.hidden = true;
    host.dataset.ready = 'true';
  }, (err) => {
    engineError.textContent = `The engine refused these settings: ${err instanceof Error ? err.message : String(err)}`;
    engineError.hidden = false;
  });
  async function schedule(): Promise<void> {
    writeUrlState(table, state, hidden, locked);
    await ask();
  }

  function draw(s: GradientsState, sweeps: Sweep[], product: (number | null)[], ten: number | null, three: number | null): void {
    const N = s.layers;
    const th = thresholdOf(s);
    const x = Float32Array.from({ length: N }, (_, i) => i + 1);
    // The 0.25^k reference: the gradient at layer l has passed k = N − l + 1 activation slopes.
    const bound = Float32Array.from({ length: N }, (_, i) => product[N - 1 - i] ?? NaN);
    const boundAt1 = product[N - 1] ?? null;
    const names = sweeps.map((w) => w.name);
    const gradData: LineData = { x, logY: true, hline: th, label: gradLabel(sweeps, N, th, boundAt1),
      series: [...sweeps.map((w) => ({ label: w.name, values: toF32(w.result.grad) })), { label: '0.25^k (sigmoid’s bound)', values: bound }] };
    const sigData: LineData = { x, logY: true, hline: th, label: signalLabel(sweeps, N, th),
      series: sweeps.map((w) => ({ label: w.name, values: toF32(w.result.signal) })) };
    if (gradPlot === undefined) { gradPlot = new LinePlot(gradBox, gradData); sigPlot = new LinePlot(sigBox, sigData); }
    else { gradPlot.update(gradData); sigPlot!.update(sigData); }
    gradLegend.replaceChildren(createLegend([...names, '0.25^k: sigmoid’s bound (k = layers from the output)']));
    sigLegend.replaceChildren(createLegend(names));

    const sig = sweeps.find((w) => w.id === 'sigmoid');
    arith.textContent = `The arithmetic: σ′ is at most 0.25, so k sigmoid layers multiply a gradient by at most 0.25^k — ` +
      `0.25¹⁰ = ${ten === null ? '—' : f(ten)}, 0.25^${N} = ${boundAt1 === null ? '0 in double precision' : f(boundAt1)}; three layers at σ′ ≈ 0.2 give ${three === null ? '—' : f(three)}. ` +
      (sig === undefined ? 'Add Sigmoid to compare with its measured curve.'
        : `Measured for Sigmoid here: × ${sig.factor === null ? '— (it reached 0)' : f(sig.factor)} per layer, ${crossing(sig.result.vanishBackward, 'backward')}.`);

    const rows = sweeps.map((w) => w);
    resultSlot.replaceChildren(createTable(`Where each reaches “effectively zero” (below ${f(th)}), ${N} layers, width ${s.width}, ${INIT_NAMES[s.init as keyof typeof INIT_NAMES]} weights`, [
      { header: 'Activation', cell: (w) => w.name, rowHeader: true },
      { header: 'Signal zero from layer', cell: (w) => (w.result.vanishForward === 0 ? 'never' : String(w.result.vanishForward)), numeric: true },
      { header: 'Gradient zero at layer', cell: (w) => (w.result.vanishBackward === 0 ? 'never' : String(w.result.vanishBackward)), numeric: true },
      { header: `Gradient at layer ${N}`, cell: (w) => num(w.result.grad[N - 1]), numeric: true },
      { header: 'Gradient at layer 1', cell: (w) => num(w.result.grad[0]), numeric: true },
      { header: 'Factor per layer', cell: (w) => (w.factor === null ? '—' : `× ${f(w.factor)}`), numeric: true },
    ], rows));
  }
  const num = (v: number | null | undefined) => (v === null || v === undefined ? 'not finite' : f(v));

  onThemeChange(() => { gradPlot?.rebuild(); sigPlot?.rebuild(); });
  await schedule();
}
