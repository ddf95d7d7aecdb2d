// export.ts — PNG export at up to 2048 × 2048: the engine renders tile by tile in the worker (the tiles
// join seamlessly, see docs/ARCHITECTURE.md), the page pastes them into one canvas and saves it.
import type { EngineClient } from '../../engine/client';

const TILE = 256;

/** Renders a size × size image at z, calling `progress(done, total)` per tile; resolves with a PNG blob. */
export async function exportPng(client: EngineClient, size: number, z: number, progress: (done: number, total: number) => void): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const tiles: { x: number; y: number; w: number; h: number }[] = [];
  for (let y = 0; y < size; y += TILE) for (let x = 0; x < size; x += TILE) tiles.push({ x, y, w: Math.min(TILE, size - x), h: Math.min(TILE, size - y) });
  let done = 0;
  progress(0, tiles.length);
  for (const t of tiles) {
    const rgba = await client.artRender({ imageW: size, imageH: size, z, ...t });
    ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, t.w, t.h), t.x, t.y);
    progress(++done, tiles.length);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
