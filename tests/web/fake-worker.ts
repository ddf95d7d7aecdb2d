// fake-worker.ts — runs web/src/engine/worker.ts in-process under Node so EngineClient can be
// tested without a browser: a fake `self` for the worker side and a fake `Worker` for the page
// side, passing messages through structuredClone as a real worker boundary would. A test file that
// wants the real engine behind the worker mocks the browser glue with the Node wasm build, then
// starts the worker:
//   vi.mock('../../web/src/engine/generated/actlab_web.mjs', async () => (await import('./fake-worker')).nodeGlue());
//   const client = await startWorkerClient();
import type { EngineClient } from '../../web/src/engine/client';

/** What the worker posted: the message and its transfer list. */
export interface Posted {
  message: unknown;
  transfer: Transferable[] | undefined;
}

export const posted: Posted[] = [];

interface WorkerSide { onmessage: ((event: { data: unknown }) => void) | null }
const workerSide: WorkerSide & { postMessage(message: unknown, transfer?: Transferable[]): void } = {
  onmessage: null,
  postMessage(message, transfer) {
    posted.push({ message, transfer });
    const copy = structuredClone(message, { transfer });
    setTimeout(() => FakeWorker.last?.onmessage?.({ data: copy } as MessageEvent));
  },
};

/**
 * Stands in for the browser's Worker. `failToLoad` makes new ones fire `error` as a worker whose
 * script 404s does; `silent` makes new ones swallow every request, as a hung worker would.
 */
export class FakeWorker {
  static last: FakeWorker | undefined;
  static failToLoad = false;
  static silent = false;
  readonly #silent = FakeWorker.silent;
  static created: { url: string; options: WorkerOptions | undefined }[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;

  constructor(url: URL | string, options?: WorkerOptions) {
    FakeWorker.last = this;
    FakeWorker.created.push({ url: String(url), options });
    if (FakeWorker.failToLoad) setTimeout(() => this.onerror?.(Object.assign(new Event('error'), { preventDefault() {} })));
  }

  postMessage(message: unknown): void {
    if (this.#silent) return;
    const copy = structuredClone(message);
    setTimeout(() => workerSide.onmessage?.({ data: copy }));
  }

  terminate(): void {}
}

/** Installs both fakes as globals (call before importing worker.ts or client.ts). */
export function installFakes(): void {
  (globalThis as Record<string, unknown>).self = workerSide;
  (globalThis as Record<string, unknown>).Worker = FakeWorker;
}

/** The Node wasm build (build/wasm/actlab_node.js) as the browser glue module's default export, for `vi.mock`. */
export async function nodeGlue(): Promise<{ default: unknown }> {
  const { createRequire } = await import('node:module');
  const { defaultNodeModulePath } = await import('../../web/src/engine/node');
  return { default: createRequire(import.meta.url)(defaultNodeModulePath) };
}

/** Installs the fakes, starts worker.ts on the fake worker side and returns a client of it (terminate it when done). */
export async function startWorkerClient(): Promise<EngineClient> {
  installFakes();
  await import('../../web/src/engine/worker');
  const { EngineClient } = await import('../../web/src/engine/client');
  return new EngineClient();
}
