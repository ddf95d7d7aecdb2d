// measure-limits.mjs — the hostile inputs of issue 8 and the resource budget's bounds, run on the
// wasm engine (the Node build of the browser bindings): for each case the answer (cut to one
// line), the time and the wasm heap it left (each case gets a fresh module, and a wasm heap only
// grows, so that is the case's peak). The figures in docs/limits.md come from this script.
//
//   node scripts/measure-limits.mjs            (after `bash scripts/build.sh wasm`)
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const modulePath = fileURLToPath(new URL('../build/wasm/actlab_node.js', import.meta.url));

function fresh() {
  const m = require(modulePath)();
  delete require.cache[require.resolve(modulePath)];
  return m;
}

const MiB = 1 << 20;
process.setMaxListeners(64);  // each fresh Emscripten module adds its own process listeners
const cases = [
  ['configure: 25 M values (50 MB of "0,")', (m) => new m.Trainer().configure('{"pad":[' + '0,'.repeat(25 << 20) + '0]}')],
  ['configure: 2^20 values (the bound, then refused as a config)', (m) => new m.Trainer().configure('{"pad":[' + '0,'.repeat((1 << 20) - 3) + '0]}')],
  ['configure: 200,000 keys', (m) => new m.Trainer().configure('{' + Array.from({ length: 200000 }, (_, i) => `"k${i}":0`).join(',') + '}')],
  ['runProbe depth 1000 x 1024 x 4096', (m) => m.runProbe('depth', '{"layers":1000,"width":1024,"samples":4096,"activation":"relu"}')],
  ['runProbe depth at the bound 8 x 1024 x 32', (m) => m.runProbe('depth', '{"layers":8,"width":1024,"samples":32,"activation":"relu"}').slice(0, 60)],
  ['runProbe census 4096 x 4096 x 100000', (m) => m.runProbe('census', '{"inputs":4096,"units":4096,"samples":100000}')],
  ['runProbe census at the bound 256 x 256 x 4096', (m) => m.runProbe('census', '{"inputs":256,"units":256,"samples":4096}').slice(0, 60)],
  ['runProbe collapse 101 sizes of 512', (m) => m.runProbe('collapse', JSON.stringify({ sizes: Array(101).fill(512) }))],
  ['runProbe scan at the bound (100,000 points)', (m) => m.runProbe('scan', '{"points":100000}').slice(0, 60)],
  ['new F32Buffer(2**29)', (m) => new m.F32Buffer(2 ** 29).error()],
  ['new F32Buffer(-1)', (m) => new m.F32Buffer(-1).error()],
  ['new F32Buffer(2**26) (the bound)', (m) => `size ${new m.F32Buffer(2 ** 26).size()}`],
  ['configure hidden 2048,2048', (m) => new m.Trainer().configure('{"network":{"hidden":[{"units":2048},{"units":2048}]}}')],
  ['export + import at kMaxWeights (262,144 parameters, Adam)', (m) => {
    const t = new m.Trainer();
    t.configure('{"dataset":{"name":"circle","samples":64},"network":{"hidden":[{"units":8},{"units":175},{"units":1472}]}}');
    t.stepBatches(1);
    const file = t.exportJson();
    const back = new m.Trainer();
    return `file ${(file.length / MiB).toFixed(1)} MiB, import: "${back.importJson(file)}"`;
  }],
  ['Adam overflow run (bumps, 4 x 256, init-scale 100): exportJson', (m) => {
    const t = new m.Trainer();
    t.configure(JSON.stringify({ dataset: { name: 'bumps' }, network: { hidden: [256, 256, 256, 256].map((units) => ({ units })), head: 'identity_mse', init: 'uniform', init_scale: 100, bias_init: 10 }, training: { learning_rate: 0.001 } }));
    t.stepEpochs(2);
    return t.exportJson();
  }],
  ['stepMs(NaN), stepMs(Infinity), stepMs(1e300)', (m) => {
    const t = new m.Trainer();
    t.configure('{}');
    return [NaN, Infinity, 1e300].map((ms) => t.stepMs(ms)).join(', ');
  }],
];

console.log('| case | answer | time | wasm heap after |\n|---|---|---|---|');
for (const [name, run] of cases) {
  const m = fresh();
  const t0 = performance.now();
  let answer;
  try { answer = String(run(m)); } catch (err) { answer = `THREW ${String(err)}`; }
  const ms = performance.now() - t0;
  const heap = m.HEAP8.buffer.byteLength / MiB;
  const line = answer.replace(/\s+/g, ' ').slice(0, 110);
  console.log(`| ${name} | ${line} | ${ms < 1000 ? ms.toFixed(0) + ' ms' : (ms / 1000).toFixed(2) + ' s'} | ${heap.toFixed(0)} MiB |`);
}
