// exercises-table.test.ts — the exercises' table (web/src/state/exercises.ts): all ten of the
// curriculum, each with a task, a worked solution, parts whose references the engine accepts and
// whose typical mistakes the engine really tells apart from the reference (else a hint could
// never show, or would show for a right answer); the URL table round trip.
import { beforeAll, describe, expect, it } from 'vitest';
import { ExprEngine, type ExprModule } from '../../web/src/engine/expr';
import { runExercise, type ExerciseModule } from '../../web/src/engine/exercise';
import { loadNodeModule } from '../../web/src/engine/node';
import { answerKeys, EXERCISES, exercisesTable } from '../../web/src/state/exercises';
import { parseState, serialiseState } from '../../web/src/state/schema';

let expr: ExprEngine;
let mod: ExerciseModule;
beforeAll(async () => {
  const m = await loadNodeModule();
  expr = new ExprEngine(m as unknown as ExprModule);
  mod = m as unknown as ExerciseModule;
});

describe('exercise table', () => {
  it('has the ten exercises of the curriculum, numbered 1..10, with unique ids, a task and a solution', () => {
    expect(EXERCISES.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(10);
    for (const e of EXERCISES) {
      expect(e.task.length).toBeGreaterThan(0);
      expect(e.solution.length).toBeGreaterThan(0);
      expect(e.parts.length).toBeGreaterThan(0);
      expect(new Set(answerKeys(e)).size).toBe(answerKeys(e).length);
    }
  });

  it('every expression reference compiles, and every typical mistake differs from it on the grid', () => {
    for (const e of EXERCISES) for (const p of e.parts) {
      if (p.kind !== 'expr') continue;
      const ref = expr.check(p.reference, p.params);
      expect(ref.ok, `${e.id}.${p.key}`).toBe(true);
      for (const m of p.mistakes) {
        if (p.derivativeOf !== undefined) {
          expect(expr.checkDerivative(m.answer, p.reference, { params: p.params, lo: p.lo, hi: p.hi }).vsSymbolic.pass, `${e.id}: ${m.answer}`).toBe(false);
        } else if (m.answer !== p.reference) {
          expect(expr.compare(m.answer, p.reference, { params: p.params, lo: p.lo, hi: p.hi, atol: p.atol, rtol: p.rtol }).pass, `${e.id}: ${m.answer}`).toBe(false);
        }
      }
      // The placeholder (the right answer shown greyed out) passes.
      const right = p.derivativeOf !== undefined
        ? expr.checkDerivative(p.example, p.reference, { params: p.params, lo: p.lo, hi: p.hi, atol: p.atol, rtol: p.rtol }).vsSymbolic.pass
        : expr.compare(p.example, p.reference, { params: p.params, lo: p.lo, hi: p.hi, atol: p.atol, rtol: p.rtol }).pass;
      expect(right, `${e.id}.${p.key}: ${p.example}`).toBe(true);
    }
  });

  it('every number part: the placeholder passes within the stated tolerance, each mistake fails', () => {
    for (const e of EXERCISES) for (const p of e.parts) {
      if (p.kind !== 'number') continue;
      const ok = runExercise(mod, 'number', { answer: p.example, reference: p.reference, atol: p.atol, rtol: p.rtol ?? 0 });
      expect(ok.ok && ok.pass, `${e.id}.${p.key}`).toBe(true);
      for (const m of p.mistakes) {
        const r = runExercise(mod, 'number', { answer: m.answer, reference: p.reference, atol: p.atol, rtol: p.rtol ?? 0 });
        expect(r.ok && !r.pass, `${e.id}.${p.key}: ${m.answer}`).toBe(true);
      }
    }
  });

  it('choice parts name a real option (or the engine) and hint only at wrong ones', () => {
    for (const e of EXERCISES) for (const p of e.parts) {
      if (p.kind !== 'choice') continue;
      const values = p.options.map((o) => o.value);
      if (p.correct !== 'engine') expect(values).toContain(p.correct);
      for (const k of Object.keys(p.hints)) {
        expect(values).toContain(k);
        expect(k).not.toBe(p.correct);
      }
    }
  });

  it('URL table: every id round trips; an unknown id falls back with a notice', () => {
    for (const e of EXERCISES) {
      const p = parseState(exercisesTable, `id=${e.id}`);
      expect(p.notices).toEqual([]);
      expect(serialiseState(exercisesTable, p.state)).toBe(e.id === 'prelu' ? '' : `id=${e.id}`);
    }
    const bad = parseState(exercisesTable, 'id=%3Cimg%3E');
    expect(bad.state.id).toBe('prelu');
    expect(bad.notices).toHaveLength(1);
  });
  it('URL table: the sandbox text round trips (the default stays out of the link); over 1000 characters is the default with a notice', () => {
    const typed = 'x > 0 ? x : alpha * (exp(x) - 1)';
    const p = parseState(exercisesTable, serialiseState(exercisesTable, { id: 'elu', fx: typed }));
    expect(p.notices).toEqual([]);
    expect(p.state).toEqual({ id: 'elu', fx: typed });
    expect(serialiseState(exercisesTable, { id: 'prelu', fx: exercisesTable.fx.default })).toBe('');
    const long = parseState(exercisesTable, `fx=${'x+'.repeat(500)}x`);
    expect(long.state.fx).toBe(exercisesTable.fx.default);
    expect(long.notices).toEqual(['Sandbox f(x): longer than 1000 characters; using the default.']);
    expect(parseState(exercisesTable, `fx=${'x+'.repeat(499)}x`).notices).toEqual([]); // 999 characters
  });
});
