// playground-data.spec.ts — the playground's own data, models and views inside the network (issue
// 9): click-to-add / shift-click-to-remove and the keyboard form put points in the link and the
// engine trains on exactly those; a CSV with one bad line is refused naming the line (the points
// stay) and a good one trains; export → import → continue equals uninterrupted training (the Node
// engine agrees), a broken model file names the field and the model stays; every hidden neuron has
// a thumbnail and the dead ones are the engine's; health bars, histograms, the confusion matrix,
// the learning-rate schedule; a hostile own-points link gives notices; axe and 360 px with own data.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseState } from '../../web/src/state/schema';
import { playgroundTable, trainerConfig, type PlaygroundState } from '../../web/src/state/playground';
import { axeViolations, engine, sidewaysOverflow, watchErrors, widgetReady } from './helpers';

interface NodeTrainer {
  configure(json: string): string; stepEpochs(n: number): boolean; stepBatches(n: number): number; statusJson(): string;
  unitsJson(): string; healthJson(): string; delete(): void;
}

const table = playgroundTable(['tanh', 'relu', 'sigmoid']);

/** Runs the Node engine on the page's link (its state table) for `epochs` epochs. */
function engineRun<T>(search: string, epochs: number, read: (t: NodeTrainer) => T): T {
  const m = engine() as unknown as { Trainer: new () => NodeTrainer };
  const t = new m.Trainer();
  try {
    const state = parseState(table, search).state as PlaygroundState;
    expect(t.configure(JSON.stringify(trainerConfig(state)))).toBe('');
    if (epochs > 0) t.stepEpochs(epochs);
    return read(t);
  } finally { t.delete(); }
}
const status = (t: NodeTrainer) => JSON.parse(t.statusJson()) as { train: { loss: number }; test: { loss: number; accuracy: number }; epoch: number };
const attr = async (page: Page, name: string): Promise<number> => Number(await page.locator('#widget').getAttribute(`data-${name}`));
const search = (page: Page) => new URL(page.url()).search;
async function stepEpochs(page: Page, n: number): Promise<void> {
  const start = await attr(page, 'epoch');
  for (let i = 0; i < n; i++) {
    await page.getByRole('button', { name: 'Step an epoch' }).click();
    await expect(page.locator('#widget')).toHaveAttribute('data-epoch', String(start + i + 1));
  }
}

test('own points: a click adds a point of the chosen class, shift-click removes the nearest, the form does it by keyboard; the engine trains on them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('playground.html?data=own&classes=2');
  await widgetReady(page);
  const panel = page.locator('.pg-own');
  await expect(panel).toContainText('12 points, kept in the link.');
  const map = page.locator('.decision-canvas');
  const box = (await map.boundingBox())!;
  // Class 1 at the top-left quarter point: (−1.25, 1.25) on the ±2.5 square.
  await page.getByLabel('Class of a new point').fill('1');
  await page.getByLabel('Class of a new point').press('Tab');
  await map.click({ position: { x: box.width / 4, y: box.height / 4 } });
  await expect(panel).toContainText('13 points, kept in the link.');
  await expect(page).toHaveURL(/pclass=1/);
  const pts = new URLSearchParams(search(page)).get('pts')!;
  expect(pts.split('~')).toHaveLength(13);
  const [x, y, label] = pts.split('~').at(-1)!.split('_').map(Number) as [number, number, number];
  expect(Math.abs(x + 1.25)).toBeLessThan(0.05);
  expect(Math.abs(y - 1.25)).toBeLessThan(0.05);
  expect(label).toBe(1);
  await map.click({ position: { x: box.width / 4, y: box.height / 4 }, modifiers: ['Shift'] });
  await expect(panel).toContainText('12 points, kept in the link.');
  // Keyboard: x, y, Add point.
  await page.getByRole('spinbutton', { name: 'x of a new point' }).fill('2');
  await page.getByRole('spinbutton', { name: 'y of a new point' }).fill('-2');
  await page.getByRole('button', { name: 'Add point' }).press('Enter');
  await expect(panel).toContainText('13 points, kept in the link.');
  await expect(panel).toContainText('Added a point at (2, -2) of class 1.');
  expect(new URLSearchParams(search(page)).get('pts')!.endsWith('~2_-2_1')).toBe(true);
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '0');
  await stepEpochs(page, 3);
  const want = engineRun(search(page), 3, status);
  expect(await attr(page, 'train-loss')).toBe(want.train.loss);
  expect(await attr(page, 'test-loss')).toBe(want.test.loss);
  // Reload: the link carries the points.
  await page.reload();
  await widgetReady(page);
  await expect(panel).toContainText('13 points, kept in the link.');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'dataset.points' })).toContainText('The engine refused these settings, so the previous run stays: dataset.points: the custom set needs at least 2 points (got 0)');
  await expect(page).toHaveURL(/pts=(&|$)/);
  expect(errors).toEqual([]);
});

test('CSV import: one bad line is named with its line and column and the points stay; a good file trains; export gives the engine\'s CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('playground.html?data=own&classes=2');
  await widgetReady(page);
  const panel = page.locator('.pg-own');
  const input = panel.locator('input[type="file"]');
  const lines = ['x,y,label', '0.5,0.5,1', '-0.5,-0.5,0', '0.6,0.4,1', '-0.4,-0.6,0', '1,1,1', '0.2,abc,0', '-1,-1,0'];
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(panel.locator('.error')).toHaveText("bad.csv: line 7, column 2: 'abc' is not a number. Your points stay as they were.");
  await expect(panel).toContainText('12 points, kept in the link.');
  lines[6] = '0.2,-0.1,0';
  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await expect(panel).toContainText('Imported 7 points from good.csv (header skipped).');
  await expect(panel).toContainText('7 points, kept in the link.');
  await expect(panel.locator('.error')).toBeHidden();
  expect(new URLSearchParams(search(page)).get('pts')).toBe('0.5_0.5_1~-0.5_-0.5_0~0.6_0.4_1~-0.4_-0.6_0~1_1_1~0.2_-0.1_0~-1_-1_0');
  await stepEpochs(page, 2);
  expect(await attr(page, 'train-loss')).toBe(engineRun(search(page), 2, status).train.loss);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  const rows = text.trim().split('\n');
  expect(rows[0]).toBe('x,y,label');
  expect(rows).toHaveLength(8);
  // The engine writes the floats it trained on (9 digits); to 3 decimals they are the link's points.
  const three = (v: string) => Number(Number(v).toFixed(3));
  expect(rows.slice(1).map((r) => r.split(',').map(three)).map(([a, b, c]) => `${a}_${b}_${c}`).sort())
    .toEqual(new URLSearchParams(search(page)).get('pts')!.split('~').sort());
  // A class beyond K is refused too.
  await input.setInputFiles({ name: 'k.csv', mimeType: 'text/csv', buffer: Buffer.from('0,0,0\n1,1,2\n') });
  await expect(panel.locator('.error')).toHaveText("k.csv: line 2, column 3: '2' is not a class (a whole number from 0 to 1). Your points stay as they were.");
  expect(errors).toEqual([]);
});

test('model export → import → continue equals uninterrupted training; a broken file names the field and the model stays', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const link = '?units=6,4&opt=adam&lr=0.01&samples=200';
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  await stepEpochs(page, 3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model' }).click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file.startsWith('{"format":"actlab-model"')).toBe(true);
  await stepEpochs(page, 2);
  const uninterrupted = await attr(page, 'test-loss');
  expect(uninterrupted).toBe(engineRun(link, 5, status).test.loss);
  // A broken file: one weight short.
  const broken = file.replace(/"W":\[([^,\]]+),/, '"W":[');
  const input = page.locator('.pg-model input[type="file"]');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(page.locator('.pg-model + .hint')).toContainText(/broken\.json was not loaded, the current model stays: model\.layers\[0\]\.W: expected 12 numbers, got 11/);
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '5');
  expect(await attr(page, 'test-loss')).toBe(uninterrupted);
  // The saved file: back to epoch 3, and two more epochs land exactly where the uninterrupted run did.
  await input.setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.locator('.pg-model + .hint')).toContainText('Loaded model.json: epoch 3');
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '3');
  await stepEpochs(page, 2);
  expect(await attr(page, 'test-loss')).toBe(uninterrupted);
  expect(errors).toEqual([]);
});

test('a thumbnail per hidden neuron that enlarges on focus; dead neurons are the engine\'s; health bars, histograms, confusion matrix', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const link = '?units=8,8&act=relu&init=he&lr=3';
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  await stepEpochs(page, 2);
  const thumbs = page.locator('.pg-neuron');
  await expect(thumbs).toHaveCount(16);
  const units = engineRun(link, 2, (t) => JSON.parse(t.unitsJson()) as { samples: number; layers: { dead: number[] }[] });
  const dead = units.layers.flatMap((l) => l.dead).length;
  expect(dead).toBeGreaterThan(0);
  await expect(page.locator('.pg-neuron.dead')).toHaveCount(dead);
  const words = units.layers.map((l, i) => `layer ${i + 1} (ReLU): ${l.dead.length === 0 ? 'no dead neuron' : ''}`);
  await expect(page.locator('.pg-dead-summary')).toContainText(`Dead neurons (never active on the ${units.samples} training points): `);
  for (const w of words) if (w.endsWith('no dead neuron')) await expect(page.locator('.pg-dead-summary')).toContainText(w);
  const first = page.locator('.pg-neuron.dead').first();
  await expect(first).toHaveAttribute('aria-label', new RegExp(`dead, never active on the ${units.samples} training points`));
  const before = (await first.boundingBox())!.width;
  await page.mouse.move(0, 0); // no thumbnail under the pointer after the page scrolls (a hovered one would be the enlarged one)
  await first.focus();
  // The enlargement is an overlay beside the scrolling diagram (never clipped by it), marked dead too.
  const zoom = page.locator('.pg-zoom');
  await expect(zoom).toBeVisible();
  await expect.poll(async () => (await zoom.boundingBox())!.width).toBeGreaterThan(2.5 * before);
  await expect(zoom).toHaveClass(/dead/);
  // Health: a bar per layer and the output, the engine's mean |dL/dW|.
  const health = engineRun(link, 2, (t) => JSON.parse(t.healthJson()) as { meanAbsGrad: number }[]);
  await expect(page.locator('.pg-health-row')).toHaveCount(health.length);
  await expect(page.locator('.pg-hist')).toHaveCount(2);
  await expect(page.locator('.pg-confusion-box')).toBeHidden();
  await page.goto('playground.html?data=spiral&classes=3&units=8&opt=adam');
  await widgetReady(page);
  await expect(page.locator('.pg-confusion-box table')).toContainText('Confusion matrix, test points');
  expect(errors).toEqual([]);
});

test('the thumbnail focused by keyboard stays enlarged when the page scrolls under a resting pointer; moving the pointer enlarges the hovered one', async ({ page }) => {
  await page.goto('playground.html?units=4,4');
  await widgetReady(page);
  const cells = page.locator('.pg-neuron');
  await expect(cells).toHaveCount(8);
  const zoom = page.locator('.pg-zoom');
  const centreY = async (l: ReturnType<typeof page.locator>) => { const r = await l.boundingBox(); return r === null ? NaN : r.y + r.height / 2; };
  const [a, b] = [cells.nth(0), cells.nth(3)];
  await page.locator('.pg-neurons-box').scrollIntoViewIfNeeded();
  const box = (await a.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); // the pointer rests on A
  await expect.poll(async () => Math.abs((await centreY(zoom)) - (await centreY(a)))).toBeLessThan(2);
  await page.keyboard.press('Shift'); // a key press, then focus moves to B as Tab would
  await b.focus();
  await expect.poll(async () => Math.abs((await centreY(zoom)) - (await centreY(b)))).toBeLessThan(2);
  // What the browser sends when Tab scrolls the page under the resting pointer: pointerover on the
  // thumbnail now beneath it, with no movement. B stays enlarged (before: A took over).
  await a.dispatchEvent('pointerover', { bubbles: true, movementX: 0, movementY: 0 });
  await page.waitForTimeout(50);
  expect(Math.abs((await centreY(zoom)) - (await centreY(b)))).toBeLessThan(2);
  // A real pointer move over A: the hovered thumbnail is enlarged again.
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 1);
  await expect.poll(async () => Math.abs((await centreY(zoom)) - (await centreY(a)))).toBeLessThan(2);
});

test('a deep sigmoid stack shows the vanishing-gradient warning in its health bars', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('playground.html?units=8,8,8,8,8,8,8,8&act=sigmoid');
  await widgetReady(page);
  await expect(page.locator('.pg-health-row.warn').first()).toContainText('vanishing');
});

test('step decay: the learning rate halves each epoch and the losses are the engine\'s', async ({ page }) => {
  test.setTimeout(60_000);
  const link = '?sched=step&every=1&decay=0.5';
  await page.goto(`playground.html${link}`);
  await widgetReady(page);
  await expect(page.getByRole('spinbutton', { name: 'Decay every (epochs)' })).toHaveValue('1');
  await stepEpochs(page, 2);
  await expect(page.locator('.pg-readouts')).toContainText('0.0075');
  expect(await attr(page, 'train-loss')).toBe(engineRun(link, 2, status).train.loss);
  await page.locator('.pg-controls [data-state-key="sched"] select').selectOption('cosine');
  await expect(page).toHaveURL(/sched=cosine/);
  await expect(page.getByRole('spinbutton', { name: 'Cosine over (epochs)' })).toBeVisible();
});

test('a hostile own-points link shows notices and keeps the good points', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('playground.html?data=own&classes=2&pts=1_1_0~<script>~0_0_1~9_9_1~0.5_0.5_7');
  await widgetReady(page);
  const notices = page.locator('#notices');
  await expect(notices).toContainText('Own points: 1 point not written as x_y_label');
  await expect(notices).toContainText('Own points: 1 point outside the plane');
  await expect(notices).toContainText('Own points: 1 point has a label that is not a class from 0 to 1; dropped.');
  await expect(page.locator('.pg-own')).toContainText('2 points, kept in the link.');
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`own data and the views: axe WCAG 2.2 AA, ${theme}, 360 px, nothing wider than the window`, async ({ page }) => {
    test.setTimeout(120_000);  // axe over the whole page takes ~20 s on the shared, loaded machine
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('playground.html?data=own&classes=3&units=4,4&act=relu');
    await widgetReady(page);
    await stepEpochs(page, 1);
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('a regression set with the tanh head (as TF Playground) loads, draws its points and trains (it threw on a real-valued target before)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('playground.html?data=plane&head=tanh_mse');
  await widgetReady(page);
  await expect(page.locator('#error')).toBeHidden();
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  expect(errors).toEqual([]);
});
