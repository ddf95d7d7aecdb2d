// mount.ts — the activation explorer widget: reads its state from the URL, asks the engine worker
// for curves and cursor values, and keeps the plots, readouts, formulas, GELU view, cheat sheet
// and the URL in step. Used by the explorer page and its bare embed page.
import type { CurvesResult, PointValue } from '../../engine/composite';
import type { EngineClient } from '../../engine/client';
import type { ExprCheck } from '../../engine/expr';
import { EXPR_ID, SOFTMAX_ID, baseOf, explorerTable, normaliseRange, normaliseVariants, paramsOf, type ExplorerState } from '../../state/explorer';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed, viewOf } from '../../ui/access';
import { el } from '../../ui/dom';
import { createLegend } from '../../ui/legend';
import { LinePlot } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { mountShare } from '../../ui/share-panel';
import { onThemeChange } from '../../ui/theme';
import { buildControls, zStep } from './controls';
import { nameOf, percent, plotLabel, RULE } from './describe';
import { formatNumber as fmt } from '../../ui/format';
import { createSelect } from '../../ui/select';
import { GeluView } from './gelu-view';
import { Readouts } from './readouts';
import './explorer.css';

const SAMPLES = 401;
const THRESHOLD = 0.01;

export interface MountOptions { embed: boolean; notices: HTMLElement }

export async function mountExplorer(host: HTMLElement, client: EngineClient, o: MountOptions): Promise<void> {
  const metas = await client.activations();
  const table = explorerTable(metas);
  const parsed = readUrlState(table);
  const state = parsed.state as ExplorerState;
  const { hidden, locked } = parsed;
  normaliseRange(state, parsed.notices);
  normaliseVariants(state, parsed.notices);
  showNotices(o.notices, parsed.notices);
  const names = (id: string) => nameOf(id, metas, state);
  // Parameters per series key: each activation, and each chosen second copy ("leaky_relu-2").
  const paramsById = () => Object.fromEntries(state.act.filter((k) => k !== SOFTMAX_ID && k !== EXPR_ID).flatMap((k) => {
    const m = metas.find((x) => x.id === baseOf(k));
    return m === undefined ? [] : [[k, paramsOf(state, m, k)]];
  }));

  // Layout
  const widget = el('div', 'widget explorer');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  const views = el('div', 'views');
  const plots = el('section', 'panel plots');
  plots.setAttribute('aria-label', 'Plots of f and f′');
  const legendSlot = el('div');
  const fBox = el('div', 'plot-box');
  const dfBox = el('div', 'plot-box');
  const shadeNote = el('p', 'hint shade-note');
  const readouts = new Readouts();
  const zSlot = el('div', 'z-slot');
  const shadeSlot = el('div', 'shade-slot');
  const fTip = el('div', 'plot-hover'), dfTip = el('div', 'plot-hover');
  for (const [box, tip] of [[fBox, fTip], [dfBox, dfTip]] as const) { tip.setAttribute('aria-hidden', 'true'); tip.hidden = true; box.append(tip); }
  const dragHint = el('p', 'hint', 'Press or drag on either plot to move z; hover to read values without moving it.');
  plots.append(zSlot, el('h2', undefined, 'f(z)'), legendSlot, fBox, el('h2', undefined, 'f′(z), the slope'), dfBox, viewOf(dragHint, 'z'), shadeSlot, shadeNote, readouts.root);
  const formulas = el('section', 'panel formulas');
  formulas.setAttribute('aria-labelledby', 'formulas-heading');
  const fh = el('h2', undefined, 'Formulas');
  fh.id = 'formulas-heading';
  const formulaList = el('div', 'formula-list');
  formulas.append(fh, formulaList);
  views.append(plots, formulas);
  widget.append(side, views);
  const gelu = new GeluView();
  // The formulas and the cheat sheet (the prerendered TeX and KaTeX's CSS) load after the first plot is
  // drawn: the plots never wait for them. `sheet` gets its heading and table when they arrive.
  const sheet = el('section', 'panel sheet');
  sheet.hidden = true;
  let texViews: Promise<[typeof import('./formulas'), typeof import('./sheet')]> | undefined;
  const typedSheet = el('div', 'typed-row');
  sheet.append(typedSheet);
  host.append(widget, viewOf(gelu.root, 'gelu'), viewOf(sheet, 'sheet'));

  const controls = buildControls({ table, state, hidden, locked, metas, change: (key) => (key === 'z' ? schedulePoints() : scheduleAll()) });
  side.append(controls.root);
  const share = mountShare({ widget: 'explorer', title: 'Activation explorer (Activation Lab)', height: 1400, table, parsed, state, host, slot: side, embed: o.embed });
  // The z control sits with the plots, so plot, control and readouts are seen together at every width.
  // A compact readout right under z: at a phone's width the table is below the fold, this line is not.
  const quick = el('p', 'quick-readout');
  quick.setAttribute('aria-hidden', 'true'); // the table and the live region say the same to screen readers
  if (controls.z !== undefined) zSlot.append(controls.z.root, viewOf(quick, 'z'));
  else dragHint.hidden = true;
  let shadeSelect: HTMLSelectElement | undefined;
  const refreshShade = () => {
    if (hidden.has('shade') || curves === undefined) return;
    const withDf = curves.curves.filter((c) => c.df !== null);
    if (withDf.length < 2) { shadeSlot.replaceChildren(); shadeSelect = undefined; return; }
    const choices = [{ value: 'each', label: 'Each curve (a bar per curve)' }, ...withDf.map((c) => ({ value: c.id, label: names(c.id) }))];
    if (!choices.some((ch) => ch.value === state.shade)) state.shade = 'each';
    const made = createSelect(table.shade.label, choices, state.shade, (v) => { state.shade = v; writeUrlState(table, state, hidden, locked); draw(); });
    shadeSelect = made.select;
    if (!share.access.editable('shade')) made.select.disabled = true;
    shadeSlot.replaceChildren(keyed(made.root, 'shade'));
  };

  let fPlot: LinePlot | undefined, dfPlot: LinePlot | undefined;
  let curves: CurvesResult | undefined;
  let points: PointValue[] = [];

  let shadedWords = '';
  const label = (kind: 'f' | 'f′', shaded?: string) => {
    if (shaded !== undefined) shadedWords = shaded;
    return plotLabel(kind, curves!.curves, state.zmin, state.zmax, state.z, points, names, kind === 'f′' ? shadedWords : undefined);
  };
  function draw(): void {
    if (curves === undefined) return;
    const c = curves;
    const withDf = c.curves.map((curve, index) => ({ curve, index })).filter((e) => e.curve.features !== null);
    const one = withDf.length === 1 ? withDf[0] : withDf.find((e) => e.curve.id === state.shade);
    // One curve: grey bands over the full height. Several: each curve's band in its own lane and colour.
    const shade = one?.curve.deadRuns;
    const lanes = one === undefined ? withDf.map((e) => ({ series: e.index, runs: e.curve.deadRuns })) : undefined;
    const note = one !== undefined
      ? `Shaded: where |f′| of ${names(one.curve.id)} is below ${THRESHOLD} (saturated or dead), ${percent(one.curve.deadShare!)} of this range.`
      : `Bars along the bottom of each plot, one per curve in legend order, in its colour and dash: where its |f′| is below ${THRESHOLD} (saturated or dead) — ${withDf.map((e) => `${names(e.curve.id)} ${percent(e.curve.deadShare!)}`).join(', ')} of this range.`;
    const fData = { x: c.x, cursor: state.z, shade, lanes, label: label('f'),
      series: c.curves.map((curve) => ({ label: names(curve.id), values: curve.f })) };
    // f′ series keep their activation's index, so colours and dashes match the f plot and legend.
    const dfData = { x: c.x, cursor: state.z, shade, lanes, label: label('f′', note),
      series: c.curves.map((curve) => ({ label: names(curve.id), values: curve.df ?? new Float32Array(c.x.length).fill(NaN) })) };
    if (fPlot === undefined) {
      fPlot = new LinePlot(fBox, fData, pointer('f', fTip));
      dfPlot = new LinePlot(dfBox, dfData, pointer('df', dfTip));
    } else { fPlot.update(fData); dfPlot!.update(dfData); }
    legendSlot.replaceChildren(createLegend(c.curves.map((curve) => names(curve.id))));
    shadeNote.textContent = withDf.length === 0 ? 'No f′ to shade (softmax only).' : `${note} ${RULE}`;
  }
  /** Press/drag moves z (snapped to the z control's step); hover shows the plotted values under the pointer. */
  function pointer(kind: 'f' | 'df', tip: HTMLElement) {
    return {
      pick: !share.access.editable('z') ? undefined : (x: number) => {
        const step = zStep(state);
        const z = Math.min(state.zmax, Math.max(state.zmin, Number((Math.round(x / step) * step).toPrecision(12))));
        if (z === state.z) return;
        state.z = z;
        controls.z?.set(z);
        void schedulePoints();
      },
      hover: (x: number | null, clientX: number, clientY: number) => {
        if (x === null || curves === undefined) { tip.hidden = true; return; }
        const xs = curves.x;
        const i = Math.round(((x - xs[0]!) / (xs[xs.length - 1]! - xs[0]!)) * (xs.length - 1)); // the nearest grid point
        const values = curves.curves.map((cv) => {
          const v = kind === 'f' ? cv.f[i] : cv.df?.[i];
          return `${names(cv.id)} ${v === undefined ? 'n/a' : fmt(v, 4)}`;
        });
        tip.textContent = `z = ${fmt(xs[i]!, 4)}: ${values.join(' · ')}`;
        tip.hidden = false;
        const box = tip.parentElement!.getBoundingClientRect();
        tip.style.left = `${Math.min(Math.max(0, clientX - box.left + 12), Math.max(0, box.width - tip.offsetWidth))}px`;
        tip.style.top = `${Math.max(0, clientY - box.top - tip.offsetHeight - 8)}px`;
      },
    };
  }
  function drawPoints(): void {
    if (curves === undefined) return;
    readouts.update(state.z, points, curves.curves, state.zmin, state.zmax, names);
    quick.textContent = `At z = ${fmt(state.z, 4)} — ${points.map((p) => `${names(p.id)}: f = ${fmt(p.f, 4)}${p.df === null ? '' : `, f′ = ${fmt(p.df, 4)}`}`).join(' · ')}`;
    fPlot?.setCursor(state.z, label('f'));
    dfPlot?.setCursor(state.z, label('f′'));
  }

  // Coalesced engine requests: at most one in flight per kind, the latest state wins.
  // The typed activation: read by the engine each time the curves are (the text may have changed). A
  // text it cannot read is left out of the curves and shown with its caret under the box.
  let typed: (ExprCheck & { ok: true }) | undefined;
  let typedText = '';
  async function checkTyped(): Promise<void> {
    if (!state.act.includes(EXPR_ID)) { typed = undefined; controls.setFxError(null); return; }
    if (typed !== undefined && typedText === state.fx) return;
    const c = await client.exprCheck(state.fx);
    typedText = state.fx;
    typed = c.ok ? c : undefined;
    controls.setFxError(c.ok ? null : c.error);
  }
  /** The series drawn: the chosen ones, less a typed activation the engine could not read. */
  const drawnIds = () => state.act.filter((k) => k !== EXPR_ID || typed !== undefined);
  const fxOf = () => (typed !== undefined && state.act.includes(EXPR_ID) ? state.fx : undefined);

  let allBusy = false, allAgain = false, ptBusy = false, ptAgain = false;
  async function scheduleAll(): Promise<void> {
    writeUrlState(table, state, hidden, locked);
    if (allBusy) { allAgain = true; return; }
    allBusy = true;
    try {
      do {
        allAgain = false;
        await checkTyped();
        if (drawnIds().length === 0) { // only a typed activation, and the engine cannot read it: the plots keep what they had
          shadeNote.textContent = 'Nothing new to draw: correct your activation (the box says where), or tick another one.';
          host.dataset.ready = 'true';
          continue;
        }
        const req = { ids: drawnIds(), params: paramsById(), zmin: state.zmin, zmax: state.zmax, n: SAMPLES, temperature: state.T, threshold: THRESHOLD, fx: fxOf() };
        const [c, p, g, row] = await Promise.all([client.curves(req), client.points(req.ids, req.params, state.z, state.T, req.fx),
          state.gelu ? client.geluError(state.zmin, state.zmax, SAMPLES) : undefined,
          req.fx === undefined ? undefined : client.exprCheatRow(req.fx)]);
        curves = c; points = p;
        refreshShade();
        draw();
        drawPoints();
        const first = texViews === undefined;
        texViews ??= Promise.all([import('./formulas'), import('./sheet')]);
        const [{ buildFormulas }, { buildSheet, typedRow }] = await texViews;
        if (first) buildSheet(metas, sheet);
        typedSheet.replaceChildren(...(row === undefined ? [] : [typedRow(names(EXPR_ID), row)]));
        gelu.root.hidden = g === undefined || hidden.has('gelu');
        if (g !== undefined) gelu.update(g);
        sheet.hidden = !state.sheet || hidden.has('sheet');
        formulaList.replaceChildren(...buildFormulas([...new Set(drawnIds().map(baseOf))], metas, typed));
        host.dataset.ready = 'true';
      } while (allAgain);
    } finally { allBusy = false; }
  }
  async function schedulePoints(): Promise<void> {
    writeUrlState(table, state, hidden, locked);
    if (ptBusy) { ptAgain = true; return; }
    ptBusy = true;
    try {
      do {
        ptAgain = false;
        points = await client.points(drawnIds(), paramsById(), state.z, state.T, fxOf());
        drawPoints();
      } while (ptAgain);
    } finally { ptBusy = false; }
  }

  onThemeChange(() => { fPlot?.rebuild(); dfPlot?.rebuild(); gelu.rebuild(); });
  await scheduleAll();
  // A link's typed activation that the engine cannot read is said in the notices too (the box shows where).
  if (state.act.includes(EXPR_ID) && typed === undefined) {
    const c = await client.exprCheck(state.fx);
    if (!c.ok) showNotices(o.notices, [...parsed.notices, `${table.fx.label}: ${c.error.message}${c.error.column > 0 ? '; the box under the activations shows where' : ''}. The other curves are drawn.`]);
  }
}
