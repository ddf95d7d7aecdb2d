// playground.spec.ts — the training playground as a learner uses it: XOR trained to ≥ 95 % test
// accuracy by pressing Play; Step an epoch / Step a batch / Reset give the engine's exact losses
// (the Node build of the engine on the same config); learning rate 10 breaks training and the page
// says where and why, and the one-click fix resets with the rate ÷ 10; keyboard only; axe at
// WCAG 2.2 AA in both themes; nothing wider than a 360 px phone.
import { expect, test, type Page } from '@playwright/test';
import { defaults } from '../../web/src/state/schema';
import { playgroundTable, trainerConfig, type PlaygroundState } from '../../web/src/state/playground';
import { axeViolations, engine, sidewaysOverflow, watchErrors, widgetReady } from './helpers';

interface NodeTrainer { configure(json: string): string; stepEpochs(n: number): boolean; stepBatches(n: number): number; statusJson(): string; delete(): void }

/** The engine's status after `epochs` epochs then `batches` batches of the page's default settings changed by `change`. */
function engineStatus(change: Partial<PlaygroundState>, epochs: number, batches = 0): { train: { loss: number }; test: { loss: number; accuracy: number }; steps: number } {
  const m = engine() as unknown as { Trainer: new () => NodeTrainer };
  const t = new m.Trainer();
  try {
    const state = { ...(defaults(playgroundTable(['tanh', 'relu'])) as PlaygroundState), ...change };
    expect(t.configure(JSON.stringify(trainerConfig(state)))).toBe('');
    if (epochs > 0) t.stepEpochs(epochs);
    if (batches > 0) t.stepBatches(batches);
    return JSON.parse(t.statusJson()) as ReturnType<typeof engineStatus>;
  } finally { t.delete(); }
}

const numberAttr = async (page: Page, name: string): Promise<number> => Number(await page.locator('#widget').getAttribute(`data-${name}`));

test('XOR: Play trains a small network to at least 95 % test accuracy, and Pause stops it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('playground.html?data=xor&noise=0&units=8,8&opt=adam&speed=fast');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => numberAttr(page, 'test-accuracy'), { timeout: 60_000 }).toBeGreaterThanOrEqual(0.95);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-playing', 'false');
  const epoch = await numberAttr(page, 'epoch');
  expect(epoch).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(await numberAttr(page, 'epoch')).toBe(epoch);
  await expect(page.getByRole('img', { name: /Decision map .* XOR data after \d+ epochs/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Loss per epoch/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('at epoch 0 the loss chart shows its one point per series as a dot, and a line once training has a second point', async ({ page }) => {
  await page.goto('playground.html');
  await widgetReady(page);
  await expect(page.getByText('Epoch', { exact: true }).locator('..')).toContainText('0');
  // Pixels of the first series' colour (--s0, the train loss) on the chart's canvas: a lone point was
  // drawn as nothing before (uPlot draws a line between two points and no marker).
  const seriesPixels = () => page.locator('.pg-chart-area canvas').first().evaluate((c: HTMLCanvasElement) => {
    const probe = document.createElement('div');
    probe.style.color = 'var(--s0)';
    document.body.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
    probe.remove();
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 30 && px[i + 3]! > 200) n++;
    return n;
  });
  await expect.poll(seriesPixels).toBeGreaterThan(10);
  const dot = await seriesPixels();
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect.poll(seriesPixels).not.toBe(dot);
});

test('Step an epoch, Step a batch and Reset give the engine’s exact losses; Reset returns to the same initial weights', async ({ page }) => {
  await page.goto('playground.html');
  await widgetReady(page);
  const start = engineStatus({}, 0);
  expect(await numberAttr(page, 'train-loss')).toBe(start.train.loss);
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '2');
  const two = engineStatus({}, 2);
  expect(await numberAttr(page, 'train-loss')).toBe(two.train.loss);
  expect(await numberAttr(page, 'test-loss')).toBe(two.test.loss);
  await page.getByRole('button', { name: 'Step a batch' }).click();
  const batch = engineStatus({}, 2, 1);
  await expect(page.locator('#widget')).toHaveAttribute('data-steps', String(batch.steps));
  expect(await numberAttr(page, 'train-loss')).toBe(batch.train.loss);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '0');
  expect(await numberAttr(page, 'train-loss')).toBe(start.train.loss);
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '2');
  expect(await numberAttr(page, 'test-loss')).toBe(two.test.loss);
  await expect(page.getByText('Test accuracy', { exact: true })).toBeVisible();
});

test('learning rate 10 on the regression plane breaks training: the page says where and why, and “reset with learning rate ÷ 10” fixes it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('playground.html?data=plane&lr=10');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const alert = page.locator('.pg-diverged');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/Training stopped at step \d+ \(epoch 1\): the first non-finite value \(NaN or infinity\) appeared in the loss/);
  await expect(alert).toContainText('Likely cause:');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  await page.getByRole('button', { name: 'Reset with learning rate ÷ 10' }).click();
  await expect(alert).toBeHidden();
  await expect(page).toHaveURL(/lr=1(&|$)/);
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '0');
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  expect(await numberAttr(page, 'train-loss')).toBe(engineStatus({ data: 'plane', lr: 1 }, 1).train.loss);
  expect(errors).toEqual([]);
});

test('keyboard only: Tab reaches Play, Space starts and pauses; a changed setting goes into the link and starts afresh', async ({ page }) => {
  await page.goto('playground.html');
  await widgetReady(page);
  const play = page.getByRole('button', { name: 'Play' });
  await play.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(play).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#widget')).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('Space');
  await expect(page.locator('#widget')).toHaveAttribute('data-playing', 'false');
  await page.locator('#widget .pg-controls [data-state-key="data"] select').focus();
  await page.keyboard.press('ArrowDown'); // Circle → XOR
  await expect(page).toHaveURL(/data=xor/);
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '0');
  await page.getByRole('button', { name: 'Add a layer' }).press('Enter');
  await expect(page).toHaveURL(/units=4,4,4/);
});

test('a preset loads its settings: XOR with a linear network cannot be learned, with ReLU it can', async ({ page }) => {
  await page.goto('playground.html');
  await widgetReady(page);
  await page.getByLabel('Preset (replaces every setting)').selectOption({ label: 'XOR with a linear network (no bend)' });
  await expect(page).toHaveURL(/data=xor&noise=0&units=8,8&act=identity/);
  await widgetReady(page);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '5');
  expect(await numberAttr(page, 'test-accuracy')).toBeLessThan(0.75);
  expect(await numberAttr(page, 'test-accuracy')).toBe(engineStatus({ data: 'xor', noise: 0, units: ['8', '8'], act: ['identity'] }, 5).test.accuracy);
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [360, 1280]) {
    test(`axe WCAG 2.2 AA, ${theme}, ${width} px, and nothing wider than the window`, async ({ page }) => {
      test.setTimeout(120_000);  // axe over the page and its views inside the network: ~20 s on the loaded shared machine
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('playground.html?test=1');
      await widgetReady(page);
      await page.getByRole('button', { name: 'Step an epoch' }).click();
      await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await sidewaysOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('embed: a teacher’s link hides the network controls and locks the learning rate', async ({ page }) => {
  await page.goto('embed/playground.html?hide=units,act&lock=lr');
  await widgetReady(page);
  await expect(page.getByRole('button', { name: 'Add a layer' })).toHaveCount(0);
  await expect(page.getByLabel('Activation (every hidden layer)')).toHaveCount(0);
  await expect(page.getByLabel('Learning rate')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
});
