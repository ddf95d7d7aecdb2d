// protocol.ts — the typed request/response messages between a page (EngineClient) and the worker.
//
//   page → worker   { id, op, args }                 one request; `id` pairs it with its answer
//   worker → page   { id, ok: true, result }         result Float32Arrays are transferred
//                   { id, ok: false, error }         error.name is 'EngineError' for bad requests
//
// Adding an operation: add a line to `Ops`, a handler in worker.ts and a method in client.ts.

import type { ActivationMeta, ApplyOptions, SoftmaxOptions } from './types';

/** Every operation: its argument tuple and its result. */
export interface Ops {
  /** The engine's version string; the client's `ready` waits for this. */
  version: { args: []; result: string };
  activations: { args: []; result: ActivationMeta[] };
  apply: { args: [id: string, x: Float32Array, opts?: ApplyOptions]; result: Float32Array };
  softmax: { args: [z: Float32Array, opts?: SoftmaxOptions]; result: Float32Array };
}

export type Op = keyof Ops;

/** page → worker. */
export interface Request<K extends Op = Op> {
  id: number;
  op: K;
  args: Ops[K]['args'];
}

/** A serialisable error: `name` 'EngineError' for refused requests, anything else for faults. */
export interface WireError {
  name: string;
  message: string;
}

/** worker → page. */
export type Response<K extends Op = Op> =
  | { id: number; ok: true; result: Ops[K]['result'] }
  | { id: number; ok: false; error: WireError };
