// expr.test.ts — the typed-activation API (web/src/engine/expr.ts) over the Node wasm build:
// parse results and errors with columns, batch f and f′, the cheat-sheet row, the checks.
import { describe, expect, it } from 'vitest';
import { ExprEngine, type ExprModule } from '../../web/src/engine/expr';
import { EngineError, loadNodeModule } from '../../web/src/engine/node';

const expr = new ExprEngine((await loadNodeModule()) as unknown as ExprModule);

describe('check', () => {
  it('returns f and f′ as TeX, with no kink notes for a smooth activation', () => {
    const r = expr.check('x * sigmoid(1.702 * x)');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tex).toBe('x \\cdot \\sigma\\left(1.702\\,x\\right)');
    expect(r.dtex).toContain("\\sigma'\\left(1.702\\,x\\right)");
    expect(r.notes).toEqual([]);
    expect(r.input).toBe('x');
  });

  it('names the column of a typo and suggests the function', () => {
    const r = expr.check('x * sigmod(x)');
    expect(r).toEqual({
      ok: false,
      error: {
        message: 'unknown function "sigmod" — did you mean "sigmoid"?',
        column: 5,
        display: 'unknown function "sigmod" — did you mean "sigmoid"?\n  x * sigmod(x)\n      ^',
      },
    });
  });

  it('reports the kink conventions that apply', () => {
    const r = expr.check('max(0, z)');
    expect(r.ok && r.notes[0]).toMatch(/smaller slope/);
    expect(r.ok && r.input).toBe('z');
  });

  it('takes declared parameters and refuses malformed declarations', () => {
    const r = expr.check('gamma * x', [{ name: 'gamma', value: 2, learnable: true, tex: '\\gamma' }]);
    expect(r.ok && r.tex).toBe('\\gamma \\cdot x');
    expect(r.ok && r.params).toEqual([{ name: 'gamma', value: 2, learnable: true, used: true }]);
    const bad = expr.check('x', [{ name: '', value: 1 }]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toBe('params[0].name must have 1 to 32 characters');
  });
});

describe('evaluate', () => {
  const x = Float32Array.from([-2, -0.5, 0, 0.5, 2, NaN]);

  it('computes f and f′ in the engine', () => {
    expect(Array.from(expr.evaluate('max(0, x)', x))).toEqual([0, 0, 0, 0.5, 2, NaN]);
    expect(Array.from(expr.evaluate('max(0, x)', x, { derivative: true }))).toEqual([0, 0, 0, 1, 1, NaN]);
    const both = expr.evaluateBoth('x > 0 ? x : alpha * x', x, [{ name: 'alpha', value: 0.5 }]);
    expect(Array.from(both.f)).toEqual([-1, -0.25, 0, 0.5, 2, NaN]);
    expect(Array.from(both.df)).toEqual([0.5, 0.5, 0.5, 1, 1, NaN]);
  });

  it('throws an EngineError with the caret display on bad text', () => {
    expect(() => expr.evaluate('2x', x)).toThrow(EngineError);
    expect(() => expr.evaluate('2x', x)).toThrow('missing "*" between "2" and "x" at column 2 — write "2*x"\n  2x\n   ^');
  });
});

describe('cheat row and checks', () => {
  it('gives the cheat-sheet row of relu written as max(0, x)', () => {
    const row = expr.cheatRow('max(0, x)');
    expect(row).toMatchObject({ min: 0, max: 5, monotonic: 'increasing', maxAbsSlope: 1, deadShare: 0.5 });
  });

  it('compares an answer with a reference and says where it is furthest off', () => {
    const good = expr.compare('2 * sigmoid(2 * z) - 1', 'tanh(z)');
    expect(good.pass).toBe(true);
    const bad = expr.compare('2 * sigmoid(z) - 1', 'tanh(z)');
    expect(bad.pass).toBe(false);
    expect(bad.maxAbs).toBeCloseTo(0.3003, 3);
    expect(Math.abs(bad.maxAbsAt)).toBeCloseTo(1.06, 1);
    expect(bad.difference.length).toBe(1201);
    expect(bad.special.map((s) => s.x)).toContain('NaN');
    expect(() => expr.compare('x', 'x', { lo: 1, hi: -1 })).toThrow('the interval must be finite with lo < hi');
  });

  it('checks a learner’s derivative against the symbolic one', () => {
    expect(expr.checkDerivative('sigmoid(x) * (1 - sigmoid(x))', 'sigmoid(x)').vsSymbolic.pass).toBe(true);
    expect(expr.checkDerivative('sigmoid(x)^2', 'sigmoid(x)').vsSymbolic.pass).toBe(false);
  });
});
