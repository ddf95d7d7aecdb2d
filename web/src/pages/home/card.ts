// card.ts — one activation's card: name, formulas (KaTeX, typeset at build time), parameter defaults,
// range, origin, plot slot.
//
// Builds DOM nodes only (no HTML strings); the plot is filled in later by main.ts.
import type { ActivationMeta } from '../../engine/types';
import { texLater } from '../../ui/tex-lazy';
import { paramDefaultTex } from '../../ui/tex-sources';

/** The card's nodes that main.ts fills once the engine's values arrive. */
export interface Card {
  root: HTMLLIElement;
  plotArea: HTMLDivElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function tex(className: string, source: string): HTMLDivElement {
  const node = el('div', className);
  texLater(node, source, true);
  return node;
}

function legendItem(keyClass: string, text: string): HTMLSpanElement {
  const item = el('span');
  const key = el('span', `key ${keyClass}`);
  key.setAttribute('aria-hidden', 'true');
  item.append(key, text);
  return item;
}

function row(list: HTMLDListElement, term: string, ...value: (Node | string)[]): void {
  const dd = el('dd');
  dd.append(...value);
  list.append(el('dt', undefined, term), dd);
}

function texSpan(source: string): HTMLSpanElement {
  const node = el('span');
  texLater(node, source);
  return node;
}

/** Parameters with their defaults, the output range and the origin, as a definition list. */
function facts(meta: ActivationMeta): HTMLDListElement {
  const list = el('dl', 'facts');
  if (meta.params.length === 0) row(list, 'Parameters', 'none');
  for (const p of meta.params) {
    // The default is shown as the engine states it (the same string the build typeset: tex-sources.ts).
    row(list, 'Parameter', texSpan(paramDefaultTex(p)), ` (default): ${p.doc}`);
  }
  row(list, 'Range', texSpan(meta.range));
  row(list, 'Origin', meta.origin); // the origin text carries its own dates
  return list;
}

/** A card for `meta`, its plot area showing a pending note until main.ts draws into it. */
export function createCard(meta: ActivationMeta): Card {
  const root = el('li', 'card');
  root.id = `activation-${meta.id}`;
  root.dataset.activation = meta.id;
  const heading = el('h3', undefined, meta.name);
  heading.id = `activation-${meta.id}-name`;
  root.setAttribute('aria-labelledby', heading.id);

  const plotArea = el('div', 'plot-area pending', 'Computing…');
  const legend = el('div', 'plot-legend');
  legend.append(legendItem('key-f', 'f(x), solid'), legendItem('key-df', 'f′(x), dashed'), legendItem('key-shade', 'grey: |f′| < 0.01'));
  const figure = el('figure', 'plot');
  figure.append(plotArea, legend);

  // The card leads on: the explorer, preset to this activation.
  const open = el('a', 'card-open', `Explore ${meta.name}`);
  open.href = `explorer.html?act=${encodeURIComponent(meta.id)}`;
  root.append(heading, el('div', 'card-id', meta.id), tex('formula', meta.tex),
    tex('formula formula-d', meta.dtex), facts(meta), figure, open);
  return { root, plotArea };
}
