// calibration.ts — the softmax lab's "a confident 99 % that is wrong" (CURRICULUM §6): the engine's
// calibration probe trains a small softmax classifier (seeded) on three overlapping blobs and reads
// its test points' confidence at a temperature against whether they were right. This file draws
// what the probe answers — the headline counts, the most confident mistake, the reliability table
// and diagram, the ECE at each temperature of the sweep — and computes none of it.
import type { EngineClient } from '../../engine/client';
import type { CalibrationResult } from '../../engine/probes';
import { calibrationSpec, type SoftmaxState, type SoftmaxTable } from '../../state/softmax';
import { keyed, viewOf } from '../../ui/access';
import { el } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { latestOnly } from '../../ui/latest-only';
import { createSlider } from '../../ui/slider';
import { createTable } from '../../ui/table';

const SVG = 'http://www.w3.org/2000/svg';
const pct = (v: number, digits = 3) => `${f(v * 100, digits)}\u00a0%`;
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
};

/** The reliability diagram: per bin a bar of accuracy, a tick at its mean confidence, the diagonal of perfect calibration. */
function diagram(r: CalibrationResult): SVGSVGElement {
  const W = 320, H = 224, L = 46, B = 38, T = 10, R = 12;
  const x = (c: number) => L + c * (W - L - R), y = (a: number) => H - B - a * (H - B - T);
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'reliability', 'aria-hidden': 'true' });
  s.append(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'diag' }));
  for (const b of r.bins) {
    if (b.count === 0) continue;
    s.append(svg('rect', { x: x(b.lo) + 1, y: y(b.accuracy), width: x(b.hi) - x(b.lo) - 2, height: y(0) - y(b.accuracy), class: 'acc' }));
    s.append(svg('line', { x1: x(b.lo) + 1, x2: x(b.hi) - 1, y1: y(b.confidence), y2: y(b.confidence), class: 'conf' }));
  }
  s.append(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(0), class: 'axis' }), svg('line', { x1: x(0), y1: y(0), x2: x(0), y2: y(1), class: 'axis' }));
  for (const t of [0, 0.5, 1]) {
    const tx = svg('text', { x: x(t), y: H - B + 16, 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle' });
    tx.textContent = pct(t);
    const ty = svg('text', { x: L - 4, y: y(t) + 4, 'text-anchor': 'end' });
    ty.textContent = pct(t);
    s.append(tx, ty);
  }
  const xl = svg('text', { x: (x(0) + x(1)) / 2, y: H - 4, 'text-anchor': 'middle' });
  xl.textContent = 'confidence (largest probability)';
  s.append(xl);
  return s;
}

export interface Calibration { root: HTMLElement; schedule(): void }

export interface CalibrationAccess { hidden: ReadonlySet<string>; locked: ReadonlySet<string> }

export function mountCalibration(table: SoftmaxTable, state: SoftmaxState, client: EngineClient, access: CalibrationAccess,
  onChange: () => void): Calibration {
  const root = el('section', 'panel calibration');
  root.setAttribute('aria-labelledby', 'calibration-title');
  const title = el('h2', undefined, 'Calibration: a confident 99\u00a0% that is wrong');
  title.id = 'calibration-title';
  const intro = el('p', 'hint', 'The engine trains a small network (2 hidden layers of 16 ReLU units, softmax output, Adam) on 100 points of ' +
    'three overlapping blobs, then asks it about 100 test points it has never seen. Its confidence is its largest probability; ' +
    'a calibrated model that says 90\u00a0% is right 90\u00a0% of the time. Same seed, same numbers.');
  const controls = el('div', 'cal-controls');
  const slider = (key: 'calT' | 'calEpochs', step: number, hint?: string) => {
    const field = table[key];
    const s = createSlider({ label: field.label, min: field.min, max: field.max, step, value: state[key] as number, hint,
      onInput: (v) => { state[key] = v; onChange(); schedule(); } });
    controls.append(keyed(s.root, key));
    return s;
  };
  const calT = slider('calT', 0.05, 'p = softmax(z / T) of the trained logits z: T > 1 softens every answer, T < 1 sharpens it. The prediction never changes.');
  slider('calEpochs', 1, 'Longer training on the same 100 points makes the model surer of itself.');
  // The seed as a number box (a slider over 0 … 2³² − 1 would be useless to drag), as in the dying-ReLU lab.
  const seedBox = keyed(el('div', 'control'), 'calSeed');
  const seedLabel = el('label', 'control-label', table.calSeed.label);
  const seedInput = el('input');
  Object.assign(seedInput, { type: 'number', id: 'cal-seed', min: '0', max: String(table.calSeed.max), step: '1', value: String(state.calSeed) });
  seedLabel.htmlFor = seedInput.id;
  seedInput.addEventListener('change', () => {
    const v = Math.round(Number(seedInput.value));
    state.calSeed = seedInput.value.trim() !== '' && Number.isFinite(v) ? Math.min(table.calSeed.max, Math.max(0, v)) : table.calSeed.default;
    seedInput.value = String(state.calSeed);
    onChange();
    schedule();
  });
  seedBox.append(seedLabel, seedInput, el('div', 'hint', 'Another seed: other blobs, weights and shuffle — the demo shows whatever that model does.'));
  controls.append(seedBox);

  const headline = el('p', 'cal-headline');
  headline.setAttribute('aria-live', 'polite');
  const example = el('p', 'cal-example');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const figure = el('figure', 'cal-figure');
  const caption = el('figcaption', 'hint');
  const tableSlot = el('div');
  const sweep = el('p', 'cal-sweep');
  // The button sets calT: shown and hidden with it, and not offered when a link locks it.
  const useBest = viewOf(el('button', undefined, 'Use the best T'), 'calT');
  useBest.type = 'button';
  const mayUseBest = !access.hidden.has('calT') && !access.locked.has('calT');
  useBest.hidden = true;
  const sweepRow = el('div', 'cal-sweep-row');
  sweepRow.append(sweep, useBest);
  const note = el('p', 'hint', 'ECE (expected calibration error) = Σ over bins of (points in bin / all points) × |accuracy − mean confidence| ' +
    '(Naeini et al. 2015; reliability diagrams and temperature scaling as in Guo et al. 2017, “On Calibration of Modern Neural Networks”). ' +
    'The sweep picks T on these same test points, so it shows what temperature does; a real calibration picks T on a separate validation set.');
  figure.append(caption);
  const pictures = el('div', 'cal-view');
  pictures.append(figure, tableSlot);
  root.append(title, intro, controls, headline, example, error, pictures, sweepRow, note);

  let best = 1;
  useBest.addEventListener('click', () => {
    state.calT = best;
    calT.set(best);
    // The button hides once T is there: keep the keyboard's place on the temperature it set.
    calT.range.focus();
    onChange();
    schedule();
  });

  function draw(r: CalibrationResult): void {
    const T = f(state.calT as number, 4);
    headline.textContent = `At T = ${T} the model says 99\u00a0% or more on ${r.confident} of ${r.nTest} test points, and ${r.confidentWrong} of those ` +
      `${r.confidentWrong === 1 ? 'is' : 'are'} wrong. Over all ${r.nTest}, its mean confidence is ${pct(r.confidence)} but it is right on ` +
      `${pct(r.accuracy)} (${pct(r.trainAccuracy)} on the ${r.nTrain} points it trained on); ECE ${f(r.ece, 3)}, mean −log p(true class) ${r.nll === null ? '∞' : f(r.nll, 3)}.`;
    const e = r.example;
    if (e === null) example.textContent = 'Every test point is classified correctly at this setting: no confident mistake to show.';
    else {
      const logits = e.logits.map((z) => (z === null ? '—' : f(z, 3))).join(', ');
      example.textContent = `Its most confident mistake: test point (${f(e.x, 3)}, ${f(e.y, 3)}) belongs to class ${e.label + 1}, ` +
        `but the model says class ${e.predicted + 1} with ${pct(e.confidence, 4)} — the other classes share ${f(e.others, 2)} ` +
        `(logits ${logits}). ${e.confidence >= 0.99 ? 'A confident 99\u00a0% that is wrong.' : 'Below 99\u00a0%: no test point is wrong at 99\u00a0% or more here.'}`;
    }
    const shown = r.bins.filter((b) => b.count > 0);
    figure.replaceChildren(diagram(r), caption);
    caption.textContent = `Reliability diagram at T = ${T}: bars are each confidence bin’s accuracy, the short line its mean confidence, ` +
      'the diagonal a perfectly calibrated model. Bars below their line: over-confident. The table gives the numbers ' +
      `(bins with no test point left out; ${r.nTest} test points in all).`;
    tableSlot.replaceChildren(createTable(`Each bin at T = ${T} (engine)`, [
      { header: 'Bin (%)', cell: (b: typeof shown[number]) => `${f(b.lo * 100, 3)}–${f(b.hi * 100, 3)}`, rowHeader: true },
      { header: 'Points', cell: (b) => String(b.count), numeric: true },
      { header: 'Mean confidence (%)', cell: (b) => f(b.confidence * 100, 3), numeric: true },
      { header: 'Accuracy (%)', cell: (b) => f(b.accuracy * 100, 3), numeric: true },
    ], shown));
    tableSlot.querySelector('table')?.setAttribute('data-calibration', '');
    const pairs = r.sweepT.map((t, i) => `T = ${f(t, 3)}: ${r.sweepEce[i] === null ? '—' : f(r.sweepEce[i]!, 3)}`).join('; ');
    best = r.bestT;
    sweep.textContent = `Temperature scaling, the same network: ECE ${pairs}. Lowest: ${f(r.bestEce, 3)} at T = ${f(r.bestT, 3)}.`;
    useBest.textContent = `Use T = ${f(r.bestT, 3)}`;
    useBest.hidden = !mayUseBest || r.bestT === state.calT;
  }

  const schedule = latestOnly(async (stale) => {
    const r = await client.probe('calibration', calibrationSpec(state));
    if (stale()) return;
    draw(r);
    error.hidden = true;
    root.dataset.ready = 'true';
  }, (err) => {
    error.textContent = `The engine refused this calibration run: ${err instanceof Error ? err.message : String(err)}`;
    error.hidden = false;
  });
  return { root, schedule };
}
