// playground-expr.test.ts — the playground's typed activation (state/playground.ts `fx`, the schema's
// text fields): a link carries the text, layers set to "expr" train with `expr:<text>`, the round
// trip keeps it, and a too-long text is refused with a notice.
import { describe, expect, it } from 'vitest';
import { EXPR_DEFAULT, playgroundTable, trainerConfig, type PlaygroundState } from '../../web/src/state/playground';
import { parseState, serialiseState } from '../../web/src/state/schema';
import { summaryParts } from '../../web/src/state/summary';

const table = playgroundTable(['tanh', 'relu', 'sigmoid']);

describe('playground typed activation', () => {
  it('act=expr trains every layer with expr:<fx>; other layers keep their registry id', () => {
    const p = parseState(table, 'act=expr,relu&units=4,4&fx=x%20*%20sigmoid(x)');
    expect(p.notices).toEqual([]);
    const cfg = trainerConfig(p.state as PlaygroundState);
    expect(cfg.network!.hidden!.map((h) => h.activation)).toEqual(['expr:x * sigmoid(x)', 'relu']);
    expect(serialiseState(table, p.state)).toBe('act=expr,relu&fx=x+*+sigmoid%28x%29');
    expect(parseState(table, serialiseState(table, p.state)).state.fx).toBe('x * sigmoid(x)');
  });

  it('defaults: no typed layer, the default text is not written to the link', () => {
    const p = parseState(table, '');
    expect(p.state.fx).toBe(EXPR_DEFAULT);
    expect(trainerConfig(p.state as PlaygroundState).network!.hidden!.every((h) => !(h.activation ?? '').startsWith('expr:'))).toBe(true);
    expect(serialiseState(table, p.state)).toBe('');
  });

  it('a text longer than 300 characters is refused with a notice; the summary says the text in words', () => {
    const p = parseState(table, `fx=${'x+'.repeat(170)}x`);
    expect(p.state.fx).toBe(EXPR_DEFAULT);
    expect(p.notices).toEqual(['Typed activation f(x): longer than 300 characters; using the default.']);
    const q = parseState(table, 'act=expr&fx=relu(x)');
    expect(summaryParts(table, q.state, new Set(), new Set()).values).toContain('typed activation f(x) = relu(x)');
    expect(summaryParts(table, q.state, new Set(), new Set()).values).toContain('the typed activation on every layer');
  });
});
