// check.ts — asks the engine for the verdict on every part of an exercise and turns its numbers
// into sentences. Nothing is judged here: compare / checkDerivative / exercise checks answer, this
// file only picks the words (and the hint of a typical mistake the engine recognised).
import type { EngineClient } from '../../engine/client';
import type { CensusResult } from '../../engine/probes';
import type { Comparison } from '../../engine/expr';
import type { ExprError } from '../../engine/expr';
import type { HealthRuleResult, RaceResult } from '../../engine/exercise';
import type { ChoicePart, DepthPart, Exercise, ExprPart, HealthPart, NumberPart, Part } from '../../state/exercises';
import { formatNumber as f } from '../../ui/format';

export interface PartVerdict {
  key: string;
  pass: boolean;
  /** What the engine found, in words. */
  message: string;
  /** A specific hint for a typical mistake, when the engine recognised one. */
  hint?: string;
  /** The engine could not read the answer: where (the caret display). */
  error?: ExprError;
  /** answer − reference on the grid (expression parts), for the difference plot. */
  diff?: { x: Float32Array; d: Float32Array; label: string };
  /** Per-row results (depth answers, health rule), for a table. */
  rows?: { label: string; cells: string[]; ok: boolean }[];
  rowHeaders?: string[];
}

export interface Verdict { passed: boolean; score: number; parts: PartVerdict[] }

/** Engine runs an exercise needs before its parts can be judged (the race decides "fastest"). */
export interface Runs { race?: RaceResult; census?: { id: string; name: string; result: CensusResult }[]; health?: HealthRuleResult }

const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? 'not a finite number' : f(v, digits));
const xText = (x: number | string) => (typeof x === 'string' ? (x === 'Infinity' ? '+∞' : x === '-Infinity' ? '−∞' : x) : f(x, 4));

function diffOf(c: Comparison, label: string): PartVerdict['diff'] {
  return { x: Float32Array.from(c.x, (v) => v ?? NaN), d: Float32Array.from(c.difference, (v) => v ?? NaN), label };
}

function comparisonWords(c: Comparison, points: number, lo: number, hi: number, what: string): string {
  const specialFails = c.special.filter((s) => !s.ok).map((s) => `x = ${xText(s.x)} (yours ${num(s.answer)}, ${what} ${num(s.reference)})`);
  if (c.pass) {
    return `Matches ${what} at all ${points} grid points on [${f(lo)}, ${f(hi)}] and at the special values 0, ±10⁻⁷, ±1, ±10, ±30, ±1000, ±∞ and NaN; ` +
      `largest difference ${num(c.maxAbs)} at x = ${f(c.maxAbsAt, 4)}.`;
  }
  const grid = c.failures > 0
    ? `${c.failures} of ${points} grid points differ beyond the tolerance, the first at x = ${f(c.firstFailureAt, 4)}; the largest difference is ${num(c.maxAbs)} at x = ${f(c.maxAbsAt, 4)}.`
    : `All ${points} grid points agree (largest difference ${num(c.maxAbs)}).`;
  return `Not the same function: ${grid}${specialFails.length > 0 ? ` Special values that differ: ${specialFails.slice(0, 4).join('; ')}.` : ''}`;
}

async function mistakeHint(client: EngineClient, p: ExprPart | NumberPart, answer: string): Promise<string | undefined> {
  for (const m of p.mistakes) {
    try {
      if (p.kind === 'expr') {
        const c = await client.exprCompare(answer, m.answer, { params: p.params, lo: p.lo, hi: p.hi, atol: p.atol, rtol: p.rtol });
        if (c.pass) return m.hint;
      } else {
        const r = await client.exercise('number', { answer, reference: m.answer, atol: p.atol, rtol: p.rtol ?? 0 });
        if (r.ok && r.pass) return m.hint;
      }
    } catch { /* a mistake the engine cannot compare with this answer is simply not this one */ }
  }
  return undefined;
}

const POINTS = 1201;

async function checkExpr(client: EngineClient, p: ExprPart, answer: string): Promise<PartVerdict> {
  const parsed = await client.exprCheck(answer, p.params);
  if (!parsed.ok) return { key: p.key, pass: false, message: parsed.error.message, error: parsed.error };
  const opts = { params: p.params, lo: p.lo, hi: p.hi, points: POINTS, atol: p.atol, rtol: p.rtol };
  let c: Comparison;
  let extra = '';
  if (p.derivativeOf !== undefined) {
    const d = await client.exprCheckDerivative(answer, p.reference, opts);
    c = d.vsSymbolic;
    extra = ` The engine’s own f′ agrees with finite differences of f to within ${num(d.maxFdError)} (largest at x = ${f(d.maxFdErrorAt, 4)}).`;
  } else {
    c = await client.exprCompare(answer, p.reference, opts);
  }
  const what = p.derivativeOf !== undefined ? 'the engine’s symbolic f′' : 'the reference';
  const verdict: PartVerdict = { key: p.key, pass: c.pass, message: comparisonWords(c, POINTS, p.lo, p.hi, what) + extra,
    diff: diffOf(c, `Your answer minus ${what} on [${f(p.lo)}, ${f(p.hi)}]: largest ${num(c.maxAbs)} at x = ${f(c.maxAbsAt, 4)}`) };
  if (!c.pass) verdict.hint = await mistakeHint(client, p, answer);
  return verdict;
}

async function checkNumber(client: EngineClient, p: NumberPart, answer: string): Promise<PartVerdict> {
  const r = await client.exercise('number', { answer, reference: p.reference, atol: p.atol, rtol: p.rtol ?? 0 });
  if (!r.ok) return { key: p.key, pass: false, message: r.error.message, error: r.error };
  const tol = `tolerance ±${f(p.atol)}`;
  if (r.pass) return { key: p.key, pass: true, message: `Right: you have ${num(r.answer, 4)}, the engine ${num(r.reference, 5)} (off by ${num(r.absError, 2)}, ${tol}).` };
  if (r.answer === null) return { key: p.key, pass: false, message: 'Your answer is not a finite number (it works out to NaN or ±∞).' };
  const v: PartVerdict = { key: p.key, pass: false, message: `Not within the ${tol}: your ${num(r.answer, 4)} is off by ${num(r.absError, 3)}.` };
  v.hint = await mistakeHint(client, p, answer);
  return v;
}

function checkChoice(p: ChoicePart, answer: string, correct: string | undefined, why: string): PartVerdict {
  if (answer === '') return { key: p.key, pass: false, message: 'Choose an answer first.' };
  if (correct === undefined) return { key: p.key, pass: false, message: 'The engine run that decides this did not finish; try again.' };
  const pass = answer === correct;
  const label = (v: string) => p.options.find((o) => o.value === v)?.label ?? v;
  return pass ? { key: p.key, pass, message: `Right${why ? `: ${why}` : '.'}` }
    : { key: p.key, pass, message: `Not this one${why ? ` — ${why}` : '.'}`, hint: p.hints[answer] ?? `Compare “${label(answer)}” with the evidence below.` };
}

async function checkHealth(client: EngineClient, p: HealthPart, answer: string, runs: Runs): Promise<PartVerdict> {
  const r = await client.exercise('healthRule', { rule: answer });
  if (!r.ok) return { key: p.key, pass: false, message: r.error.message, error: r.error };
  runs.health = r;
  const rows: PartVerdict['rows'] = [];
  r.runs.forEach((run) => run.grad.forEach((g, i) => {
    if (run.engine[i] === run.learner[i] && !(i === 0 || i === run.layers - 1)) return; // the table lists disagreements and both ends
    rows.push({ label: `${run.name}, layer ${i + 1}`, cells: [num(g), run.engine[i] ? 'warns' : '—', run.learner[i] ? 'warns' : '—'], ok: run.engine[i] === run.learner[i] });
  }));
  const flagged = r.runs.map((run) => `${run.name}: ${run.engine.filter(Boolean).length} of ${run.layers} layers`).join('; ');
  const v: PartVerdict = { key: p.key, pass: r.pass, rows, rowHeaders: ['Layer', 'mean |gradient| g', 'Engine’s monitor', 'Your rule'],
    message: r.pass ? `Your rule warns on exactly the layers the engine’s monitor warns on (${flagged}).`
      : `Your rule disagrees with the engine’s monitor on ${r.missed + r.falseAlarms} layers: it misses ${r.missed} and warns wrongly on ${r.falseAlarms}` +
        ` (first: ${r.runs[r.firstRun]?.name ?? ''}, layer ${r.firstLayer}).` };
  if (!r.pass) {
    const [sig, relu] = r.runs;
    if (relu && relu.missed > 0 && sig && sig.missed === 0) v.hint = 'Your rule misses the exploding layers: also warn when g > 100 (add the two comparisons).';
    else if (sig && sig.missed > 0 && relu && relu.missed === 0) v.hint = 'Your rule misses the vanishing layers: also warn when g < 0.001.';
    else if (r.falseAlarms > 0 && r.missed === 0) v.hint = `Your rule warns on healthy layers: the thresholds are 0.001 and 100 (the engine’s are ${f(r.thresholds[0])} and ${f(r.thresholds[1])}).`;
    else v.hint = 'Check the direction of each comparison: warn when g is below 0.001 or above 100.';
  }
  return v;
}

async function checkDepth(client: EngineClient, p: DepthPart, answers: Record<string, string>): Promise<PartVerdict> {
  const values: number[] = [];
  for (const a of p.activations) {
    const raw = (answers[`${p.key}.${a.id}`] ?? '').trim();
    const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n)) return { key: p.key, pass: false, message: `${a.name}: type a whole layer number (0 if it never reaches zero), not “${raw.slice(0, 20)}”.` };
    values.push(n);
  }
  const r = await client.exercise('depthAnswers', { activations: p.activations.map((a) => a.id), answers: values, layers: p.layers,
    width: p.width, init: p.init, seed: p.seed, tolerance: p.tolerance });
  if (!r.ok) return { key: p.key, pass: false, message: r.error.message, error: r.error };
  const name = (id: string) => p.activations.find((a) => a.id === id)?.name ?? id;
  const rows = r.rows.map((row) => ({ label: name(row.activation), cells: [row.answer === 0 ? 'never' : String(row.answer), row.ok ? 'right' : 'not this layer'], ok: row.ok }));
  const wrong = r.rows.filter((row) => !row.ok).map((row) => name(row.activation));
  return { key: p.key, pass: r.pass, rows, rowHeaders: ['Activation', 'Your layer', 'Engine’s depth sweep'],
    message: r.pass ? `All four match the engine’s depth sweep (within ±${r.tolerance} layer).`
      : `Not yet: ${wrong.join(', ')} ${wrong.length === 1 ? 'does' : 'do'} not match the engine’s sweep (within ±${r.tolerance} layer).`,
    hint: r.pass ? undefined : 'Open the gradients lab with the course setting (link below) and read the column “Signal zero from layer”; “never” is 0.' };
}

/** The engine runs an exercise's choice depends on; `answers` supplies the typed activation for training. */
export async function runEvidence(client: EngineClient, ex: Exercise, answers: Record<string, string>): Promise<Runs> {
  const e = ex.evidence;
  const runs: Runs = {};
  if (e?.kind === 'race') {
    const r = await client.exercise('race', { dataset: e.dataset, noise: 0, samples: 500, hidden: e.hidden, lr: e.lr, epochs: e.epochs,
      target: e.target, activations: e.activations.map((a) => a.id) });
    if (r.ok) runs.race = r;
  } else if (e?.kind === 'train') {
    const r = await client.exercise('race', { dataset: e.dataset, samples: 500, noise: 0.05, hidden: e.hidden, lr: e.lr, epochs: e.epochs,
      target: 0, activations: [`expr:${answers[e.from] ?? ''}`, e.against] });
    if (r.ok) runs.race = r;
  } else if (e?.kind === 'census') {
    runs.census = await Promise.all(e.activations.map(async (a) => ({ ...a, result: await client.probe('census', { activation: a.id, biasMean: e.biasMean }) })));
  }
  return runs;
}

/** The right option of an engine-decided choice, and the evidence in words. */
function engineChoice(ex: Exercise, runs: Runs): { correct?: string; why: string } {
  if (ex.evidence?.kind === 'race' && runs.race) {
    const r = runs.race;
    const acts = ex.evidence.activations;
    const name = (id: string) => acts.find((a) => a.id === id)?.name ?? id;
    const best = r.fastest >= 0 ? r.runs[r.fastest] : undefined;
    if (!best) return { correct: undefined, why: `none reached a training loss of ${f(r.target)} within ${r.epochs} epochs` };
    const others = r.runs.filter((x) => x !== best).map((x) => `${name(x.activation)} ${x.epochsToTarget === 0 ? `not within ${r.epochs}` : x.epochsToTarget}`);
    return { correct: best.activation, why: `in the engine’s seeded run ${name(best.activation)} reached ${f(r.target)} after ${best.epochsToTarget} epochs (${others.join(', ')})` };
  }
  if (ex.evidence?.kind === 'census' && runs.census) {
    const [a, b] = runs.census;
    if (!a || !b) return { why: '' };
    const [da, db] = [a.result.dead + a.result.weak, b.result.dead + b.result.weak];
    const correct = da > db ? a.id : db > da ? b.id : 'same';
    return { correct, why: `the engine’s census of one random layer (20 units, biases around −3) finds ${da} dead or nearly dead ${a.name} units and ${db} ${b.name} units` };
  }
  return { why: '' };
}

/** Every part's verdict; the exercise passes when all parts do. */
export async function checkExercise(client: EngineClient, ex: Exercise, answers: Record<string, string>, runs: Runs): Promise<Verdict> {
  const parts: PartVerdict[] = [];
  for (const p of ex.parts) parts.push(await checkPart(client, ex, p, answers, runs));
  const passedParts = parts.filter((v) => v.pass).length;
  return { passed: passedParts === parts.length, score: Math.round((100 * passedParts) / parts.length) / 100, parts };
}

async function checkPart(client: EngineClient, ex: Exercise, p: Part, answers: Record<string, string>, runs: Runs): Promise<PartVerdict> {
  const answer = (answers[p.key] ?? '').trim();
  if (p.kind === 'depth') return checkDepth(client, p, answers);
  if (p.kind === 'choice') {
    const { correct, why } = p.correct === 'engine' ? engineChoice(ex, runs) : { correct: p.correct, why: '' };
    return checkChoice(p, answer, correct, why);
  }
  if (answer === '') return { key: p.key, pass: false, message: 'Type an answer first.' };
  if (p.kind === 'expr') return checkExpr(client, p, answer);
  if (p.kind === 'number') return checkNumber(client, p, answer);
  return checkHealth(client, p, answer, runs);
}
