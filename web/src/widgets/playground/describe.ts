// describe.ts — the playground in words, from the engine's numbers: the decision picture's and the
// loss chart's text alternatives, and the divergence report a learner reads when training breaks.
import type { Divergence, TrainerStatus } from '../../engine/trainer-types';
import { formatNumber as fmt } from '../../ui/format';
import { CLASS_NAMES, type OutputKind } from './decision-view';

const pct = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`);
const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : fmt(v, 4));

/** The decision map's text alternative. */
export function describeDecision(s: TrainerStatus, kind: OutputKind, dataName: string, showTest: boolean): string {
  const d = s.dataset;
  if (!s.ready || d === undefined) return 'Decision map (not trained yet).';
  const classes = kind === 'softmax' ? d.classes : 2;
  const colours = kind === 'regression'
    ? 'blue where the network predicts a value above 0, orange below, pale near 0'
    : `${CLASS_NAMES.slice(0, classes).map((c, i) => `${c} = class ${i}`).join(', ')}, stronger colour where the network is surer`;
  const quality = kind === 'regression'
    ? `train loss ${num(s.train?.loss)}, test loss ${num(s.test?.loss)}`
    : `training accuracy ${pct(s.train?.accuracy)}, test accuracy ${pct(s.test?.accuracy)}`;
  return `Decision map of the network over the input plane for the ${dataName} data after ${s.epoch ?? 0} epochs (${colours}); ` +
    `${quality}. Shown: ${d.nTrain} training points as filled circles${showTest ? ` and ${d.nTest} test points as hollow squares` : ''}.`;
}

/** The loss chart's text alternative. */
export function describeLoss(epochs: readonly number[], train: readonly number[], test: readonly number[]): string {
  if (epochs.length === 0) return 'Loss chart: no epoch finished yet.';
  const last = epochs.length - 1;
  return `Loss per epoch, ${epochs.length} points up to epoch ${epochs[last]}: training loss from ${num(train[0])} to ${num(train[last])}, ` +
    `test loss from ${num(test[0])} to ${num(test[last])}.`;
}

/** What happened when training broke, in a learner's words, from the engine's divergence probe. */
export function describeDivergence(d: Divergence, lr: number, activation: string): string {
  // The probe's layers are 1-based; 0 means the input batch or the loss.
  const where = d.layer > 0 ? `the ${d.what} of layer ${d.layer}` : `the ${d.what}`;
  return `Training stopped at step ${d.step} (epoch ${d.epoch + 1}): the first non-finite value (NaN or infinity) appeared in ${where}. ` +
    `Likely cause: ${d.cause || 'not known'}. (Learning rate ${fmt(lr, 4)}, ${activation}.)`;
}
