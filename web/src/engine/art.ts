// art.ts — Art: the typed, copy-returning wrapper of the engine's ArtRenderer (one per worker).
// Like engine.ts it never keeps a view of wasm memory across an engine call, and frees what it
// allocates. Throws EngineError with the engine's message for a bad config or tile.
import { EngineError } from './errors.ts';
import type { ArtModule, ArtRendererHandle, ArtTile, U8Buffer } from './art-types';

const MAX_SIDE = 4096;

export class Art {
  readonly #module: Required<ArtModule>;
  #renderer: ArtRendererHandle | undefined;
  #buffer: U8Buffer | undefined;

  constructor(module: ArtModule) {
    if (module.ArtRenderer === undefined || module.U8Buffer === undefined) {
      throw new EngineError('This engine build has no art renderer (ArtRenderer is missing)');
    }
    this.#module = module as Required<ArtModule>;
  }

  configure(json: string): string {
    this.#renderer ??= new this.#module.ArtRenderer();
    return this.#renderer.configure(json);
  }

  render(t: ArtTile): Uint8ClampedArray {
    const r = this.#need();
    for (const v of [t.imageW, t.imageH, t.w, t.h]) {
      if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) throw new EngineError(`Image and tile sides must be whole numbers from 1 to ${MAX_SIDE}`);
    }
    const bytes = t.w * t.h * 4;
    if (this.#buffer === undefined || this.#buffer.size() < bytes) {
      this.#buffer?.delete();
      this.#buffer = new this.#module.U8Buffer(bytes);
      const refused = this.#buffer.error();
      if (refused) {
        this.#buffer.delete();
        this.#buffer = undefined;
        throw new EngineError(refused);
      }
    }
    const error = r.render(t.imageW, t.imageH, t.x, t.y, t.w, t.h, t.z, this.#buffer);
    if (error) throw new EngineError(error);
    return new Uint8ClampedArray(this.#buffer.view().slice(0, bytes).buffer);
  }

  hash(w: number, h: number, z: number): string {
    const result = this.#need().hash(w, h, z);
    if (!/^[0-9a-f]{16}$/.test(result)) throw new EngineError(result); // an error message, never 16 hex digits
    return result;
  }

  #need(): ArtRendererHandle {
    if (this.#renderer === undefined) throw new EngineError('The art renderer is not configured yet');
    return this.#renderer;
  }
}
