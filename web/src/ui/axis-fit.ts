// axis-fit.ts — uPlot axis sizes measured from the labels they will draw, so no label is ever cut at
// the canvas edge ("−2.50e−4" below zero on the GELU error view was): the y axis is as wide as its
// widest label plus ticks, gap and a margin; the top and right padding leave room for the labels centred
// on the plot's top and right edges. Shared by line-plot and curve-plot.
import type uPlot from 'uplot';

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width in CSS pixels of `text` in `font`, measured on a scratch canvas. */
export function textWidth(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (measurer === null) return text.length * 8; // no 2D context (never in a browser that runs the lab)
  measurer.font = font;
  return measurer.measureText(text).width;
}

const TICK = 5, GAP = 5, MARGIN = 6; // the plots' tick length and label gap (line-plot, curve-plot), plus room

/** A y axis `size` that fits its widest tick label (with a margin to the canvas edge). */
export function fitYAxis(font: string, min = 36): uPlot.Axis.Size {
  return (_u, values) => {
    const widest = Math.max(0, ...(values ?? []).map((v) => textWidth(String(v), font)));
    return Math.max(min, Math.ceil(widest + TICK + GAP + MARGIN));
  };
}

/**
 * Padding [top, right, bottom, left] in CSS pixels: room above for half of the top y label, and on
 * the right for half of the last x label (centred on the right edge; z labels are at most "−00.00").
 */
export function fitPadding(font: string): uPlot.Padding {
  const px = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  return [Math.ceil(px * 0.75), Math.ceil(textWidth('−00.00', font) / 2) + 2, 0, 0];
}
