// softmax-state.test.ts — the softmax lab's state table: the course default, round trips, hostile
// values, and the engine spec (first K logits, 0-based target kept inside 1..K with a notice).
import { describe, expect, it } from 'vitest';
import { parseState, serialiseState } from '../../web/src/state/schema';
import { calibrationSpec, logitsOf, softmaxSpec, softmaxTable, type SoftmaxState } from '../../web/src/state/softmax';

const table = softmaxTable();

describe('softmax state table', () => {
  it('defaults to the course example [2.0, 1.0, 0.1] at T = 1', () => {
    const s = parseState(table, '').state as SoftmaxState;
    expect(logitsOf(s)).toEqual([2.0, 1.0, 0.1]);
    expect(softmaxSpec(s)).toEqual({ logits: [2.0, 1.0, 0.1], temperature: 1, target: 0 });
  });

  it('round trip with hide and lock', () => {
    const q = 'K=5&z1=95&z5=-3.5&T=0.25&target=5&log=1&hide=T&lock=z1';
    const p = parseState(table, q);
    expect(p.notices).toEqual([]);
    expect(serialiseState(table, p.state, p.hidden, p.locked)).toBe(q);
  });

  it('hostile values are clamped or ignored with notices; a target beyond K moves to K', () => {
    const p = parseState(table, 'K=99&z1=1e400&T=0&target=%3Cb%3E');
    expect(p.state.K).toBe(10);
    expect(p.state.T).toBe(0.05);
    expect(p.notices.length).toBeGreaterThanOrEqual(3);
    const s = parseState(table, 'K=2&target=7').state as SoftmaxState;
    const notices: string[] = [];
    expect(softmaxSpec(s, notices).target).toBe(1);
    expect(notices[0]).toContain('beyond K = 2');
  });

  it('the calibration demo: temperature, epochs and seed round-trip with hide and lock and go to the engine spec', () => {
    const d = parseState(table, '').state as SoftmaxState;
    expect(calibrationSpec(d)).toEqual({ temperature: 1, epochs: 200, seed: 1 });
    const q = 'calT=3&calEpochs=50&calSeed=7&hide=calEpochs&lock=calT';
    const p = parseState(table, q);
    expect(p.notices).toEqual([]);
    expect(serialiseState(table, p.state, p.hidden, p.locked)).toBe(q);
    expect(calibrationSpec(p.state as SoftmaxState)).toEqual({ temperature: 3, epochs: 50, seed: 7 });
    const bad = parseState(table, 'calT=0&calEpochs=1e9&calSeed=-1');
    expect(bad.notices.length).toBe(3);
    expect(calibrationSpec(bad.state as SoftmaxState)).toEqual({ temperature: 0.05, epochs: 1000, seed: 0 });
  });
});
