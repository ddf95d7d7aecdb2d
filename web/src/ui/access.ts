// access.ts — hides and locks a widget's controls generically, from the state table's keys.
//
// A widget tags the element that holds all of one control (label, inputs, buttons, help text)
// with `keyed(node, 'z')` (data-state-key="z"). `applyAccess` then hides every tagged element whose
// key the link hid, and locks the ones it locked: each form control inside is disabled (shown,
// not editable, still read by screen readers) and a "Locked by this link" note is added. Elements
// the widget adds later (rebuilt parameter rows) are covered too, through a MutationObserver.
// An element tagged `data-lock="skip"` (an action such as "Export PNG", not a setting) stays usable.
// A view that a setting switches on or off (the explorer's cheat sheet) is tagged with
// `viewOf(node, key)`: it hides with its key's control, and a lock leaves it alone.
export const KEY_ATTR = 'data-state-key';
export const VIEW_ATTR = 'data-state-view';
const NOTE_CLASS = 'lock-note';
const FORM = 'input, select, textarea, button';

/** Tags `node` as the whole of the control for state key `key`; returns it. */
export function keyed<E extends HTMLElement>(node: E, key: string): E {
  node.setAttribute(KEY_ATTR, key);
  return node;
}

/** Tags `node` as a view shown or not by state key `key` (hidden with it; never locked); returns it. */
export function viewOf<E extends HTMLElement>(node: E, key: string): E {
  node.setAttribute(VIEW_ATTR, key);
  return node;
}

/** What a link allows: hidden and locked keys (a widget asks before changing a value itself). */
export interface Access {
  hidden: ReadonlySet<string>;
  locked: ReadonlySet<string>;
  /** True when the learner may change `key` (neither hidden nor locked). */
  editable(key: string): boolean;
}

export function accessOf(hidden: ReadonlySet<string>, locked: ReadonlySet<string>): Access {
  return { hidden, locked, editable: (key) => !hidden.has(key) && !locked.has(key) };
}

function lock(node: HTMLElement): void {
  node.classList.add('locked');
  const controls = [...(node.matches(FORM) ? [node] : []), ...node.querySelectorAll<HTMLElement>(FORM)] as HTMLInputElement[];
  for (const c of controls) {
    if (c.closest('[data-lock="skip"]') !== null || c.disabled) continue;
    c.disabled = true;
    c.dataset.lockedBy = 'link';
  }
  // A lone button (the art's Play, tagged with z) is simply disabled: its control's note says why.
  if (!node.matches(FORM) && node.querySelector(`:scope > .${NOTE_CLASS}`) === null) {
    const note = document.createElement('p');
    note.className = `hint ${NOTE_CLASS}`;
    note.textContent = 'Locked by this link.';
    node.append(note);
  }
}

function applyOnce(root: HTMLElement, a: Access): void {
  for (const node of root.querySelectorAll<HTMLElement>(`[${KEY_ATTR}]`)) {
    const key = node.getAttribute(KEY_ATTR)!;
    if (a.hidden.has(key)) node.hidden = true;
    else if (a.locked.has(key)) lock(node);
  }
  for (const node of root.querySelectorAll<HTMLElement>(`[${VIEW_ATTR}]`)) if (a.hidden.has(node.getAttribute(VIEW_ATTR)!)) node.hidden = true;
}

/** Hides and locks the tagged controls under `root`, now and whenever its content changes. */
export function applyAccess(root: HTMLElement, a: Access): void {
  if (a.hidden.size === 0 && a.locked.size === 0) return;
  applyOnce(root, a);
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; applyOnce(root, a); });
  }).observe(root, { childList: true, subtree: true });
}
