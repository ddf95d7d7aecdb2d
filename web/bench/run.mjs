// run.mjs — the benchmark command (`npm run bench`): runs the engine natively and as wasm under
// Node, plain JavaScript and TensorFlow.js's wasm backend on the same inputs, prints one table per
// size with ratios against those baselines measured in this same run, checks the speed targets,
// and writes the same tables to docs/benchmarks.md.
//
//   node web/bench/run.mjs [--quick] [--filter NAME] [--no-docs] [--no-train]
//     --quick     one pass of short rounds (a smoke run, rough numbers; docs/benchmarks.md says so)
//     --filter    only activations whose id contains NAME
//     --no-docs   do not overwrite docs/benchmarks.md
//     --no-train  skip the training benchmark (web/bench/train.mjs), which otherwise runs last
//
// A full run makes two passes over every column (native, wasm, plain JS, tfjs), about a minute
// apart, and keeps each cell's faster pass; it prints how often the passes disagreed.
//
// Needs build/native/actlab_bench and build/wasm/actlab_bench.js (`bash scripts/build.sh engine`;
// `npm run bench` builds them first). It is a command, never a test: a missed target is reported,
// not failed; the exit status is non-zero only when something could not be measured.
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHORT_ROW, SIZES, SOFTMAX_ROW, settings } from './measure.mjs';
import { runPlainJs } from './plain-js.mjs';
import { runTfjs } from './tfjs.mjs';
import { runTrainBench } from './train.mjs';
import { runExprBench } from './expr.mjs';
import { runRaceBench } from './race.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE_BENCH = join(ROOT, 'build/native/actlab_bench');
const WASM_BENCH = join(ROOT, 'build/wasm/actlab_bench.js');
const DOC = join(ROOT, 'docs/benchmarks.md');
const NOTES = join(ROOT, 'web/bench/notes.md');

// The targets (PRODUCT.md: the engine beats every peer and gets close to what the hardware allows).
const TARGETS = {
  wasmVsNative: 0.9, // wasm SIMD >= 0.9x native SSE2, every kernel (f and f')
  vsTfjs: 1.5, //        wasm SIMD >= 1.5x tfjs-wasm, every activation tfjs has (op or composed), issue 14
  vsPlainJs: 5, //       wasm SIMD >= 5x plain JS, every transcendental activation
};
const EARLIER_TFJS_AIM = 3; // the first benchmark's aim (>= 3x tfjs), still counted in the summary

function parseArgs(argv) {
  const opts = { quick: false, filter: '', docs: true, train: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-docs') opts.docs = false;
    else if (a === '--no-train') opts.train = false;
    else if (a === '--filter' && i + 1 < argv.length) opts.filter = argv[++i];
    else {
      console.error(`run.mjs: unknown option '${a}'\nusage: node web/bench/run.mjs [--quick] [--filter NAME] [--no-docs] [--no-train]`);
      process.exit(2);
    }
  }
  return opts;
}

const progress = (s) => process.stderr.write(`bench: ${s}\n`);

/** stdout of a command, trimmed, or 'n/a'. */
function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'n/a';
  }
}

/**
 * Runs one build of actlab_bench with --json (`file` directly, or with Node when `viaNode`);
 * returns { meta, activations, results } or { error }.
 */
function runEngine(label, file, viaNode, args) {
  if (!existsSync(file)) {
    return { error: `${relative(ROOT, file)} is missing: build it with \`bash scripts/build.sh engine\`` };
  }
  const [command, argv] = viaNode ? [process.execPath, [file, ...args]] : [file, args];
  const t0 = performance.now();
  const env = { ...process.env, NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(':') };
  const r = spawnSync(command, argv, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000 });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit status ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
    return { error: `${label} failed: ${why}\n${(r.stderr || '').trim().split('\n').slice(-15).join('\n')}` };
  }
  const out = { meta: null, activations: [], results: [] };
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line);
    if (o.type === 'meta') out.meta = o;
    else if (o.type === 'activation') out.activations.push(o);
    else if (o.type === 'result') out.results.push(o);
  }
  progress(`${label}: ${out.results.length} measurements in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return out;
}

// --- formatting -------------------------------------------------------------------------------

const DASH = '—';
const fmtRate = (v) => (v === undefined ? DASH : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A ratio cell: "3.21× ✓", "0.80× ✗", or "1.7×" when no target applies. */
function ratioCell(num, den, target) {
  if (num === undefined || den === undefined) return { text: DASH };
  const r = num / den;
  const text = `${r.toFixed(2)}×`;
  if (target === undefined) return { text, r };
  const met = r >= target;
  return { text: `${text} ${met ? '✓' : '✗'}`, r, met };
}

const COLUMNS = [
  'activation', 'native scalar', 'native SIMD', 'wasm scalar', 'wasm SIMD', 'wasm SIMD before', 'plain JS', 'tfjs-wasm',
  'SIMD/scalar', `wasm/native ≥${TARGETS.wasmVsNative}`, `wasm/tfjs ≥${TARGETS.vsTfjs}`, 'before/tfjs',
  `wasm/JS ≥${TARGETS.vsPlainJs}*`, 'max ULP ours (before) / tfjs',
];
const LEGEND = [
  'Rates in M elements/s. Ratios: SIMD/scalar = native SIMD ÷ native scalar; wasm/native = wasm SIMD ÷ native SIMD;',
  'wasm/tfjs = wasm SIMD ÷ tfjs-wasm; wasm/JS = wasm SIMD ÷ plain JS (* target for transcendental activations only).',
  '"wasm SIMD before" and before/tfjs: the kernel as it was before issue 14 (cpp/bench/before_kernels.hpp), timed in this same run.',
  'max ULP ours (before) / tfjs: f on the 1M inputs against the engine\'s double reference (`actlab_bench --ulp`), over the inputs whose',
  'true result is a normal float (log-softmax: ulps of max(|ref|, 2^-10)); (before): the old kernel on the same inputs; "+k bad" counts',
  'wrong special results (NaN/Inf where the truth is finite or the reverse, or a normal-sized result where the truth underflows).',
  'f′ rows are derivatives (plain JS and tfjs time f only). (c) composed from several tfjs ops.',
  `softmax_row10 / log_softmax_row10: rows of ${SHORT_ROW} logits (a classifier's output layer), over the first n − n mod ${SHORT_ROW} inputs.`,
  '✓ target met, ✗ missed, — not measured.',
];

function consoleTable(rows) {
  const all = [COLUMNS, ...rows];
  const width = COLUMNS.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('  ');
  return [line(COLUMNS), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows) {
  const line = (r) => `| ${r.join(' | ')} |`;
  return [line(COLUMNS), `|${COLUMNS.map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(line)].join('\n');
}

// --- main -------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
const started = performance.now();
// This benchmark shares its machine: record how busy it was (1-minute load average).
const loadAtStart = loadavg()[0];
// Every column is measured in each of `passes` passes, a minute or so apart, and each cell keeps
// its fastest pass: on a shared machine one column can otherwise land wholly in a slow spell.
const passes = opts.quick ? 1 : 2;
const rounds = 3; // per pass and measurement: 2 x 3 rounds in a full run, 3 in a quick one
const passthrough = ['--json', '--rounds', String(rounds), ...(opts.quick ? ['--quick'] : []),
  ...(opts.filter ? ['--filter', opts.filter] : [])];
const errors = [];

const native = { results: [], activations: [], meta: null };
const wasm = { results: [], activations: [], meta: null };
const plain = { results: [], missing: [] };
let tfjs = { info: null, results: [], missing: [] };
const tfjsOutputs = mkdtempSync(join(tmpdir(), 'actlab-bench-tfjs-')); // tfjs's f outputs, for --ulp
let ids = [];
let params = {};

for (let pass = 1; pass <= passes; pass++) {
  const tag = passes > 1 ? ` (pass ${pass} of ${passes})` : '';
  for (const [label, file, viaNode, into] of [
    ['native', NATIVE_BENCH, false, native],
    ['wasm', WASM_BENCH, true, wasm],
  ]) {
    if (into.error) continue;
    progress(`${label} engine (${relative(ROOT, file)})${tag} ...`);
    const r = runEngine(label, file, viaNode, passthrough);
    if (r.error) {
      into.error = r.error;
      errors.push(r.error);
      continue;
    }
    into.meta ??= r.meta;
    if (into.activations.length === 0) into.activations = r.activations;
    into.results.push(...r.results);
  }

  if (pass === 1) {
    // Activation order and parameter defaults come from the engine's registry (either build).
    const engineRuns = [native, wasm].filter((r) => !r.error);
    if (engineRuns.length === 0) {
      for (const e of errors) console.error(e);
      process.exit(1);
    }
    for (const run of engineRuns) for (const r of run.results) if (!ids.includes(r.id)) ids.push(r.id);
    for (const run of engineRuns) for (const a of run.activations) params[a.id] ??= a.params.map((p) => p.default);
  }

  progress(`plain JS${tag} ...`);
  const pj = runPlainJs({ ids, params, quick: opts.quick, rounds });
  plain.results.push(...pj.results);
  plain.missing = pj.missing;

  if (tfjs.error) continue;
  progress(`TensorFlow.js (wasm backend)${tag} ...`);
  try {
    const tj = await runTfjs({ ids, params, quick: opts.quick, rounds, outputsDir: tfjsOutputs });
    tfjs = { info: tj.info, results: [...tfjs.results, ...tj.results], missing: tj.missing };
  } catch (e) {
    errors.push(`tfjs failed: ${e.stack ?? e}`);
    tfjs = { info: null, results: [], missing: ids, error: true };
  }
}

// Accuracy side by side: tfjs's outputs and ours against the engine's double reference (native
// build: the kernels give the same bits on both targets, tests/golden).
const ulps = new Map(); // id -> { ours, ours_bad, peer, peer_bad }
if (!tfjs.error && existsSync(NATIVE_BENCH)) {
  const r = spawnSync(NATIVE_BENCH, ['--ulp', tfjsOutputs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) errors.push(`actlab_bench --ulp failed: ${(r.stderr || '').trim()}`);
  for (const line of (r.stdout || '').split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line);
    if (o.type === 'ulp') ulps.set(o.id, o);
    else if (o.type === 'ulp-ceiling') ulps.set(`${o.id}:ceiling`, o);
  }
  progress(`accuracy side by side: ${ulps.size} activations`);
}
rmSync(tfjsOutputs, { recursive: true, force: true });

// Training: samples/s, one playground frame, GEMM share of peak (train.mjs; its own passes).
const train = opts.train ? await runTrainBench({ quick: opts.quick, log: progress }) : null;
if (train) errors.push(...train.errors);
// The activation race: 8 contestants on the spiral, epochs/s each (race.mjs).
const raceBench = opts.train ? await runRaceBench({ quick: opts.quick, log: progress }) : null;
if (raceBench) errors.push(...raceBench.errors);
// Learner-written activations vs the built-in kernels (expr.mjs).
const exprBench = await runExprBench({ quick: opts.quick, log: progress });
errors.push(...exprBench.errors);

// The fastest pass of one cell, and how far apart the passes were (max / min).
const spreads = [];
function best(list, pred) {
  const hits = list.filter(pred);
  if (hits.length === 0) return undefined;
  const rates = hits.map((h) => h.meps);
  const top = hits[rates.indexOf(Math.max(...rates))];
  if (hits.length > 1) spreads.push(Math.max(...rates) / Math.min(...rates));
  return top;
}
function engineRate(run, n, id, kind, backend, variant = undefined) {
  return best(run.results, (r) => r.n === n && r.id === id && r.kind === kind && r.backend === backend && r.variant === variant)?.meps;
}
const ulpText = (v, bad) => `${v.toFixed(2)}${bad ? ` +${bad} bad` : ''}`;

const verdicts = { wasmVsNative: [], vsTfjs: [], vsPlainJs: [] };
const earlier = []; // wasm/tfjs against the earlier 3x aim
const tables = []; // { n, rows }
for (const n of SIZES) {
  const rows = [];
  for (const id of ids) {
    for (const kind of ['f', 'df']) {
      const ns = engineRate(native, n, id, kind, 'scalar');
      const nv = engineRate(native, n, id, kind, 'simd');
      const ws = engineRate(wasm, n, id, kind, 'scalar');
      const wv = engineRate(wasm, n, id, kind, 'simd');
      const wb = engineRate(wasm, n, id, kind, 'simd', 'before');
      if ([ns, nv, ws, wv].every((v) => v === undefined)) continue; // softmax has no f' row
      const js = kind === 'f' ? best(plain.results, (r) => r.n === n && r.id === id) : undefined;
      const tf = kind === 'f' ? best(tfjs.results, (r) => r.n === n && r.id === id) : undefined;
      const label = kind === 'f' ? id : `${id}′`;

      const simdGain = ratioCell(nv, ns);
      const vsNative = ratioCell(wv, nv, TARGETS.wasmVsNative);
      const vsTf = ratioCell(wv, tf?.meps, TARGETS.vsTfjs);
      const beforeTf = ratioCell(wb, tf?.meps);
      if (vsTf.r !== undefined) earlier.push({ n, label, r: vsTf.r, met: vsTf.r >= EARLIER_TFJS_AIM });
      const u = kind === 'f' ? ulps.get(id) : undefined;
      const vsJs = ratioCell(wv, js?.meps, js?.transcendental ? TARGETS.vsPlainJs : undefined);
      const note = (c, key) => { if (c.met !== undefined) verdicts[key].push({ n, label, r: c.r, met: c.met }); };
      note(vsNative, 'wasmVsNative');
      note(vsTf, 'vsTfjs');
      note(vsJs, 'vsPlainJs');

      rows.push([
        label, fmtRate(ns), fmtRate(nv), fmtRate(ws), fmtRate(wv), fmtRate(wb), fmtRate(js?.meps),
        tf ? `${fmtRate(tf.meps)}${tf.composed ? ' (c)' : ''}` : DASH,
        simdGain.text, vsNative.text, vsTf.text, beforeTf.text, vsJs.text,
        u ? `${ulpText(u.ours, u.ours_bad)}${u.before !== undefined ? ` (${ulpText(u.before, u.before_bad)})` : ''} / ${ulpText(u.peer, u.peer_bad)}` : DASH,
      ]);
    }
  }
  tables.push({ n, rows });
}

const sizeName = (n) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : `${n / 1024}K`);
const sizeTitle = (n) => `n = ${n.toLocaleString('en-US')} (${sizeName(n)}), M elements/s`;
const targetLines = [
  `wasm SIMD ≥ ${TARGETS.wasmVsNative}× native SSE2 (every kernel, f and f′)`,
  `wasm SIMD ≥ ${TARGETS.vsTfjs}× TensorFlow.js wasm backend (every activation tfjs can compute; (c) = composed from several tfjs ops)`,
  `wasm SIMD ≥ ${TARGETS.vsPlainJs}× plain JS (transcendental activations: the ones whose JS uses Math.exp/tanh/log/expm1/log1p)`,
];
const summaryLines = Object.entries(verdicts).map(([key, list]) => {
  const misses = list.filter((v) => !v.met);
  const head = `${targetLines[Object.keys(TARGETS).indexOf(key)].split(' (')[0]}: met in ${list.length - misses.length} of ${list.length} rows (both sizes)`;
  if (misses.length === 0) return head;
  return `${head}; missed: ${misses.map((v) => `${v.label} @${sizeName(v.n)} ${v.r.toFixed(2)}×`).join(', ')}`;
});
{
  const misses = earlier.filter((v) => !v.met);
  summaryLines.push(`wasm SIMD ≥ ${EARLIER_TFJS_AIM}× TensorFlow.js (the earlier aim): met in ${earlier.length - misses.length} of ${earlier.length} rows`);
}
// What the softmax's exact z − m costs: the bench-only variant without it (ceiling_kernels.hpp).
{
  const parts = SIZES.map((n) => {
    const c = engineRate(wasm, n, 'softmax', 'f', 'simd', 'ceiling');
    const ours = engineRate(wasm, n, 'softmax', 'f', 'simd');
    const tf = best(tfjs.results, (r) => r.n === n && r.id === 'softmax')?.meps;
    return c === undefined ? undefined : `@${sizeName(n)} ${fmtRate(c)} M/s wasm (ours ${fmtRate(ours)}, ${tf ? `${(c / tf).toFixed(2)}× tfjs` : 'tfjs n/a'})`;
  }).filter(Boolean);
  const u = ulps.get('softmax:ceiling');
  if (parts.length) {
    summaryLines.push(`softmax over rows of ${SOFTMAX_ROW} without the exact z − m (bench-only ceiling, cpp/bench/ceiling_kernels.hpp): ` +
      `${parts.join('; ')}${u ? `; max ${u.max.toFixed(2)} ULP on the 1M inputs (ours ${ulps.get('softmax')?.ours.toFixed(2) ?? '?'})` : ''}`);
  }
}
// Kernels against their form before their latest speed change (prev_kernels.hpp), same run.
const PREV_SINCE = { softmax: '749254b (exact z − m, before exp_biased)', hard_swish: 'ab546a9 (before issue 14\'s second session)' };
for (const [id, kind] of [['softmax', 'f'], ['hard_swish', 'f'], ['hard_swish', 'df']]) {
  const parts = SIZES.map((n) => {
    const seg = [];
    for (const [name, run] of [['wasm', wasm], ['native', native]]) {
      const p = engineRate(run, n, id, kind, 'simd', 'prev');
      const now = engineRate(run, n, id, kind, 'simd');
      if (p !== undefined && now !== undefined) seg.push(`${name} ${fmtRate(p)} → ${fmtRate(now)} M/s (${(now / p).toFixed(2)}×)`);
    }
    const pw = engineRate(wasm, n, id, kind, 'simd', 'prev'), pn = engineRate(native, n, id, kind, 'simd', 'prev');
    const tf = kind === 'f' ? best(tfjs.results, (r) => r.n === n && r.id === id)?.meps : undefined;
    if (pw !== undefined && pn !== undefined) seg.push(`wasm/native before ${(pw / pn).toFixed(2)}×`);
    if (pw !== undefined && tf) seg.push(`before/tfjs ${(pw / tf).toFixed(2)}×`);
    return seg.length ? `@${sizeName(n)} ${seg.join(', ')}` : undefined;
  }).filter(Boolean);
  if (parts.length) summaryLines.push(`${id}${kind === 'df' ? '′' : ''} before → after: as at ${PREV_SINCE[id]} (bench-only copy, cpp/bench/prev_kernels.hpp): ${parts.join('; ')}`);
}
const missingLines = [];
if (plain.missing.length) missingLines.push(`no plain-JS version: ${plain.missing.join(', ')}`);
if (tfjs.missing.length) missingLines.push(`not timed on tfjs: ${tfjs.missing.join(', ')}`);

// --- console ----------------------------------------------------------------------------------
const timing = settings({ quick: opts.quick, rounds });
const meta = (native.meta ?? wasm.meta);
const method = `${passes > 1 ? `${passes} passes × ` : ''}${timing.rounds} rounds of ≥ ${timing.roundMs} ms ` +
  `after ${timing.warmupMs} ms warm-up, clock read every ~${timing.sliceMs} ms slice of calls, fastest slice counts; ` +
  `inputs: the same pseudo-random floats on [-6, 6] for every column; softmax over rows of ${SOFTMAX_ROW} (and of ${SHORT_ROW}: the _row10 rows)`;
console.log(`\nActivation Lab benchmark${opts.quick ? ' (--quick: rough numbers)' : ''}`);
console.log(`engine: native ${native.meta?.simd ?? 'n/a'}, wasm ${wasm.meta?.simd ?? 'n/a'} under Node ${process.version}; ` +
  `tfjs ${tfjs.info ? `${tfjs.info.version} ${tfjs.info.build}, ${tfjs.info.threads} thread` : 'n/a'}`);
const loadAtEnd = loadavg()[0];
const noisy = spreads.filter((r) => r > 1.15).length;
const noiseLine = passes > 1
  ? `passes disagreed by more than 15% in ${noisy} of ${spreads.length} cells (machine noise); each cell shows its faster pass`
  : 'one pass (--quick): no noise estimate';
const loadLine = `1-minute load average: ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end ` +
  `(${tryRun('nproc', [])} CPUs; other work on the machine lowers every column)`;
console.log(method);
console.log(loadLine);
console.log(noiseLine);
console.log('targets:');
for (const t of targetLines) console.log(`  - ${t}`);
for (const { n, rows } of tables) {
  console.log(`\n${sizeTitle(n)}`);
  console.log(consoleTable(rows));
}
console.log('');
for (const l of LEGEND) console.log(l);
console.log('\nsummary:');
for (const s of [...summaryLines, ...missingLines]) console.log(`  - ${s}`);
if (train) console.log(`\n${train.lines.join('\n')}`);
if (raceBench) console.log(`\n${raceBench.lines.join('\n')}`);
console.log(`\n${exprBench.lines.join('\n')}`);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\ntotal ${seconds} s`);

// --- docs/benchmarks.md -----------------------------------------------------------------------
if (opts.docs && errors.length === 0) {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? 'unknown';
  const gcc = tryRun('g++', ['-dumpfullversion']);
  const emcc = tryRun('em++', ['--version']).split('\n')[0].replace(/^emcc \(.*?\)\s*/, '').replace(/\s*\(\)$/, '');
  const command = `node web/bench/run.mjs${opts.quick ? ' --quick' : ''}${opts.filter ? ` --filter ${opts.filter}` : ''}`;
  const md = [
    '# Benchmarks',
    '',
    `<!-- Written by web/bench/run.mjs; overwritten on every run. Do not edit by hand. -->`,
    '',
    opts.quick ? '**Quick run (`--quick`): short rounds, rough numbers.**\n' : '',
    `- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- Machine: ${cpu}, ${tryRun('nproc', [])} logical CPUs (nproc), ${process.platform} ${process.arch}`,
    `- Node ${process.version}; g++ ${gcc}; Emscripten ${emcc}; TensorFlow.js ${tfjs.info?.version ?? 'n/a'} ` +
      `(${tfjs.info?.build ?? 'n/a'}, ${tfjs.info?.threads ?? '?'} thread)`,
    `- ${loadLine}`,
    `- ${noiseLine}`,
    `- Reproduce: \`npm run bench\` (builds both targets, then runs \`node web/bench/run.mjs\`); ` +
      `this file came from \`${command}\`.`,
    '',
    '## Method',
    '',
    `Every column measures the same ${SIZES.map(sizeName).join(' and ')} pseudo-random floats on [-6, 6] ` +
      `(one LCG, seed 0x5EED) and reports millions of elements per second (M elements/s): ${method.split('; ')[0]}, ` +
      'single thread. Native and wasm run `actlab_bench` (cpp/bench/bench_activations.cpp), the same ' +
      `source built with gcc (${native.meta?.simd ?? 'SSE2'}) and Emscripten (${wasm.meta?.simd ?? 'wasm128'}, run by Node). ` +
      'Scalar is the engine\'s one-lane back end, SIMD its 4-lane back end; on wasm, clang\'s auto-vectorizer ' +
      'turns parts of the one-lane back end into SIMD128 (gcc -O2 does not), so the wasm scalar column is not purely scalar. Plain JS is one Math.* loop per activation ' +
      '(web/bench/plain-js.mjs). tfjs-wasm times `op(tensor).dataSync()`, which includes reading the result back ' +
      'into a JS array, as a tfjs user must (web/bench/tfjs.mjs); the engine columns exclude any JS copy. ' +
      `Softmax and log-softmax work on rows of ${SOFTMAX_ROW} logits, and the _row10 rows on rows of ${SHORT_ROW}. The engine uses each activation's default parameters. ` +
      'At 4K the same inputs repeat on every call, so the CPU\'s branch predictor can learn the pattern of a branchy ' +
      'loop (plain JS relu, elu); the 1M table is the fairer one for branchy code.',
    '',
    '## Targets',
    '',
    ...targetLines.map((t) => `- ${t}`),
    '',
    ...tables.flatMap(({ n, rows }) => [`## ${sizeTitle(n)}`, '', markdownTable(rows), '']),
    LEGEND.join('\n'),
    '',
    '## Summary',
    '',
    ...[...summaryLines, ...missingLines].map((s) => `- ${s}`),
    '',
    train ? train.markdown : '',
    raceBench ? raceBench.markdown : '',
    exprBench.markdown,
    // Hand-written analysis (what changed, why a row misses, instruction counts): kept beside
    // this script so that regenerating the tables does not lose it.
    existsSync(NOTES) ? readFileSync(NOTES, 'utf8') : '',
  ].join('\n');
  writeFileSync(DOC, md.replace(/\n{3,}/g, '\n\n'));
  console.log(`wrote ${relative(ROOT, DOC)}`);
}

if (errors.length) {
  console.error('\nbench: some columns could not be measured (docs/benchmarks.md left unchanged):');
  for (const e of errors) console.error(e);
  process.exit(1);
}
