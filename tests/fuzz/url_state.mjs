// url_state.mjs — a seeded fuzzer for the URL state parser (web/src/state/), in Node.
//
// It transpiles web/src/state/*.ts with the project's TypeScript (types stripped, nothing else
// changed; the web code is only read), builds the art studio's and the explorer's tables from the
// engine's registry (build/wasm/actlab_node.js), and feeds parseState random and mutated query
// strings: corpus entries with keys, values, separators, percent escapes and bytes inserted,
// replaced, repeated or cut. Properties checked for every input:
//   1. parseState never throws and always returns a state, a hidden set and notices;
//   2. every value is valid for its field (numbers finite, in range, whole where integer, never -0;
//      enums and list items from the choices, list lengths within bounds; booleans boolean);
//   3. a link reproduces its state: s2 = parse(serialise(s1)) parses again, from serialise(s2),
//      to exactly s2 and the same hidden set, without a notice.
// A failing input is written to build/fuzz/url_state-crash-<n>.txt and the run exits with 1.
//
//   node tests/fuzz/url_state.mjs [--seconds S] [--runs N] [--seed K] [--corpus DIR]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const ts = require('typescript');

const args = process.argv.slice(2);
// --name value, or libFuzzer's -name=value (scripts/fuzz.sh passes -seed=1 to every target).
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const lf = args.find((a) => a.startsWith(`-${name}=`));
  return lf ? lf.slice(name.length + 2) : def;
};
const seconds = Number(opt('seconds', '10'));
const maxRuns = Number(opt('runs', 'Infinity'));
let seed = Number(opt('seed', String(Date.now() % 2147483647))) >>> 0 || 1;
const corpusDir = opt('corpus', join(root, 'tests/fuzz/corpus/url_state'));

// --- load web/src/state as plain JS ----------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'actlab-url-fuzz-'));
for (const f of readdirSync(join(root, 'web/src/state')).filter((n) => n.endsWith('.ts'))) {
  const src = readFileSync(join(root, 'web/src/state', f), 'utf8');
  let js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  js = js.replace(/from '\.\/([a-z-]+)(?:\.ts)?'/g, "from './$1.mjs'");
  writeFileSync(join(work, f.replace(/\.ts$/, '.mjs')), js);
}
const schema = await import(pathToFileURL(join(work, 'schema.mjs')).href);
const artState = await import(pathToFileURL(join(work, 'art.mjs')).href);
const explorerState = await import(pathToFileURL(join(work, 'explorer.mjs')).href);
rmSync(work, { recursive: true, force: true });

const engine = require(join(root, 'build/wasm/actlab_node.js'))();
const metas = JSON.parse(engine.activationsJson());
const ids = metas.map((m) => m.id);
const tables = { art: artState.artTable(ids), explorer: explorerState.explorerTable(metas) };

// --- a seeded generator (xorshift32) ---------------------------------------------------------
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed / 4294967296; };
const int = (n) => Math.floor(rnd() * n);
const pick = (a) => a[int(a.length)];

const keys = [...new Set([...Object.keys(tables.art), ...Object.keys(tables.explorer), 'hide', 'theme', '__proto__', 'constructor', 'toString'])];
const atoms = ['0', '-0', '1', '1e999', '-1e-999', 'NaN', 'Infinity', '0x10', '1.5', '.5', '5.', '+3', ' 7 ', '4294967296', '-50', '1e2',
  'true', 'false', '', ',', ',,', '%', '%2C', '%00', '%E2%80%AE', '%FF', '&', '=', '==', '?', '#', '+', ' ', '\u0000', '\u202e', '😀',
  '<script>', 'rgb', 'hsv', 'gray', '512', 'dark', 'light', ...ids, 'softmax', 'x'.repeat(401)];
const value = () => Array.from({ length: 1 + int(3) }, () => pick(atoms)).join(pick([',', '', ',', ' ']));
const pair = () => `${pick(keys)}${pick(['=', '=', '', '=='])}${value()}`;

let corpus = [];
try { corpus = readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f), 'utf8')); } catch { /* none */ }
if (corpus.length === 0) corpus = ['act=relu'];

function mutate(s) {
  for (let k = 1 + int(4); k > 0; --k) {
    const at = int(s.length + 1);
    switch (int(7)) {
      case 0: s = `${s.slice(0, at)}&${pair()}${s.slice(at)}`; break;
      case 1: s = s.slice(0, at) + s.slice(at + 1 + int(8)); break;
      case 2: s = `${s.slice(0, at)}${pick(atoms)}${s.slice(at)}`; break;
      case 3: s = s.slice(0, at) + String.fromCharCode(int(rnd() < 0.8 ? 128 : 65536)) + s.slice(at); break;
      case 4: s = `${s}&${s.slice(0, at)}`; break;
      case 5: s = pick(['?', '#', '']) + s; break;
      case 6: s = Array.from({ length: 1 + int(6) }, pair).join('&'); break;
    }
  }
  return s.length > 20000 ? s.slice(0, 20000) : s;
}

// --- the properties ---------------------------------------------------------------------------
function invalid(table, state) {
  for (const [key, f] of Object.entries(table)) {
    const v = state[key];
    switch (f.kind) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < f.min || v > f.max || Object.is(v, -0) || (f.integer && !Number.isInteger(v)))
          return `${key} = ${String(v)} is not a valid number for [${f.min}, ${f.max}]`;
        break;
      case 'enum': if (!f.values.includes(v)) return `${key} = ${String(v)} is not a choice`; break;
      case 'boolean': if (typeof v !== 'boolean') return `${key} is not a boolean`; break;
      case 'text': if (typeof v !== 'string' || v.length > f.maxLength || (f.parse !== undefined && f.parse(v, []) !== v)) return `${key} is not canonical text`; break;
      case 'list':
        if (!Array.isArray(v) || v.length < f.minItems || v.length > f.maxItems || v.some((x) => !f.values.includes(x)))
          return `${key} = ${JSON.stringify(v)} is not a valid list`;
        break;
    }
  }
  return '';
}
const sameState = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

function check(name, table, query) {
  const p1 = schema.parseState(table, query);
  if (!p1 || !p1.state || !(p1.hidden instanceof Set) || !Array.isArray(p1.notices)) return 'parseState returned no state';
  const bad = invalid(table, p1.state);
  if (bad) return bad;
  const q1 = schema.serialiseState(table, p1.state, p1.hidden);
  const p2 = schema.parseState(table, q1);
  if (invalid(table, p2.state)) return `the link ${q1} parses to an invalid state`;
  const q2 = schema.serialiseState(table, p2.state, p2.hidden);
  const p3 = schema.parseState(table, q2);
  if (!sameState(p3.state, p2.state) || !sameSet(p3.hidden, p2.hidden))
    return `the link ${q2} does not reproduce its state (${JSON.stringify(p2.state)} vs ${JSON.stringify(p3.state)})`;
  if (p3.notices.length > 0) return `the engine's own link ${q2} gives notices: ${p3.notices.join(' | ')}`;
  return '';
}

const startSeed = seed;
const t0 = performance.now();
let runs = 0;
let failures = 0;
while (runs < maxRuns && performance.now() - t0 < seconds * 1000) {
  const query = rnd() < 0.1 ? Array.from({ length: int(8) }, pair).join('&') : mutate(pick(corpus));
  for (const [name, table] of Object.entries(tables)) {
    let why;
    try { why = check(name, table, query); } catch (err) { why = `threw ${String(err?.stack ?? err)}`; }
    if (why) {
      mkdirSync(join(root, 'build/fuzz'), { recursive: true });
      const file = join(root, `build/fuzz/url_state-crash-${failures}.txt`);
      writeFileSync(file, query);
      console.log(`url_state: ${name}: ${why}\n  input written to ${file}`);
      if (++failures >= 5) break;
    }
  }
  if (failures >= 5) break;
  ++runs;
}
const secs = (performance.now() - t0) / 1000;
console.log(`url_state: seed ${startSeed}, ${runs} inputs x 2 tables in ${secs.toFixed(1)} s (${Math.round(runs / secs)} inputs/s), ${failures} failing`);
console.log(`stat::number_of_executed_units: ${runs}`);
process.exit(failures > 0 ? 1 : 0);
