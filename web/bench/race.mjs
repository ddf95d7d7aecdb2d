// race.mjs — the activation race part of `npm run bench`: 8 contestants on the spiral (the page's
// "Spiral, eight activations" preset: 2-16-16-1, Adam, batch 16, 250 training samples each) in
// wasm through the Embind API, as the worker runs it: one call = one round (every contestant one
// epoch, then both splits evaluated), and per drawn frame the 8 decision maps at 32 × 32. Reported
// as epochs per second for each contestant (= rounds/s) with and without the maps; the issue's
// aim is ≥ 30 epochs/s each with every heatmap drawn. Measured, never asserted.
//
//   node web/bench/race.mjs [--quick]
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_MODULE = join(ROOT, 'build/wasm/actlab_node.js');
export const RACE_TARGET = 30; // epochs/s per contestant, every heatmap drawn (issue 9, section 3)
const CONTESTANTS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'swish', 'softplus'];
const SPEC = {
  config: { dataset: { name: 'spiral', noise: 0.02, seed: 1 }, network: { hidden: [{ units: 16 }, { units: 16 }], seed: 1 },
    training: { optimizer: 'adam', learning_rate: 0.01, batch: 16, seed: 1 } },
  contestants: CONTESTANTS.map((activation) => ({ activation })), seeds: 1, target: 0.9, epochs: 5000,
};
const RES = 32; // the page's map resolution (widgets/race/mount.ts GRID_RES)
const D = 2.5; // the page's domain for the spiral: ±1.25 × 2

async function load() {
  const require = createRequire(import.meta.url);
  const made = require(NODE_MODULE)();
  return made.ready === undefined ? made : made.ready;
}

/**
 * Rounds per second over `ms` of racing, best of `passes`. Per frame: one round (`budget` 0) or
 * whole rounds for `budget` ms (the page's "Fast" speed), then, `withMaps`, the 8 maps and the report.
 */
function roundsPerSecond(M, ms, passes, withMaps, budget = 0) {
  let best = 0;
  const buf = new M.F32Buffer(RES * RES);
  try {
    for (let p = 0; p < passes; p++) {
      const r = new M.Race();
      const e = r.configure(JSON.stringify(SPEC));
      if (e) throw new Error(`race: ${e}`);
      r.step(3); // warm-up
      let rounds = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < ms) {
        rounds += budget > 0 ? r.stepMs(budget) : r.step(1);
        if (withMaps) {
          for (let c = 0; c < CONTESTANTS.length; c++) {
            const g = r.grid(c, RES, -D, D, -D, D, buf);
            if (g) throw new Error(g);
            buf.view().slice(0, RES * RES); // the copy the worker makes before transferring
          }
          r.reportJson(r.epoch());          // and the report the page reads each frame
        }
      }
      best = Math.max(best, (1000 * rounds) / (performance.now() - t0));
      r.delete();
    }
  } finally {
    buf.delete();
  }
  return best;
}

export async function runRaceBench({ quick = false, log = () => {} } = {}) {
  const errors = [];
  if (!existsSync(NODE_MODULE)) return { errors: ['build/wasm/actlab_node.js is missing: build it with `bash scripts/build.sh wasm`'], lines: [], markdown: '' };
  log('activation race: 8 contestants on the spiral in wasm ...');
  const M = await load();
  const ms = quick ? 500 : 3000, passes = quick ? 1 : 2;
  let bare = NaN, drawn = NaN, fast = NaN;
  try {
    bare = roundsPerSecond(M, ms, passes, false);
    drawn = roundsPerSecond(M, ms, passes, true);
    fast = roundsPerSecond(M, ms, passes, true, 12);
  } catch (e) {
    errors.push(`race bench failed: ${e.stack ?? e}`);
  }
  const f = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  const top = Math.max(drawn, fast);
  const met = Number.isFinite(top) ? (top >= RACE_TARGET ? 'met' : 'missed') : 'not measured';
  const rows = [
    ['train + evaluate only', f(bare), f(bare * CONTESTANTS.length)],
    [`one round a frame + 8 decision maps ${RES}×${RES} + report (the page's "One epoch a frame")`, f(drawn), f(drawn * CONTESTANTS.length)],
    ['rounds for 12 ms a frame + the maps and report (the page\'s "Fast")', f(fast), f(fast * CONTESTANTS.length)],
  ];
  const table = (head, body) => [head, head.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const head = ['per round', 'epochs/s each', 'epochs/s, all 8'];
  const summary = `race of 8 on the spiral, wasm under Node, maps drawn every frame: ${f(top)} epochs/s each — ${met} (target ≥ ${RACE_TARGET}; ` +
    'headless Chromium: web/tools/race-speed.mjs, numbers in docs/benchmarks.md notes)';
  const markdown = [
    '## Activation race: 8 contestants on the spiral (wasm under Node)',
    '',
    `web/bench/race.mjs: the race page's "Spiral, eight activations" preset (${CONTESTANTS.join(', ')}; 2-16-16-1, Adam, batch 16, ` +
      `250 training and 250 test points) through the Embind \`Race\` the worker drives. A round trains every contestant one epoch and ` +
      `evaluates both splits; "maps" adds what each drawn frame asks for. ${passes > 1 ? `Best of ${passes} passes of` : 'One pass of'} ${ms / 1000} s.`,
    '',
    table(head, rows),
    '',
    `- ${summary}`,
    '',
  ].join('\n');
  return { lines: ['Activation race (8 contestants, spiral, wasm)', table(head, rows), `  - ${summary}`], markdown, summary, errors, bare, drawn, fast };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runRaceBench({ quick: process.argv.includes('--quick'), log: (s) => process.stderr.write(`bench: ${s}\n`) });
  console.log(r.lines.join('\n'));
  for (const e of r.errors) console.error(e);
  process.exit(r.errors.length ? 1 : 0);
}
