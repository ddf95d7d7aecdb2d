// main.ts — the landing page: starts the engine worker, lists every activation as a card, and
// plots f and f′ of each from engine values, shading where the engine finds |f′| < 0.01 as the explorer does.
import '../../ui/base.css';
import './home.css';
import { EngineClient } from '../../engine/client';
import type { ActivationMeta, CurveFeatures } from '../../engine/types';
import { curveSentence } from '../../ui/curve-words';
import { CurvePlot } from '../../ui/curve-plot';
import { formatNumber } from '../../ui/format';
import { initTheme, onThemeChange } from '../../ui/theme';
import { startOfflineCache } from '../../offline/register';
import { createCard } from './card';
import { mountCourseMap } from './course-map';

/** Sample points: x = −5 + i/20 for i = 0..200 (so −5, 0 and 5 are sampled exactly). */
const SAMPLES = 201;
const xs = Float32Array.from({ length: SAMPLES }, (_, i) => -5 + i / 20);
const AT = [0, 100, 200] as const; // indices of x = −5, 0, 5

const statusLine = document.getElementById('status')!;
const errorBox = document.getElementById('error')!;
const cardList = document.getElementById('cards')!;
const plots: CurvePlot[] = [];

function showError(message: string): void {
  statusLine.textContent = 'The engine is not available.';
  errorBox.textContent = `${message}. Reload the page to try again; if this persists, your browser may lack ` +
    'WebAssembly SIMD support (any current Chrome, Edge, Firefox or Safari has it).';
  errorBox.hidden = false;
}

/** "Plot of Sigmoid (logistic) for x from −5 to 5: f(−5) = 0.00669, …; f′(…) …. Sigmoid (logistic): rises …" */
function describe(meta: ActivationMeta, f: Float32Array, df: Float32Array, features: CurveFeatures): string {
  const at = (name: string, values: Float32Array) =>
    AT.map((i) => `${name}(${formatNumber(xs[i]!)}) = ${formatNumber(values[i]!)}`).join(', ');
  const shaded = features.dead.length > 0 ? ' Grey bands: where the slope is below 0.01.' : '';
  return `Plot of ${meta.name} for x from −5 to 5: ${at('f', f)}; ${at('f′', df)}. ${curveSentence(meta.name, features, -5, 5)}.${shaded}`;
}

async function plotCard(client: EngineClient, meta: ActivationMeta, area: HTMLDivElement): Promise<void> {
  try {
    // One engine call: the grid x = −5 + i/20, f, f′ and the curve's features (the dead-zone intervals).
    const { f, df, features } = await client.curveFeatures(meta.id, { lo: -5, hi: 5, points: SAMPLES, threshold: 0.01 });
    area.classList.remove('pending');
    area.textContent = '';
    plots.push(new CurvePlot(area, { x: xs, f, df, shade: features.dead, label: describe(meta, f, df, features) }));
  } catch (err) {
    area.classList.remove('pending');
    area.textContent = '';
    area.append(Object.assign(document.createElement('p'), {
      className: 'plot-error', textContent: `Could not compute this plot: ${err instanceof Error ? err.message : String(err)}`,
    }));
  }
}

async function start(): Promise<void> {
  const client = new EngineClient({ engine: 'activations' });
  try {
    const version = await client.ready;
    const activations = await client.activations();
    const cards = activations.map(createCard);
    cardList.append(...cards.map((c) => c.root));
    cardList.dataset.count = String(activations.length);
    statusLine.textContent = `Engine loaded: ${activations.length} activations.`;
    document.getElementById('engine-version')!.textContent = `Engine version ${version}.`;
    await Promise.all(activations.map((meta, i) => plotCard(client, meta, cards[i]!.plotArea)));
  } catch (err) {
    showError(err instanceof Error ? err.message : String(err));
  }
}

mountCourseMap(document.getElementById('course-map')!, document.getElementById('course-resume')!);

// Plot colours come from the theme: redraw when it changes (system switch or the header's choice).
initTheme();
void startOfflineCache();
onThemeChange(() => plots.forEach((p) => p.rebuild()));

void start();
