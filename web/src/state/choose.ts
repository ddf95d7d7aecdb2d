// choose.ts — the "which activation when" chooser: its state table (layer, architecture, task) and
// the rules as data (CURRICULUM §7), each answer with its reason and links to pages that show the
// evidence live. The rules are content, not maths; every link's query is checked against its
// page's own state table by tests/web/choose.test.ts, so a link never opens with a notice.
import type { Field, StateOf } from './schema';

export const LAYERS: Readonly<Record<string, string>> = { hidden: 'Hidden layer', output: 'Output layer' };
export const ARCHS: Readonly<Record<string, string>> = {
  mlp: 'MLP (fully connected)', cnn: 'CNN (convolutional)', transformer: 'Transformer', rnn: 'Recurrent cell (RNN, LSTM, GRU)',
};
export const TASKS: Readonly<Record<string, string>> = {
  binary: 'Binary classification', multiclass: 'Multi-class classification (K classes)', regression: 'Regression (any number)',
  bounded: 'A target in (−1, 1)',
};

/** "an MLP (fully connected)", "a CNN (convolutional)": the architecture with its article, as said aloud. */
export const withArticle = (arch: string): string => `${arch === 'mlp' ? 'an' : 'a'} ${ARCHS[arch] ?? arch}`;

/** "Multi-class classification (K classes)" → "multi-class classification (K classes)". */
export const lowerFirst = (t: string): string => t.charAt(0).toLowerCase() + t.slice(1);

export function chooseTable() {
  return {
    layer: { kind: 'enum', default: 'hidden', values: Object.keys(LAYERS), label: 'Which layer', hideable: true,
      describe: (v: string) => lowerFirst(LAYERS[v] ?? v) },
    arch: { kind: 'enum', default: 'mlp', values: Object.keys(ARCHS), label: 'Architecture', hideable: true,
      describe: (v: string) => withArticle(v) },
    task: { kind: 'enum', default: 'binary', values: Object.keys(TASKS), label: 'Task', hideable: true,
      describe: (v: string) => lowerFirst(TASKS[v] ?? v) },
  } as const satisfies Record<string, Field>;
}
export type ChooseTable = ReturnType<typeof chooseTable>;
export type ChooseState = StateOf<ChooseTable>;

/** Pages a link may open (each has a state table the test parses the query against). */
export type EvidencePage = 'explorer' | 'gradients' | 'softmax' | 'playground' | 'nonlinearity' | 'race';
export interface Evidence {
  page: EvidencePage;
  /** The query string, without "?" (empty: the page's defaults). */
  query: string;
  /** The link's text. */
  label: string;
  /** What to look at once there. */
  look: string;
}
export interface Answer {
  /** The recommendation's activation ids (the first is the pick), for the page to name. */
  ids: readonly string[];
  /** The recommendation as a phrase. */
  pick: string;
  reason: string;
  /** Alternatives and when to use them (may be empty). */
  also: string;
  evidence: readonly Evidence[];
}

const WHY_BEND: Evidence = { page: 'nonlinearity', query: '', label: 'Why a hidden layer needs a bend at all',
  look: 'Ten linear layers collapse into one matrix; only the bent network learns XOR.' };

const HIDDEN: Readonly<Record<string, Answer>> = {
  mlp: {
    ids: ['relu', 'leaky_relu', 'elu'], pick: 'ReLU',
    reason: 'ReLU is the default for hidden layers: where a unit is active its slope is exactly 1, so the gradient does not shrink ' +
      'layer after layer (sigmoid’s slope is at most 0.25), and it is cheap to compute.',
    also: 'If many units die (never fire, so they never learn), switch to Leaky ReLU or ELU, which keep a small slope for negative inputs.',
    evidence: [
      { page: 'gradients', query: 'act=relu,sigmoid&init=he', label: 'ReLU + He beside sigmoid through 50 layers',
        look: 'ReLU’s gradient reaches layer 1; sigmoid’s falls below “effectively zero”.' },
      { page: 'explorer', query: 'act=relu,leaky_relu,elu', label: 'ReLU, Leaky ReLU and ELU in the explorer',
        look: 'The shaded dead zone: ReLU’s slope is 0 for every negative input, Leaky ReLU’s and ELU’s are not.' },
      { page: 'race', query: 'act=relu,leaky_relu,elu,sigmoid&units=8,8', label: 'ReLU, Leaky ReLU, ELU and sigmoid race on the circle',
        look: 'The same data and initial weights for all four: compare the epochs each needs to reach the target and the final losses.' },
      WHY_BEND,
    ],
  },
  cnn: {
    ids: ['relu', 'swish'], pick: 'ReLU',
    reason: 'Convolutional layers are hidden layers too: ReLU is the default, for the same reasons as in an MLP (slope 1 where active, cheap).',
    also: 'Swish (SiLU) is used in some vision models; Leaky ReLU or ELU if units die.',
    evidence: [
      { page: 'explorer', query: 'act=relu,swish', label: 'ReLU and Swish in the explorer',
        look: 'Swish is a smooth ReLU: it dips slightly below 0 and its slope is not exactly 0 for negative inputs.' },
      { page: 'playground', query: 'data=spiral&units=8,8&act=relu&opt=adam&lr=0.01', label: 'A ReLU network on the spiral in the playground',
        look: 'Press Play and watch two ReLU layers bend the boundaries around the spiral’s arms.' },
      { page: 'race', query: 'act=relu,swish,sigmoid&data=digits&units=32&lr=0.003&batch=32&epochs=30', label: 'ReLU, Swish and sigmoid race on the 8×8 digits',
        look: 'Small images (no convolution here): the standings say how much the choice swings; raise “Seeds (runs per contestant)” to see the spread.' },
    ],
  },
  transformer: {
    ids: ['gelu', 'swish'], pick: 'GELU',
    reason: 'GELU is the usual choice in transformers’ hidden (feed-forward) layers: a smooth curve that is close to ReLU for large |z| ' +
      'but has a non-zero slope for small negative inputs, so it has no flat dead half.',
    also: 'Swish (SiLU) is used in some large language models.',
    evidence: [
      { page: 'explorer', query: 'act=gelu,relu,swish', label: 'GELU beside ReLU and Swish in the explorer',
        look: 'GELU follows ReLU away from 0 and bends smoothly near it; its shaded dead zone is smaller than ReLU’s.' },
      { page: 'gradients', query: 'act=gelu,relu,sigmoid&init=he', label: 'GELU’s gradient through 50 layers',
        look: 'Compare where each activation’s gradient reaches “effectively zero”.' },
      { page: 'race', query: 'act=gelu,relu,swish&data=spiral&units=16,16&epochs=200&target=0.9', label: 'GELU, ReLU and Swish race on the spiral',
        look: 'Not a transformer, but the same activations from the same weights: the loss chart and standings compare them.' },
    ],
  },
  rnn: {
    ids: ['tanh', 'sigmoid'], pick: 'tanh inside the cell, sigmoid for its gates',
    reason: 'A recurrent cell reuses its state at every time step, so the state’s update uses tanh: bounded in (−1, 1) and centred on 0, ' +
      'it cannot grow step after step. Gates (LSTM, GRU) use sigmoid, whose output in (0, 1) is the share to keep or let through.',
    also: 'Outside the cell (layers before or after it) the feed-forward defaults apply.',
    evidence: [
      { page: 'explorer', query: 'act=tanh,sigmoid', label: 'tanh and sigmoid in the explorer',
        look: 'tanh spans (−1, 1) centred on 0; sigmoid spans (0, 1), a fraction.' },
      { page: 'race', query: 'act=tanh,sigmoid&data=xor&units=8,8&epochs=60', label: 'tanh vs sigmoid race on XOR',
        look: 'Not a recurrent cell: a plain network where tanh’s zero-centred outputs and sigmoid’s (0, 1) ones train from the same weights.' },
    ],
  },
};

const OUTPUT: Readonly<Record<string, Answer>> = {
  binary: {
    ids: ['sigmoid'], pick: 'Sigmoid, one output unit',
    reason: 'One unit whose sigmoid is the probability of the positive class, in (0, 1); trained with binary cross-entropy.',
    also: '',
    evidence: [
      { page: 'playground', query: 'head=sigmoid_bce', label: 'A sigmoid output on the circle data in the playground',
        look: 'The map shows the sigmoid’s probability: orange near 0, blue near 1.' },
    ],
  },
  multiclass: {
    ids: ['softmax'], pick: 'Softmax, one output unit per class',
    reason: 'Softmax turns K scores into K probabilities that sum to 1; with cross-entropy the gradient at the scores is simply p − y.',
    also: '',
    evidence: [
      { page: 'softmax', query: '', label: 'The softmax lab',
        look: 'The probability bars sum to 1; the cross-entropy and its gradient p − y are shown for the true class.' },
      { page: 'playground', query: 'data=spiral&units=16,16&act=relu&head=softmax_ce&opt=adam&lr=0.01',
        label: 'Three-class spiral with a softmax output in the playground', look: 'Press Play: each class gets its own colour region.' },
      { page: 'race', query: 'data=digits&units=32&lr=0.003&batch=32&epochs=30', label: 'Ten digit classes in the race (softmax output)',
        look: 'Every contestant ends in ten softmax units, one per digit; the standings show the test accuracy each hidden activation reaches.' },
    ],
  },
  regression: {
    ids: ['identity'], pick: 'Identity (no activation on the output)',
    reason: 'A numeric target can take any value, so the output must too: never squash it. Train with squared error.',
    also: 'If the target really is bounded to (−1, 1), tanh fits it (choose that task).',
    evidence: [
      { page: 'playground', query: 'data=bumps&units=8,8&head=identity_mse&opt=adam&lr=0.01',
        label: 'Regression on the bumps data with an identity output', look: 'Press Play: an identity output can say any number, negative or positive, as the bumps’ targets need.' },
    ],
  },
  bounded: {
    ids: ['tanh'], pick: 'Tanh, one output unit',
    reason: 'tanh’s outputs lie in (−1, 1), exactly the target’s range, and are centred on 0.',
    also: '',
    evidence: [
      { page: 'playground', query: 'head=tanh_mse&opt=adam&lr=0.01', label: 'Targets of −1 and +1 with a tanh output (TF Playground’s setup)',
        look: 'Press Play: the circle’s labels are trained as −1 and +1, and tanh’s output moves toward both.' },
      { page: 'explorer', query: 'act=tanh', label: 'tanh in the explorer', look: 'Its range is (−1, 1).' },
    ],
  },
};

/** The answer for a state: hidden layers depend on the architecture, output layers on the task. */
export function recommend(s: ChooseState): Answer {
  return s.layer === 'hidden' ? HIDDEN[s.arch] ?? HIDDEN.mlp! : OUTPUT[s.task] ?? OUTPUT.binary!;
}

/** Why the other setting does not change the answer (shown under it). */
export function ignoredNote(s: ChooseState): string {
  return s.layer === 'hidden'
    ? 'The task decides the output layer, not the hidden ones.'
    : 'For the output layer the task decides, whatever the architecture.';
}

export interface Pitfall { title: string; why: string; demo: Evidence }

/** The three pitfalls of CURRICULUM §7, each with a live demonstration. */
export const PITFALLS: readonly Pitfall[] = [
  { title: 'Sigmoid in deep hidden layers',
    why: 'Its slope is at most 0.25, so every sigmoid the gradient passes on its way back multiplies it by at most 0.25 (ten of them: 0.25¹⁰ ≈ 9.5·10⁻⁷); unless the weights make up for it, the first layers stop learning.',
    demo: { page: 'gradients', query: 'act=sigmoid,relu&init=he', label: 'Sigmoid vs ReLU through 50 layers (gradients lab)',
      look: 'The table says at which layer each gradient falls below “effectively zero”.' } },
  { title: 'Sigmoid output for multi-class',
    why: 'One sigmoid per class gives K numbers that each lie in (0, 1) but need not sum to 1: they are not a probability distribution over the classes.',
    demo: { page: 'softmax', query: 'K=4&z2=1.5&z3=1&z4=0.5', label: 'Sigmoids vs softmax for four classes (softmax lab)',
      look: 'The sigmoids’ sum is shown next to softmax’s 1.' } },
  { title: 'Sigmoid output for regression',
    why: 'A sigmoid output can only say numbers between 0 and 1, so every target outside that range is out of reach however long it trains.',
    demo: { page: 'explorer', query: 'act=sigmoid,identity&zmin=-10&zmax=10&z=8', label: 'Sigmoid’s range beside the identity’s (explorer)',
      look: 'However large z gets, sigmoid stays inside (0, 1); the identity reaches any target. The fix: an identity output (Output layer, Regression, in this chooser).' } },
];

/** Every link the chooser can show (for tests and for the page's "all evidence" list). */
export function allEvidence(): Evidence[] {
  return [...Object.values(HIDDEN), ...Object.values(OUTPUT)].flatMap((a) => a.evidence).concat(PITFALLS.map((p) => p.demo));
}

/** The link's href, relative to the chooser page (site or embed). */
export function evidenceHref(e: Evidence, embed: boolean): string {
  return `${embed ? '../' : ''}${e.page}.html${e.query === '' ? '' : `?${e.query}`}`;
}
