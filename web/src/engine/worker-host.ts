// worker-host.ts — what a module Web Worker that owns the engine does: loads the wasm once and
// answers requests (see protocol.ts). worker.ts and worker-core.ts call serveEngine() with the
// full engine or the activations-only one; all compute runs in the worker so a page never freezes.

import { Art } from './art';
import type { ArtModule } from './art-types';
import { curves, geluError, pointValues } from './composite';
import { Engine } from './engine';
import { instantiate } from './instantiate';
import type { Op, Ops, Request, Response, WireError } from './protocol';
import { runProbe, type ProbeModule } from './probes';
import { raceHandlers } from './race-worker';
import { trainerHandlers } from './trainer-worker';
import { ExprEngine, type ExprModule } from './expr';
import { runExercise, type ExerciseModule } from './exercise';

/** The part of DedicatedWorkerGlobalScope this file uses (the DOM lib is the project default). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

type Factory = (overrides?: Record<string, unknown>) => unknown;

/**
 * Loads the module from `createModule` at once and answers every request with it. `exprModule`, when
 * given, loads the module the typed-activation calls use instead (the activations-only worker fetches
 * the full engine for them only when a page first asks: the explorer's own curve).
 */
export function serveEngine(createModule: Factory, exprModule?: () => Promise<Factory>): void {
// A load failure (no wasm SIMD, blocked fetch ...) becomes the answer to every request.
const loaded = instantiate(createModule);
const engine: Promise<Engine> = loaded.then((module) => new Engine(module));
engine.catch(() => undefined); // reported through the answers, not as an unhandled rejection
let art: Art | undefined;
/** The worker's one art renderer, created on first use (throws when the build has none). */
const artOf = async (): Promise<Art> => (art ??= new Art((await loaded) as unknown as ArtModule));
let expr: Promise<ExprEngine> | undefined;
/** The typed-activation engine (the full builds have it; the activations-only worker loads it once, on first use). */
const exprOf = (): Promise<ExprEngine> =>
  (expr ??= (exprModule === undefined ? loaded : exprModule().then((f) => instantiate(f))).then((m) => new ExprEngine(m as unknown as ExprModule)));
/** An n-point grid over [lo, hi], as the engine's grids are (lo + i·(hi − lo)/(n − 1), in float). */
const gridOf = (lo: number, hi: number, n: number): Float32Array => {
  const count = Math.max(2, Math.min(100001, Math.floor(n)));
  return Float32Array.from({ length: count }, (_, i) => lo + (i * (hi - lo)) / (count - 1));
};

type Handlers = { [K in Op]: (e: Engine, ...args: Ops[K]['args']) => Ops[K]['result'] | Promise<Ops[K]['result']> };
const handlers: Handlers = {
  version: (e) => e.version(),
  // Structured clone cannot copy frozen-ness; the page gets its own plain copy.
  activations: (e) => [...e.activations()],
  apply: (e, id, x, opts) => e.apply(id, x, opts),
  softmax: (e, z, opts) => e.softmax(z, opts),
  curveFeatures: (e, id, opts) => e.curveFeatures(id, opts),
  curves: async (e, req) => curves(e, req, req.fx === undefined ? undefined : await exprOf()),
  points: async (e, ids, params, z, temperature, fx) => pointValues(e, ids, params, z, temperature, fx, fx === undefined ? undefined : await exprOf()),
  geluError: (e, zmin, zmax, n) => geluError(e, zmin, zmax, n),
  artConfigure: async (_, json) => (await artOf()).configure(json),
  artRender: async (_, tile) => (await artOf()).render(tile),
  artHash: async (_, w, h, z) => (await artOf()).hash(w, h, z),
  ...trainerHandlers(loaded),
  ...raceHandlers(loaded),
  probe: async (_, kind, spec) => runProbe((await loaded) as ProbeModule, kind, spec),
  exprCheck: async (_, text, params) => (await exprOf()).check(text, params),
  exprCurves: async (_, text, lo, hi, n, params) => {
    const x = gridOf(lo, hi, n);
    return { x, ...(await exprOf()).evaluateBoth(text, x, params) };
  },
  exprCheatRow: async (_, text, opts) => (await exprOf()).cheatRow(text, opts),
  exprCompare: async (_, answer, reference, opts) => (await exprOf()).compare(answer, reference, opts),
  exprCheckDerivative: async (_, df, f, opts) => (await exprOf()).checkDerivative(df, f, opts),
  exercise: async (_, kind, spec) => runExercise((await loaded) as ExerciseModule, kind, spec),
};

/** The ArrayBuffers of typed arrays in a result (up to four object/array levels down), to transfer. */
function transferables(result: unknown): Transferable[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) found.add(v.buffer as ArrayBuffer);
    else if (depth < 4 && v !== null && typeof v === 'object') for (const w of Object.values(v)) visit(w, depth + 1);
  };
  visit(result, 0);
  return [...found];
}

function toWire(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

async function answer(request: Request): Promise<void> {
  const { id, op, args } = request;
  try {
    if (!Object.hasOwn(handlers, op)) throw new Error(`Unknown engine operation '${String(op)}'`);
    const handler = handlers[op] as (e: Engine, ...a: unknown[]) => unknown;
    const result = await handler(await engine, ...(args as unknown[]));
    const transfer = transferables(result);
    scope.postMessage({ id, ok: true, result } as Response, transfer);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: toWire(err) });
  }
}

scope.onmessage = (event) => void answer(event.data);
}
