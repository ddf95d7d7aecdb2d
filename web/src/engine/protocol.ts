// protocol.ts — the typed request/response messages between a page (EngineClient) and the worker.
//
//   page → worker   { id, op, args }                 one request; `id` pairs it with its answer
//   worker → page   { id, ok: true, result }         result Float32Arrays are transferred
//                   { id, ok: false, error }         error.name is 'EngineError' for bad requests
//
// Adding an operation: add a line to `Ops`, a handler in worker.ts and a method in client.ts.

import type { ArtTile } from './art-types';
import type { CurvesRequest, CurvesResult, GeluErrorResult, PointValue } from './composite';
import type { ActivationMeta, ApplyOptions, SoftmaxOptions } from './types';

/** Every operation: its argument tuple and its result. */
export interface Ops {
  /** The engine's version string; the client's `ready` waits for this. */
  version: { args: []; result: string };
  activations: { args: []; result: ActivationMeta[] };
  apply: { args: [id: string, x: Float32Array, opts?: ApplyOptions]; result: Float32Array };
  softmax: { args: [z: Float32Array, opts?: SoftmaxOptions]; result: Float32Array };
  /** The explorer's curves (composite.ts). */
  curves: { args: [req: CurvesRequest]; result: CurvesResult };
  points: { args: [ids: string[], params: CurvesRequest['params'], z: number, temperature: number]; result: PointValue[] };
  geluError: { args: [zmin: number, zmax: number, n: number]; result: GeluErrorResult };
  /** Art studio (art-types.ts): configure the worker's one ArtRenderer; "" or an error message. */
  artConfigure: { args: [json: string]; result: string };
  /** One tile of the image as RGBA bytes (transferred). */
  artRender: { args: [tile: ArtTile]; result: Uint8ClampedArray };
  /** FNV-1a 64 hash (16 hex digits) of the full image's RGBA bytes. */
  artHash: { args: [imageW: number, imageH: number, z: number]; result: string };
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
