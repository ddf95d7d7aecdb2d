// client-failure.test.ts — a page always learns why the engine is missing: a worker script that
// does not load and a wasm that does not instantiate both reject `ready` with EngineLoadError.
import { describe, expect, it, vi } from 'vitest';
import { FakeWorker, installFakes } from './fake-worker';

vi.mock('../../web/src/engine/generated/actlab_web.mjs', () => ({
  default: () => Promise.reject(new Error('failed to asynchronously prepare wasm: CompileError')),
}));

installFakes();
const { EngineClient, EngineLoadError } = await import('../../web/src/engine/client');

describe('EngineClient when the engine cannot start', () => {
  it('rejects ready, and every call, when the worker script fails to load', async () => {
    FakeWorker.failToLoad = true;
    const client = new EngineClient();
    const err = await client.ready.catch((e: unknown) => e);
    FakeWorker.failToLoad = false;
    expect(err).toBeInstanceOf(EngineLoadError);
    expect((err as Error).message).toMatch(/worker could not start/);
    await expect(client.activations()).rejects.toBe(err);
  });

  it('rejects ready with the reason when the wasm cannot be instantiated', async () => {
    await import('../../web/src/engine/worker');
    const client = new EngineClient();
    const err = await client.ready.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineLoadError);
    expect((err as Error).message).toMatch(/could not be loaded: failed to asynchronously prepare wasm/);
  });

  it('gives up with a clear message when the engine never answers', async () => {
    FakeWorker.silent = true;
    const client = new EngineClient({ loadTimeoutMs: 50 });
    FakeWorker.silent = false;
    const err = await client.ready.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineLoadError);
    expect((err as Error).message).toMatch(/did not answer within/);
  });
});
