// tfjs.mjs — the TensorFlow.js peer: each activation's f on tfjs's WebAssembly backend
// (single thread, SIMD build), timed as a JS user would call it: `op(tensor).dataSync()`,
// reading the result back into a JS Float32Array, intermediates disposed by tf.tidy.
//
// Ops tfjs 4.22 has (one wasm kernel each): sigmoid, tanh, relu, relu6, leakyRelu, prelu, elu
// (alpha 1 only), selu, softplus, step, softmax. Composed from several tfjs ops, and labelled
// "composed" in the tables: gelu (erf), gelu_tanh, swish/silu, mish, softsign, hard_sigmoid,
// hard_swish, log_softmax (tf.logSoftmax is itself built from max/sub/exp/sum/log). identity has
// no op worth timing, and the derivatives are not compared (tfjs computes them only inside
// gradients). The input tensor is created once, outside the timing.
//
// Standalone: node web/bench/tfjs.mjs [--quick] [--filter NAME]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { SIZES, consume, coveredLength, lookup, makeInputs, measure, rowLength, settings } from './measure.mjs';

const SQRT_2_OVER_PI = 0.7978845608028654;

// Each entry: op(tf, x, params) returns the output tensor of f(x); x is 1-D, or
// [n / SOFTMAX_ROW, SOFTMAX_ROW] when `rows` is set. `composed`: more than one tfjs op.
export const TFJS = {
  step: { op: (tf, x) => tf.step(x, 0) },
  sigmoid: { op: (tf, x) => tf.sigmoid(x) },
  tanh: { op: (tf, x) => tf.tanh(x) },
  relu: { op: (tf, x) => tf.relu(x) },
  relu6: { op: (tf, x) => tf.relu6(x) },
  leaky_relu: { aliases: ['leakyrelu', 'lrelu'], op: (tf, x, [alpha = 0.01] = []) => tf.leakyRelu(x, alpha) },
  prelu: { op: (tf, x, [alpha = 0.25] = []) => tf.prelu(x, tf.scalar(alpha)) },
  // tf.elu has no alpha; with another default the composed form stands in (see opFor).
  elu: { op: (tf, x) => tf.elu(x) },
  selu: { op: (tf, x) => tf.selu(x) },
  softplus: { op: (tf, x) => tf.softplus(x) },
  gelu: {
    aliases: ['gelu_exact', 'gelu_erf'],
    composed: true,
    op: (tf, x) => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1)),
  },
  gelu_tanh: {
    aliases: ['gelu_approx', 'gelutanh'],
    composed: true,
    op: (tf, x) => {
      const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), SQRT_2_OVER_PI);
      return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
    },
  },
  swish: {
    aliases: ['silu'],
    composed: true,
    op: (tf, x, [beta = 1] = []) => tf.mul(x, tf.sigmoid(beta === 1 ? x : tf.mul(x, beta))),
  },
  mish: { composed: true, op: (tf, x) => tf.mul(x, tf.tanh(tf.softplus(x))) },
  softsign: { composed: true, op: (tf, x) => tf.div(x, tf.add(tf.abs(x), 1)) },
  hard_sigmoid: {
    aliases: ['hardsigmoid'],
    composed: true,
    op: (tf, x) => tf.clipByValue(tf.add(tf.div(x, 6), 0.5), 0, 1),
  },
  hard_swish: {
    aliases: ['hardswish'],
    composed: true,
    op: (tf, x) => tf.div(tf.mul(x, tf.relu6(tf.add(x, 3))), 6),
  },
  softmax: { rows: true, op: (tf, x) => tf.softmax(x) },
  log_softmax: { aliases: ['logsoftmax'], rows: true, composed: true, op: (tf, x) => tf.logSoftmax(x) },
  softmax_row10: { rows: true, op: (tf, x) => tf.softmax(x) },
  log_softmax_row10: { rows: true, composed: true, op: (tf, x) => tf.logSoftmax(x) },
};

const ELU_COMPOSED = {
  composed: true,
  op: (tf, x, [alpha = 1] = []) => tf.where(tf.greater(x, 0), x, tf.mul(tf.expm1(x), alpha)),
};

/** The entry to time for an engine id and its parameters, or undefined. */
export function opFor(id, params = []) {
  const entry = lookup(TFJS, id);
  if (entry === TFJS.elu && params.length > 0 && params[0] !== 1) return ELU_COMPOSED;
  return entry;
}

/**
 * Loads @tensorflow/tfjs with its wasm backend as CommonJS (TOOLCHAIN.md), single-threaded.
 * Returns { tf, info } where info says which wasm build runs.
 */
let loaded; // one tfjs per process, however many passes run
export async function loadTfjs() {
  loaded ??= initTfjs();
  return loaded;
}

async function initTfjs() {
  const require = createRequire(import.meta.url);
  // tfjs greets Node users on console.log with an advert for tfjs-node; keep the output clean.
  const log = console.log;
  console.log = () => {};
  let tf, setWasmPaths;
  try {
    tf = require('@tensorflow/tfjs');
    ({ setWasmPaths } = require('@tensorflow/tfjs-backend-wasm'));
  } finally {
    console.log = log;
  }
  const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
  setWasmPaths(dist);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // one thread, like our engine in the page
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs: the wasm backend did not initialise');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const build = simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
  return { tf, info: { version: tf.version.tfjs, backend: tf.getBackend(), simd, threads: 1, build } };
}

/**
 * Benchmarks f on tfjs-wasm for every id it has (an op or a composition).
 * @returns {{ info, results: {id, n, meps, composed}[], missing: string[] }}
 */
export async function runTfjs({ ids, params = {}, quick = false, rounds, sizes = SIZES, log = () => {}, outputsDir }) {
  const { tf, info } = await loadTfjs();
  const timing = settings({ quick, rounds });
  const results = [];
  const missing = ids.filter((id) => !opFor(id, params[id]));
  if (outputsDir) mkdirSync(outputsDir, { recursive: true });
  for (const n of sizes) {
    const data = makeInputs(n);
    for (const id of ids) {
      const entry = opFor(id, params[id]);
      if (!entry) continue;
      const m = coveredLength(id, n); // whole softmax rows only
      const x = entry.rows ? tf.tensor2d(data.subarray(0, m), [m / rowLength(id), rowLength(id)]) : tf.tensor1d(data);
      const p = params[id] ?? [];
      let y;
      const eps = measure(timing, m, () => {
        tf.tidy(() => { y = entry.op(tf, x, p).dataSync(); });
        consume(y);
      });
      x.dispose();
      // The last output at the largest size, raw float32: `actlab_bench --ulp DIR` measures its
      // error against the engine's double reference (the maths stays in the engine).
      if (outputsDir && n === Math.max(...sizes)) writeFileSync(`${outputsDir}/${id}.f32`, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
      results.push({ id, n, meps: eps / 1e6, composed: Boolean(entry.composed) });
      log(`tfjs-wasm ${id}${entry.composed ? ' (composed)' : ''} n=${n}: ${(eps / 1e6).toFixed(1)} M/s`);
    }
  }
  const leaked = tf.memory().numTensors;
  if (leaked > 0) log(`tfjs: ${leaked} tensors still alive after the run`);
  return { info, results, missing };
}

// Standalone run: every id this file covers.
if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const filter = argv.includes('--filter') ? argv[argv.indexOf('--filter') + 1] : '';
  const ids = Object.keys(TFJS).filter((id) => id.includes(filter));
  const { info } = await runTfjs({ ids, quick: argv.includes('--quick'), log: (s) => console.log(s) });
  console.log(info);
}
