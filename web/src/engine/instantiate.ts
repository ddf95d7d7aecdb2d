// instantiate.ts — runs an Emscripten MODULARIZE factory and waits until the module is usable.
//
// Debian's Emscripten 3.1.6 is not uniform here: the ES6 browser glue returns a Promise of the
// module, while the CommonJS Node glue built with -sWASM_ASYNC_COMPILATION=0 returns the module
// object itself (already instantiated, with a `ready` Promise on it). Both end up the same here.
import type { ActlabModule } from './types';

type FactoryResult = PromiseLike<unknown> | { ready?: PromiseLike<unknown> };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Calls `factory()` and resolves with the ready module. */
export async function instantiate(factory: (overrides?: Record<string, unknown>) => unknown): Promise<ActlabModule> {
  const result = factory() as FactoryResult;
  if (isThenable(result)) return (await result) as ActlabModule;
  if (result !== null && typeof result === 'object' && isThenable(result.ready)) return (await result.ready) as ActlabModule;
  return result as unknown as ActlabModule;
}
