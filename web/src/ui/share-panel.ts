// share-panel.ts — "Share with a class": the one sharing frame every widget mounts with one call.
//
//   const share = mountShare({ widget: 'art', title: 'Art studio (Activation Lab)', height: 900,
//     table, parsed, state, host, slot: side, embed: o.embed });
//   ... share.access.editable('z')  // before the widget changes a value itself (drag, animation)
//
// It is driven only by the widget's declarative state table (web/src/state/schema.ts):
// - applies the link's hides and locks to the controls the widget tagged with `keyed()` (access.ts);
// - shows students a short plain-words line of what the link set (summary.ts), instead of raw keys;
// - on site pages, a "Share with a class" panel: per control "can change / locked / hidden", pin the
//   current settings as the preset (or let the link follow them), reset, a summary in words, embed
//   theme (light by default, dark, or follow the reader), title and height, copy link, copy embed
//   code, and a live preview of the embed as students will see it;
// - on embed pages, the embed's own "Copy embed code" button.
// The frame's own controls are hideable too (`hide=share`). Nothing here knows a widget's fields.
import { FRAME_CONTROLS, serialiseState, type Parsed, type StateOf, type Table } from '../state/schema';
import { summarise, summariseShort } from '../state/summary';
import { accessOf, applyAccess, keyed, KEY_ATTR, type Access } from './access';
import { el, uid } from './dom';
import { createEmbedButton, embedSnippet, embedUrl, siteBase } from './embed-code';
import { PING, RESIZE } from './embed-height';
import { createSelect } from './select';
import './share-panel.css';

export interface ShareOptions<T extends Table> {
  /** The widget's page name: `<widget>.html` and `embed/<widget>.html`. */
  widget: string;
  /** The site page's name when it differs from the embed's (`exercises.html` beside `embed/exercise.html`). */
  page?: string;
  /** Default title of the embed's iframe (screen readers announce it). */
  title: string;
  /** The iframe's default height in CSS px (embed.js then fits it to the content). */
  height: number;
  table: T;
  /** What the URL held: its hides and locks are applied to the widget at once. */
  parsed: Pick<Parsed<T>, 'hidden' | 'locked'>;
  /** The widget's live state (the panel reads it when it copies; it never writes it). */
  state: StateOf<T>;
  /** The widget's root: its tagged controls are hidden or locked. */
  host: HTMLElement;
  /** Where the panel (and the students' line) goes, usually the controls column. */
  slot: HTMLElement;
  embed: boolean;
}

export interface Share {
  access: Access;
  /** Re-reads the widget's state (the panel also does so on every input in the widget). */
  refresh(): void;
}

type Choice = 'open' | 'locked' | 'hidden';
const THEME_CHOICES = [
  { value: 'light', label: 'Light (default)' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow the reader’s system setting' },
];
const MIN_HEIGHT = 200, MAX_HEIGHT = 5000;

const copyOf = <S>(s: S): S => structuredClone(s);

/** Mounts the sharing frame for one widget; see the file comment. */
export function mountShare<T extends Table>(o: ShareOptions<T>): Share {
  const access = accessOf(o.parsed.hidden, o.parsed.locked);
  applyAccess(o.host, access);
  // An embed that hides its sharing frame (a lesson's widget, `hide=share`) hides this line too: the host page says what it shows.
  if ((o.parsed.hidden.size > 0 || o.parsed.locked.size > 0) && !(o.embed && o.parsed.hidden.has('share'))) {
    const line = el('p', 'hint link-summary', `Set by this link: ${summariseShort(o.table, o.state, o.parsed.hidden, o.parsed.locked)}.`);
    const heading = o.slot.firstElementChild;
    if (heading !== null && /^H[1-6]$/.test(heading.tagName)) heading.after(line); else o.slot.prepend(line);
  }
  if (o.parsed.hidden.has('share')) return { access, refresh: () => undefined };
  if (o.embed) {
    const theme = new URLSearchParams(location.search).get('theme');
    const query = () => [serialiseState(o.table, o.state, o.parsed.hidden, o.parsed.locked),
      theme === 'dark' || theme === 'auto' ? `theme=${theme}` : ''].filter((s) => s !== '').join('&');
    const box = keyed(createEmbedButton(() => embedSnippet(o.widget, o.title, query(), siteBase(true), o.height)), 'share');
    box.classList.add('actions');
    o.slot.append(box);
    return { access, refresh: () => undefined };
  }
  return teacherPanel(o, access);
}

function teacherPanel<T extends Table>(o: ShareOptions<T>, access: Access): Share {
  const { table } = o;
  const choices = new Map<string, Choice>();
  for (const k of o.parsed.hidden) choices.set(k, 'hidden');
  for (const k of o.parsed.locked) choices.set(k, 'locked');
  let preset: StateOf<T> | undefined;
  const linkState = () => preset ?? o.state;
  const setOf = (c: Choice) => new Set([...choices].filter(([, v]) => v === c).map(([k]) => k));
  const ownQuery = () => serialiseState(table, linkState(), setOf('hidden'), setOf('locked'));

  // Layout: the summary and the copy buttons always in view; the class options folded below them.
  const root = keyed(el('section', 'share-panel'), 'share');
  const heading = el('h3', undefined, 'Share with a class');
  heading.id = uid('share-heading');
  root.setAttribute('aria-labelledby', heading.id);
  const holds = el('p', 'share-summary');
  const holdsText = el('span');
  holds.append(el('strong', undefined, 'The link holds: '), holdsText);
  root.append(heading, holds);
  const options = el('details', 'share-options');
  options.append(el('summary', undefined, 'Choose what students may change, the theme and the size'));
  options.append(el('p', 'hint', 'This page stays as it is; Preview shows the students’ view.'));
  const follow = el('p', 'hint share-follow');
  const pin = el('button', undefined, 'Use the current settings as the preset');
  pin.type = 'button';
  const reset = el('button', undefined, 'Reset');
  reset.type = 'button';
  const presetRow = el('div', 'actions');
  presetRow.append(pin, reset);
  options.append(follow, presetRow);

  // Per control: can change / locked / hidden. Listed: the table's hideable controls the widget shows
  // now (tagged), any the link already hid or locked, then the frame's own.
  const rows = el('fieldset', 'share-access');
  rows.append(el('legend', undefined, 'What students may change'));
  const rowList = el('div', 'share-rows');
  rows.append(rowList);
  options.append(rows);
  const built = new Map<string, HTMLSelectElement>();
  function listed(): string[] {
    const shown = new Set([...o.host.querySelectorAll(`[${KEY_ATTR}]`)].map((n) => n.getAttribute(KEY_ATTR)!));
    const own = Object.keys(table).filter((k) => table[k]!.hideable && (shown.has(k) || choices.has(k) || built.has(k)));
    return [...own, ...Object.keys(FRAME_CONTROLS)];
  }
  function buildRows(): void {
    const keys = listed();
    if (keys.length === built.size && keys.every((k) => built.has(k))) return;
    rowList.textContent = '';
    for (const key of keys) {
      const frame = !Object.hasOwn(table, key);
      const options = frame ? [{ value: 'open', label: 'Shown' }, { value: 'hidden', label: 'Hidden' }]
        : [{ value: 'open', label: 'Can change' }, { value: 'locked', label: 'Locked (shown, not editable)' }, { value: 'hidden', label: 'Hidden' }];
      const label = frame ? FRAME_CONTROLS[key]! : table[key]!.label;
      const row = createSelect(label, options, choices.get(key) ?? 'open', (v) => {
        if (v === 'open') choices.delete(key); else choices.set(key, v as Choice);
        update();
      });
      row.select.dataset.shareKey = key;
      built.set(key, row.select);
      rowList.append(row.root);
    }
  }

  // Embed options
  const embedSet = el('fieldset', 'share-embed');
  embedSet.append(el('legend', undefined, 'Embed'));
  const theme = createSelect('Embed theme', THEME_CHOICES, 'light', () => update());
  const titleBox = textField('Embed title (read by screen readers)', o.title, 'text');
  const heightBox = textField('Height in pixels (empty: fit the content, with embed.js)', '', 'number');
  Object.assign(heightBox.input, { min: String(MIN_HEIGHT), max: String(MAX_HEIGHT), step: '10', placeholder: `fit (starts at ${o.height})` });
  for (const f of [titleBox, heightBox]) f.input.addEventListener('input', () => update());
  embedSet.append(theme.root, titleBox.root, heightBox.root);
  options.append(embedSet);

  const copyRow = el('div', 'actions');
  const copyLink = button('Copy link');
  const copyEmbed = button('Copy embed code');
  const preview = button('Preview');
  preview.setAttribute('aria-expanded', 'false');
  copyRow.append(copyLink, copyEmbed, preview);
  const status = el('p', 'hint share-status');
  status.setAttribute('role', 'status');
  const code = el('textarea', 'embed-code');
  code.readOnly = true;
  code.hidden = true;
  // The preview spans the widget's full width, below it, as students would see the embed.
  const previewBox = el('section', 'share-preview panel');
  previewBox.hidden = true;
  const previewHeading = el('h2', undefined, 'Preview: what students will see');
  previewHeading.id = uid('preview-heading');
  previewBox.setAttribute('aria-labelledby', previewHeading.id);
  previewBox.append(previewHeading);
  root.append(copyRow, status, code, options);
  o.slot.append(root);
  const widgetRoot = o.slot.closest('.widget');
  if (widgetRoot !== null) widgetRoot.after(previewBox); else o.host.append(previewBox);

  const embedQuery = () => [ownQuery(), theme.select.value === 'light' ? '' : `theme=${theme.select.value}`].filter((s) => s !== '').join('&');
  const fixedHeight = (): number | undefined => {
    const raw = heightBox.input.value.trim();
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) return undefined;
    return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(v)));
  };
  const title = () => titleBox.input.value.trim() || o.title;
  const linkUrl = () => new URL(`${o.page ?? o.widget}.html${ownQuery() ? `?${ownQuery()}` : ''}`, siteBase(false)).href;
  const snippet = () => embedSnippet(o.widget, title(), embedQuery(), siteBase(false), fixedHeight() ?? o.height, fixedHeight() === undefined);

  async function copy(text: string, what: string): Promise<void> {
    code.value = text;
    code.setAttribute('aria-label', what);
    code.hidden = false;
    code.select();
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${what} copied to the clipboard.`;
    } catch {
      status.textContent = `Select the ${what.toLowerCase()} below and copy it (Ctrl+C).`;
    }
  }
  copyLink.addEventListener('click', () => void copy(linkUrl(), 'Link'));
  copyEmbed.addEventListener('click', () => void copy(snippet(), 'Embed code'));

  // Preview: the embed as students get it, at the chosen height (or fitted, as embed.js would).
  let frame: HTMLIFrameElement | undefined;
  function showPreview(): void {
    frame ??= el('iframe');
    frame.title = `Preview: ${title()}`;
    frame.style.width = '100%';
    frame.style.border = '1px solid var(--rule)';
    const h = fixedHeight();
    frame.style.height = `${h ?? o.height}px`;
    frame.dataset.fit = String(h === undefined);
    const src = embedUrl(o.widget, embedQuery(), siteBase(false));
    if (frame.src !== src) frame.src = src;
    if (!frame.isConnected) previewBox.append(frame);
  }
  addEventListener('message', (event: MessageEvent) => {
    const d = event.data as { type?: unknown; height?: unknown } | null;
    if (frame === undefined || event.source !== frame.contentWindow || d?.type !== RESIZE || typeof d.height !== 'number') return;
    if (frame.dataset.fit === 'true' && d.height > 0 && d.height < 20000) frame.style.height = `${Math.ceil(d.height)}px`;
  });
  preview.addEventListener('click', () => {
    const open = previewBox.hidden;
    previewBox.hidden = !open;
    preview.setAttribute('aria-expanded', String(open));
    preview.textContent = open ? 'Close the preview' : 'Preview';
    if (open) {
      showPreview();
      frame!.contentWindow?.postMessage({ type: PING }, '*');
      previewBox.scrollIntoView({ block: 'nearest' });
    }
  });

  pin.addEventListener('click', () => { preset = copyOf(o.state); update(); status.textContent = 'The link now starts from these settings.'; });
  reset.addEventListener('click', () => {
    preset = undefined;
    choices.clear();
    for (const s of built.values()) s.value = 'open';
    theme.select.value = 'light';
    titleBox.input.value = o.title;
    heightBox.input.value = '';
    update();
    status.textContent = 'Reset: the link follows your settings, every control can be changed.';
  });

  function update(): void {
    buildRows();
    holdsText.textContent = `${summarise(table, linkState(), setOf('hidden'), setOf('locked'))}.`;
    follow.textContent = preset === undefined ? 'The link follows your current settings.'
      : 'The link starts from the preset you set (your later changes are not in it).';
    root.dataset.query = ownQuery(); // for tests and developers: exactly what the link carries
    if (!previewBox.hidden) showPreview();
  }
  // Any edit in the widget (or a rebuilt control list) may change what the link holds.
  for (const type of ['input', 'change', 'pointerup', 'keyup']) o.host.addEventListener(type, () => queueMicrotask(update));
  options.addEventListener('toggle', update);
  update();
  return { access, refresh: update };
}

function button(text: string): HTMLButtonElement {
  const b = el('button', undefined, text);
  b.type = 'button';
  return b;
}

function textField(label: string, value: string, type: 'text' | 'number'): { root: HTMLDivElement; input: HTMLInputElement } {
  const root = el('div', 'control');
  const id = uid('share');
  const lab = el('label', 'control-label', label);
  lab.htmlFor = id;
  const input = el('input');
  Object.assign(input, { type, id, value });
  root.append(lab, input);
  return { root, input };
}

