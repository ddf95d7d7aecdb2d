// legend.ts — a legend whose keys show each series' colour and dash pattern (an SVG line), with text.
import { el } from './dom';
import { DASHES } from './line-plot';

const SVG = 'http://www.w3.org/2000/svg';

export function createLegend(labels: readonly string[]): HTMLUListElement {
  const list = el('ul', 'legend');
  labels.forEach((text, i) => {
    const item = el('li');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '34');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(SVG, 'line');
    Object.entries({ x1: '1', y1: '5', x2: '33', y2: '5', 'stroke-width': '3', 'stroke-dasharray': DASHES[i % DASHES.length]!.join(' ') })
      .forEach(([k, v]) => line.setAttribute(k, v));
    line.style.stroke = `var(--s${i % 6})`;
    svg.append(line);
    item.append(svg, ` ${text}`);
    list.append(item);
  });
  return list;
}
