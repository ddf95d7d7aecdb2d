// measure.mjs — the timing method and the inputs every JS peer of the benchmark shares.
//
// It mirrors cpp/bench/bench_activations.cpp exactly, so the columns of the tables compare like
// with like: the same sizes, the same pseudo-random inputs on [-6, 6] (same LCG, same float
// rounding), the same softmax rows, and the same "warm up, then best of R rounds of at least T ms,
// timed in slices of ~1 ms".

/** The two sizes every peer measures. */
export const SIZES = [4096, 1 << 20];

/** Softmax and log-softmax work on rows of this many logits (divides both sizes). */
export const SOFTMAX_ROW = 1024;

/** softmax_row10 / log_softmax_row10: short rows (a classifier's output layer) over the first n - n % 10 inputs. */
export const SHORT_ROW = 10;

/** The row length of a softmax-like id (softmax_row10 -> 10, softmax -> 1024), or 0 for an element-wise one. */
export function rowLength(id) {
  if (!/softmax/.test(id)) return 0;
  return /_row10$/.test(id) ? SHORT_ROW : SOFTMAX_ROW;
}

/** How many of n inputs a measurement covers: whole rows only (n itself for element-wise ids). */
export function coveredLength(id, n) {
  const row = rowLength(id);
  return row ? n - (n % row) : n;
}

/** Timing settings: full run, or --quick; `rounds` overrides. Same numbers as the C++ benchmark. */
export function settings({ quick = false, rounds } = {}) {
  const t = quick
    ? { roundMs: 10, warmupMs: 5, rounds: 3, sliceMs: 1 }
    : { roundMs: 60, warmupMs: 20, rounds: 5, sliceMs: 1 };
  if (rounds > 0) t.rounds = rounds;
  return t;
}

/**
 * n floats on [-6, 6] from Numerical Recipes' 32-bit LCG with seed 0x5EED; bit for bit the
 * inputs the C++ benchmark draws (top 24 bits -> [0, 1), then -6 + 12u in float arithmetic).
 */
export function makeInputs(n) {
  const x = new Float32Array(n);
  let state = 0x5eed;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = (state >>> 8) * 2 ** -24;
    x[i] = Math.fround(-6 + Math.fround(12 * u));
  }
  return x;
}

/**
 * Calls `call()` (one pass over n elements): warm up for warmupMs, then `rounds` rounds of at least
 * roundMs each; returns n / (best seconds per call), in elements/s. As in the C++ benchmark, the
 * clock is read once per slice of k calls (k fills ~sliceMs at the warm-up's pace), and the best
 * slice counts, so a round interrupted by other work on a shared machine still measures clean.
 */
export function measure(timing, n, call) {
  let warmCalls = 0;
  const w0 = performance.now();
  let warmMs = 0;
  do {
    call();
    warmCalls++;
    warmMs = performance.now() - w0;
  } while (warmMs < timing.warmupMs);
  const k = Math.max(1, Math.floor((timing.sliceMs * warmCalls) / warmMs));

  let best = Infinity;
  for (let r = 0; r < timing.rounds; r++) {
    const r0 = performance.now();
    let t1 = r0;
    do {
      const t0 = t1;
      for (let c = 0; c < k; c++) call();
      t1 = performance.now();
      best = Math.min(best, (t1 - t0) / 1000 / k);
    } while (t1 - r0 < timing.roundMs);
  }
  return n / best;
}

/** Keeps results alive so no engine can skip the work: a few outputs of every call are summed. */
export const sink = { checksum: 0 };
export function consume(y) {
  const s = y[0] + y[y.length >> 1] + y[y.length - 1];
  if (Number.isFinite(s)) sink.checksum += s;
}

/** Lower-case letters and digits only: "Leaky_ReLU" and "leakyrelu" both become "leakyrelu". */
export function normaliseId(id) {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Looks an engine id up in a table keyed by canonical id whose entries may list `aliases`
 * (engine ids are the registry's; the peers' tables are written before it and must tolerate
 * spellings such as "silu" for "swish" or "gelu_exact" for "gelu").
 */
export function lookup(table, engineId) {
  const want = normaliseId(engineId);
  for (const [id, entry] of Object.entries(table)) {
    if (normaliseId(id) === want) return entry;
    if ((entry.aliases ?? []).some((a) => normaliseId(a) === want)) return entry;
  }
  return undefined;
}
