// sandbox.ts — type any activation: the engine parses it (or says where it is wrong, with a caret
// under the column), differentiates it, typesets f and f′ (KaTeX), draws both, gives its cheat-sheet
// row, and on request trains it against ReLU on the circle (a seeded engine run, loss curves).
// `onText` hears each settled text (300 ms after the last keystroke): the page keeps it in its link.
import type { EngineClient } from '../../engine/client';
import { el, uid } from '../../ui/dom';
import { exprErrorNodes } from '../../ui/expr-error';
import { formatNumber as f } from '../../ui/format';
import { createLegend } from '../../ui/legend';
import { createSelect } from '../../ui/select';
import { LinePlot } from '../../ui/line-plot';
import { cheatRowTable } from '../../ui/cheat-row';
import { texLater } from '../../ui/tex-lazy';
import { onThemeChange } from '../../ui/theme';

import { EXPR_MAX_LENGTH, SANDBOX_DEFAULT } from '../../state/exercises';

export { SANDBOX_DEFAULT };
const LO = -5, HI = 5;

/** The explorer with the typed activation overlaid on `compare` (a registry id, or '' for none). */
export function explorerHref(text: string, compare: string): string {
  const act = compare === '' ? 'expr' : `${compare},expr`;
  return `explorer.html?${new URLSearchParams({ act, fx: text }).toString().replaceAll('%2C', ',')}`;
}

export function createSandbox(client: EngineClient, initial = SANDBOX_DEFAULT, onText: (text: string) => void = () => undefined): HTMLElement {
  const root = el('section', 'panel sandbox');
  root.id = 'sandbox';
  root.setAttribute('aria-labelledby', 'sandbox-title');
  const title = el('h2', undefined, 'Sandbox: type any activation');
  title.id = 'sandbox-title';
  root.append(title, el('p', undefined, 'Use x (or z), numbers, + − * / ^, comparisons, where(c, a, b) or c ? a : b, the parameters alpha (0.25) and beta (1), ' +
    'and exp log log1p expm1 sqrt abs sign min max sin cos tanh sigmoid softplus erf erfc Phi relu step, pi and e. Write 2*x, not 2x.'));

  const row = el('div', 'control answer-row');
  const id = uid('sandbox');
  const lab = el('label', 'control-label', 'f(x) =');
  lab.htmlFor = id;
  const input = el('input', 'mono');
  input.type = 'text';
  input.id = id;
  input.value = initial;
  input.maxLength = EXPR_MAX_LENGTH;
  input.spellcheck = false;
  input.autocomplete = 'off';
  row.append(lab, input);
  root.append(row);

  const status = el('div', 'sandbox-status');
  status.setAttribute('aria-live', 'polite');
  const formulas = el('div', 'sandbox-tex');
  const fTex = el('div', 'tex-line');
  const dfTex = el('div', 'tex-line');
  const notes = el('ul', 'hint sandbox-notes');
  formulas.append(el('p', 'control-label', 'The engine’s f and its derivative:'), fTex, dfTex, notes);
  const legend = el('div');
  let compare = 'gelu';
  const compareBox = el('div');
  void client.activations().then((metas) => {
    const choices = [{ value: '', label: 'Nothing' }, ...metas.filter((m) => m.id !== 'softmax').map((m) => ({ value: m.id, label: m.name }))];
    if (!choices.some((c) => c.value === compare)) compare = '';
    compareBox.append(createSelect('Overlay a built-in activation (its f)', choices, compare, (v) => { compare = v; void update(); }).root);
  });
  const plotBox = el('div', 'plot-box');
  const sheet = el('div');
  const raceButton = el('button', undefined, 'Train it against ReLU on the circle');
  raceButton.type = 'button';
  const race = el('div', 'sandbox-race');
  race.setAttribute('aria-live', 'polite');
  const links = el('p', 'evidence-links');
  const out = el('div', 'sandbox-out');
  out.append(formulas, compareBox, legend, plotBox, sheet, el('div', 'actions'), links, race);
  out.querySelector('.actions')!.append(raceButton);
  root.append(status, out);

  let plot: LinePlot | undefined;
  onThemeChange(() => plot?.rebuild());
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current = '';

  async function update(): Promise<void> {
    const text = input.value;
    const mine = ++seq;
    onText(text);
    const parsed = await client.exprCheck(text);
    if (mine !== seq) return;
    status.replaceChildren();
    race.replaceChildren();
    if (!parsed.ok) {
      out.hidden = true;
      root.dataset.state = 'error';
      status.append(...exprErrorNodes(parsed.error));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    current = text;
    const [curves, row] = await Promise.all([client.exprCurves(text, LO, HI, 801), client.exprCheatRow(text)]);
    const metas = await client.activations();
    const other = metas.find((m) => m.id === compare);
    const otherF = other ? await client.apply(other.id, curves.x) : undefined;
    if (mine !== seq) return;
    out.hidden = false;
    texLater(fTex, `f(${parsed.input}) = ${parsed.tex}`, true);
    texLater(dfTex, `f'(${parsed.input}) = ${parsed.dtex}`, true);
    notes.replaceChildren(...parsed.notes.map((n) => el('li', undefined, n)));
    const words = `f takes values from ${f(row.min ?? NaN)} (at x = ${f(row.minAt ?? NaN)}) to ${f(row.max ?? NaN)} (at x = ${f(row.maxAt ?? NaN)}) on [${LO}, ${HI}], ${row.monotonic === 'no' ? 'not monotonic' : row.monotonic}; ` +
      `steepest slope ${f(row.maxAbsSlope ?? NaN)} at x = ${f(row.maxAbsSlopeAt ?? NaN)}.`;
    const series = [{ label: 'f', values: curves.f }, { label: 'f′', values: curves.df }];
    if (other && otherF) series.push({ label: other.name, values: otherF });
    legend.replaceChildren(createLegend(['your f(x)', 'your f′(x)', ...(other ? [`${other.name}: f(x)`] : [])]));
    const data = { x: curves.x, series, label: `Your activation on [${LO}, ${HI}]: ${words}${other ? ` Overlaid: ${other.name}.` : ''}` };
    if (plot === undefined) plot = new LinePlot(plotBox, data); else plot.update(data);
    sheet.replaceChildren(cheatRowTable('Cheat-sheet row (the engine, on [−5, 5], 100 points)', row));
    const explorer = el('a', undefined, 'Open it in the explorer');
    explorer.href = explorerHref(text, other ? other.id : '');
    links.replaceChildren(explorer, other ? ` (over ${other.name})` : '', '. Train it in the playground: ');
    for (const [data, name, extra] of [['circle', 'circle', {}], ['spiral', 'spiral', { classes: '2', units: '16,16,16', opt: 'adam', lr: '0.01' }]] as const) {
      const a = el('a', undefined, `on the ${name}`);
      a.href = `playground.html?${new URLSearchParams({ data, ...extra, act: 'expr', fx: text }).toString().replaceAll('%2C', ',')}`;
      links.append(...(links.childElementCount > 1 ? [' · ', a] : [a]));
    }
    status.append(el('p', 'ok-line', `Parsed: input ${parsed.input}${parsed.params.some((p) => p.used) ? `, parameters ${parsed.params.filter((p) => p.used).map((p) => `${p.name} = ${p.value}`).join(', ')}` : ''}.`));
    root.dataset.state = 'ok';
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  });

  raceButton.addEventListener('click', () => {
    const text = current;
    raceButton.disabled = true;
    race.replaceChildren(el('p', undefined, 'Training both in the engine…'));
    void (async () => {
      try {
        const r = await client.exercise('race', { dataset: 'circle', samples: 500, noise: 0.05, hidden: [8], lr: 0.03, epochs: 60, target: 0,
          init: 'he', activations: [`expr:${text}`, 'relu'] });
        race.replaceChildren();
        if (!r.ok) { race.append(el('p', 'error-line', r.error.message)); return; }
        const names = ['Your activation', 'ReLU'];
        const length = Math.max(...r.runs.map((x) => x.loss.length));
        const x = Float32Array.from({ length }, (_, i) => i + 1);
        const words = r.runs.map((run, i) => `${names[i]}: loss ${f(run.loss[run.loss.length - 1] ?? NaN)} after ${run.loss.length} epochs, ` +
          `test accuracy ${run.testAccuracy === null ? '—' : `${f(100 * run.testAccuracy)} %`}${run.diverged ? ' (diverged)' : ''}`).join('; ');
        race.append(el('h3', undefined, 'Circle, one hidden layer of 8, He initialisation, SGD 0.03, 60 epochs, seed 1'), createLegend(names));
        const box = el('div', 'plot-box');
        race.append(box, el('p', 'hint', `${words}.`));
        new LinePlot(box, { x, logY: true, series: r.runs.map((run, i) => ({ label: names[i]!, values: Float32Array.from({ length }, (_, k) => run.loss[k] ?? NaN) })),
          label: `Training loss per epoch, log scale. ${words}.` });
      } catch (err) {
        race.replaceChildren(el('p', 'error-line', err instanceof Error ? err.message : String(err)));
      } finally {
        raceButton.disabled = false;
      }
    })();
  });

  void update();
  return root;
}
