// buffer-call.ts — one engine call that writes into a fresh wasm F32Buffer: the answer copied out,
// the engine's refusals thrown as EngineError, the buffer always freed (engine.ts, trainer.ts, race.ts).
import { EngineError } from './errors.ts';
import type { F32Buffer } from './types';

/**
 * Runs `call` on a fresh wasm buffer of `n` floats (holding a copy of `input` first, when given) and
 * returns a copy of what it left there. A refused buffer, or a non-empty string from `call`, throws
 * EngineError. The view is taken again after the call (memory may have grown).
 */
export function bufferCall(module: { F32Buffer: new (n: number) => F32Buffer }, n: number, call: (buf: F32Buffer) => string,
  input?: Float32Array): Float32Array {
  const buf = new module.F32Buffer(n);
  try {
    const refused = buf.error();
    if (refused) throw new EngineError(refused);
    if (input !== undefined) buf.view().set(input);
    const error = call(buf);
    if (error) throw new EngineError(error);
    return buf.view().slice(0, n);
  } finally {
    buf.delete();
  }
}
