// client.test.ts — EngineClient ↔ worker.ts ↔ Engine over the request/response protocol, in-process
// under Node (fake-worker.ts), with the Node wasm build standing in for the browser glue.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeWorker, posted, startWorkerClient } from './fake-worker';

vi.mock('../../web/src/engine/generated/actlab_web.mjs', async () => (await import('./fake-worker')).nodeGlue());

const client = await startWorkerClient();
const { EngineError } = await import('../../web/src/engine/client');
const { loadNodeEngine } = await import('../../web/src/engine/node');

const direct = await loadNodeEngine();
afterAll(() => client.terminate());

describe('EngineClient through the worker protocol', () => {
  it('creates a module worker from worker.ts', () => {
    expect(FakeWorker.created[0]!.url).toMatch(/worker\.ts$/);
    expect(FakeWorker.created[0]!.options).toEqual({ type: 'module' });
  });

  it('is ready with the engine version', async () => {
    expect(await client.ready).toBe(direct.version());
  });

  it('lists the same activations as the engine', async () => {
    expect(await client.activations()).toEqual(direct.activations());
  });

  it('returns the same f and f′ bits as the engine, transferring the result', async () => {
    const x = Float32Array.from({ length: 101 }, (_, i) => -5 + i / 10);
    for (const a of direct.activations()) {
      for (const derivative of [false, true]) {
        const got = await client.apply(a.id, x, { derivative });
        expect(new Uint32Array(got.buffer)).toEqual(new Uint32Array(direct.apply(a.id, x, { derivative }).buffer));
      }
    }
    expect(x.length).toBe(101); // the caller's input is copied, never detached
    const last = posted.at(-1)!;
    const result = (last.message as { result: Float32Array }).result;
    expect(last.transfer).toEqual([result.buffer]);
  });

  it('passes parameters and backends through', async () => {
    const a = direct.activations().find((m) => m.params.length > 0)!;
    const x = Float32Array.of(-3, -1, 0, 1, 3);
    const opts = { params: { [a.params[0]!.name]: a.params[0]!.max }, backend: 'scalar' as const };
    expect(await client.apply(a.id, x, opts)).toEqual(direct.apply(a.id, x, opts));
  });

  it('computes softmax', async () => {
    expect(await client.softmax(Float32Array.of(3, 3, 3, 3), { backend: 'scalar' })).toEqual(Float32Array.of(0.25, 0.25, 0.25, 0.25));
  });

  it('turns engine refusals into EngineError with the engine message', async () => {
    const err = await client.apply('no_such_thing', Float32Array.of(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as Error).message).toContain(direct.activations()[0]!.id);
  });

  it('refuses operations outside the protocol', async () => {
    const call = (op: string) => new Promise((resolve) => {
      const id = 1e9 + op.length;
      const worker = FakeWorker.last!;
      const previous = worker.onmessage;
      worker.onmessage = (event) => { worker.onmessage = previous; resolve(event.data); };
      worker.postMessage({ id, op, args: [] });
    });
    for (const op of ['constructor', 'toString', 'eval']) {
      expect(await call(op)).toMatchObject({ ok: false, error: { message: `Unknown engine operation '${op}'` } });
    }
  });
});
