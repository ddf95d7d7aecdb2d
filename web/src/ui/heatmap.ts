// heatmap.ts — a canvas that shows RGBA bytes computed elsewhere (the engine), with a text alternative.
// It scales to its container's width by CSS; its pixel size is set by the caller (`resize`, e.g. to
// the box's device-pixel size so edges stay sharp); drawing is one putImageData.
import { el } from './dom';

export class ImageCanvas {
  readonly canvas = el('canvas', 'image-canvas');
  readonly #ctx: CanvasRenderingContext2D;

  constructor(width: number, height: number, label: string) {
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.setAttribute('role', 'img');
    this.setLabel(label);
    this.#ctx = this.canvas.getContext('2d')!;
  }

  /** Sets the pixel size (clears the canvas when it changes). */
  resize(width: number, height: number): void {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
  }

  /** Draws a full-canvas RGBA image (width·height·4 bytes). */
  draw(rgba: Uint8ClampedArray): void {
    this.#ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, this.canvas.width, this.canvas.height), 0, 0);
  }

  setLabel(label: string): void {
    this.canvas.setAttribute('aria-label', label);
  }
}
