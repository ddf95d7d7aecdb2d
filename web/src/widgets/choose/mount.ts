// mount.ts — "which activation when": three choices (layer, architecture, task) → the recommendation
// with its reason and links to the pages that show the evidence live, and the three pitfalls with
// their demonstrations. The rules are content (state/choose.ts); the engine supplies the activation
// names and formulas' display names. State in the URL; the shared share frame.
import type { EngineClient } from '../../engine/client';
import { ARCHS, chooseTable, withArticle, evidenceHref, ignoredNote, LAYERS, lowerFirst, PITFALLS, recommend, TASKS, type ChooseState,
  type Evidence } from '../../state/choose';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { showNotices } from '../../ui/notices';
import { mountShare } from '../../ui/share-panel';
import './choose.css';

export interface ChooseMountOptions { embed: boolean; notices: HTMLElement }

/** A group of radio buttons for one enum key (a fieldset; arrows move within it). */
function radios(key: string, legend: string, choices: Readonly<Record<string, string>>, value: string, onChange: (v: string) => void) {
  const box = keyed(el('fieldset', 'choose-group'), key);
  box.append(el('legend', undefined, legend));
  const name = uid(`choose-${key}`);
  const inputs: HTMLInputElement[] = [];
  for (const [v, label] of Object.entries(choices)) {
    const row = el('label', 'check');
    const input = el('input');
    Object.assign(input, { type: 'radio', name, value: v, checked: v === value });
    input.addEventListener('change', () => { if (input.checked) onChange(v); });
    inputs.push(input);
    row.append(input, ` ${label}`);
    box.append(row);
  }
  return { box, set: (v: string) => { for (const i of inputs) i.checked = i.value === v; } };
}

function evidenceItem(e: Evidence, embed: boolean): HTMLLIElement {
  const li = el('li');
  const a = el('a', undefined, e.label);
  a.href = evidenceHref(e, embed);
  if (embed) a.target = '_blank';
  li.append(a, el('span', 'hint', ` — ${e.look}`));
  return li;
}

export async function mountChoose(host: HTMLElement, client: EngineClient, o: ChooseMountOptions): Promise<void> {
  const metas = await client.activations();
  // Softmax is the engine's vector op, not a registry entry.
  const nameOf = (id: string) => metas.find((m) => m.id === id)?.name ?? (id === 'softmax' ? 'Softmax' : id);
  const table = chooseTable();
  const parsed = readUrlState(table);
  const state = parsed.state as ChooseState;
  const { hidden, locked } = parsed;
  showNotices(o.notices, parsed.notices);

  const widget = el('div', 'widget choose');
  const side = el('div', 'panel controls-panel');
  side.append(el('h2', undefined, 'Your layer'));
  const view = el('section', 'panel choose-answer');
  const answerHead = el('h2', undefined, 'Use');
  answerHead.id = uid('answer');
  view.setAttribute('aria-labelledby', answerHead.id);
  widget.append(side, view);
  host.append(widget);

  const change = (key: keyof ChooseState) => (v: string) => { state[key] = v; writeUrlState(table, state, hidden, locked); draw(); };
  const layer = radios('layer', table.layer.label, LAYERS, state.layer, change('layer'));
  const arch = radios('arch', table.arch.label, ARCHS, state.arch, change('arch'));
  const task = radios('task', table.task.label, TASKS, state.task, change('task'));
  side.append(layer.box, arch.box, task.box);
  mountShare({ widget: 'choose', title: 'Which activation when (Activation Lab)', height: 1100,
    table, parsed: { hidden, locked }, state, host, slot: side, embed: o.embed });

  const pick = el('p', 'choose-pick');
  pick.setAttribute('aria-live', 'polite');
  const reason = el('p');
  const also = el('p');
  const ignored = el('p', 'hint');
  const named = el('p', 'hint');
  const evHead = el('h3', undefined, 'See it live');
  const evList = el('ul', 'choose-links');
  view.append(answerHead, pick, named, reason, also, ignored, evHead, evList);

  const pitfalls = el('section', 'panel choose-pitfalls');
  const pitHead = el('h2', undefined, 'Three pitfalls, each shown live');
  pitHead.id = uid('pitfalls');
  pitfalls.setAttribute('aria-labelledby', pitHead.id);
  const pitList = el('ul');
  for (const p of PITFALLS) {
    const li = el('li');
    li.append(el('strong', undefined, p.title), el('br'), p.why, el('br'));
    const a = el('a', undefined, p.demo.label);
    a.href = evidenceHref(p.demo, o.embed);
    if (o.embed) a.target = '_blank';
    li.append(a, el('span', 'hint', ` — ${p.demo.look}`));
    pitList.append(li);
  }
  pitfalls.append(pitHead, pitList);
  host.append(pitfalls);

  function draw(): void {
    const a = recommend(state);
    const where = state.layer === 'hidden' ? `the hidden layers of ${withArticle(state.arch)}` : `the output layer for ${lowerFirst(TASKS[state.task]!)}`;
    pick.replaceChildren(`For ${where}: `, el('strong', undefined, a.pick), '.');
    named.textContent = `In this lab’s menus: ${a.ids.map(nameOf).join(', ')}.`;
    reason.textContent = a.reason;
    also.textContent = a.also;
    also.hidden = a.also === '';
    ignored.textContent = ignoredNote(state);
    evList.replaceChildren(...a.evidence.map((e) => evidenceItem(e, o.embed)));
    host.dataset.pick = a.ids[0];
  }
  draw();
  host.dataset.ready = 'true';
}
