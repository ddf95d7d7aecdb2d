// expr-error.ts — how a typed activation's parse error is shown, the same on every page that takes
// one (the exercises' sandbox, the explorer's own curve): the engine's message in words, then the
// text with a caret under the column (the engine's `display`), when the error is about one place.
import type { ExprError } from '../engine/expr';
import { el } from './dom';
import './expr-error.css';

/** The message line and, for an error at a column, the caret block; put them in a polite live region. */
export function exprErrorNodes(error: ExprError): HTMLElement[] {
  const nodes: HTMLElement[] = [el('p', 'error-line', error.message)];
  if (error.column > 0) {
    const pre = el('pre', 'caret', error.display);
    pre.setAttribute('aria-label', error.message);
    nodes.push(pre);
  }
  return nodes;
}
