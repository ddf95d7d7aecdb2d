// embed-height.ts — the embedded side of the resize protocol (docs/embedding.md): an embed page
// tells its parent how tall its content is, whenever that changes, so the iframe fits it.
//
//   embed → parent  { type: 'actlab:resize', version: 1, widget, height }   (height in CSS px)
//   parent → embed  { type: 'actlab:ping' }     asks for the height again (embed.js sends it on load)
//
// Only the height is sent (nothing private), so the target origin is '*'.
export const RESIZE = 'actlab:resize';
export const PING = 'actlab:ping';

export interface ResizeMessage { type: typeof RESIZE; version: 1; widget: string; height: number }

export function reportHeight(widget: string, target: Window = window.parent): void {
  if (target === window) return; // not in a frame: nothing to tell
  let last = -1;
  const send = (force = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    const message: ResizeMessage = { type: RESIZE, version: 1, widget, height };
    target.postMessage(message, '*');
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  addEventListener('message', (event: MessageEvent) => {
    if (event.source === target && (event.data as { type?: unknown } | null)?.type === PING) send(true);
  });
  send(true);
}
