// latest-only.test.ts — ui/latest-only.ts: one pass at a time, calls during a pass fold into one more
// pass, `stale()` says a newer call came in, and a throwing pass reaches `failed` without wedging the loop.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../web/src/ui/latest-only';

/** A promise and its resolver, to hold a pass open. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => { open = resolve; });
  return { wait, open };
}

describe('latestOnly', () => {
  it('runs one pass at a time; any number of calls during a pass ask for exactly one more', async () => {
    const gates = [gate(), gate()];
    const seen: { pass: number; staleAfter: boolean }[] = [];
    let passes = 0, running = 0, most = 0;
    const ask = latestOnly(async (stale) => {
      const n = passes++;
      running++;
      most = Math.max(most, running);
      await gates[n]!.wait;
      seen.push({ pass: n, staleAfter: stale() });
      running--;
    }, (err) => { throw err; });
    const first = ask();
    await Promise.resolve();
    await Promise.all([ask(), ask(), ask()]); // folded: they return at once
    expect(passes).toBe(1);
    gates[0]!.open();
    await Promise.resolve();
    gates[1]!.open();
    await first;
    expect(passes).toBe(2);
    expect(most).toBe(1);
    expect(seen).toEqual([{ pass: 0, staleAfter: true }, { pass: 1, staleAfter: false }]);
  });

  it('hands a thrown error to failed, ends that loop, and runs again on the next call', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const ask = latestOnly(async () => {
      calls++;
      if (calls === 1) throw new Error('refused');
    }, (err) => errors.push(err));
    await ask();
    expect(errors).toEqual([new Error('refused')]);
    await ask();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
