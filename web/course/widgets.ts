// widgets.ts — the one list of widgets a lesson may mount (`::: widget <id> <state>`), each with the
// state table its page parses. A lesson's preset is validated against exactly that table at build
// time (course/validate.ts), so a preset that the widget would correct or ignore fails the build.
// A widget that lands later (race, dead-neurons, nonlinearity, choose, exercise) is one entry here.
import type { ActivationMeta } from '../src/engine/types';
import { artTable } from '../src/state/art';
import { explorerTable } from '../src/state/explorer';
import { gradientsTable } from '../src/state/gradients';
import { playgroundTable } from '../src/state/playground';
import type { Table } from '../src/state/schema';
import { softmaxTable } from '../src/state/softmax';

export interface WidgetEntry {
  /** Page name: `<id>.html` and `embed/<id>.html`. */
  id: string;
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
  // When they land: { id: 'race', title: 'Activation race', height: …, table: (m) => raceTable(…) }, and
  // likewise 'dead-neurons', 'nonlinearity', 'choose', 'exercise'.
];

export function widgetById(id: string): WidgetEntry | undefined {
  return WIDGETS.find((w) => w.id === id);
}
