// widgets.ts — the one list of widgets a lesson may mount (`::: widget <id> <state>`), each with the
// state table its page parses. A lesson's preset is validated against exactly that table at build
// time (course/validate.ts), so a preset that the widget would correct or ignore fails the build.
// The embed is `embed/<id>.html`; the full page is `<page>.html` (the id, except the exercise, whose
// embed shows one exercise and whose full page, exercises.html, lists all ten).
import type { ActivationMeta } from '../src/engine/types';
import { artTable } from '../src/state/art.ts';
import { chooseTable } from '../src/state/choose.ts';
import { deadTable } from '../src/state/dead-neurons.ts';
import { exercisesTable } from '../src/state/exercises.ts';
import { explorerTable } from '../src/state/explorer.ts';
import { gradientsTable } from '../src/state/gradients.ts';
import { nonlinearityTable } from '../src/state/nonlinearity.ts';
import { playgroundTable } from '../src/state/playground.ts';
import { raceTable } from '../src/state/race.ts';
import type { Table } from '../src/state/schema';
import { softmaxTable } from '../src/state/softmax.ts';

export interface WidgetEntry {
  /** Embed page name: `embed/<id>.html` (and the full page `<id>.html` unless `page` says otherwise). */
  id: string;
  /** The full page's name when it is not the id (`exercises` for the exercise embed). */
  page?: string;
  /** Human name, used in the iframe's title and the "open in the full …" link. */
  title: string;
  /** First-guess iframe height in px (the embed then reports its own). */
  height: number;
  /** The widget's state table, built from the engine registry as its mount builds it. */
  table(metas: readonly ActivationMeta[]): Table;
}

const ids = (metas: readonly ActivationMeta[]) => metas.map((m) => m.id);
const namer = (metas: readonly ActivationMeta[]) => (id: string) => metas.find((m) => m.id === id)?.name ?? id;
const elementwise = (metas: readonly ActivationMeta[]) => metas.filter((m) => m.id !== 'softmax');

export const WIDGETS: readonly WidgetEntry[] = [
  { id: 'explorer', title: 'Activation explorer', height: 900, table: (m) => explorerTable(m) },
  { id: 'art', title: 'Art studio', height: 900, table: (m) => artTable(ids(m), namer(m)) },
  { id: 'gradients', title: 'Gradients lab', height: 1100, table: (m) => gradientsTable(ids(elementwise(m)), namer(m)) },
  { id: 'playground', title: 'Training playground', height: 1200, table: (m) => playgroundTable(ids(m), namer(m)) },
  { id: 'softmax', title: 'Softmax lab', height: 1000, table: () => softmaxTable() },
  // The tables as the mounts build them: race, dead-neurons and nonlinearity from the element-wise activations.
  { id: 'race', title: 'Activation race', height: 1200, table: (m) => raceTable(ids(elementwise(m)), namer(m)) },
  { id: 'dead-neurons', title: 'Dead-neurons lab', height: 1200, table: (m) => deadTable(namer(m)) },
  { id: 'nonlinearity', title: 'Nonlinearity lab', height: 1400, table: (m) => nonlinearityTable(ids(elementwise(m)), namer(m)) },
  { id: 'choose', title: 'Activation chooser', height: 900, table: () => chooseTable() },
  { id: 'exercise', page: 'exercises', title: 'Exercise', height: 700, table: () => exercisesTable },
];

/** The full page of widget `id` (`exercises` for `exercise`). */
export function pageOf(id: string): string {
  return widgetById(id)?.page ?? id;
}

/** The widget whose full page is `page` (`exercises.html` → the exercise). */
export function widgetByPage(page: string): WidgetEntry | undefined {
  return WIDGETS.find((w) => (w.page ?? w.id) === page);
}

export function widgetById(id: string): WidgetEntry | undefined {
  return WIDGETS.find((w) => w.id === id);
}
