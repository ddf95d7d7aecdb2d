// card.ts — one exercise on the page: the task, an answer box per part (expression, number, choice,
// rule, layer numbers), Check (the engine's verdict per part with its numbers, a difference plot for
// expressions, the hint of a typical mistake), the engine run that backs it (loss curves, census,
// curve), the links to the evidence and the worked solution on request. Answers and attempts go to
// the progress store; `onResult` reports each check (the embed posts it to its host).
import type { EngineClient } from '../../engine/client';
import type { Exercise, Part } from '../../state/exercises';
import type { ProgressStore } from '../../state/progress';
import { el, uid } from '../../ui/dom';
import { formatNumber as f } from '../../ui/format';
import { createLegend } from '../../ui/legend';
import { LinePlot } from '../../ui/line-plot';
import { createTable } from '../../ui/table';
import { onThemeChange } from '../../ui/theme';
import { checkExercise, runEvidence, type PartVerdict, type Runs } from './check';

export interface CardOptions {
  client: EngineClient;
  store: ProgressStore;
  onResult: (ex: Exercise, passed: boolean, score: number) => void;
  /** Heading level of the exercise title (2 on its own page, 3 inside the list). */
  level: 2 | 3;
}

interface Box { key: string; get(): string; set(v: string): void; focus(): void }

function textBox(key: string, label: string, placeholder: string | undefined, mono = true): { root: HTMLElement; box: Box } {
  const root = el('div', 'control answer-row');
  const id = uid(`answer-${key}`);
  const lab = el('label', 'control-label', label);
  lab.htmlFor = id;
  const input = el('input');
  input.type = 'text';
  input.id = id;
  input.name = key;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.maxLength = 1000;
  if (placeholder !== undefined) input.placeholder = placeholder;
  if (mono) input.classList.add('mono');
  input.dataset.answer = key;
  root.append(lab, input);
  return { root, box: { key, get: () => input.value, set: (v) => { input.value = v; }, focus: () => input.focus() } };
}

function choiceBox(key: string, label: string, options: { value: string; label: string }[]): { root: HTMLElement; box: Box } {
  const root = el('fieldset', 'choice-group');
  root.append(el('legend', undefined, label));
  const name = uid(`choice-${key}`);
  const inputs = options.map((o) => {
    const row = el('label', 'check');
    const input = el('input');
    input.type = 'radio';
    input.name = name;
    input.value = o.value;
    input.dataset.answer = key;
    row.append(input, ` ${o.label}`);
    root.append(row);
    return input;
  });
  return { root, box: { key, get: () => inputs.find((i) => i.checked)?.value ?? '', set: (v) => { for (const i of inputs) i.checked = i.value === v; },
    focus: () => (inputs.find((i) => i.checked) ?? inputs[0])?.focus() } };
}

function partBoxes(p: Part): { root: HTMLElement; boxes: Box[] } {
  switch (p.kind) {
    case 'expr': case 'number': case 'health': {
      const hint = p.kind === 'number' ? 'a number or a calculation' : p.kind === 'health' ? 'an expression in g' : `an expression in ${/\bz\b/.test(p.reference) ? 'z' : 'x'}`;
      const t = textBox(p.key, p.label, hint, p.kind !== 'number');
      return { root: t.root, boxes: [t.box] };
    }
    case 'choice': {
      const c = choiceBox(p.key, p.label, p.options);
      return { root: c.root, boxes: [c.box] };
    }
    case 'depth': {
      const root = el('fieldset', 'depth-group');
      root.append(el('legend', undefined, `${p.label} (0 = never)`));
      const boxes = p.activations.map((a) => {
        const t = textBox(`${p.key}.${a.id}`, a.name, undefined, false);
        t.root.querySelector('input')!.inputMode = 'numeric';
        root.append(t.root);
        return t.box;
      });
      return { root, boxes };
    }
  }
}

export function createCard(ex: Exercise, o: CardOptions): HTMLElement {
  const card = el('article', 'panel exercise');
  card.id = `exercise-${ex.id}`;
  card.dataset.exercise = ex.id;
  const head = el(o.level === 2 ? 'h2' : 'h3', undefined, `${ex.number}. ${ex.title}`);
  const badge = el('span', 'solved-badge');
  head.append(' ', badge);
  card.append(head);
  for (const t of ex.task) card.append(el('p', undefined, t));

  const form = el('form', 'answers');
  form.noValidate = true;
  const boxes: Box[] = [];
  const partSlots = new Map<string, HTMLElement>();
  for (const p of ex.parts) {
    const { root, boxes: b } = partBoxes(p);
    boxes.push(...b);
    const slot = el('div', 'part-verdict');
    slot.dataset.part = p.key;
    slot.setAttribute('aria-live', 'polite');
    partSlots.set(p.key, slot);
    form.append(root, slot);
  }
  const actions = el('div', 'actions');
  const check = el('button', 'primary', 'Check');
  check.type = 'submit';
  const reveal = el('button', undefined, 'Show the worked solution');
  reveal.type = 'button';
  reveal.setAttribute('aria-expanded', 'false');
  actions.append(check, reveal);
  form.append(actions);
  const summary = el('p', 'exercise-summary');
  summary.setAttribute('role', 'status');
  form.append(summary);
  card.append(form);

  const evidence = el('div', 'evidence');
  card.append(evidence);

  const solution = el('section', 'solution');
  solution.hidden = true;
  solution.setAttribute('aria-label', `Worked solution of exercise ${ex.number}`);
  solution.append(el('h4', undefined, 'Worked solution'));
  for (const s of ex.solution) solution.append(el('p', undefined, s));
  reveal.addEventListener('click', () => {
    solution.hidden = !solution.hidden;
    reveal.textContent = solution.hidden ? 'Show the worked solution' : 'Hide the worked solution';
    reveal.setAttribute('aria-expanded', String(!solution.hidden));
  });
  card.append(solution);

  if (ex.links.length > 0) {
    const nav = el('p', 'evidence-links');
    nav.append('Open the evidence: ');
    ex.links.forEach((l, i) => {
      const a = el('a', undefined, l.label);
      a.href = l.href;
      nav.append(...(i > 0 ? [' · ', a] : [a]));
    });
    card.append(nav);
  }

  // Restore the last answers and the solved state.
  const saved = o.store.exercise(ex.id);
  const showSolved = (solved: boolean, attempts: number) => {
    badge.textContent = solved ? '✓ solved' : attempts > 0 ? `${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
    badge.className = `solved-badge${solved ? ' is-solved' : ''}`;
    card.dataset.solved = String(solved);
  };
  if (saved) {
    for (const b of boxes) if (saved.lastAnswer[b.key] !== undefined) b.set(saved.lastAnswer[b.key]!);
    showSolved(saved.solved, saved.attempts);
  } else showSolved(false, 0);

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    check.disabled = true;
    summary.textContent = 'The engine is checking…';
    void (async () => {
      try {
        const answers = Object.fromEntries(boxes.map((b) => [b.key, b.get()]));
        let runs: Runs = {};
        if (ex.evidence && ex.evidence.kind !== 'train') runs = await runEvidence(o.client, ex, answers);
        const verdict = await checkExercise(o.client, ex, answers, runs);
        verdict.parts.forEach((v) => showVerdict(partSlots.get(v.key)!, v));
        if (ex.evidence?.kind === 'train' && verdict.parts[0]?.pass) runs = await runEvidence(o.client, ex, answers);
        showEvidence(evidence, ex, runs, o.client);
        const rec = o.store.recordAttempt(ex.id, answers, verdict.passed);
        showSolved(rec.solved, rec.attempts);
        const passedParts = verdict.parts.filter((v) => v.pass).length;
        summary.textContent = verdict.passed ? `Solved: every part agrees with the engine.`
          : `${passedParts} of ${verdict.parts.length} part${verdict.parts.length === 1 ? '' : 's'} right so far.`;
        card.dataset.passed = String(verdict.passed);
        o.onResult(ex, verdict.passed, verdict.score);
      } catch (err) {
        summary.textContent = `The engine could not check this answer: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        busy = false;
        check.disabled = false;
      }
    })();
  });
  return card;
}

const plots = new Set<LinePlot>();
onThemeChange(() => { for (const p of plots) p.rebuild(); });

function showVerdict(slot: HTMLElement, v: PartVerdict): void {
  slot.replaceChildren();
  slot.className = `part-verdict ${v.pass ? 'is-pass' : 'is-fail'}`;
  slot.dataset.pass = String(v.pass);
  const line = el('p', 'verdict-line');
  line.append(el('strong', undefined, v.pass ? '✓ Right. ' : '✗ Not yet. '), v.message);
  slot.append(line);
  if (v.error && v.error.column > 0) {
    const pre = el('pre', 'caret', v.error.display);
    pre.setAttribute('aria-label', `${v.error.message}`);
    slot.append(pre);
  }
  if (v.hint) {
    const hint = el('p', 'hint-line');
    hint.dataset.hint = 'true';
    hint.append(el('strong', undefined, 'Hint: '), v.hint);
    slot.append(hint);
  }
  if (v.rows && v.rows.length > 0) {
    const headers = v.rowHeaders ?? [];
    slot.append(createTable(headers[0] === 'Layer' ? 'Layers where the rules disagree, and the first and last layer of each run' : 'Your answers',
      headers.map((h, i) => ({ header: h, rowHeader: i === 0, numeric: i > 0,
        cell: (r: NonNullable<PartVerdict['rows']>[number]) => (i === 0 ? r.label : r.cells[i - 1] ?? '') })), v.rows));
  }
  if (v.diff && !v.pass) {
    const box = el('div', 'plot-box diff-plot');
    slot.append(box);
    plots.add(new LinePlot(box, { x: v.diff.x, series: [{ label: 'answer − reference', values: v.diff.d }], label: v.diff.label }));
    slot.append(el('p', 'hint', v.diff.label));
  }
}

function showEvidence(box: HTMLElement, ex: Exercise, runs: Runs, client: EngineClient): void {
  const e = ex.evidence;
  if (!e) return;
  box.replaceChildren();
  if ((e.kind === 'race' || e.kind === 'train') && runs.race) {
    const r = runs.race;
    const names = e.kind === 'race' ? r.runs.map((x) => e.activations.find((a) => a.id === x.activation)?.name ?? x.activation)
      : ['Your PReLU (learned α)', 'Leaky ReLU (fixed α = 0.01)'];
    box.append(el('h4', undefined, e.kind === 'race' ? `The engine’s seeded run: ${e.dataset.toUpperCase()}, ${e.hidden.join(' × ')} hidden units, learning rate ${e.lr}`
      : `Trained by the engine on the circle: ${e.hidden.join(' × ')} hidden units, ${e.epochs} epochs, learning rate ${e.lr}`));
    const length = Math.max(...r.runs.map((x) => x.loss.length));
    const x = Float32Array.from({ length }, (_, i) => i + 1);
    const series = r.runs.map((run, i) => ({ label: names[i]!, values: Float32Array.from({ length }, (_, k) => run.loss[k] ?? NaN) }));
    const words = r.runs.map((run, i) => `${names[i]}: ${f(run.loss[0] ?? NaN)} after epoch 1, ${f(run.loss[run.loss.length - 1] ?? NaN)} after epoch ${run.loss.length}` +
      (e.kind === 'race' ? `, ${run.epochsToTarget === 0 ? `not at ${f(r.target)} within ${r.epochs} epochs` : `at ${f(r.target)} after ${run.epochsToTarget} epochs`}` : ''));
    const label = `Training loss per epoch (log scale). ${words.join('; ')}.`;
    box.append(createLegend(names));
    const plotBox = el('div', 'plot-box');
    box.append(plotBox);
    plots.add(new LinePlot(plotBox, { x, series, label, logY: true, hline: e.kind === 'race' ? r.target : undefined }));
    box.append(createTable(e.kind === 'race' ? 'Epochs to the target loss, and the test split after the run' : 'After training',
      [
        { header: 'Activation', rowHeader: true, cell: (i: number) => names[i]! },
        ...(e.kind === 'race' ? [{ header: `Epochs to loss ${f(r.target)}`, numeric: true, cell: (i: number) => (r.runs[i]!.epochsToTarget === 0 ? `not within ${r.epochs}` : String(r.runs[i]!.epochsToTarget)) }] : []),
        ...(e.kind === 'train' ? [{ header: 'Final α per layer', numeric: true, cell: (i: number) => (r.runs[i]!.params.length === 0 ? '0.01 (fixed)' : r.runs[i]!.params.map((p) => p.map((v) => (v === null ? '—' : f(v, 4))).join(', ')).join('; ')) }] : []),
        { header: 'Test loss', numeric: true, cell: (i: number) => (r.runs[i]!.testLoss === null ? '—' : f(r.runs[i]!.testLoss!)) },
        { header: 'Test accuracy', numeric: true, cell: (i: number) => (r.runs[i]!.testAccuracy === null ? '—' : `${f(100 * r.runs[i]!.testAccuracy!)} %`) },
      ], r.runs.map((_, i) => i)));
    const links = el('p', 'evidence-links');
    links.append('Open a run in the playground: ');
    r.runs.forEach((run, i) => {
      if (e.kind === 'train' && i === 0) return; // the playground takes registry activations
      const a = el('a', undefined, names[i]);
      const q = new URLSearchParams({ data: e.dataset, units: e.hidden.join(','), act: run.activation, lr: String(e.lr) });
      if (e.kind === 'race') q.set('noise', '0');
      a.href = `playground.html?${q.toString().replaceAll('%2C', ',')}`;
      links.append(...(links.childElementCount > 0 ? [' · ', a] : [a]));
    });
    box.append(links);
  } else if (e.kind === 'census' && runs.census) {
    box.append(el('h4', undefined, 'The engine’s census: one random layer, 5 inputs → 20 units, weights N(0, 1), biases N(−3, 1), 1000 random inputs'));
    box.append(createTable('Dead units (no gradient on any input) and saturated units', [
      { header: 'Activation', rowHeader: true, cell: (c: NonNullable<Runs['census']>[number]) => c.name },
      { header: 'Dead', numeric: true, cell: (c) => `${c.result.dead} of ${c.result.units.length}` },
      { header: 'Nearly dead (gradient on < 5 % of inputs)', numeric: true, cell: (c) => String(c.result.weak) },
      { header: 'Healthy', numeric: true, cell: (c) => String(c.result.healthy) },
    ], runs.census));
  } else if (e.kind === 'curve') {
    void curveEvidence(box, e.text, e.lo, e.hi, client);
  }
}

async function curveEvidence(box: HTMLElement, text: string, lo: number, hi: number, client: EngineClient): Promise<void> {
  const [c, row] = await Promise.all([client.exprCurves(text, lo, hi, 601), client.exprCheatRow(text, { lo, hi })]);
  box.append(el('h4', undefined, `The engine’s ${text}: f and f′ on [${f(lo)}, ${f(hi)}]`));
  box.append(createLegend(['f', 'f′']));
  const plotBox = el('div', 'plot-box');
  box.append(plotBox);
  const words = `${text}: values from ${f(row.min ?? NaN)} to ${f(row.max ?? NaN)}; largest |f′| ${f(row.maxAbsSlope ?? NaN)}; ` +
    `|f′| < 0.01 at ${f(100 * row.deadShare)} % of the grid points.`;
  plots.add(new LinePlot(plotBox, { x: c.x, series: [{ label: 'f', values: c.f }, { label: 'f′', values: c.df }], label: words }));
  box.append(el('p', 'hint', words));
}
