// errors.ts — EngineError: the one error type for bad requests the engine (or its typed API) rejects.

/**
 * A request the engine refused: unknown activation id, unknown or out-of-range parameter,
 * bad softmax temperature ... The message is meant for people and names what was wrong.
 */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * The engine could not be started at all: the worker script or the wasm failed to load, the
 * browser lacks WebAssembly SIMD, or the worker stopped answering. Pages show its message.
 */
export class EngineLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineLoadError';
  }
}
