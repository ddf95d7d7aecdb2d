// art-types.ts — the art renderer's part of the Embind module (docs/ARCHITECTURE.md, "The art
// renderer") and the tile request the worker protocol carries.

/** Bytes in wasm memory; `view()` is valid only until the next engine call. */
export interface U8Buffer {
  size(): number;
  /** "" or why the requested size could not be had (out of range, or out of memory). */
  error(): string;
  view(): Uint8Array;
  delete(): void;
}

/** The engine's seeded random-network painter. */
export interface ArtRendererHandle {
  /** "" or an error naming the field. */
  configure(json: string): string;
  /** Renders tile (tileX, tileY, tileW, tileH) of an imageW × imageH image at z into `out` (RGBA). */
  render(imageW: number, imageH: number, tileX: number, tileY: number, tileW: number, tileH: number, z: number, out: U8Buffer): string;
  /** FNV-1a 64 of the full image's RGBA bytes, 16 hex digits. */
  hash(imageW: number, imageH: number, z: number): string;
  delete(): void;
}

/** The module's art exports; absent from engine builds without the art renderer. */
export interface ArtModule {
  ArtRenderer?: new () => ArtRendererHandle;
  U8Buffer?: new (n: number) => U8Buffer;
}

/** One tile of an image to render. */
export interface ArtTile { imageW: number; imageH: number; x: number; y: number; w: number; h: number; z: number }
