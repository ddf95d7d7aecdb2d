// node.ts — loadNodeEngine(): the Engine on the CommonJS Node build, for Vitest and Node scripts.
//
// build/wasm/actlab_node.js is built with -sMODULARIZE (module.exports is the createActlab
// factory), -sENVIRONMENT=node and -sWASM_ASYNC_COMPILATION=0 (TOOLCHAIN.md pitfall 2).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Engine } from './engine.ts';
import { instantiate } from './instantiate.ts';
import { Race } from './race.ts';
import type { RaceModule } from './race-types';
import { readPointsCsv, Trainer } from './trainer.ts';
import type { TrainerModule } from './trainer-types';
import type { ActlabFactory, ActlabModule } from './types';
import type { ProbeModule } from './probes';

export { Engine, Race, readPointsCsv, Trainer };
export { EngineError, EngineLoadError } from './errors.ts';
export { runProbe } from './probes.ts';

/** Where the wasm build puts the Node module (relative to this file: repo/build/wasm/). */
export const defaultNodeModulePath = fileURLToPath(new URL('../../../build/wasm/actlab_node.js', import.meta.url));

/**
 * Loads the Node flavour of the engine and wraps it. `modulePath` overrides the default
 * build/wasm/actlab_node.js. Rejects with a message saying how to build it when it is missing.
 */
export async function loadNodeEngine(modulePath: string = defaultNodeModulePath): Promise<Engine> {
  return new Engine(await loadNodeModule(modulePath));
}

/**
 * The raw, instantiated Node module (what `new Trainer(module)` takes). Each call loads a fresh
 * module instance. The Node factory returns the Module with a `ready` promise; this waits for it.
 */
export async function loadNodeModule(modulePath: string = defaultNodeModulePath): Promise<ActlabModule & TrainerModule & ProbeModule & RaceModule> {
  if (!existsSync(modulePath)) {
    throw new Error(`${modulePath} does not exist: build the wasm engine first ` +
      '(NODE_PATH=/usr/share/nodejs cmake --preset wasm && cmake --build --preset wasm, or npm run build)');
  }
  const require = createRequire(import.meta.url);
  const factory = require(modulePath) as ActlabFactory;
  if (typeof factory !== 'function') {
    throw new Error(`${modulePath} does not export the createActlab factory (was it linked with -sMODULARIZE?)`);
  }
  return (await instantiate(factory)) as ActlabModule & TrainerModule & ProbeModule & RaceModule;
}
