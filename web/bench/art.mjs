// art.mjs — times the art renderer as wasm in Node: ms per frame and Mpixel/s through the Embind
// API the art studio uses (ArtRenderer.render into a U8Buffer), next to the native number from
// `actlab art --bench` when the native build exists (same config, same size, same machine, same run).
//
//   node web/bench/art.mjs [--size WxH] [--config JSON] [--ms N]
//     --size    default 256x256          --config  default {} (depth 4 × width 16, tanh)
//     --ms      time budget per measurement, default 1500
//
// Needs build/wasm/actlab_node.js (cmake --preset wasm && cmake --build --preset wasm).
// Method: one warm-up frame, then whole frames until the budget is spent (at least 5, at most
// 200); reports the best and the median frame. A command, never a test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_MODULE = join(ROOT, 'build/wasm/actlab_node.js');
const NATIVE_CLI = join(ROOT, 'build/native/actlab');

function parseArgs(argv) {
  const opts = { w: 256, h: 256, config: '{}', ms: 1500 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--size' && /^\d+x\d+$/.test(v ?? '')) {
      [opts.w, opts.h] = v.split('x').map(Number);
      i++;
    } else if (a === '--config' && v !== undefined) {
      opts.config = v;
      i++;
    } else if (a === '--ms' && Number(v) > 0) {
      opts.ms = Number(v);
      i++;
    } else {
      console.error(`art.mjs: bad argument '${a}'\nusage: node web/bench/art.mjs [--size WxH] [--config JSON] [--ms N]`);
      process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(NODE_MODULE)) {
  console.error(`art.mjs: ${NODE_MODULE} is missing; build the wasm preset first`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const factory = require(NODE_MODULE);
// Emscripten 3.1.6's CommonJS factory returns the Module with a `ready` promise.
const made = factory();
const Module = made.ready ? await made.ready : await made;

const renderer = new Module.ArtRenderer();
const err = renderer.configure(opts.config);
if (err) {
  console.error(`art.mjs: ${err}`);
  process.exit(2);
}
const { w, h } = opts;
const out = new Module.U8Buffer(w * h * 4);

const times = [];
const first = renderer.render(w, h, 0, 0, w, h, 0, out); // warm-up
if (first) {
  console.error(`art.mjs: ${first}`);
  process.exit(2);
}
const end = performance.now() + opts.ms;
while (times.length < 5 || (times.length < 200 && performance.now() < end)) {
  const t0 = performance.now();
  renderer.render(w, h, 0, 0, w, h, 0, out);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const best = times[0];
const median = times[times.length >> 1];
const hash = renderer.hash(w, h, 0);
console.log(`wasm    ${w}x${h}: best ${best.toFixed(2)} ms/frame, median ${median.toFixed(2)} ms (${times.length} frames), ` +
  `${((w * h) / (best * 1e3)).toFixed(1)} Mpixel/s   hash ${hash}`);
out.delete();
renderer.delete();

if (existsSync(NATIVE_CLI)) {
  try {
    const native = execFileSync(NATIVE_CLI, ['art', '--bench', '--hash', '--size', `${w}x${h}`, '--config', opts.config], {
      encoding: 'utf8',
    });
    process.stdout.write(native.replace(/^/gm, 'native: '));
    const nativeHash = native.split('\n')[0].trim();
    console.log(nativeHash === hash ? 'hashes match (wasm = native)' : `HASH MISMATCH: wasm ${hash}, native ${nativeHash}`);
  } catch (e) {
    console.error(`art.mjs: native run failed: ${e.message}`);
  }
}
