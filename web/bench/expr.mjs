// expr.mjs — the learner-written-activation part of `npm run bench`: `actlab_bench --expr`
// (cpp/bench/bench_expr.cpp) natively and as wasm, each typed expression timed back to back with
// the built-in kernel it imitates, reported as ratios (targets from issue 11: the typed
// x * sigmoid(x) >= 0.3x Swish and max(0, x) >= 0.3x ReLU). run.mjs calls runExprBench() and
// appends the table to docs/benchmarks.md; standalone it only prints:
//
//   node web/bench/expr.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE_BENCH = join(ROOT, 'build/native/actlab_bench');
const WASM_BENCH = join(ROOT, 'build/wasm/actlab_bench.js');

function runEngine(label, file, viaNode, quick) {
  if (!existsSync(file)) return { error: `${relative(ROOT, file)} is missing: build it with \`bash scripts/build.sh engine\`` };
  const args = ['--expr', '--json', ...(quick ? ['--quick'] : [])];
  const [cmd, argv] = viaNode ? [process.execPath, [file, ...args]] : [file, args];
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  const r = spawnSync(cmd, argv, { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
  if (r.error || r.status !== 0) return { error: `${label} --expr failed: ${r.error?.message ?? `exit ${r.status}`}\n${r.stderr}` };
  return { records: r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((o) => o.type === 'expr') };
}

const sizeName = (n) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : `${n / 1024}K`);

export async function runExprBench({ quick = false, log = () => {} } = {}) {
  const errors = [];
  const rows = [];
  const misses = [];
  let targets = 0;
  for (const [label, file, viaNode] of [['native', NATIVE_BENCH, false], ['wasm', WASM_BENCH, true]]) {
    log(`expr: ${label}`);
    const r = runEngine(label, file, viaNode, quick);
    if (r.error) { errors.push(r.error); continue; }
    for (const o of r.records) {
      const kind = o.kind === 'f' ? 'f' : 'f and f′';
      let verdict = '';
      if (o.target_ratio > 0) {
        targets++;
        const met = o.ratio >= o.target_ratio;
        verdict = met ? ' ✓' : ' ✗';
        if (!met) misses.push(`${label} ${o.text} ${kind} @${sizeName(o.n)} ${o.ratio.toFixed(2)}×`);
      }
      rows.push([label, sizeName(o.n), `\`${o.text}\``, kind, o.meps_expr.toFixed(1), o.builtin, o.meps_builtin.toFixed(1),
        `${o.ratio.toFixed(2)}×${verdict}`]);
    }
  }
  const head = ['target', 'n', 'typed expression', 'computes', 'tape M/s', 'built-in', 'built-in M/s', 'ratio'];
  const summary = `typed x * sigmoid(x) ≥ 0.3× swish and max(0, x) ≥ 0.3× relu: met in ${targets - misses.length} of ${targets} rows` +
    (misses.length ? `; missed: ${misses.join(', ')}` : '');
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  const lines = ['Learner-written activations (expression tape, SIMD) vs the built-in kernels, same run:', line(head),
    ...rows.map(line), summary];
  const markdown = [
    '## Learner-written activations',
    '',
    'A typed expression compiled to the engine\'s tape (cpp/actlab/expr/, docs/expr.md) against the built-in kernel it ' +
      'imitates, SIMD back end, timed back to back twice with the faster of each side kept (`actlab_bench --expr`, ' +
      'cpp/bench/bench_expr.cpp). "f and f′" is the one-pass call the trainer makes. ELU\'s row uses α = 0.25 on the typed ' +
      'side and 1 on the built-in: the same work.',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `- ${summary}`,
    '',
  ].join('\n');
  return { errors, lines, markdown, misses };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runExprBench({ quick: process.argv.includes('--quick'), log: (s) => process.stderr.write(`bench: ${s}\n`) });
  console.log(r.lines.join('\n'));
  for (const e of r.errors) console.error(e);
  process.exit(r.errors.length ? 1 : 0);
}
