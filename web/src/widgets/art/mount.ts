// mount.ts — the art studio widget: state from the URL, the engine's ArtRenderer in the worker paints
// the preview (and its pixel hash), Randomise / seed, z animation with pause, tiled PNG export,
// share link and embed code. Used by the art page and its bare embed page.
import type { EngineClient } from '../../engine/client';
import { artConfig, artTable, layerActivations, type ArtState } from '../../state/art';
import { queryFor, readUrlState, writeUrlState } from '../../state/url';
import { el } from '../../ui/dom';
import { createEmbedButton, createLinkButton, embedSnippet, siteBase } from '../../ui/embed-code';
import { ImageCanvas } from '../../ui/heatmap';
import { showNotices } from '../../ui/notices';
import { createSelect } from '../../ui/select';
import { buildArtControls } from './controls';
import { describeArt } from './describe';
import { download, exportPng } from './export';
import './art.css';

/** Preview size in pixels (square); the canvas scales to its box by CSS. */
export const PREVIEW = 320;

export interface ArtMountOptions { embed: boolean; notices: HTMLElement }

export async function mountArt(host: HTMLElement, client: EngineClient, o: ArtMountOptions): Promise<void> {
  const metas = await client.activations();
  const table = artTable(metas.map((m) => m.id));
  const parsed = readUrlState(table);
  const state = parsed.state as ArtState;
  const hidden = parsed.hidden;
  if (state.act.length > 1) state.act = layerActivations(state, parsed.notices);
  showNotices(o.notices, parsed.notices);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const widget = el('div', 'widget art');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  const view = el('section', 'panel art-view');
  view.setAttribute('aria-label', 'The picture');
  const image = new ImageCanvas(PREVIEW, PREVIEW, 'Generated art (rendering…)');
  const caption = el('p', 'art-caption');
  const hashLine = el('p', 'hint mono hash-line');
  const engineError = el('p', 'error');
  engineError.setAttribute('role', 'alert');
  engineError.hidden = true;
  view.append(image.canvas, caption, hashLine, engineError);
  widget.append(side, view);
  host.append(widget);

  let playing = false;
  const controls = buildArtControls({ table, state, hidden, metas, change: (key) => onChange(key),
    randomise: () => {
      state.seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
      if (controls.seed) controls.seed.value = String(state.seed);
      onChange('seed');
    },
    togglePlay: () => setPlaying(!playing) });
  side.append(controls.root);
  if (hidden.size > 0) side.append(el('p', 'hint', `Some controls are hidden by this link (${[...hidden].join(', ')}).`));

  // Export
  const exportBox = el('div', 'export');
  const progress = el('progress');
  progress.hidden = true;
  progress.setAttribute('aria-label', 'Export progress');
  const exportStatus = el('span', 'hint');
  exportStatus.setAttribute('role', 'status');
  const exportButton = el('button', undefined, 'Export PNG');
  exportButton.type = 'button';
  if (!hidden.has('export')) {
    exportBox.append(createSelect(table.export.label, table.export.values.map((v) => ({ value: v, label: `${v} × ${v}` })), state.export,
      (v) => { state.export = v; onChange('export'); }).root);
  }
  exportBox.append(exportButton, progress, exportStatus);
  side.append(exportBox);
  exportButton.addEventListener('click', async () => {
    const size = Number(state.export);
    exportButton.disabled = true;
    progress.hidden = false;
    try {
      const blob = await exportPng(client, size, state.z, (done, total) => {
        progress.max = total; progress.value = done;
        exportStatus.textContent = ` Rendering tile ${done} of ${total}…`;
      });
      download(blob, `activation-art-seed${state.seed}-${size}.png`);
      exportStatus.textContent = ` Saved a ${size} × ${size} PNG.`;
    } catch (err) {
      exportStatus.textContent = ` Export failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      exportButton.disabled = false;
      progress.hidden = true;
    }
  });

  const share = el('div', 'actions');
  if (!o.embed) share.append(createLinkButton());
  share.append(createEmbedButton(() => embedSnippet('art', 'Art studio (Activation Lab)', queryFor(table, state, hidden), siteBase(o.embed), 900)));
  side.append(share);

  // Rendering: one frame in flight; the latest state wins. After a still frame, ask for the hash.
  let configured = '';
  let busy = false, again = false;
  async function render(): Promise<void> {
    if (busy) { again = true; return; }
    busy = true;
    try {
      do {
        again = false;
        const config = artConfig(state);
        if (config !== configured) {
          const error = await client.artConfigure(config);
          if (error) { engineError.textContent = `The engine refused these settings: ${error}`; engineError.hidden = false; return; }
          configured = config;
          engineError.hidden = true;
        }
        const z = state.z;
        const rgba = await client.artRender({ imageW: PREVIEW, imageH: PREVIEW, x: 0, y: 0, w: PREVIEW, h: PREVIEW, z });
        image.draw(rgba);
        if (performance.getEntriesByName('actlab:first-art').length === 0) performance.mark('actlab:first-art');
        const words = describeArt(state, metas);
        caption.textContent = words;
        if (!playing) {
          const hash = await client.artHash(PREVIEW, PREVIEW, z);
          hashLine.textContent = `Engine pixel hash (FNV-1a 64 of the ${PREVIEW} × ${PREVIEW} RGBA bytes): ${hash}`;
          image.setLabel(`${words} Pixel hash ${hash}.`);
          view.dataset.hash = hash;
          view.dataset.hashConfig = `${config}@${z}`;
        } else {
          image.setLabel(words);
        }
        host.dataset.ready = 'true';
      } while (again);
    } catch (err) {
      engineError.textContent = `Could not render: ${err instanceof Error ? err.message : String(err)}`;
      engineError.hidden = false;
    } finally { busy = false; }
  }

  function onChange(key: string): void {
    if (!(playing && key === 'z')) writeUrlState(table, state, hidden);
    void render();
  }

  // Animation: z advances with time while playing; never starts by itself; Pause stops it.
  let last = 0;
  function frame(t: number): void {
    if (!playing) return;
    const dt = last === 0 ? 0 : Math.min(0.1, (t - last) / 1000);
    last = t;
    const speed = reducedMotion.matches ? 0.05 : 0.25; // z units per second (slower when motion is reduced)
    state.z = Math.round((state.z + dt * speed) * 1e4) / 1e4;
    if (state.z > 10) state.z = -10;
    controls.z?.set(state.z);
    void render();
    requestAnimationFrame(frame);
  }
  function setPlaying(on: boolean): void {
    playing = on;
    if (controls.play) {
      controls.play.textContent = on ? 'Pause' : 'Play';
      controls.play.setAttribute('aria-pressed', String(on));
    }
    if (!state.useZ && on) hashLine.textContent = 'Tip: turn on “Use z (time)” to see the animation change the picture.';
    if (on) { last = 0; requestAnimationFrame(frame); } else { writeUrlState(table, state, hidden); void render(); }
  }
  document.addEventListener('visibilitychange', () => { if (document.hidden && playing) setPlaying(false); });

  await render();
}
