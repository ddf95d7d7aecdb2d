// hardening.test.ts — the browser module never aborts on what a page can pass it (issue 8): huge,
// negative or fractional buffer sizes, JSON that would inflate the heap, probe sizes whose product
// is huge, non-finite time budgets and exports after divergence all come back as messages, and
// the module keeps answering afterwards. Runs on the Node build of the same bindings.
import { describe, expect, it } from 'vitest';
import { loadNodeModule } from '../../web/src/engine/node';
import type { U8Buffer } from '../../web/src/engine/art-types';
import type { TrainerHandle } from '../../web/src/engine/trainer-types';
import type { ActivationMeta, ActlabModule } from '../../web/src/engine/types';
import { explorerTable } from '../../web/src/state/explorer';
import { parseState, serialiseState } from '../../web/src/state/schema';

/** The raw bindings this file calls (the Node build has every part of the browser module). */
type Raw = ActlabModule & {
  Trainer: new () => TrainerHandle;
  U8Buffer: new (n: number) => U8Buffer;
  runProbe(kind: string, spec: string): string;
};
const module = (await loadNodeModule()) as unknown as Raw;
const alive = (): void => { expect(module.version()).toBe('0.1.0'); };

describe('buffers: any size a page asks for gives a buffer or a message', () => {
  it.each([2 ** 29, -1, 1.5, Number.NaN, Infinity, 2 ** 26 + 1])('F32Buffer(%s) is refused with a message', (n) => {
    const b = new module.F32Buffer(n);
    try {
      expect(b.error()).toMatch(/^F32Buffer: the size must be a whole number from 0 to 67108864/);
      expect(b.size()).toBe(0);
    } finally { b.delete(); }
    alive();
  });
  it('F32Buffer at the bound (2^26 floats, 256 MiB) is allocated, and apply() refuses a refused buffer', () => {
    const b = new module.F32Buffer(2 ** 26);
    try {
      expect(b.error()).toBe('');
      expect(b.size()).toBe(2 ** 26);
    } finally { b.delete(); }
    const bad = new module.F32Buffer(-1);
    const out = new module.F32Buffer(4);
    try {
      expect(module.apply('relu', bad, out, false, Number.NaN, Number.NaN, true)).toMatch(/F32Buffer: the size/);
    } finally { bad.delete(); out.delete(); }
    alive();
  });
  it('F32Buffer memory starts on a 16-byte boundary and is zeroed (f32x4 loads never straddle two groups)', () => {
    // Emscripten's malloc aligns to 8: before bindings/f32buffer.hpp used aligned_alloc, every
    // other buffer began at 8 mod 16.
    const bufs = [1, 3, 4, 5, 7, 10, 100, 1000].map((n) => new module.F32Buffer(n));
    try {
      for (const b of bufs) {
        const v = b.view() as Float32Array;
        expect(v.byteOffset % 16).toBe(0);
        expect(Array.from(v).every((x) => x === 0)).toBe(true);
      }
    } finally { bufs.forEach((b) => b.delete()); }
    alive();
  });
  it('U8Buffer past 2^26 bytes is refused', () => {
    const u = new module.U8Buffer(2 ** 26 + 1);
    try { expect(u.error()).toMatch(/^U8Buffer: the size must be/); } finally { u.delete(); }
    alive();
  });
});

describe('trainer and probes: hostile JSON and sizes are messages', () => {
  it('a config of 25 M values (50 MB of "0,") is refused by its value count, not by an abort', { timeout: 30_000 }, () => {
    const t = new module.Trainer();
    try {
      const text = '{"pad":[' + '0,'.repeat(25 << 20) + '0]}';
      expect(t.configure(text)).toMatch(/more than 1048576 values/);
    } finally { t.delete(); }
    alive();
  });
  it('a config of 200,000 keys is refused at 4096 members', () => {
    const t = new module.Trainer();
    try {
      const text = '{' + Array.from({ length: 200000 }, (_, i) => `"k${i}":0`).join(',') + '}';
      expect(t.configure(text)).toMatch(/more than 4096 members/);
    } finally { t.delete(); }
    alive();
  });
  it('runProbe depth and census past the product bound return an error', () => {
    const depth = JSON.parse(module.runProbe('depth', '{"layers":1000,"width":1024,"samples":4096,"activation":"relu"}')) as { error?: string };
    expect(depth.error).toMatch(/multiply-adds, more than 268435456/);
    const census = JSON.parse(module.runProbe('census', '{"inputs":4096,"units":4096,"samples":100000}')) as { error?: string };
    expect(census.error).toMatch(/multiply-adds, more than 268435456/);
    alive();
  });
  it('a network whose model file would not read back is refused; one at the bound round-trips', () => {
    const t = new module.Trainer();
    const back = new module.Trainer();
    try {
      expect(t.configure('{"network":{"hidden":[{"units":2048},{"units":2048}]}}')).toMatch(/more than 262,144 parameters/);
      expect(t.configure('{"dataset":{"name":"circle","samples":64},"network":{"hidden":[{"units":8},{"units":175},{"units":1472}]}}')).toBe('');
      expect(t.stepBatches(1)).toBe(1);
      const file = t.exportJson();
      expect(file.startsWith('{')).toBe(true);
      expect(back.importJson(file)).toBe('');
      expect(back.exportJson()).toBe(file);
    } finally { t.delete(); back.delete(); }
    alive();
  }, 60_000);  // ~1 s alone (export, import, export of 262,144 parameters); more on a busy machine
  it.each([Number.NaN, Infinity, 1e300, -1, 60001])('stepMs(%s) is refused (-1) and runs nothing', (ms) => {
    const t = new module.Trainer();
    try {
      expect(t.configure('{"dataset":{"name":"circle","samples":64}}')).toBe('');
      expect(t.stepMs(ms)).toBe(-1);
      expect(t.steps()).toBe(0);
    } finally { t.delete(); }
  });
  it('after divergence in the optimiser state, exportJson says why instead of writing null', () => {
    const t = new module.Trainer();
    try {
      expect(t.configure(JSON.stringify({
        dataset: { name: 'bumps' },
        network: { hidden: [256, 256, 256, 256].map((units) => ({ units })), head: 'identity_mse', init: 'uniform', init_scale: 100, bias_init: 10 },
        training: { learning_rate: 0.001 },
      }))).toBe('');
      expect(t.stepEpochs(2)).toBe(false);
      const text = t.exportJson();
      expect(text).toMatch(/^model: cannot export: .*non-finite/);
    } finally { t.delete(); }
    alive();
  });
});

describe('links: registry bounds survive the URL (found by tests/fuzz/url_state.mjs)', () => {
  it('an explorer link with every parameter at its min or max reads back without a notice', () => {
    // activationsJson wrote 0.1f as 0.100000001; the link's 6 digits wrote 0.1, below that min.
    const metas = JSON.parse(module.activationsJson()) as ActivationMeta[];
    const table = explorerTable(metas);
    for (const m of metas) {
      for (const p of m.params) {
        for (const v of [p.min, p.max, p.default]) {
          const key = `${m.id}.${p.name}`;
          const state = parseState(table, '').state;
          (state as Record<string, unknown>)[key] = v;
          const back = parseState(table, serialiseState(table, state));
          expect(back.notices, `${key} = ${v}`).toEqual([]);
          expect(back.state[key]).toBe(v);
        }
      }
    }
  });
});
