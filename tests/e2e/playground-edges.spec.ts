// playground-edges.spec.ts — the playground's weights as editable edges (issue 9): an edge per
// weight with width and dash by the engine's value; a click and a typed value change the weight
// (the Node engine, given the same edit, agrees on the test loss) and the heatmap; the keyboard
// alone selects, nudges and types; the edit survives a model download and upload; an edit while
// playing is safe (the worker takes it between two slices); a bad value gets the engine's message.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseState } from '../../web/src/state/schema';
import { playgroundTable, trainerConfig, type PlaygroundState } from '../../web/src/state/playground';
import { engine, watchErrors, widgetReady } from './helpers';

interface NodeTrainer {
  configure(json: string): string; setWeight(l: number, r: number, c: number, v: number): string; setBias(l: number, u: number, v: number): string; statusJson(): string;
  weightsJson(): string; delete(): void;
}
const table = playgroundTable(['tanh', 'relu', 'sigmoid']);
const link = '?units=3,2&samples=100';

/** The Node engine on the same link, with the same edits: its status and weights. */
function nodeAfter(edits: [number, number, number, number][], biases: [number, number, number][] = []): { testLoss: number; W: number[][]; b: number[][] } {
  const t = new (engine() as unknown as { Trainer: new () => NodeTrainer }).Trainer();
  try {
    expect(t.configure(JSON.stringify(trainerConfig(parseState(table, link).state as PlaygroundState)))).toBe('');
    for (const [l, r, c, v] of edits) expect(t.setWeight(l, r, c, v)).toBe('');
    for (const [l, u, v] of biases) expect(t.setBias(l, u, v)).toBe('');
    const s = JSON.parse(t.statusJson()) as { test: { loss: number } };
    const layers = JSON.parse(t.weightsJson()) as { W: number[]; b: number[] }[];
    return { testLoss: s.test.loss, W: layers.map((l) => l.W), b: layers.map((l) => l.b) };
  } finally { t.delete(); }
}
const attr = async (page: Page, name: string) => Number(await page.locator('#widget').getAttribute(`data-${name}`));
const mapPixels = (page: Page) => page.locator('.pg-map canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
const what = (page: Page) => page.locator('.pg-edge-what');

test('an edge per weight; clicking one and typing a value sets it in the engine and changes the heatmap', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  // 2 inputs → 3 → 2 → 1: 6 + 6 + 2 edges, drawn with the engine's signs.
  await expect(page.locator('.pg-edge')).toHaveCount(14);
  const start = nodeAfter([]);
  const dashed = await page.locator('.pg-edge').evaluateAll((ls) => ls.map((l) => l.hasAttribute('stroke-dasharray')));
  // Edges are ordered layer by layer, each target's inputs in turn: edge k of layer 0 is W[row][col] with row = k % 2.
  const order: number[] = [];
  for (const [l, ins, outs] of [[0, 2, 3], [1, 3, 2], [2, 2, 1]] as const) for (let c = 0; c < outs; c++) for (let r = 0; r < ins; r++) order.push(start.W[l]![r * outs + c]!);
  expect(dashed).toEqual(order.map((w) => w < 0));
  const before = await mapPixels(page);
  // The output layer's first edge (layer 2, from layer-2 neuron 1): click, type 4, Enter.
  await page.locator('.pg-edge-hit').nth(12).click({ force: true });
  await expect(what(page)).toContainText('Edge 13 of 14: layer 2 neuron 1 → the output');
  const box = page.getByRole('spinbutton', { name: 'Edge weight' });
  await expect(box).toBeFocused();
  await box.fill('4');
  await box.press('Enter');
  await expect(what(page)).toContainText('weight 4 (positive: solid blue)');
  const want = nodeAfter([[2, 0, 0, 4]]);
  await expect.poll(() => attr(page, 'test-loss')).toBe(want.testLoss);
  expect(await mapPixels(page)).not.toBe(before);
  await expect(page.locator('.pg-edge').nth(12)).toHaveAttribute('stroke-width', '6.75');
  // The editor also sets the bias of the edge's target (here the output): the engine agrees.
  const bias = page.getByRole('spinbutton', { name: 'Bias of the output' });
  await bias.fill('-0.75');
  await bias.press('Enter');
  const withBias = nodeAfter([[2, 0, 0, 4]], [[2, 0, -0.75]]);
  await expect.poll(() => attr(page, 'test-loss')).toBe(withBias.testLoss);
  // A value the engine refuses: its message, and the weight stays.
  await page.locator('.pg-edge-hit').nth(12).click({ force: true });
  await box.fill('1e300');
  await box.press('Enter');
  await expect(page.locator('.pg-edge-editor .hint')).toContainText('set_weight: value 1e+300 is not a finite float32 number');
  expect(await attr(page, 'test-loss')).toBe(withBias.testLoss);
  expect(errors).toEqual([]);
});

test('keyboard only: Tab to the diagram, arrows choose an edge, + nudges, Enter types; the edit survives download and upload of the model', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  const diagram = page.getByRole('group', { name: /^Weights as edges/ });
  // Reach it with Tab from the Reset button (no pointer).
  await page.getByRole('button', { name: 'Reset' }).focus();
  for (let i = 0; i < 80 && !(await diagram.evaluate((d) => d === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(diagram).toBeFocused();
  await expect(what(page)).toContainText('Edge 1 of 14: input x → layer 1 neuron 1');
  await page.keyboard.press('ArrowRight');
  await expect(what(page)).toContainText('Edge 2 of 14: input y → layer 1 neuron 1');
  await page.keyboard.press('PageDown');
  await expect(what(page)).toContainText('Edge 7 of 14: layer 1 neuron 1 → layer 2 neuron 1');
  const w0 = nodeAfter([]).W[1]![0]!;
  await page.keyboard.press('+');
  const nudged = Number((w0 + 0.1).toPrecision(6));
  await expect.poll(() => attr(page, 'test-loss')).toBe(nodeAfter([[1, 0, 0, nudged]]).testLoss);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('spinbutton', { name: 'Edge weight' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-2.5');
  await page.keyboard.press('Enter');
  await expect(diagram).toBeFocused();
  await expect(what(page)).toContainText('weight −2.5 (negative: dashed orange)');
  const edited = nodeAfter([[1, 0, 0, -2.5]]).testLoss;
  await expect.poll(() => attr(page, 'test-loss')).toBe(edited);
  await expect(page.locator('.pg-edge').nth(6)).toHaveAttribute('stroke-dasharray', '5 3');
  // Download the edited model, Reset (the initial weights come back), upload: the edit is back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => attr(page, 'test-loss')).toBe(nodeAfter([]).testLoss);
  await page.locator('.pg-model input[type="file"]').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.locator('.pg-model + .hint')).toContainText('Loaded edited.json');
  await expect.poll(() => attr(page, 'test-loss')).toBe(edited);
  expect(errors).toEqual([]);
});

test('an edit while playing is safe: training goes on from the edited weight', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => attr(page, 'epoch')).toBeGreaterThan(2);
  const diagram = page.getByRole('group', { name: /^Weights as edges/ });
  await diagram.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+=');
  const at = await attr(page, 'epoch');
  await expect.poll(() => attr(page, 'epoch')).toBeGreaterThan(at + 2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-playing', 'false');
  expect(Number.isFinite(await attr(page, 'test-loss'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a bias dot per neuron, sized and styled by the engine\'s bias; click or keyboard selects it and an edit sets the bias', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  // 3 + 2 + 1 neurons: a bias each, hollow and dashed when negative.
  await expect(page.locator('.pg-bias')).toHaveCount(6);
  await expect(page.locator('.pg-bias-hit')).toHaveCount(6);
  const start = nodeAfter([]);
  const dashed = await page.locator('.pg-bias').evaluateAll((cs) => cs.map((c) => c.hasAttribute('stroke-dasharray')));
  expect(dashed).toEqual(start.b.flat().map((b) => b < 0));
  // Pointer: the output's bias (the last dot), type 2, Enter: the engine agrees.
  await page.locator('.pg-bias-hit').nth(5).click({ force: true });
  await expect(what(page)).toContainText('Bias of the output:');
  const box = page.getByRole('spinbutton', { name: 'Bias of the output' });
  await expect(box).toBeFocused();
  await box.fill('2');
  await box.press('Enter');
  await expect(what(page)).toContainText('Bias of the output: 2 (positive: filled blue dot)');
  await expect.poll(() => attr(page, 'test-loss')).toBe(nodeAfter([], [[2, 0, 2]]).testLoss);
  await expect(page.locator('.pg-bias').nth(5)).toHaveAttribute('r', '5.50');
  // Keyboard: a neuron's inputs, then its bias; + nudges the bias by 0.1.
  const diagram = page.getByRole('group', { name: /^Weights as edges and biases/ });
  await diagram.focus();
  await page.keyboard.press('Home');
  await expect(what(page)).toContainText('Edge 1 of 14: input x → layer 1 neuron 1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(what(page)).toContainText('Bias of layer 1 neuron 1:');
  await page.keyboard.press('+');
  const nudged = Number((start.b[0]![0]! + 0.1).toPrecision(6));
  await expect.poll(() => attr(page, 'test-loss')).toBe(nodeAfter([], [[2, 0, 2], [0, 0, nudged]]).testLoss);
  await page.keyboard.press('ArrowRight');
  await expect(what(page)).toContainText('Edge 3 of 14: input x → layer 1 neuron 2');
  expect(errors).toEqual([]);
});

test('classroom: lock=wedit shows the weights with the reason and refuses edits; hide=wedit hides the editor', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`playground.html${link}&lock=wedit`);
  await widgetReady(page);
  const loss = await attr(page, 'test-loss');
  await expect(page.getByRole('checkbox', { name: 'Edit weights and biases' })).toBeDisabled();
  await page.locator('.pg-edge-hit').first().click({ force: true });
  await expect(what(page)).toContainText('Edge 1 of 14');
  await expect(page.getByRole('spinbutton', { name: 'Edge weight' })).toBeDisabled();
  await expect(page.locator('.pg-edge-editor .hint')).toHaveText('Locked by this link: the weights and biases are shown, not editable.');
  await expect(page.locator('.pg-edge-editor .hint')).toBeVisible();
  // The keyboard walk still reads values (biases too), but + changes nothing.
  await page.getByRole('group', { name: /^Weights as edges/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(what(page)).toContainText('Bias of layer 1 neuron 1');
  await page.keyboard.press('+');
  await expect(page.locator('.pg-edge-editor .hint')).toHaveText('Locked by this link: the weights and biases are shown, not editable.');
  await page.waitForTimeout(300); // an edit would have come back by now
  expect(await attr(page, 'test-loss')).toBe(loss);
  expect(loss).toBe(nodeAfter([]).testLoss);
  // Hidden: no editor, no tab stop, no switch; the edges are still drawn.
  await page.goto(`playground.html${link}&hide=wedit`);
  await widgetReady(page);
  await expect(page.locator('.pg-edge')).toHaveCount(14);
  await expect(page.locator('.pg-bias')).toHaveCount(6);
  await expect(page.locator('.pg-edge-editor')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Edit weights and biases' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Weights as edges/ })).toHaveCount(0);
  // The learner's own switch: off, the same reason-in-words, on again, and the edit lands.
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  await page.getByRole('checkbox', { name: 'Edit weights and biases' }).uncheck();
  await page.locator('.pg-edge-hit').nth(12).click({ force: true });
  await expect(page.locator('.pg-edge-editor .hint')).toContainText('Editing is off');
  await page.getByRole('checkbox', { name: 'Edit weights and biases' }).check();
  await expect(page.locator('.pg-edge-editor .hint')).toHaveText('');
  const box = page.getByRole('spinbutton', { name: 'Edge weight' });
  await box.fill('4');
  await box.press('Enter');
  await expect.poll(() => attr(page, 'test-loss')).toBe(nodeAfter([[2, 0, 0, 4]]).testLoss);
  expect(errors).toEqual([]);
});

test('an enlarged thumbnail is never clipped by the sideways-scrolling diagram (focus, top and bottom rows)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('playground.html?units=8,8,8,8,8,8&samples=100');
  await widgetReady(page);
  const thumbs = page.locator('.pg-neuron');
  // The overlay takes no pointer events; for elementFromPoint below it must count.
  await page.addStyleTag({ content: '.pg-zoom { pointer-events: auto !important; }' });
  await page.mouse.move(0, 0);
  for (const i of [0, 7]) {
    const cell = thumbs.nth(i);
    await cell.scrollIntoViewIfNeeded();
    await cell.focus();
    await page.waitForTimeout(250); // past the enlargement's transition
    // The enlargement: whatever now shows the neuron at 3× (the thumbnail itself, or an overlay).
    const box = await page.evaluate(() => {
      const z = [...document.querySelectorAll<HTMLElement>('.pg-zoom:not([hidden]), .pg-neuron:focus')]
        .map((e) => e.getBoundingClientRect()).find((r) => r.width > 100);
      return z === undefined ? undefined : { x: z.x, y: z.y, w: z.width, h: z.height };
    });
    expect(box).toBeDefined();
    // Its top and bottom edges are painted (nothing cuts them off): the topmost element there is the enlargement.
    for (const y of [box!.y + 3, box!.y + box!.h - 3]) {
      const hit = await page.evaluate(([x, yy]) => {
        const e = document.elementFromPoint(x!, yy!);
        return e?.closest('.pg-zoom, .pg-neuron') !== null && e?.closest('.pg-zoom, .pg-neuron') !== undefined;
      }, [box!.x + box!.w / 2, y]);
      expect(hit, `row ${i}, y ${y}`).toBe(true);
    }
  }
});
