// mount.ts — the exercises page (all ten, the sandbox, progress with export/import/reset) and the
// embed of one exercise (embed/exercise.html?id=…), which reports each check to its host page:
//   embed → parent  { type: 'actlab:exercise', version: 1, exercise, passed, score }   (docs/embedding.md)
import type { EngineClient } from '../../engine/client';
import { EXERCISES, exerciseById, exercisesTable, type Exercise, type ExercisesState } from '../../state/exercises';
import { browserStorage, ProgressStore } from '../../state/progress';
import { readUrlState, writeUrlState } from '../../state/url';
import { keyed } from '../../ui/access';
import { el, uid } from '../../ui/dom';
import { showNotices } from '../../ui/notices';
import { createSelect } from '../../ui/select';
import { mountShare } from '../../ui/share-panel';
import { createCard } from './card';
import { createSandbox } from './sandbox';
import './exercises.css';

export interface ExercisesMountOptions { embed: boolean; notices: HTMLElement }

export const EXERCISE_MESSAGE = 'actlab:exercise';
export interface ExerciseMessage { type: typeof EXERCISE_MESSAGE; version: 1; exercise: string; passed: boolean; score: number }

export async function mountExercises(host: HTMLElement, client: EngineClient, o: ExercisesMountOptions): Promise<void> {
  const table = exercisesTable;
  const parsed = readUrlState(table);
  const state = parsed.state as ExercisesState;
  const store = new ProgressStore(browserStorage());
  showNotices(o.notices, [...parsed.notices, ...store.notices]);

  const widget = el('div', o.embed ? 'widget exercises is-embed' : 'widget exercises');
  const side = el('div', 'panel controls-panel');
  const main = el('div', 'exercise-list');
  widget.append(side, main);
  host.append(widget);

  const onResult = (ex: Exercise, passed: boolean, score: number) => {
    refreshProgress();
    if (o.embed && window.parent !== window) {
      const message: ExerciseMessage = { type: EXERCISE_MESSAGE, version: 1, exercise: ex.id, passed, score };
      window.parent.postMessage(message, '*');
    }
  };

  // The exercise a link opens (the embed shows only it), tagged with its key for the frame.
  const pick = createSelect(table.id.label, EXERCISES.map((e) => ({ value: e.id, label: `${e.number}. ${e.title}` })), state.id, (v) => {
    state.id = v;
    writeUrlState(table, state, parsed.hidden, parsed.locked);
    if (!o.embed) document.getElementById(`exercise-${v}`)?.scrollIntoView({ block: 'start' });
    else renderList();
  });
  side.append(el('h2', undefined, o.embed ? 'Exercise' : 'Progress and sharing'));

  const progressBox = el('section', 'progress-box');
  progressBox.setAttribute('aria-label', 'Your progress');
  const progressLine = el('p', 'progress-line');
  progressLine.setAttribute('aria-live', 'polite');
  const list = el('ol', 'progress-list');
  progressBox.append(progressLine);
  if (!o.embed) progressBox.append(list, progressActions());
  side.append(progressBox, keyed(pick.root, 'id'));

  function refreshProgress(): void {
    const data = store.data;
    const solved = EXERCISES.filter((e) => data.exercises[e.id]?.solved).length;
    progressLine.textContent = o.embed
      ? (data.exercises[state.id]?.solved ? 'Solved in this browser.' : 'Not solved yet in this browser.')
      : `${solved} of ${EXERCISES.length} exercises solved (kept in this browser).`;
    list.replaceChildren(...EXERCISES.map((e) => {
      const item = el('li');
      const a = el('a', undefined, e.title);
      a.href = `#exercise-${e.id}`;
      const p = data.exercises[e.id];
      item.append(a, el('span', 'progress-mark', p?.solved ? ' ✓ solved' : p ? ` (${p.attempts} attempt${p.attempts === 1 ? '' : 's'})` : ''));
      return item;
    }));
  }

  function progressActions(): HTMLElement {
    const box = el('div', 'progress-actions');
    const exportButton = el('button', undefined, 'Export progress to a file');
    exportButton.type = 'button';
    exportButton.addEventListener('click', () => {
      const blob = new Blob([store.exportText()], { type: 'application/json' });
      const a = el('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'activation-lab-progress.json';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      message.textContent = 'Progress exported as activation-lab-progress.json.';
    });
    const fileId = uid('import');
    const importLabel = el('label', 'control-label', 'Import progress from a file');
    importLabel.htmlFor = fileId;
    const file = el('input');
    file.type = 'file';
    file.id = fileId;
    file.accept = '.json,application/json';
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      void chosen.text().then((text) => {
        try {
          store.importText(text);
          message.textContent = `Imported ${chosen.name}: ${Object.keys(store.data.exercises).length} exercise records.`;
          renderList();
          refreshProgress();
        } catch (err) {
          message.textContent = `${chosen.name} was not imported (nothing changed): ${err instanceof Error ? err.message : String(err)}.`;
        } finally {
          file.value = '';
        }
      });
    });
    const reset = el('button', undefined, 'Reset progress…');
    reset.type = 'button';
    const confirmBox = el('div', 'confirm-box');
    confirmBox.hidden = true;
    confirmBox.setAttribute('role', 'group');
    confirmBox.setAttribute('aria-label', 'Confirm reset');
    const yes = el('button', 'danger', 'Yes, forget all my progress');
    yes.type = 'button';
    const no = el('button', undefined, 'Cancel');
    no.type = 'button';
    confirmBox.append(el('p', undefined, 'Forget every attempt and answer in this browser? Export first if you may want them back.'), yes, ' ', no);
    reset.addEventListener('click', () => { confirmBox.hidden = false; no.focus(); });
    no.addEventListener('click', () => { confirmBox.hidden = true; reset.focus(); message.textContent = 'Nothing was reset.'; });
    yes.addEventListener('click', () => {
      store.reset();
      confirmBox.hidden = true;
      message.textContent = 'Progress reset.';
      renderList();
      refreshProgress();
      reset.focus();
    });
    const message = el('p', 'progress-message');
    message.setAttribute('role', 'status');
    const importRow = el('div', 'control');
    importRow.append(importLabel, file);
    box.append(exportButton, importRow, reset, confirmBox, message);
    return box;
  }

  // The sandbox's text lives in the link (state.fx); typing rewrites it once the text settles.
  const sandboxText = (t: string) => {
    if (t === state.fx) return;
    state.fx = t;
    writeUrlState(table, state, parsed.hidden, parsed.locked);
  };
  function renderList(): void {
    const shown = o.embed ? [exerciseById(state.id) ?? EXERCISES[0]!] : EXERCISES;
    main.replaceChildren(...shown.map((ex) => createCard(ex, { client, store, onResult, level: o.embed ? 2 : 3 })));
    if (!o.embed) {
      main.prepend(el('h2', 'visually-hidden', 'The ten exercises'));
      main.append(createSandbox(client, state.fx, sandboxText));
    }
  }
  renderList();
  refreshProgress();

  mountShare({ widget: 'exercise', page: 'exercises', title: 'Exercise (Activation Lab)', height: 900, table, parsed, state, host, slot: side, embed: o.embed });
  writeUrlState(table, state, parsed.hidden, parsed.locked);
  // A link's sandbox text that the engine cannot read: said in the notices too (the sandbox shows the caret).
  if (!o.embed && state.fx !== table.fx.default) {
    const check = await client.exprCheck(state.fx);
    if (!check.ok) {
      const where = check.error.column > 0 ? `; the sandbox shows where` : '';
      showNotices(o.notices, [...parsed.notices, ...store.notices, `${table.fx.label}: ${check.error.message}${where}.`]);
    }
  }
  if (!o.embed && new URLSearchParams(location.search).has('id')) document.getElementById(`exercise-${state.id}`)?.scrollIntoView({ block: 'start' });
  host.dataset.ready = 'true';
}
