// plain-js.mjs — the honest plain-JavaScript baseline: each activation's f written the way a JS
// developer would, one loop with Math.* over a Float32Array, and its benchmark.
//
// Covers: identity, step, sigmoid, tanh, relu, relu6, leaky_relu, prelu, elu, selu, gelu (erf
// via Abramowitz & Stegun 7.1.26), gelu_tanh, swish/silu, mish, softplus, softsign,
// hard_sigmoid, hard_swish, and softmax / log_softmax over rows of 1024 logits (and of 10: the
// _row10 ids). Forward only:
// a JS developer without an engine would not hand-write the derivative kernels either.
// `transcendental` marks the ones that call Math.exp/tanh/log/log1p/expm1 (or an erf made of
// exp): the benchmark's "≥ 5× plain JS" target applies to those.
//
// Standalone: node web/bench/plain-js.mjs [--quick] [--filter NAME]
import { SHORT_ROW, SIZES, SOFTMAX_ROW, consume, coveredLength, lookup, makeInputs, measure, settings } from './measure.mjs';

const SELU_LAMBDA = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;
const SQRT_2_OVER_PI = 0.7978845608028654;

// erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), the usual JS stand-in: Math has no erf.
function erf(x) {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return s * (1 - poly * Math.exp(-a * a));
}

// Softmax over consecutive rows of `row` logits (x.length is a multiple of row).
function softmaxRows(row) {
  return (x, y) => {
    for (let at = 0; at < x.length; at += row) {
      const end = at + row;
      let max = -Infinity;
      for (let i = at; i < end; i++) if (x[i] > max) max = x[i];
      let sum = 0;
      for (let i = at; i < end; i++) { const e = Math.exp(x[i] - max); y[i] = e; sum += e; }
      const inv = 1 / sum;
      for (let i = at; i < end; i++) y[i] *= inv;
    }
  };
}

function logSoftmaxRows(row) {
  return (x, y) => {
    for (let at = 0; at < x.length; at += row) {
      const end = at + row;
      let max = -Infinity;
      for (let i = at; i < end; i++) if (x[i] > max) max = x[i];
      let sum = 0;
      for (let i = at; i < end; i++) sum += Math.exp(x[i] - max);
      const logSum = Math.log(sum);
      for (let i = at; i < end; i++) y[i] = x[i] - max - logSum;
    }
  };
}

// Each entry: make(params) returns (x, y) => void writing f(x) into y; params are the engine's
// defaults in registry order (run.mjs passes them; the fallbacks below are the usual values).
export const PLAIN_JS = {
  identity: { transcendental: false, make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = x[i]; } },
  step: { transcendental: false, make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? 1 : 0; } },
  sigmoid: {
    transcendental: true,
    make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i])); },
  },
  tanh: { transcendental: true, make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]); } },
  relu: { transcendental: false, make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]); } },
  relu6: {
    transcendental: false,
    make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.min(Math.max(0, x[i]), 6); },
  },
  leaky_relu: {
    aliases: ['leakyrelu', 'lrelu'],
    transcendental: false,
    make: ([alpha = 0.01] = []) => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * v; }
    },
  },
  prelu: {
    transcendental: false,
    make: ([alpha = 0.25] = []) => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * v; }
    },
  },
  elu: {
    transcendental: true,
    make: ([alpha = 1] = []) => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : alpha * Math.expm1(v); }
    },
  },
  selu: {
    transcendental: true,
    make: () => (x, y) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        y[i] = SELU_LAMBDA * (v > 0 ? v : SELU_ALPHA * Math.expm1(v));
      }
    },
  },
  gelu: {
    aliases: ['gelu_exact', 'gelu_erf'],
    transcendental: true,
    make: () => (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = 0.5 * v * (1 + erf(v * Math.SQRT1_2)); } },
  },
  gelu_tanh: {
    aliases: ['gelu_approx', 'gelutanh'],
    transcendental: true,
    make: () => (x, y) => {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
      }
    },
  },
  swish: {
    aliases: ['silu'],
    transcendental: true,
    make: ([beta = 1] = []) => (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v / (1 + Math.exp(-beta * v)); } },
  },
  mish: {
    transcendental: true,
    make: () => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v * Math.tanh(Math.log1p(Math.exp(v))); }
    },
  },
  softplus: {
    transcendental: true,
    // max(x, 0) + log1p(exp(-|x|)): the overflow-free form (log(1 + exp(x)) is Infinity for x > 709).
    make: () => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))); }
    },
  },
  softsign: {
    transcendental: false,
    make: () => (x, y) => { for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v / (1 + Math.abs(v)); } },
  },
  hard_sigmoid: {
    aliases: ['hardsigmoid'],
    transcendental: false,
    make: () => (x, y) => { for (let i = 0; i < x.length; i++) y[i] = Math.min(Math.max(x[i] / 6 + 0.5, 0), 1); },
  },
  hard_swish: {
    aliases: ['hardswish'],
    transcendental: false,
    make: () => (x, y) => {
      for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = (v * Math.min(Math.max(v + 3, 0), 6)) / 6; }
    },
  },
  softmax: { transcendental: true, make: () => softmaxRows(SOFTMAX_ROW) },
  log_softmax: { aliases: ['logsoftmax'], transcendental: true, make: () => logSoftmaxRows(SOFTMAX_ROW) },
  softmax_row10: { transcendental: true, make: () => softmaxRows(SHORT_ROW) },
  log_softmax_row10: { transcendental: true, make: () => logSoftmaxRows(SHORT_ROW) },
};

/**
 * Benchmarks f for every id that has a plain-JS version.
 * @param {{ ids: string[], params?: Record<string, number[]>, quick?: boolean }} options
 * @returns {{ results: {id, n, meps, transcendental}[], missing: string[] }}
 */
export function runPlainJs({ ids, params = {}, quick = false, rounds, sizes = SIZES, log = () => {} }) {
  const timing = settings({ quick, rounds });
  const results = [];
  const missing = ids.filter((id) => !lookup(PLAIN_JS, id));
  for (const n of sizes) {
    const all = makeInputs(n);
    for (const id of ids) {
      const entry = lookup(PLAIN_JS, id);
      if (!entry) continue;
      const m = coveredLength(id, n); // whole softmax rows only
      const x = all.subarray(0, m);
      const y = new Float32Array(m);
      const f = entry.make(params[id] ?? []);
      const eps = measure(timing, m, () => { f(x, y); consume(y); });
      results.push({ id, n, meps: eps / 1e6, transcendental: entry.transcendental });
      log(`plain JS ${id} n=${n}: ${(eps / 1e6).toFixed(1)} M/s`);
    }
  }
  return { results, missing };
}

// Standalone run: every id this file covers.
if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const filter = argv.includes('--filter') ? argv[argv.indexOf('--filter') + 1] : '';
  const ids = Object.keys(PLAIN_JS).filter((id) => id.includes(filter));
  runPlainJs({ ids, quick: argv.includes('--quick'), log: (s) => console.log(s) });
}
