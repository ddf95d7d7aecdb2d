// exercises.ts — the ten exercises of the course (CURRICULUM "Exercises"), as data: the task in our
// own words, the answer boxes, what the engine checks each answer against (a reference expression,
// a tolerance, an engine run), the typical mistakes the engine recognises (each with its hint), the
// worked solution and the links that open the evidence. No DOM and no maths: the page builds the
// boxes from this table and asks the engine for every verdict (widgets/exercises/check.ts).
//
// The URL table: `id` names the exercise a link opens (embed/exercise.html?id=elu shows only it).
import type { ExprParam } from '../engine/expr';
import type { Field, StateOf } from './schema';

// Each part's `example` is a right answer: the tests check that it passes; the page never shows it.

/** A typical wrong answer: when the engine finds the learner's answer equal to `answer`, show `hint`. */
export interface Mistake { answer: string; hint: string }

/** An activation (or any function of x) typed as an expression, compared with `reference` on a grid. */
export interface ExprPart {
  kind: 'expr'; key: string; label: string; example: string;
  reference: string;
  /** This part is the derivative of the part `derivativeOf` (checked with the engine's symbolic f′ and finite differences). */
  derivativeOf?: string;
  params?: ExprParam[];
  lo: number; hi: number; atol: number; rtol: number;
  mistakes: Mistake[];
}
/** A number (or a calculation such as 1/(1+e)), within |a − r| ≤ atol (+ rtol·|r|) of the engine's value of `reference`. */
export interface NumberPart {
  kind: 'number'; key: string; label: string; example: string;
  reference: string; atol: number; rtol?: number;
  mistakes: Mistake[];
}
export interface ChoicePart {
  kind: 'choice'; key: string; label: string;
  options: { value: string; label: string }[];
  /** The right option; 'engine' when an engine run decides it (the race: the fastest activation). */
  correct: string;
  hints: Record<string, string>;
}
/** The gradient-health rule, an expression in g, against the engine's health monitor. */
export interface HealthPart { kind: 'health'; key: string; label: string; example: string }
/** One layer number per activation (0 = never), against the engine's depth sweep. */
export interface DepthPart {
  kind: 'depth'; key: string; label: string;
  activations: { id: string; name: string }[];
  layers: number; width: number; init: 'normal'; seed: number; tolerance: number;
}
export type Part = ExprPart | NumberPart | ChoicePart | HealthPart | DepthPart;

/** An engine run shown with the exercise (after the answer is checked, or on request). */
export type Evidence =
  | { kind: 'train'; dataset: string; hidden: number[]; against: string; epochs: number; lr: number; from: string }
  | { kind: 'race'; dataset: string; activations: { id: string; name: string }[]; hidden: number[]; epochs: number; lr: number; target: number }
  | { kind: 'census'; activations: { id: string; name: string }[]; biasMean: number }
  | { kind: 'curve'; text: string; lo: number; hi: number };

export interface Exercise {
  id: string; number: number; title: string;
  /** The task, one paragraph per entry. */
  task: string[];
  parts: Part[];
  /** The worked solution, one paragraph (or formula line) per entry. */
  solution: string[];
  /** Pages that show the evidence (relative site URLs). */
  links: { label: string; href: string }[];
  evidence?: Evidence;
}

/** Hand calculations: two to three decimals are enough (σ(1) = 0.731, typed 0.73 passes). */
const HAND = 0.005;

const sig = { id: 'sigmoid', name: 'Sigmoid' }, tanh = { id: 'tanh', name: 'Tanh' }, relu = { id: 'relu', name: 'ReLU' },
  gelu = { id: 'gelu', name: 'GELU' }, elu = { id: 'elu', name: 'ELU' };
const ALPHA_ONE: ExprParam[] = [{ name: 'alpha', value: 1, learnable: false, tex: '\\alpha' }];

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'prelu', number: 1, title: 'PReLU: a Leaky ReLU that learns its slope',
    task: ['Leaky ReLU keeps a small fixed slope α = 0.01 for negative inputs. PReLU makes that slope a parameter the network learns. ' +
      'Type PReLU with the parameter alpha (it starts at 0.25). The engine checks your f on a grid, differentiates it with respect to x and to alpha, ' +
      'and then trains the same small network on the circle data twice: once with your PReLU, once with the fixed Leaky ReLU.'],
    parts: [{ kind: 'expr', key: 'f', label: 'PReLU f(x) =', example: 'x > 0 ? x : alpha * x', reference: 'x > 0 ? x : alpha * x',
      lo: -6, hi: 6, atol: 1e-6, rtol: 1e-5,
      mistakes: [
        { answer: 'max(0, x)', hint: 'That is ReLU: for x < 0 it gives 0. PReLU keeps a slope there: alpha * x.' },
        { answer: 'x > 0 ? x : 0.01 * x', hint: 'That is Leaky ReLU with its fixed 0.01. Write alpha instead of 0.01 so the engine can learn the slope.' },
        { answer: 'x > 0 ? alpha * x : x', hint: 'The branches are swapped: the slope alpha belongs to the negative side, x > 0 keeps x.' },
        { answer: 'alpha * x', hint: 'Your f scales the positive side too. PReLU is x for x > 0 and alpha * x only for x ≤ 0.' },
      ] }],
    solution: ['PReLU(x) = x for x > 0 and αx otherwise: x > 0 ? x : alpha * x. Its derivative is 1 for x > 0 and α for x < 0; ' +
      'with respect to α it is x for x < 0 and 0 otherwise, so α moves only when negative inputs reach the unit.',
    'max(x, alpha * x) is the same function while α ≤ 1, but not for a learned α above 1, so the piecewise form is the safe one.',
    'He et al. (2015), who introduced PReLU, start α at 0.25; the trained α here ends wherever the circle data pushes it.'],
    links: [{ label: 'Leaky ReLU and PReLU in the explorer', href: 'explorer.html?act=leaky_relu,prelu' }],
    evidence: { kind: 'train', dataset: 'circle', hidden: [8], against: 'leaky_relu', epochs: 60, lr: 0.03, from: 'f' },
  },
  {
    id: 'depth', number: 2, title: 'Depth sweep: where does the signal reach zero?',
    task: ['Open the gradients lab with the course’s setting: 50 layers of 5 units, weights drawn from N(0, 1) without scaling, seed 1. ' +
      'For each activation, at which layer does the forward signal first fall below 10⁻³ (“effectively zero”)? Type 0 if it never does.'],
    parts: [{ kind: 'depth', key: 'layers', label: 'Signal zero from layer', activations: [sig, tanh, relu, gelu], layers: 50, width: 5, init: 'normal', seed: 1, tolerance: 1 }],
    solution: ['Read the column “Signal zero from layer” of the lab’s table (preset “Course: 5 inputs, N(0, 1), 50 layers”). ' +
      'With unscaled N(0, 1) weights, sigmoid units saturate near 0 or 1 and stop telling inputs apart; ReLU with 5 units per layer can lose all its active units ' +
      'or keep growing, depending on the draw. The engine’s answer for seed 1 is shown after Check, layer by layer.'],
    links: [{ label: 'The gradients lab, course setting', href: 'gradients.html?width=5&init=normal' }],
  },
  {
    id: 'elu', number: 3, title: 'ELU: f, f′ and dead neurons',
    task: ['ELU is x for x > 0 and α(eˣ − 1) otherwise, with α = 1 here. Type f and your own f′; the engine compares f with ELU on a grid, ' +
      'and your f′ with its symbolic derivative of ELU (and shows that this agrees with finite differences). ' +
      'Then compare the dead-neuron census of ELU with ReLU on the same random layer.'],
    parts: [
      { kind: 'expr', key: 'f', label: 'ELU f(x) =', example: 'x > 0 ? x : alpha * (exp(x) - 1)', reference: 'x > 0 ? x : alpha * expm1(x)',
        params: ALPHA_ONE, lo: -6, hi: 6, atol: 1e-6, rtol: 1e-5,
        mistakes: [
          { answer: 'x > 0 ? x : alpha * exp(x)', hint: 'At x → 0⁻ your f tends to α, not 0 — ELU subtracts 1: alpha * (exp(x) - 1).' },
          { answer: 'max(0, x)', hint: 'That is ReLU. ELU is negative for x < 0: alpha * (exp(x) - 1), which tends to −α.' },
        ] },
      { kind: 'expr', key: 'df', label: 'ELU f′(x) =', example: 'x > 0 ? 1 : alpha * exp(x)', reference: 'x > 0 ? x : alpha * expm1(x)',
        derivativeOf: 'reference', params: ALPHA_ONE, lo: -6, hi: 6, atol: 1e-5, rtol: 1e-4,
        mistakes: [
          { answer: 'x > 0 ? 1 : alpha * (exp(x) - 1)', hint: 'The derivative of α(eˣ − 1) is αeˣ: the −1 is a constant and disappears.' },
          { answer: 'x > 0 ? 1 : 0', hint: 'That is ReLU’s derivative. ELU keeps a slope αeˣ for x < 0 — that is why its units do not die.' },
        ] },
      { kind: 'choice', key: 'dead', label: 'In the engine’s census of one random layer, which has more dead or nearly dead units (a gradient on fewer than 5 % of the inputs)?',
        options: [{ value: 'relu', label: 'ReLU' }, { value: 'elu', label: 'ELU' }, { value: 'same', label: 'The same number' }],
        correct: 'engine', hints: {
          elu: 'Look at the census: ELU’s slope αeˣ is never exactly 0, so its units always pass some gradient.',
          same: 'Look at the census: a ReLU unit whose input is negative for every sample is dead; an ELU unit never is.' } },
    ],
    solution: ['f(x) = x for x > 0, α(eˣ − 1) otherwise: x > 0 ? x : alpha * (exp(x) - 1) (expm1(x) computes eˣ − 1 accurately near 0).',
      'f′(x) = 1 for x > 0, αeˣ otherwise: x > 0 ? 1 : alpha * exp(x). At x = 0 the engine takes the slope of the branch taken (the “otherwise” branch, α).',
      'A unit is dead when f′(z) = 0 for every input, nearly dead when f′(z) ≠ 0 for fewer than 5 % of them. ReLU′ is 0 for all z < 0, so units with a strongly negative bias die; ELU′ = αeᶻ > 0 everywhere, so every ELU unit passes some gradient on every input.'],
    links: [{ label: 'ELU and ReLU in the explorer', href: 'explorer.html?act=elu,relu' }],
    evidence: { kind: 'census', activations: [relu, elu], biasMean: -3 },
  },
  {
    id: 'monitor', number: 4, title: 'A gradient-health monitor',
    task: ['Write the rule of a monitor that warns when a layer’s mean |gradient| g is below 0.001 (vanishing) or above 100 (exploding). ' +
      'A comparison is 1 when true and 0 when false; your rule warns where its value is not 0. ' +
      'The engine runs two depth sweeps — 30 sigmoid layers (Xavier) and 20 ReLU layers with N(0, 1) weights — and checks that your rule flags exactly the layers its own monitor flags.'],
    parts: [{ kind: 'health', key: 'rule', label: 'Warn when', example: '(g < 0.001) + (g > 100)' }],
    solution: ['(g < 0.001) + (g > 100) — or max(g < 0.001, g > 100): the sum of two comparisons is non-zero when either holds (the language has no “or”).',
      'On the sigmoid stack the gradient shrinks by about σ′ ≤ 0.25 per layer on its way back, so the layers near the input fall below 0.001; ' +
      'on the ReLU stack with unscaled weights it grows by about √(32/2) = 4 per layer and passes 100 a few layers from the output.'],
    links: [{ label: 'Vanishing: sigmoid in the gradients lab', href: 'gradients.html?act=sigmoid&layers=30' },
      { label: 'Exploding: ReLU with N(0, 1) weights', href: 'gradients.html?act=relu&init=normal&layers=20' }],
  },
  {
    id: 'xor', number: 5, title: 'XOR: which activation converges fastest?',
    task: ['Train a network with two hidden layers of 8 units on XOR (SGD, learning rate 0.1, seed 1), once with each of the four activations below. ' +
      'Which activation first brings the training loss down to 0.1? The engine answers with a seeded run of all four; open any of them in the playground.'],
    parts: [{ kind: 'choice', key: 'fastest', label: 'Fastest to a training loss of 0.1',
      options: [sig, tanh, relu, gelu].map((a) => ({ value: a.id, label: a.name })), correct: 'engine',
      hints: { sigmoid: 'Sigmoid’s slope is at most 0.25 and its outputs are all positive, so each step moves the weights little — see the loss curves.' } }],
    solution: ['XOR needs a bend, and every one of these activations gives one; how fast the loss falls depends on the slopes the gradient passes through.',
      'Sigmoid’s σ′ ≤ 0.25 and its outputs centred on 0.5 make it the slowest; tanh (slope 1 at 0, zero-centred) and ReLU or GELU (slope 1 for positive inputs) move faster. ' +
      'This page checks one seed and one data set: the engine’s run below is the evidence for them; try other seeds in the playground.'],
    links: [],
    evidence: { kind: 'race', dataset: 'xor', activations: [sig, tanh, relu, gelu], hidden: [8, 8], epochs: 100, lr: 0.1, target: 0.1 },
  },
  {
    id: 'sigma', number: 6, title: 'σ(0), σ(1), σ(−1) by hand',
    task: ['σ(z) = 1 / (1 + e⁻ᶻ). Compute the three values by hand (e ≈ 2.718) and type them — a number, or the calculation itself, such as 1/(1+e^-1). ' +
      'Tolerance: ±0.005.'],
    parts: [
      { kind: 'number', key: 's0', label: 'σ(0) =', example: '0.5', reference: 'sigmoid(0)', atol: HAND,
        mistakes: [{ answer: '0', hint: 'e⁰ = 1, so σ(0) = 1/(1 + 1).' }, { answer: '1', hint: 'e⁰ = 1, so σ(0) = 1/(1 + 1), not 1/1.' }] },
      { kind: 'number', key: 's1', label: 'σ(1) =', example: '0.731', reference: 'sigmoid(1)', atol: HAND,
        mistakes: [{ answer: 'sigmoid(-1)', hint: 'That is σ(−1). For z = 1, e⁻ᶻ = 1/e ≈ 0.368, so σ(1) = 1/1.368 — above 0.5.' },
          { answer: '1/(1+e)', hint: 'That is σ(−1): the sign in e⁻ᶻ turns z = 1 into e⁻¹.' }] },
      { kind: 'number', key: 'sm1', label: 'σ(−1) =', example: '0.269', reference: 'sigmoid(-1)', atol: HAND,
        mistakes: [{ answer: 'sigmoid(1)', hint: 'That is σ(1). For z = −1, e⁻ᶻ = e ≈ 2.718, so σ(−1) = 1/3.718 — below 0.5.' },
          { answer: '-sigmoid(1)', hint: 'σ is never negative. Use σ(−z) = 1 − σ(z): σ(−1) = 1 − σ(1).' }] },
    ],
    solution: ['σ(0) = 1/(1 + e⁰) = 1/2 = 0.5.', 'σ(1) = 1/(1 + e⁻¹) = 1/(1 + 0.3679) ≈ 0.7311.',
      'σ(−1) = 1/(1 + e) = 1/3.7183 ≈ 0.2689 = 1 − σ(1): the curve is symmetric about (0, ½).'],
    links: [{ label: 'Check in the explorer: sigmoid at z = 1', href: 'explorer.html?act=sigmoid&z=1' }],
  },
  {
    id: 'tanh', number: 7, title: 'tanh(z) = 2σ(2z) − 1',
    task: ['Type the right-hand side in terms of z and sigmoid. The engine compares it with tanh(z) on a grid from −6 to 6 and at special values (0, ±1000, ±∞, NaN), ' +
      'and shows the difference where it is largest. Then read the algebra in the worked solution.'],
    parts: [{ kind: 'expr', key: 'rhs', label: 'tanh(z) =', example: '2 * sigmoid(2 * z) - 1', reference: 'tanh(z)', lo: -6, hi: 6, atol: 1e-6, rtol: 1e-5,
      mistakes: [
        { answer: '2 * sigmoid(z) - 1', hint: 'That is tanh(z/2): the argument of σ is 2z.' },
        { answer: '2 * sigmoid(2 * z)', hint: 'At z = 0 your value is 1, but tanh(0) = 0: subtract 1.' },
        { answer: 'sigmoid(2 * z) - 1', hint: 'Your values run from −1 to 0; tanh runs from −1 to 1. Multiply σ(2z) by 2 first.' },
        { answer: 'tanh(z)', hint: 'True, but that is the left-hand side: write it with sigmoid.' },
      ] }],
    solution: ['2σ(2z) − 1 = 2/(1 + e⁻²ᶻ) − 1 = (2 − 1 − e⁻²ᶻ)/(1 + e⁻²ᶻ) = (1 − e⁻²ᶻ)/(1 + e⁻²ᶻ).',
      'Multiply numerator and denominator by eᶻ: (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ) = tanh(z).',
      'So tanh is a sigmoid stretched to (−1, 1) and squeezed by 2 along z — zero-centred, with slope 1 at 0 instead of 0.25.'],
    links: [{ label: 'Sigmoid and tanh in the explorer', href: 'explorer.html?act=sigmoid,tanh' }],
  },
  {
    id: 'chain', number: 8, title: 'Three sigmoid layers with σ′ ≈ 0.2',
    task: ['A gradient flowing back through three sigmoid layers is multiplied by each layer’s σ′. If each is about 0.2, what is the combined factor? ' +
      'Tolerance: ±0.0005.'],
    parts: [
      { kind: 'number', key: 'factor', label: 'Combined factor =', example: '0.2^3', reference: '0.2^3', atol: 0.0005,
        mistakes: [{ answer: '0.6', hint: 'You added the three factors. The chain rule multiplies them: 0.2 × 0.2 × 0.2.' },
          { answer: '0.04', hint: 'That is two layers (0.2²). Three layers multiply three factors.' }] },
      { kind: 'choice', key: 'meaning', label: 'What does that say about deep sigmoid networks?',
        options: [
          { value: 'vanish', label: 'The gradient shrinks geometrically with depth: early layers barely learn' },
          { value: 'explode', label: 'The gradient grows with depth: training diverges' },
          { value: 'nothing', label: 'Nothing: 0.008 is still a usable gradient at any depth' },
        ], correct: 'vanish',
        hints: { explode: 'Every factor is below 1, so their product only shrinks.', nothing: 'At 0.2 per layer, 10 layers give 0.2¹⁰ ≈ 10⁻⁷; see the gradients lab.' } },
    ],
    solution: ['0.2 × 0.2 × 0.2 = 0.2³ = 0.008: less than 1 % of the gradient survives three layers.',
      'With L layers the factor is about 0.2ᴸ (at best 0.25ᴸ, since σ′ ≤ 0.25): deep sigmoid stacks vanish, which is why hidden layers moved to ReLU-like activations.'],
    links: [{ label: 'Sigmoid’s bound 0.25ᵏ in the gradients lab', href: 'gradients.html?act=sigmoid' }],
  },
  {
    id: 'step', number: 9, title: 'Why Step art has hard edges',
    task: ['In the art studio, choose Step for every layer: the picture is made of flat regions with hard edges, never smooth blobs. Why?'],
    parts: [{ kind: 'choice', key: 'why', label: 'Because…',
      options: [
        { value: 'two', label: 'Step outputs only 0 or 1, so each unit switches abruptly where its weighted input crosses 0; nothing in between' },
        { value: 'res', label: 'The studio renders Step at a lower resolution' },
        { value: 'slope', label: 'Step is steep but smooth; the edges are blurred by the colour map' },
      ], correct: 'two',
      hints: { res: 'Every activation is rendered at the same resolution; the edges come from the function.', slope: 'Step is not smooth: it jumps from 0 to 1 at z = 0 and is flat (f′ = 0) everywhere else — see the curve below.' } }],
    solution: ['step(z) is 0 for z < 0 and 1 for z ≥ 0. A layer of step units therefore outputs one of finitely many 0/1 patterns; ' +
      'each region of the image is where the pattern stays the same, and its boundary is where some unit’s weighted input crosses 0 — there the colour jumps.',
      'Smooth activations change gradually near 0, so neighbouring pixels get slightly different colours: blobs. For the same reason step cannot be trained by gradient descent: its f′ is 0 wherever it is defined.'],
    links: [{ label: 'The art studio with Step', href: 'art.html?act=step' }],
    evidence: { kind: 'curve', text: 'step(x)', lo: -3, hi: 3 },
  },
  {
    id: 'saturate', number: 10, title: 'σ′ at z = ±5, and ReLU for z > 0',
    task: ['Drag z to 5 and to −5 on sigmoid in the explorer. What is σ′ there? Use σ′(z) = σ(z)(1 − σ(z)). Tolerance: ±0.0005.'],
    parts: [
      { kind: 'number', key: 'p5', label: 'σ′(5) =', example: '0.0066', reference: 'sigmoid(5) * (1 - sigmoid(5))', atol: 0.0005,
        mistakes: [{ answer: 'sigmoid(5)', hint: 'That is σ(5), the value, not its slope: multiply by 1 − σ(5).' },
          { answer: '0.25', hint: '0.25 is σ′(0), the largest slope sigmoid has; at z = 5 the curve is almost flat.' }] },
      { kind: 'number', key: 'm5', label: 'σ′(−5) =', example: '0.0066', reference: 'sigmoid(-5) * (1 - sigmoid(-5))', atol: 0.0005,
        mistakes: [{ answer: '-sigmoid(5) * (1 - sigmoid(5))', hint: 'σ′ is never negative: sigmoid only rises. σ′(−z) = σ′(z).' },
          { answer: 'sigmoid(5)', hint: 'That is σ(5), the value at +5. The slope at −5 is σ(−5)(1 − σ(−5)), the same as at +5.' }] },
      { kind: 'choice', key: 'relu', label: 'Why doesn’t ReLU have this problem for z > 0?',
        options: [
          { value: 'one', label: 'ReLU′(z) = 1 for every z > 0: the gradient passes unchanged however large z is' },
          { value: 'bounded', label: 'ReLU is bounded, so it cannot saturate' },
          { value: 'grows', label: 'ReLU′ grows with z, making up for the loss' },
        ], correct: 'one',
        hints: { bounded: 'ReLU is not bounded above (it is x for x > 0); sigmoid is bounded, and that is what flattens it.',
          grows: 'ReLU′ is constant, 1, for z > 0 — see the curve below.' } },
    ],
    solution: ['σ(5) = 1/(1 + e⁻⁵) ≈ 0.99331, so σ′(5) = 0.99331 × 0.00669 ≈ 0.00665. By symmetry σ′(−5) = σ′(5) ≈ 0.00665: a gradient through that unit shrinks 150-fold.',
      'ReLU(z) = z for z > 0, so ReLU′(z) = 1 however large z gets: no saturation on the positive side (its problem is the other side, where ReLU′ = 0).'],
    links: [{ label: 'Sigmoid at z = 5 in the explorer', href: 'explorer.html?act=sigmoid,relu&z=5' }],
    evidence: { kind: 'curve', text: 'relu(x)', lo: -6, hi: 6 },
  },
];

export const EXERCISE_IDS: readonly string[] = EXERCISES.map((e) => e.id);

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** The sandbox's starting activation (GELU's sigmoid approximation, Hendrycks & Gimpel 2016). */
export const SANDBOX_DEFAULT = 'x * sigmoid(1.702 * x)';
/** The engine reads expressions of up to 1000 characters (cpp/actlab/expr/limits.hpp, kMaxLength). */
export const EXPR_MAX_LENGTH = 1000;

/**
 * The page's URL table: which exercise the link opens (the embed shows only that one), and the
 * sandbox's typed activation (the site page only; not hideable, since the embed has no sandbox).
 */
export const exercisesTable = {
  id: { kind: 'enum', default: 'prelu', values: EXERCISE_IDS, label: 'Exercise', hideable: true,
    describe: (v: string) => `exercise ${exerciseById(v)?.number ?? ''}: ${exerciseById(v)?.title ?? v}` },
  fx: { kind: 'text', default: SANDBOX_DEFAULT, maxLength: EXPR_MAX_LENGTH, label: 'Sandbox f(x)',
    describe: (v: string) => `sandbox f(x) = ${v}` },
} as const satisfies Record<string, Field>;
export type ExercisesState = StateOf<typeof exercisesTable>;

/** The answer keys of an exercise (one per box; the depth part has one per activation). */
export function answerKeys(ex: Exercise): string[] {
  return ex.parts.flatMap((p) => (p.kind === 'depth' ? p.activations.map((a) => `${p.key}.${a.id}`) : [p.key]));
}
