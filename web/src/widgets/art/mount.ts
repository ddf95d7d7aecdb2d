// mount.ts — the art studio widget: state from the URL, the engine's ArtRenderer in the worker paints
// the preview at the canvas's device-pixel size (and its pixel hash, for developers), Randomise /
// seed, z animation with Play/Pause beside the picture, tiled PNG export from a snapshot of the
// settings, and the shared "Share with a class" frame. Used by the art page and its bare embed page.
import type { EngineClient } from '../../engine/client';
import { artConfig, artTable, layerActivations, type ArtState } from '../../state/art';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el } from '../../ui/dom';
import { ImageCanvas } from '../../ui/heatmap';
import { latestOnly } from '../../ui/latest-only';
import { showNotices } from '../../ui/notices';
import { createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { buildArtControls } from './controls';
import { describeArt } from './describe';
import { download, ExportCancelled, exportName, exportPng } from './export';
import './art.css';

/** Preview side bounds in device pixels (the preview is square, drawn at its box's device-pixel size). */
export const MIN_PREVIEW = 64;
export const MAX_PREVIEW = 1024;
/**
 * Time one animation frame may take (ms). A still picture is always drawn at full resolution; while
 * playing, settings slower than this (deep, wide nets; exact GELU) are drawn smaller and scaled up,
 * and the page says so — depth 16 × width 64 is ~70× the arithmetic of the default (docs/art.md).
 */
const PLAY_BUDGET_MS = 45;

export interface ArtMountOptions { embed: boolean; notices: HTMLElement }

export async function mountArt(host: HTMLElement, client: EngineClient, o: ArtMountOptions): Promise<void> {
  const metas = await client.activations();
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? id;
  const table = artTable(metas.map((m) => m.id), nameOf);
  const parsed = readUrlState(table);
  const state = parsed.state as ArtState;
  const { hidden, locked } = parsed;
  if (state.act.length > 1) state.act = layerActivations(state, parsed.notices);
  showNotices(o.notices, parsed.notices);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const widget = el('div', 'widget art');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Controls'));
  const view = el('section', 'panel art-view');
  view.setAttribute('aria-label', 'The picture');
  const toolbar = el('div', 'art-toolbar');
  const play = keyed(el('button', 'primary', 'Play'), 'z');
  play.type = 'button';
  play.setAttribute('aria-pressed', 'false');
  const playNote = el('span', 'hint play-note');
  playNote.setAttribute('role', 'status');
  if (!hidden.has('z')) toolbar.append(play, playNote);
  if (locked.has('z')) playNote.textContent = 'z is locked by this link, so the animation is off.';
  const image = new ImageCanvas(320, 320, 'Generated art (rendering…)');
  const caption = el('p', 'art-caption');
  const dev = el('details', 'art-dev');
  const hashLine = el('p', 'hint mono hash-line', 'Rendering…');
  dev.append(el('summary', undefined, 'For developers: the pixel hash'), hashLine);
  const engineError = el('p', 'error');
  engineError.setAttribute('role', 'alert');
  engineError.hidden = true;
  view.append(toolbar, image.canvas, caption, engineError, dev);
  widget.append(side, view);
  host.append(widget);

  let playing = false;
  const controls = buildArtControls({ table, state, hidden, metas, change: (key) => onChange(key),
    randomise: () => {
      state.seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
      if (controls.seed) controls.seed.value = String(state.seed);
      onChange('seed');
    } });
  side.append(controls.root);
  play.addEventListener('click', () => setPlaying(!playing));

  // The worker holds one renderer; requests are answered in order, so a config sent right before a
  // render or hash is the one that call uses. `sent` is the config the worker holds after the last
  // request sent (the preview and an export interleave safely).
  let sent = '';
  async function withConfig<T>(config: string, call: () => Promise<T>): Promise<T> {
    let configured: Promise<string> | undefined;
    if (config !== sent) { configured = client.artConfigure(config); sent = config; }
    const result = call();
    const error = await configured;
    if (error) {
      sent = ''; // unknown now: configure again next time
      result.catch(() => undefined);
      throw new Error(`The engine refused these settings: ${error}`);
    }
    return result;
  }

  // Export: from a snapshot of the settings, with progress and Cancel.
  const exportBox = keyed(el('div', 'export'), 'export');
  const progress = el('progress');
  progress.hidden = true;
  progress.setAttribute('aria-label', 'Export progress');
  const exportStatus = el('span', 'hint');
  exportStatus.setAttribute('role', 'status');
  const exportButton = el('button', undefined, 'Export PNG');
  exportButton.type = 'button';
  exportButton.dataset.lock = 'skip'; // an action, not a setting: a locked size still exports
  const cancel = el('button', undefined, 'Cancel export');
  cancel.type = 'button';
  cancel.dataset.lock = 'skip';
  cancel.hidden = true;
  if (!hidden.has('export')) {
    exportBox.append(createSelect(table.export.label, table.export.values.map((v) => ({ value: v, label: `${v} × ${v}` })), state.export,
      (v) => { state.export = v; onChange('export'); }).root);
    exportBox.append(exportButton, cancel, progress, exportStatus);
    side.append(exportBox);
  }
  let exporting: AbortController | undefined;
  cancel.addEventListener('click', () => exporting?.abort());
  exportButton.addEventListener('click', async () => {
    const snapshot = structuredClone(state);
    const config = artConfig(snapshot);
    const size = Number(snapshot.export);
    const name = exportName(snapshot, size);
    exporting = new AbortController();
    exportButton.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    try {
      const blob = await exportPng((tile) => withConfig(config, () => client.artRender(tile)), size, snapshot.z, (done, total) => {
        progress.max = total; progress.value = done;
        exportStatus.textContent = ` Rendering tile ${done} of ${total}…`;
      }, exporting.signal);
      download(blob, name);
      exportStatus.textContent = ` Saved a ${size} × ${size} PNG as ${name}.`;
    } catch (err) {
      exportStatus.textContent = err instanceof ExportCancelled ? ' Export cancelled.'
        : ` Export failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      exporting = undefined;
      exportButton.disabled = false;
      cancel.hidden = true;
      progress.hidden = true;
    }
  });

  const share = mountShare({ widget: 'art', title: 'Art studio (Activation Lab)', height: 900, table, parsed: { hidden, locked },
    state, host, slot: side, embed: o.embed });

  // Preview size: the canvas box in device pixels, so step edges stay sharp.
  const fullSize = () => {
    const css = image.canvas.clientWidth || 320; // content box, without the border
    return Math.min(MAX_PREVIEW, Math.max(MIN_PREVIEW, Math.round(css * devicePixelRatio)));
  };
  let playSize = 0;
  // The fastest full-size frame of the current config (the first frames include warm-up).
  let fullMs = 0, fullMsOf = '';

  // Rendering: one frame in flight; the latest state wins. After a still frame, ask for the hash.
  const render = latestOnly(async (stale) => {
    const config = artConfig(state);
    const z = state.z;
    const still = !playing;
    const full = fullSize();
    const size = still ? full : Math.min(full, playSize || full);
    const t0 = performance.now();
    const rgba = await withConfig(config, () => client.artRender({ imageW: size, imageH: size, x: 0, y: 0, w: size, h: size, z }));
    const ms = performance.now() - t0;
    engineError.hidden = true;
    image.resize(size, size);
    image.draw(rgba);
    if (performance.getEntriesByName('actlab:first-art').length === 0) performance.mark('actlab:first-art');
    const words = describeArt(state, metas);
    caption.textContent = words;
    image.setLabel(words);
    view.dataset.size = String(size);
    if (size === full) {
      if (fullMsOf !== `${config}@${full}`) { fullMsOf = `${config}@${full}`; fullMs = ms; } else fullMs = Math.min(fullMs, ms);
    }
    if (!still) adaptPlay(full, size, ms);
    // The hash belongs to the picture shown: cleared now, set when it arrives for this picture.
    delete view.dataset.hash;
    if (still && !stale()) {
      hashLine.textContent = 'Computing…';
      const hash = await withConfig(config, () => client.artHash(size, size, z));
      if (!stale() && !playing) {
        hashLine.textContent = `Engine pixel hash (FNV-1a 64 of the ${size} × ${size} RGBA bytes): ${hash}. Settings: ${config}, z = ${z}.`;
        view.dataset.hash = hash;
        view.dataset.hashConfig = `${config}@${z}`;
        view.dataset.hashSize = String(size);
      }
    } else if (!still) {
      hashLine.textContent = 'Not computed while the animation plays; pause to see it.';
    }
    host.dataset.ready = 'true';
  }, (err) => {
    engineError.textContent = err instanceof Error ? err.message : `Could not render: ${String(err)}`;
    engineError.hidden = false;
    hashLine.textContent = 'No picture.';
  });

  // While playing, a frame slower than the budget is drawn smaller (never below MIN_PREVIEW).
  let frames = 0, since = 0;
  function adaptPlay(full: number, size: number, ms: number): void {
    // A frame is render time plus a fixed cost (messages, drawing); shrink only settings whose
    // full-size render alone misses the budget, so cheap settings play at full sharpness.
    if (fullMs > 0 && fullMs <= PLAY_BUDGET_MS) playSize = 0;
    else {
      const target = Math.round(size * Math.sqrt(PLAY_BUDGET_MS / Math.max(ms, 1)));
      const next = Math.min(full, Math.max(MIN_PREVIEW, target));
      if (Math.abs(next - size) > size * 0.15) playSize = next;
    }
    frames++;
    const now = performance.now();
    if (since === 0) since = now;
    if (now - since >= 1000 && state.useZ) {
      const fps = (frames * 1000) / (now - since);
      view.dataset.fps = fps.toFixed(1);
      playNote.textContent = (playSize > 0 && playSize < full
        ? `≈ ${fps.toFixed(0)} frames/s at ${playSize} × ${playSize} px (a full ${full} × ${full} frame takes ${Math.round(fullMs)} ms with these settings); pause for the sharp picture.`
        : `≈ ${fps.toFixed(0)} frames/s.`);
      frames = 0; since = now;
    }
  }

  function onChange(key: string): void {
    if (!(playing && key === 'z')) writeUrlState(table, state, hidden, locked);
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
    if (on && !share.access.editable('z')) return;
    playing = on;
    play.textContent = on ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(on));
    if (on) {
      playSize = fullMs > PLAY_BUDGET_MS ? Math.max(MIN_PREVIEW, Math.round(fullSize() * Math.sqrt(PLAY_BUDGET_MS / fullMs))) : 0;
      frames = 0; since = 0;
      playNote.textContent = state.useZ ? '' : 'Tip: turn on “Use z (time)” to see the animation change the picture.';
      last = 0;
      requestAnimationFrame(frame);
    } else {
      if (state.useZ) playNote.textContent = '';
      writeUrlState(table, state, hidden, locked);
      void render();
    }
  }
  document.addEventListener('visibilitychange', () => { if (document.hidden && playing) setPlaying(false); });
  // A new box size (window resized, phone rotated) redraws the still picture at its new pixel size.
  let lastFull = fullSize();
  new ResizeObserver(() => {
    const full = fullSize();
    if (full !== lastFull && !playing) { lastFull = full; void render(); }
  }).observe(image.canvas);

  await render();
}
