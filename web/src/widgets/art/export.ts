// export.ts — PNG export at up to 2048 × 2048: the engine renders tile by tile in the worker (the tiles
// join seamlessly, see docs/ARCHITECTURE.md), the page pastes them into one canvas and saves it.
// An export renders from its own snapshot of the settings (each tile is requested together with
// that snapshot's config, mount.ts `withConfig`), so changing the controls mid-export cannot mix two
// pictures; it can be cancelled between tiles; the file is named after the settings it shows.
import type { ArtTile } from '../../engine/art-types';
import { layerActivations, type ArtState } from '../../state/art';

const TILE = 256;

/** Thrown when the export was cancelled. */
export class ExportCancelled extends Error {
  constructor() { super('Export cancelled'); this.name = 'ExportCancelled'; }
}

/**
 * Renders a size × size image at z with `renderTile` (which renders from the export's snapshot),
 * calling `progress(done, total)` per tile; resolves with a PNG blob. Stops between tiles when
 * `signal` aborts (rejects with ExportCancelled).
 */
export async function exportPng(renderTile: (tile: ArtTile) => Promise<Uint8ClampedArray>, size: number, z: number,
  progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const tiles: { x: number; y: number; w: number; h: number }[] = [];
  for (let y = 0; y < size; y += TILE) for (let x = 0; x < size; x += TILE) tiles.push({ x, y, w: Math.min(TILE, size - x), h: Math.min(TILE, size - y) });
  let done = 0;
  progress(0, tiles.length);
  for (const t of tiles) {
    if (signal?.aborted) throw new ExportCancelled();
    const rgba = await renderTile({ imageW: size, imageH: size, z, ...t });
    ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, t.w, t.h), t.x, t.y);
    progress(++done, tiles.length);
  }
  if (signal?.aborted) throw new ExportCancelled();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
}

/** A number in a file name: "2.5", "m0.75" for −0.75 (no minus signs or dots at odd places). */
const num = (v: number) => String(Number(v.toPrecision(4))).replace('-', 'm');

/**
 * The file name for an export of `s` at `size`, naming what it shows:
 * activation-art-seed7-relu.tanh.relu-3x16[-scale2.5][-hsv][-zoom0.5][-noR][-noZ]-z0.25-1024.png
 */
export function exportName(s: ArtState, size: number): string {
  const layers = layerActivations(s);
  const acts = layers.every((a) => a === layers[0]) ? layers[0]! : layers.join('.');
  const parts = [`seed${s.seed}`, acts.slice(0, 80), `${s.depth}x${s.width}`];
  if (s.scale !== 1) parts.push(`scale${num(s.scale)}`);
  if (s.color !== 'rgb') parts.push(s.color);
  if (s.zoom !== 1) parts.push(`zoom${num(s.zoom)}`);
  if (!s.useR) parts.push('noR');
  if (!s.useZ) parts.push('noZ');
  parts.push(`z${num(s.z)}`, String(size));
  return `activation-art-${parts.join('-')}.png`;
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
