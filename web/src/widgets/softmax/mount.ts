// mount.ts — the softmax lab: K logits (sliders + number boxes) and a temperature go to the engine's
// softmax-lab probe, which answers the stable (max-subtracted) probabilities, the naive float32
// exp(z/T)/Σexp(z/T) (Inf/NaN past z/T ≈ 88.7), log-softmax, per-class sigmoids, the cross-entropy
// for the true class and its gradient p − y. The page draws bars and numbers; it computes nothing.
// Below it, the calibration demo (calibration.ts): a trained model's confident mistakes.
import type { EngineClient } from '../../engine/client';
import type { SoftmaxLabResult } from '../../engine/probes';
import { logitKey, MAX_K, softmaxSpec, softmaxTable, type SoftmaxState } from '../../state/softmax';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { createEngineError, mountLabFrame } from '../../ui/lab-frame';
import { latestOnly } from '../../ui/latest-only';
import { showNotices } from '../../ui/notices';
import { createCheckbox } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createSlider, type Slider } from '../../ui/slider';
import { createTable } from '../../ui/table';
import { mountCalibration } from './calibration';
import './softmax.css';

export interface SoftmaxMountOptions { embed: boolean; notices: HTMLElement }

/** A bar of |v| (0..1 of the cell) with the number beside it; the bar is decoration, the number is the content. */
function bar(v: number | null, text: string): HTMLElement {
  const cell = el('span', 'bar-cell');
  const b = el('span', `bar${v !== null && v < 0 ? ' neg' : ''}`);
  b.setAttribute('aria-hidden', 'true');
  b.style.width = `${Math.min(100, Math.abs(v ?? 0) * 100)}%`;
  cell.append(b, text);
  return cell;
}

export async function mountSoftmax(host: HTMLElement, client: EngineClient, o: SoftmaxMountOptions): Promise<void> {
  const table = softmaxTable();
  const parsed = readUrlState(table);
  const state = parsed.state as SoftmaxState;
  const { hidden, locked } = parsed;
  softmaxSpec(state, parsed.notices);
  showNotices(o.notices, parsed.notices);

  const view = el('section', 'panel');
  view.setAttribute('aria-label', 'Probabilities');
  const { widget, side } = mountLabFrame(host, 'softmax captions-fit', view);

  const sliders: Slider[] = [];
  const number = (key: 'K' | 'T' | 'target', step: number, hint?: string) => {
    const field = table[key];
    const s = createSlider({ label: field.label, min: field.min, max: field.max, step, value: state[key], hint,
      onInput: (v) => { state[key] = v; if (key === 'K') showLogits(); schedule(); } });
    return { s, root: keyed(s.root, key) };
  };
  const k = number('K', 1);
  side.append(k.root);
  const logitBox = el('div', 'logits');
  for (let i = 0; i < MAX_K; i++) {
    const key = logitKey(i);
    const field = (table as unknown as Record<string, { label: string; min: number; max: number }>)[key]!;
    const s = createSlider({ label: field.label, min: field.min, max: field.max, step: 0.1, value: state[key] as number,
      onInput: (v) => { state[key] = v; schedule(); } });
    sliders.push(s);
    logitBox.append(keyed(s.root, key));
  }
  side.append(logitBox);
  const t = number('T', 0.05, 'Divides every logit before the exponential: small T sharpens, large T flattens.');
  const y = number('target', 1, 'The class the cross-entropy treats as correct.');
  side.append(t.root, y.root);
  const logBox = createCheckbox(table.log.label, state.log, (v) => { state.log = v; schedule(); });
  side.append(keyed(logBox.root, 'log'));
  function showLogits(): void {
    sliders.forEach((s, i) => { s.root.classList.toggle('beyond-k', i >= state.K); s.root.style.display = i < state.K ? '' : 'none'; });
    y.s.setBounds(1, state.K, 1);
  }
  showLogits();

  mountShare({ widget: 'softmax', title: 'Softmax (Activation Lab)', height: 1900, table, parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });

  const summary = el('p', 'arith');
  summary.setAttribute('aria-live', 'polite');
  const overflow = el('p', 'overflow');
  const engineError = createEngineError();
  const tableSlot = el('div');
  const note = el('p', 'hint', 'Stable: exp((z − max z)/T), so no exponent is positive. Naive: exp(z/T) as written, in float32, whose ' +
    'largest value is about 3.4·10³⁸ = e^88.7 — past that the exponential is Infinity and Infinity/Infinity is NaN. ' +
    'Sigmoid per class: each class on its own, so they need not sum to 1.');
  view.append(summary, overflow, engineError, tableSlot, note);

  const calibration = mountCalibration(table, state, client, { hidden, locked }, () => writeUrlState(table, state, hidden, locked));
  widget.append(calibration.root);

  const ask = latestOnly(async (stale) => {
    const spec = softmaxSpec(state);
    const r = await client.probe('softmax', spec);
    if (stale()) return;
    draw(spec.logits, r);
    engineError.hidden = true;
  }, (err) => {
    engineError.textContent = `The engine refused these logits: ${err instanceof Error ? err.message : String(err)}`;
    engineError.hidden = false;
  });
  async function schedule(): Promise<void> {
    const notices: string[] = [];
    softmaxSpec(state, notices);
    if (notices.length > 0) y.s.set(state.target);
    writeUrlState(table, state, hidden, locked);
    await ask();
  }

  function draw(z: number[], r: SoftmaxLabResult): void {
    const rows = z.map((zi, i) => ({ i, zi }));
    const naive = (i: number) => (r.naive[i] === null ? (r.naiveText[i] === 'NaN' ? 'NaN' : r.naiveText[i]!) : f(r.naive[i]!, 4));
    const columns = [
      { header: 'Class', cell: (x: { i: number }) => `${x.i + 1}${x.i + 1 === state.target ? ' (true)' : ''}`, rowHeader: true },
      { header: 'Logit z', cell: (x: { zi: number }) => f(x.zi, 4), numeric: true },
      { header: 'Softmax p (stable)', cell: (x: { i: number }) => bar(r.stable[x.i]!, f(r.stable[x.i]!, 4)) },
      { header: 'Naive p (float32)', cell: (x: { i: number }) => naive(x.i), numeric: true },
      ...(state.log ? [{ header: 'log p', cell: (x: { i: number }) => (r.log[x.i] === null ? '−∞' : f(r.log[x.i]!, 4)), numeric: true }] : []),
      { header: 'p − y', cell: (x: { i: number }) => bar(r.grad[x.i]!, f(r.grad[x.i]!, 4)) },
      { header: 'Sigmoid', cell: (x: { i: number }) => f(r.sigmoid[x.i]!, 4), numeric: true },
    ];
    tableSlot.replaceChildren(createTable(`Softmax of ${z.length} logits at T = ${f(state.T, 4)} (engine)`, columns, rows));
    tableSlot.querySelector('table')?.setAttribute('data-softmax', '');
    summary.textContent = `Stable probabilities sum to ${f(r.stableSum, 7)}; sigmoids per class sum to ${f(r.sigmoidSum, 4)}. ` +
      `Cross-entropy for true class ${state.target}: −log p = ${r.crossEntropy === null ? '∞' : f(r.crossEntropy, 4)}; ` +
      `its gradient with respect to the logits is p − y (one-hot y), ${f(r.grad[state.target - 1]!, 4)} for the true class.`;
    overflow.textContent = r.naiveFinite
      ? `Naive form: all finite (sum ${r.naiveSum === null ? '—' : f(r.naiveSum, 7)}). Drag a logit past about ${f(88.7 * state.T, 4)} (88.7 × T) to overflow it.`
      : 'Naive form: overflowed — exp(z/T) is Infinity in float32, so its probabilities are NaN or 0. The stable form still sums to 1.';
  }

  // Ready (for tests and lessons) once both parts have drawn their first answer.
  await Promise.all([schedule(), calibration.schedule()]);
  host.dataset.ready = 'true';
}
