// mount.ts — the activation explorer widget: reads its state from the URL, asks the engine worker
// for curves and cursor values, and keeps the plots, readouts, formulas, GELU view, cheat sheet
// and the URL in step. Used by the explorer page and its bare embed page.
import type { CurvesResult, PointValue } from '../../engine/composite';
import type { EngineClient } from '../../engine/client';
import { explorerTable, normaliseRange, paramsOf, type ExplorerState } from '../../state/explorer';
import { readUrlState, queryFor, writeUrlState } from '../../state/url';
import { el } from '../../ui/dom';
import { createEmbedButton, createLinkButton, embedSnippet, siteBase } from '../../ui/embed-code';
import { createLegend } from '../../ui/legend';
import { LinePlot } from '../../ui/line-plot';
import { showNotices } from '../../ui/notices';
import { onThemeChange } from '../../ui/theme';
import { buildControls } from './controls';
import { nameOf, percent, plotLabel, RULE } from './describe';
import { buildFormulas } from './formulas';
import { GeluView } from './gelu-view';
import { Readouts } from './readouts';
import { buildSheet } from './sheet';
import './explorer.css';

const SAMPLES = 401;
const THRESHOLD = 0.01;

export interface MountOptions { embed: boolean; notices: HTMLElement }

export async function mountExplorer(host: HTMLElement, client: EngineClient, o: MountOptions): Promise<void> {
  const metas = await client.activations();
  const table = explorerTable(metas);
  const parsed = readUrlState(table);
  const state = parsed.state as ExplorerState;
  const hidden = parsed.hidden;
  normaliseRange(state, parsed.notices);
  showNotices(o.notices, parsed.notices);
  const names = (id: string) => nameOf(id, metas, state.T);
  const paramsById = () => Object.fromEntries(metas.map((m) => [m.id, paramsOf(state, m)]));

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
  plots.append(el('h2', undefined, 'f(z)'), legendSlot, fBox, el('h2', undefined, 'f′(z), the slope'), dfBox, shadeNote, readouts.root);
  const formulas = el('section', 'panel formulas');
  formulas.setAttribute('aria-labelledby', 'formulas-heading');
  const fh = el('h2', undefined, 'Formulas');
  fh.id = 'formulas-heading';
  const formulaList = el('div', 'formula-list');
  formulas.append(fh, formulaList);
  views.append(plots, formulas);
  widget.append(side, views);
  const gelu = new GeluView();
  const sheet = buildSheet(metas);
  host.append(widget, gelu.root, sheet);

  const controls = buildControls({ table, state, hidden, metas, change: (key) => (key === 'z' ? schedulePoints() : scheduleAll()) });
  side.append(controls.root);
  if (hidden.size > 0) side.append(el('p', 'hint', `Some controls are hidden by this link (${[...hidden].join(', ')}).`));
  const share = el('div', 'actions');
  if (!o.embed) share.append(createLinkButton());
  share.append(createEmbedButton(() => embedSnippet('explorer', 'Activation explorer (Activation Lab)', queryFor(table, state, hidden), siteBase(o.embed), 1400)));
  side.append(share);

  let fPlot: LinePlot | undefined, dfPlot: LinePlot | undefined;
  let curves: CurvesResult | undefined;
  let points: PointValue[] = [];

  const label = (kind: 'f' | 'f′') => plotLabel(kind, curves!.curves, state.zmin, state.zmax, state.z, points, names);
  function draw(): void {
    if (curves === undefined) return;
    const withDf = curves.curves.filter((c) => c.df !== null);
    const shadeFor = withDf[0];
    const fData = { x: curves.x, cursor: state.z, shade: shadeFor?.deadRuns, label: label('f'),
      series: curves.curves.map((c) => ({ label: names(c.id), values: c.f })) };
    // f′ series keep their activation's index, so colours and dashes match the f plot and legend.
    const dfData = { x: curves.x, cursor: state.z, shade: shadeFor?.deadRuns, label: label('f′'),
      series: curves.curves.map((c) => ({ label: names(c.id), values: c.df ?? new Float32Array(curves!.x.length).fill(NaN) })) };
    if (fPlot === undefined) { fPlot = new LinePlot(fBox, fData); dfPlot = new LinePlot(dfBox, dfData); } else { fPlot.update(fData); dfPlot!.update(dfData); }
    legendSlot.replaceChildren(createLegend(curves.curves.map((c) => names(c.id))));
    shadeNote.textContent = shadeFor === undefined ? 'No f′ to shade (softmax only).'
      : `Grey bands: where |f′| of ${names(shadeFor.id)} is below ${THRESHOLD} (saturated or dead), ${percent(shadeFor.deadShare!)} of this range. ${RULE}`;
  }
  function drawPoints(): void {
    if (curves === undefined) return;
    readouts.update(state.z, points, curves.curves, state.zmin, state.zmax, names);
    fPlot?.setCursor(state.z, label('f'));
    dfPlot?.setCursor(state.z, label('f′'));
  }

  // Coalesced engine requests: at most one in flight per kind, the latest state wins.
  let allBusy = false, allAgain = false, ptBusy = false, ptAgain = false;
  async function scheduleAll(): Promise<void> {
    writeUrlState(table, state, hidden);
    if (allBusy) { allAgain = true; return; }
    allBusy = true;
    try {
      do {
        allAgain = false;
        const req = { ids: [...state.act], params: paramsById(), zmin: state.zmin, zmax: state.zmax, n: SAMPLES, temperature: state.T, threshold: THRESHOLD };
        const [c, p, g] = await Promise.all([client.curves(req), client.points(req.ids, req.params, state.z, state.T),
          state.gelu ? client.geluError(state.zmin, state.zmax, SAMPLES) : undefined]);
        curves = c; points = p;
        draw();
        drawPoints();
        gelu.root.hidden = g === undefined || hidden.has('gelu');
        if (g !== undefined) gelu.update(g);
        sheet.hidden = !state.sheet || hidden.has('sheet');
        formulaList.replaceChildren(...buildFormulas(state.act, metas));
        host.dataset.ready = 'true';
      } while (allAgain);
    } finally { allBusy = false; }
  }
  async function schedulePoints(): Promise<void> {
    writeUrlState(table, state, hidden);
    if (ptBusy) { ptAgain = true; return; }
    ptBusy = true;
    try {
      do {
        ptAgain = false;
        points = await client.points([...state.act], paramsById(), state.z, state.T);
        drawPoints();
      } while (ptAgain);
    } finally { ptBusy = false; }
  }

  onThemeChange(() => { fPlot?.rebuild(); dfPlot?.rebuild(); gelu.rebuild(); });
  await scheduleAll();
}
