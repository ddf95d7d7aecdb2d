// main.ts — the landing page: starts the engine worker, lists every activation as a card, and
// plots f and f′ of each from engine values.
import '../../ui/base.css';
import './home.css';
import { EngineClient } from '../../engine/client';
import type { ActivationMeta } from '../../engine/types';
import { CurvePlot } from '../../ui/curve-plot';
import { formatNumber } from '../../ui/format';
import { initTheme, onThemeChange } from '../../ui/theme';
import { createCard } from './card';

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

/** "Sigmoid. f(−5) = 0.00669, f(0) = 0.5, f(5) = 0.993; f′(…) …" */
function describe(meta: ActivationMeta, f: Float32Array, df: Float32Array): string {
  const at = (name: string, values: Float32Array) =>
    AT.map((i) => `${name}(${formatNumber(xs[i]!)}) = ${formatNumber(values[i]!)}`).join(', ');
  return `Plot of ${meta.name} for x from −5 to 5: ${at('f', f)}; ${at('f′', df)}.`;
}

async function plotCard(client: EngineClient, meta: ActivationMeta, area: HTMLDivElement): Promise<void> {
  try {
    const [f, df] = await Promise.all([client.apply(meta.id, xs), client.apply(meta.id, xs, { derivative: true })]);
    area.classList.remove('pending');
    area.textContent = '';
    plots.push(new CurvePlot(area, { x: xs, f, df, label: describe(meta, f, df) }));
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

// Plot colours come from the theme: redraw when it changes (system switch or the header's choice).
initTheme();
onThemeChange(() => plots.forEach((p) => p.rebuild()));

void start();
