// boot.ts — what every widget page (site or embed) does first: theme, engine worker, the status line,
// and a visible message (never a blank page) when the engine or the widget cannot start.
import '../ui/base.css';
import { EngineClient, type EngineClientOptions } from '../engine/client';
import { reportHeight } from '../ui/embed-height';
import { initTheme } from '../ui/theme';
import { startOfflineCache } from '../offline/register';

export interface Boot { client: EngineClient; host: HTMLElement; notices: HTMLElement; embed: boolean }

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`page is missing #${id}`);
  return node;
}

/** Starts the page; `mount` builds the widget once the engine answers. */
export async function boot(widget: string, mount: (b: Boot) => Promise<void>,
  engine: EngineClientOptions['engine'] = 'full'): Promise<void> {
  const embed = document.body.classList.contains('embed');
  initTheme(embed);
  void startOfflineCache();
  if (embed) reportHeight(widget);
  const status = byId('status');
  const error = byId('error');
  const client = new EngineClient({ engine });
  try {
    const version = await client.ready;
    const footer = document.getElementById('engine-version');
    if (footer) footer.textContent = `Engine version ${version}.`;
    status.textContent = 'Engine loaded.';
    await mount({ client, host: byId('widget'), notices: byId('notices'), embed });
    status.textContent = 'Ready.';
  } catch (err) {
    status.textContent = 'The engine is not available.';
    error.textContent = `${err instanceof Error ? err.message : String(err)}. Reload the page to try again; if this persists, ` +
      'your browser may lack WebAssembly SIMD support (any current Chrome, Edge, Firefox or Safari has it).';
    error.hidden = false;
  }
}
